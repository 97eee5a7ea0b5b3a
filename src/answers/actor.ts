/**
 * `/actor name`: what an actor does and says, curated positions first, then the evidence.
 */
import { t } from '../i18n.js';
import { MAX_ACTOR_EVIDENCE, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { EvidenceItem } from '../knowledge/actor-evidence.js';
import type { Actor, Locale, Localized, Quote } from '../knowledge/model.js';
import { lookupName } from './names.js';
import { preparedReply } from './prepared.js';
import type { Reply, ReplySection, Suggestion } from './reply.js';
import { cite, citeIds, cleanInput, echo, excerpt, invalidInput, reply, section } from './common.js';

/** At most this many sections (description, positions and evidence) in an /actor reply, over its pages. */
export const MAX_ACTOR_SECTIONS = MAX_ACTOR_EVIDENCE;

/** The actor and the people who speak for it (Azerbaijan and Aliyev). */
export function actorFamily(kb: KnowledgeBase, actorId: string): Set<string> {
  return new Set(kb.actorEvidence.get(actorId)?.family ?? [actorId]);
}

/** Name of an actor in the reply language. */
export function actorName(actor: Actor, locale: Locale): string {
  return actor.names[locale];
}

/** Quotes spoken by the actor or its people, in source order (computed when the knowledge was built). */
export function quotesOf(kb: KnowledgeBase, actorId: string): readonly Quote[] {
  return kb.actorEvidence.get(actorId)?.quotes ?? [];
}

function quoteSection(kb: KnowledgeBase, quote: Quote, locale: Locale): ReplySection {
  const passage = kb.passageById.get(quote.passageId);
  const speaker = quote.speaker ? kb.actorById.get(quote.speaker) : undefined;
  const name = speaker ? actorName(speaker, locale) : (quote.speakerName ?? '?');
  return section(t(locale, 'actor.quote', { speaker: name }), `“${quote.text}”`, passage ? [cite(kb, passage)] : []);
}

const ROLE_HEADING = { acts: 'actor.acts', described: 'actor.described', mention: 'actor.mention' } as const;

function evidenceSection(kb: KnowledgeBase, item: EvidenceItem, quoteById: ReadonlyMap<string, Quote>, locale: Locale): ReplySection[] {
  const passage = kb.passageById.get(item.passageId);
  if (!passage) return [];
  if (item.role === 'quote') {
    const quote = item.quoteId !== undefined ? quoteById.get(item.quoteId) : undefined;
    return quote ? [quoteSection(kb, quote, locale)] : [];
  }
  return [section(t(locale, ROLE_HEADING[item.role]), excerpt(passage.text, item.ranges), [cite(kb, passage)])];
}

/**
 * An actor's reply: its description and the teacher's positions (each with its evidence), then
 * the passages that best show what it does and says, as ranked when the knowledge was built.
 */
function answerKnownActor(kb: KnowledgeBase, actor: Actor, locale: Locale): Reply {
  const evidence = kb.actorEvidence.get(actor.id);
  const curated: ReplySection[] = [
    ...(actor.description && actor.descriptionEvidence
      ? [section(t(locale, 'actor.description'), actor.description[locale], citeIds(kb, actor.descriptionEvidence))]
      : []),
    ...actor.positions.map((p) => section(t(locale, 'actor.position'), p.text[locale], citeIds(kb, p.evidence))),
  ];
  const quoteById = new Map((evidence?.quotes ?? []).map((q) => [q.id, q]));
  const room = Math.max(0, MAX_ACTOR_SECTIONS - curated.length);
  const sections = [...curated, ...(evidence?.items ?? []).slice(0, room).flatMap((item) => evidenceSection(kb, item, quoteById, locale))];
  const otherName = actor.names[locale === 'en' ? 'id' : 'en'];
  const title = otherName !== actorName(actor, locale) ? `${actorName(actor, locale)} (${otherName})` : actorName(actor, locale);
  return reply({
    status: 'ok',
    locale,
    command: 'actor',
    title,
    intro: t(locale, 'actor.intro', {
      passages: evidence?.passageCount ?? 0,
      sources: evidence?.sourceCount ?? 0,
      quotes: evidence?.quotes.length ?? 0,
    }),
    sections,
  });
}

/** Suggestions that ask `/actor` for each actor. */
export function actorSuggestions(actors: readonly Actor[], locale: Locale): Suggestion[] {
  return actors.map((a) => ({ label: t(locale, 'suggest.actor', { name: actorName(a, locale) }), command: `/actor ${a.id}` }));
}

/** Suggestions that ask `/actor` for names the articles use, from the country table. */
export function nameSuggestions(names: readonly Localized[], locale: Locale): Suggestion[] {
  return names.map((n) => ({ label: t(locale, 'suggest.actor', { name: n[locale] }), command: `/actor ${n.en.toLowerCase()}` }));
}

/** "Did you mean …?": the actors and names close to what was typed, or the known actors. */
export function didYouMean(kb: KnowledgeBase, suggestions: readonly Actor[], names: readonly Localized[], locale: Locale): string {
  const close = [...suggestions.map((a) => actorName(a, locale)), ...names.map((n) => n[locale])];
  return close.length > 0
    ? t(locale, 'actor.didYouMean', { names: close.join(', ') })
    : t(locale, 'actor.known', { names: kb.actors.map((a) => actorName(a, locale)).join(', ') });
}

/** `/actor name`. */
export function answerActor(kb: KnowledgeBase, name: string | undefined, locale: Locale): Reply {
  const input = cleanInput(name);
  if (!input.ok) return invalidInput('actor', locale, input, '/actor russia', name);
  const found = lookupName(kb, input.text);
  if (found.kind === 'actor') {
    const actor = found.actor;
    return preparedReply(kb, `actor\u0000${actor.id}\u0000${locale}`, () => answerKnownActor(kb, actor, locale));
  }
  if (found.kind === 'unlisted') {
    const shown = echo(found.name[locale]);
    return reply({
      status: 'ok',
      locale,
      command: 'actor',
      title: t(locale, 'actor.unlisted.title', { query: shown }),
      intro: [
        t(locale, 'actor.unlisted.intro', { query: shown, passages: found.passages.length }),
        ...(found.suggestions.length > 0 ? [didYouMean(kb, found.suggestions, [], locale)] : []),
      ].join('\n'),
      sections: found.passages
        .slice(0, MAX_ACTOR_SECTIONS)
        .map(({ passage, ranges }) => section(t(locale, 'actor.mention'), excerpt(passage.text, ranges), [cite(kb, passage)])),
      suggestions: actorSuggestions(found.suggestions, locale),
    });
  }
  return reply({
    status: 'not-found',
    locale,
    command: 'actor',
    title: t(locale, 'actor.unknown.title', { query: echo(input.text) }),
    intro: `${t(locale, 'actor.unknown.intro')}\n${didYouMean(kb, found.suggestions, found.names, locale)}`,
    suggestions: [...actorSuggestions(found.suggestions, locale), ...nameSuggestions(found.names, locale)],
  });
}
