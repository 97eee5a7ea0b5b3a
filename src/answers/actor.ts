/**
 * `/actor name`: what an actor does and says, curated positions first, then the evidence.
 */
import { resolveActor } from '../knowledge/actors.js';
import { t } from '../i18n.js';
import { MAX_ACTOR_EVIDENCE, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { EvidenceItem } from '../knowledge/actor-evidence.js';
import type { Actor, Locale, Passage, Quote } from '../knowledge/model.js';
import type { Reply, ReplySection, Suggestion } from './reply.js';
import { foldText, words } from '../text.js';
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

/** Passages that name `query` as whole words, for names the registry does not list. */
export function passagesNaming(kb: KnowledgeBase, query: string): { passage: Passage; ranges: [number, number][] }[] {
  const target = words(query).map((w) => foldText(w.word));
  if (target.length === 0) return [];
  const out: { passage: Passage; ranges: [number, number][] }[] = [];
  // The index narrows the candidates; the whole-word check below decides.
  const candidates = kb.index
    .search(query, { limit: 500 })
    .map((hit) => kb.passageById.get(hit.passageId))
    .filter((p): p is Passage => p !== undefined)
    .sort((a, b) => (kb.passageOrder.get(a.id) ?? 0) - (kb.passageOrder.get(b.id) ?? 0));
  for (const passage of candidates) {
    const ws = words(passage.text);
    const ranges: [number, number][] = [];
    for (let i = 0; i + target.length <= ws.length; i++) {
      if (target.every((w, k) => foldText((ws[i + k] as { word: string }).word) === w)) {
        ranges.push([(ws[i] as { start: number }).start, (ws[i + target.length - 1] as { end: number }).end]);
      }
    }
    if (ranges.length > 0) out.push({ passage, ranges });
  }
  return out;
}

/** Suggestions that ask `/actor` for each actor. */
export function actorSuggestions(actors: readonly Actor[], locale: Locale): Suggestion[] {
  return actors.map((a) => ({ label: t(locale, 'suggest.actor', { name: actorName(a, locale) }), command: `/actor ${a.id}` }));
}

/** `/actor name`. */
export function answerActor(kb: KnowledgeBase, name: string | undefined, locale: Locale): Reply {
  const input = cleanInput(name);
  if (!input.ok) return invalidInput('actor', locale, input, '/actor russia', name);
  const resolution = resolveActor(kb.matcher, input.text);
  if (resolution.kind === 'found') return answerKnownActor(kb, resolution.actor, locale);
  const naming = passagesNaming(kb, input.text);
  const didYouMean =
    resolution.suggestions.length > 0
      ? t(locale, 'actor.didYouMean', { names: resolution.suggestions.map((a) => actorName(a, locale)).join(', ') })
      : t(locale, 'actor.known', { names: kb.actors.map((a) => actorName(a, locale)).join(', ') });
  if (naming.length > 0) {
    return reply({
      status: 'ok',
      locale,
      command: 'actor',
      title: t(locale, 'actor.unlisted.title', { query: echo(input.text) }),
      intro: `${t(locale, 'actor.unlisted.intro', { query: echo(input.text), passages: naming.length })}${resolution.suggestions.length > 0 ? `\n${didYouMean}` : ''}`,
      sections: naming.map(({ passage, ranges }) =>
        section(t(locale, 'actor.mention'), excerpt(passage.text, ranges), [cite(kb, passage)]),
      ),
      suggestions: actorSuggestions(resolution.suggestions, locale),
    });
  }
  return reply({
    status: 'not-found',
    locale,
    command: 'actor',
    title: t(locale, 'actor.unknown.title', { query: echo(input.text) }),
    intro: `${t(locale, 'actor.unknown.intro')}\n${didYouMean}`,
    suggestions: actorSuggestions(resolution.suggestions, locale),
  });
}
