/**
 * `/quote speaker [topic]`: a speaker's direct quotes, verbatim, each with its source.
 */
import { resolveActor, type ActorResolution } from '../knowledge/actors.js';
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale, Quote } from '../knowledge/model.js';
import { REPLY_BUDGET, renderedLength, truncateRendered, type Reply, type ReplySection } from './reply.js';
import { foldText } from '../text.js';
import { actorName, actorSuggestions, quotesOf } from './actor.js';
import { cite, cleanInput, echo, invalidInput, reply } from './common.js';
import { preparedReply } from './prepared.js';

/** Longest piece of a quote in one section (rendered length): with one citation it still fits a 1024-character field. */
const QUOTE_PIECE = 840;

/** Splits a quote into pieces at word boundaries; every character is kept, in order. */
export function quotePieces(text: string, max = QUOTE_PIECE): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (renderedLength(rest) > max) {
    let cut = Math.min(rest.length, max);
    while (cut > 1 && renderedLength(rest.slice(0, cut)) > max) cut = Math.floor(cut * 0.9);
    const space = rest.lastIndexOf(' ', cut);
    if (space > cut / 2) cut = space + 1;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** Sections showing one quote verbatim, in as many parts as it needs. */
export function quoteSections(kb: KnowledgeBase, quote: Quote, heading: string, locale: Locale): ReplySection[] {
  const passage = kb.passageById.get(quote.passageId);
  const citations = passage ? [cite(kb, passage)] : [];
  const pieces = quotePieces(quote.text);
  return pieces.map((piece, i) => {
    const open = i === 0 ? '“' : '…';
    const close = i === pieces.length - 1 ? '”' : '…';
    const part = pieces.length > 1 ? ` ${t(locale, 'quote.part', { part: i + 1, parts: pieces.length })}` : '';
    // Not section(): a quote piece is already within budget and must never be truncated.
    return { heading: truncateRendered(`${heading}${part}`, REPLY_BUDGET.heading), body: `${open}${piece}${close}`, citations };
  });
}

function quotesOnTopic(kb: KnowledgeBase, quotes: readonly Quote[], topic: string): Quote[] {
  const passageIds = new Set(quotes.map((q) => q.passageId));
  const hits = kb.index.search(topic, { limit: 1000 }).filter((h) => passageIds.has(h.passageId));
  return quotes.filter((q) => {
    const hit = hits.find((h) => h.passageId === q.passageId);
    const passage = kb.passageById.get(q.passageId);
    if (!hit || !passage) return false;
    const from = q.start - passage.start;
    const to = q.end - passage.start;
    return hit.highlights.some(([a, b]) => a < to && b > from);
  });
}

/** Speakers quoted in the articles, by the name shown for them. */
export function quotedSpeakers(kb: KnowledgeBase, locale: Locale): { name: string; value: string }[] {
  const seen = new Map<string, string>();
  for (const q of kb.quotes) {
    const actor = q.speaker ? kb.actorById.get(q.speaker) : undefined;
    if (actor) seen.set(actor.id, actorName(actor, locale));
    else if (q.speakerName) seen.set(q.speakerName, q.speakerName);
  }
  return [...seen.entries()].map(([value, name]) => ({ name, value }));
}

/** At most this many quotes are shown (the intro gives the full count; `topic` narrows them). */
export const MAX_QUOTES_SHOWN = 60;

/** `/quote speaker [topic]`. A known speaker's quotes without a topic are built once per knowledge base. */
export function answerQuote(kb: KnowledgeBase, speakerInput: string | undefined, topicInput: string | undefined, locale: Locale): Reply {
  const speaker = cleanInput(speakerInput);
  if (!speaker.ok) return invalidInput('quote', locale, speaker, '/quote aliyev', speakerInput);
  const topic = topicInput === undefined || topicInput.trim() === '' ? undefined : cleanInput(topicInput);
  if (topic && !topic.ok) return invalidInput('quote', locale, topic, '/quote aliyev keadilan', topicInput);
  const resolution = resolveActor(kb.matcher, speaker.text);
  if (resolution.kind === 'found' && topic === undefined) {
    return preparedReply(kb, `quote\u0000${resolution.actor.id}\u0000${locale}`, () =>
      quoteReply(kb, speaker.text, undefined, resolution, locale),
    );
  }
  return quoteReply(kb, speaker.text, topic?.ok ? topic.text : undefined, resolution, locale);
}

function quoteReply(
  kb: KnowledgeBase,
  speakerText: string,
  topicText: string | undefined,
  resolution: ActorResolution,
  locale: Locale,
): Reply {
  let quotes: Quote[];
  let speakerName: string;
  if (resolution.kind === 'found') {
    quotes = [...quotesOf(kb, resolution.actor.id)];
    speakerName = actorName(resolution.actor, locale);
  } else {
    // Speakers the registry does not know are matched by the name the article gives.
    const wanted = foldText(speakerText);
    quotes = kb.quotes.filter((q) => q.speaker === null && q.speakerName !== null && foldText(q.speakerName).includes(wanted));
    speakerName = quotes[0]?.speakerName ?? speakerText;
    if (quotes.length === 0) {
      const known = quotedSpeakers(kb, locale).map((s) => s.name);
      return reply({
        status: 'not-found',
        locale,
        command: 'quote',
        title: t(locale, 'quote.unknown.title', { query: echo(speakerText) }),
        intro: [
          t(locale, 'quote.unknown.intro'),
          resolution.suggestions.length > 0
            ? t(locale, 'actor.didYouMean', { names: resolution.suggestions.map((a) => actorName(a, locale)).join(', ') })
            : '',
          known.length > 0 ? t(locale, 'quote.speakers', { names: known.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
        suggestions: actorSuggestions(resolution.suggestions, locale).map((s) => ({
          ...s,
          command: s.command.replace('/actor', '/quote'),
        })),
      });
    }
  }
  const all = quotes.length;
  if (topicText !== undefined) quotes = quotesOnTopic(kb, quotes, topicText);
  if (quotes.length === 0) {
    return reply({
      status: 'not-found',
      locale,
      command: 'quote',
      title: t(locale, 'quote.none.title', { speaker: speakerName }),
      intro:
        topicText !== undefined && all > 0
          ? t(locale, 'quote.noneTopic.intro', { speaker: speakerName, count: all, topic: echo(topicText) })
          : t(locale, 'quote.none.intro', { speaker: speakerName }),
    });
  }
  const sections = quotes.slice(0, MAX_QUOTES_SHOWN).flatMap((q) => {
    const byActor = q.speaker ? kb.actorById.get(q.speaker) : undefined;
    const name = byActor ? actorName(byActor, locale) : (q.speakerName ?? speakerName);
    const affiliation = byActor?.affiliation ? kb.actorById.get(byActor.affiliation) : undefined;
    const heading =
      affiliation && resolution.kind === 'found' && resolution.actor.id === affiliation.id
        ? `${name} (${t(locale, 'quote.for', { actor: actorName(affiliation, locale) })})`
        : name;
    return quoteSections(kb, q, heading, locale);
  });
  const intro =
    quotes.length > MAX_QUOTES_SHOWN
      ? t(locale, 'quote.introMore', { count: quotes.length, shown: MAX_QUOTES_SHOWN })
      : t(locale, 'quote.intro', { count: quotes.length });
  return reply({
    status: 'ok',
    locale,
    command: 'quote',
    title:
      topicText !== undefined
        ? t(locale, 'quote.titleTopic', { speaker: speakerName, topic: echo(topicText) })
        : t(locale, 'quote.title', { speaker: speakerName }),
    intro,
    sections,
  });
}
