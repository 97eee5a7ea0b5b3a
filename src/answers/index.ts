/**
 * The core's entry point: a command with its options in, a platform-neutral reply out.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import type { Reply } from './reply.js';
import { answerActor } from './actor.js';
import { answerHelp } from './help.js';
import { answerQuote } from './quote.js';
import { answerScenario } from './scenario.js';
import { answerSearch } from './search.js';
import { answerSource } from './source.js';

export { complete, type Choice } from './complete.js';

/** The commands the core answers, and the options each takes. */
export const COMMAND_OPTIONS = {
  actor: ['name'],
  quote: ['speaker', 'topic'],
  scenario: ['name'],
  search: ['query', 'actor'],
  source: ['id'],
  help: [],
} as const satisfies Record<string, readonly string[]>;

export type CommandName = keyof typeof COMMAND_OPTIONS;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_OPTIONS, name);
}

/** Answers a command. Never throws for any input: bad input is a reply too. */
export function answer(
  kb: KnowledgeBase,
  command: CommandName,
  options: Readonly<Record<string, string | undefined>>,
  locale: Locale,
): Reply {
  switch (command) {
    case 'actor':
      return answerActor(kb, options.name, locale);
    case 'quote':
      return answerQuote(kb, options.speaker, options.topic, locale);
    case 'scenario':
      return answerScenario(kb, options.name, locale);
    case 'search':
      return answerSearch(kb, options.query, options.actor, locale);
    case 'source':
      return answerSource(kb, options.id, locale);
    case 'help':
      return answerHelp(kb, locale);
  }
}
