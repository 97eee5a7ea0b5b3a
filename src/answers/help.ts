/**
 * `/help`: what each command does, with examples taken from the loaded knowledge.
 */
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import type { Reply } from './reply.js';
import { reply, section } from './common.js';

/** `/help`. */
export function answerHelp(kb: KnowledgeBase, locale: Locale): Reply {
  const firstActor = kb.actors.find((a) => a.kind !== 'person') ?? kb.actors[0];
  const firstSpeaker = kb.quotes.find((q) => q.speaker !== null)?.speaker ?? kb.actors.find((a) => a.kind === 'person')?.id ?? 'name';
  const examples = {
    actor: firstActor?.id ?? 'name',
    speaker: firstSpeaker,
    query: kb.glossary[0]?.id[0] ?? 'perang',
    passage: kb.passages[0]?.id ?? 'source#1',
  };
  const commands = ['actor', 'quote', 'scenario', 'search', 'source', 'help'] as const;
  return reply({
    status: 'ok',
    locale,
    command: 'help',
    title: t(locale, 'help.title'),
    intro: t(locale, 'help.intro'),
    sections: commands.map((c) => section(`/${c}`, t(locale, `help.${c}`, examples), [])),
    footer: t(locale, 'help.footer', {
      sources: kb.stats.sources,
      passages: kb.stats.passages,
      actors: kb.stats.actors,
      quotes: kb.stats.quotes,
    }),
    perPage: commands.length,
  });
}
