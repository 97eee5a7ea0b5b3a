/**
 * Building the prepared replies ahead of the first ask: a reload would otherwise leave the first
 * student who asks about each actor to pay for building its reply (milliseconds per actor on a
 * large folder). The work is cut into one reply at a time with the event loop given back in
 * between, so a bot keeps answering from the knowledge base it serves while the next one warms.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import { answerActor } from './actor.js';
import { answerQuote } from './quote.js';
import { answerScenario } from './scenario.js';

const LOCALES: readonly Locale[] = ['en', 'id'];

const giveBackTheLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Builds `/actor` and `/quote` for every actor and the `/scenario` list, in both languages, into
 * the knowledge base's prepared replies. Resolves with how many replies it built.
 *
 * @example
 * const loaded = await loadKnowledgeBase(dir);
 * if (loaded.ok) await prepareReplies(loaded.kb); // then swap it in
 */
export async function prepareReplies(kb: KnowledgeBase, pause: () => Promise<void> = giveBackTheLoop): Promise<number> {
  let built = 0;
  for (const locale of LOCALES) {
    answerScenario(kb, undefined, locale);
    built += 1;
    for (const actor of kb.actors) {
      await pause();
      answerActor(kb, actor.names.en, locale);
      answerQuote(kb, actor.names.en, undefined, locale);
      built += 2;
    }
  }
  return built;
}
