/**
 * `/actor name`: what an actor does and says, curated positions first, then the evidence.
 */
import { resolveActor } from '../knowledge/actors.js';
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Actor, Locale, Mention, Passage, Quote } from '../knowledge/model.js';
import type { Reply, ReplySection, Suggestion } from './reply.js';
import { foldText, words } from '../text.js';
import { cite, citeIds, cleanInput, echo, excerpt, invalidInput, reply, section } from './common.js';

/** At most this many sections (positions and evidence) in an /actor reply, over its pages. */
export const MAX_ACTOR_SECTIONS = 60;

/** The actor and the people who speak for it (Azerbaijan and Aliyev). */
export function actorFamily(kb: KnowledgeBase, actorId: string): Set<string> {
  return new Set([actorId, ...kb.actors.filter((a) => a.affiliation === actorId).map((a) => a.id)]);
}

/** Name of an actor in the reply language. */
export function actorName(actor: Actor, locale: Locale): string {
  return actor.names[locale];
}

// Words that may stand before the subject of a sentence without making it a mere mention.
const SUBJECT_LEAD = new Set(
  [
    'presiden',
    'perdana',
    'menteri',
    'pasukan',
    'pemerintah',
    'kepemimpinan',
    'tentara',
    'militer',
    'tapi',
    'namun',
    'sementara',
    'kemudian',
    'lalu',
    'the',
    'but',
    'president',
    'prime',
    'minister',
    'forces',
    'troops',
    'government',
    'leader',
    'then',
    'meanwhile',
    'and',
    'dan',
    'kini',
    'now',
  ].map(foldText),
);
const VERB_AFTER =
  /^(?:me[mngy]?|ber|ter|di(?!a\b)|telah|akan|masih|sedang|sudah|tidak|pernah|terus|juga|harus|said|says|asked|asks|told|has|have|had|will|would|is|was|did|does|called|calls|warned|wants|\p{L}+ed|\p{L}+s)\p{L}*$/u;

/** Whether the actor is the one acting in the sentence of a mention: sentence-initial subject or followed by a verb. */
function acts(passage: Passage, mention: Mention): boolean {
  const localStart = mention.start - passage.start;
  const localEnd = mention.end - passage.start;
  const before = passage.text.slice(0, localStart);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), -1) + 1;
  const lead = words(before.slice(sentenceStart)).map((w) => foldText(w.word));
  if (lead.every((w) => SUBJECT_LEAD.has(w)) && lead.length <= 2) return true;
  const next = words(passage.text.slice(localEnd, localEnd + 40))[0];
  return next !== undefined && VERB_AFTER.test(foldText(next.word)) && !/^[,.;:]/.test(passage.text.slice(localEnd).trimStart());
}

/** Quotes spoken by any of `speakers`, in source order. */
export function quotesBy(kb: KnowledgeBase, speakers: ReadonlySet<string>): Quote[] {
  return kb.quotes.filter((q) => q.speaker !== null && speakers.has(q.speaker));
}

function quoteSection(kb: KnowledgeBase, quote: Quote, locale: Locale): ReplySection {
  const passage = kb.passageById.get(quote.passageId);
  const speaker = quote.speaker ? kb.actorById.get(quote.speaker) : undefined;
  const name = speaker ? actorName(speaker, locale) : (quote.speakerName ?? '?');
  return section(t(locale, 'actor.quote', { speaker: name }), `“${quote.text}”`, passage ? [cite(kb, passage)] : []);
}

function answerKnownActor(kb: KnowledgeBase, actor: Actor, locale: Locale): Reply {
  const family = actorFamily(kb, actor.id);
  const sections: ReplySection[] = actor.positions.map((p) =>
    section(t(locale, 'actor.position'), p.text[locale], citeIds(kb, p.evidence)),
  );
  const mentionsOf = (passageId: string) => (kb.mentionsByPassage.get(passageId) ?? []).filter((m) => family.has(m.actorId));
  const passageIds = [...new Set([...family].flatMap((id) => (kb.mentionsByActor.get(id) ?? []).map((m) => m.passageId)))];
  const passages = passageIds.map((id) => kb.passageById.get(id)).filter((p): p is Passage => p !== undefined);
  passages.sort((a, b) => (kb.passageOrder.get(a.id) ?? 0) - (kb.passageOrder.get(b.id) ?? 0));
  const quotes = quotesBy(kb, family);
  const quotedPassages = new Set(quotes.map((q) => q.passageId));
  // Sections are made lazily: an actor named in thousands of passages shows the first MAX_ACTOR_SECTIONS.
  const acting: (() => ReplySection)[] = [];
  const mentioned: (() => ReplySection)[] = [];
  const room = Math.max(0, MAX_ACTOR_SECTIONS - sections.length);
  for (const passage of passages) {
    // Acting passages come first: once they fill the reply, the rest cannot be shown anyway.
    if (acting.length >= room) break;
    if (quotedPassages.has(passage.id)) continue;
    const ms = mentionsOf(passage.id);
    const make = (heading: string) => () =>
      section(
        heading,
        excerpt(
          passage.text,
          ms.map((m) => [m.start - passage.start, m.end - passage.start] as const),
        ),
        [cite(kb, passage)],
      );
    if (ms.some((m) => acts(passage, m))) acting.push(make(t(locale, 'actor.acts')));
    else mentioned.push(make(t(locale, 'actor.mention')));
  }
  const evidence = [...acting, ...quotes.map((q) => () => quoteSection(kb, q, locale)), ...mentioned];
  sections.push(...evidence.slice(0, room).map((make) => make()));
  const sourceCount = new Set(passages.map((p) => p.sourceId)).size;
  const description = actor.description ? `${actor.description[locale]}\n` : '';
  const otherName = actor.names[locale === 'en' ? 'id' : 'en'];
  const title = otherName !== actorName(actor, locale) ? `${actorName(actor, locale)} (${otherName})` : actorName(actor, locale);
  return reply({
    status: 'ok',
    locale,
    command: 'actor',
    title,
    intro: t(locale, 'actor.intro', { description, passages: passages.length, sources: sourceCount, quotes: quotes.length }),
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
