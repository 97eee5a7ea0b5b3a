/**
 * Direct quotes in a source, verbatim, with their speakers. Pure functions, no I/O.
 *
 * Three steps, one source at a time:
 * 1. Spans: a small stack machine over the quote marks of each paragraph finds the outermost
 *    quoted spans (nested quotes stay inside their outer quote; apostrophes are not marks).
 * 2. Attribution: the words right after a span (`," kata Aliyev`, `," she said`) or right before
 *    it (`Menurut X, "`, `X mengatakan, "`, a lead-in ending in `:`) name the speaker, a pronoun,
 *    a role, or nothing. Short spans with no attribution are scare quotes and are dropped.
 * 3. Discourse: pronouns (`Ia`, `katanya`, `he said`) and follow-up quotes with no attribution
 *    of their own are resolved against what the article said before.
 *
 * Everything here is rules, no statistics: each rule says why it holds in news text.
 *
 * Files: `spans.ts` (step 1); `tokens.ts`, `names.ts` (tokens, sentences, what a capitalized
 * run names) and `titles.ts` (roles such as `the PM`, `kata Menlu RI`); `subjects.ts`,
 * `sentence-subjects.ts` and `attribution.ts` (step 2); `referents.ts` and `discourse.ts` (step 3);
 * `paragraphs.ts` (a paragraph as the steps see it); `lexicon.ts` (the word lists). This file puts
 * them together.
 */
import type { Passage, Quote, Source } from '../model.js';
import type { ActorMatcher } from '../actors.js';
import { findAttribution, isQuote } from './attribution.js';
import { Discourse, NOBODY, pronounGender, type Referent, type Speaker } from './discourse.js';
import { makeCtx } from './names.js';
import { isHeadline, maskSpans, type ParagraphInfo, paragraphsOf, sentenceAt } from './paragraphs.js';
import { collectReferents, collectRegistryReferents } from './referents.js';
import { previousSentenceSubject } from './sentence-subjects.js';
import { findSpans, type Span } from './spans.js';
import { type Attribution, type SpeakerRef } from './subjects.js';
import { sentenceStarts } from './tokens.js';

// ---------------------------------------------------------------------------------------------
// Putting it together.

/** How many paragraphs before a quote are read in full for people a pronoun may point back to. */
const NEAR_QUOTE_PARAGRAPHS = 3;

/**
 * Every direct quote in `source`, verbatim, with its speaker.
 *
 * `passages` are the source's passages in order. Each quote's `text` is exactly the characters
 * between its marks (without surrounding spaces): `source.content.slice(q.start, q.end) === q.text`.
 *
 * @example
 * extractQuotes(source, passages, matcher)
 * // [{ id: 'seed#5~1', text: 'Kita harus memulihkan keadilan historis. …', speaker: 'aliyev', speakerName: 'Aliyev', … }]
 */
export function extractQuotes(source: Source, passages: readonly Passage[], matcher: ActorMatcher): Quote[] {
  const { content } = source;
  const ctx = makeCtx(content, matcher);
  const groups = paragraphsOf(passages.filter((p) => p.end <= content.length && p.start >= 0 && p.start <= p.end));
  const paras: ParagraphInfo[] = groups.map((g, i) => {
    const next = groups[i + 1];
    const nextOpens = next !== undefined && /^\s*["＂“„«‟]/u.test(content.slice(next.start, next.end));
    // A headline quotes in shorthand, and its speaker is named only in the article below.
    const spans = i === 0 && isHeadline(content, g.start, g.end) ? [] : findSpans(content, g.start, g.end, nextOpens);
    const masked = maskSpans(content, g.start, g.end, spans);
    return { number: g.number, start: g.start, end: g.end, spans, masked, sentences: sentenceStarts(masked).map((s) => s + g.start) };
  });

  const discourse = new Discourse(matcher);
  const quotes: Quote[] = [];
  const perPassage = new Map<string, number>();
  let previousParagraphLast: { speaker: Speaker; continued: boolean; lastSentence: boolean } | null = null;

  paras.forEach((para, p) => {
    discourse.startParagraph();
    // Pronouns look back a few paragraphs at most: read the full cast only near quotes.
    const nearQuote = paras.slice(p, p + NEAR_QUOTE_PARAGRAPHS + 1).some((x) => x.spans.length > 0);
    const referents = nearQuote ? collectReferents(ctx, para, discourse) : collectRegistryReferents(ctx, para);
    let r = 0;
    const addReferentsBefore = (pos: number) => {
      while (r < referents.length && (referents[r] as Referent).at < pos) discourse.add(referents[r++] as Referent);
    };
    // A role (`the PM`, `kata Menlu RI`) names its holder; a name only inside the role phrase is the role misread (`PM`).
    const roleHolder = (ref: SpeakerRef, pos: number): Speaker | null => {
      if (!ref.title || ref.titleFrom === undefined || ref.titleTo === undefined) return null;
      if (ref.kind === 'name' && (ref.at < ref.titleFrom || ref.at >= ref.titleTo || discourse.actorFor(ref.name) !== null)) return null;
      return discourse.resolveTitle(pos, ref.title);
    };
    // `he`/`she` stand for a man or a woman: skip anyone known as the other, and remember the answer.
    const resolvePronoun = (ref: SpeakerRef, pos: number): Speaker => {
      const gender = ref.kind === 'pronoun' ? pronounGender(content, ref.at) : null;
      const speaker = discourse.resolve(pos, gender);
      if (gender && speaker.name !== null) discourse.learnGender(speaker.name, gender);
      return speaker;
    };
    const accepted: { k: number; attribution: Attribution | null }[] = [];
    para.spans.forEach((_, k) => {
      const attribution = findAttribution(ctx, paras, p, k);
      if (isQuote(ctx, para, k, attribution)) accepted.push({ k, attribution });
    });
    // Own attributions first, in order, so pronouns see the speakers before them.
    const speakers: (Speaker | null)[] = [];
    for (const { k, attribution } of accepted) {
      const span = para.spans[k] as Span;
      addReferentsBefore(span.open);
      let speaker: Speaker | null = null;
      const viaTitle = attribution ? roleHolder(attribution.ref, span.open) : null;
      if (viaTitle) speaker = viaTitle;
      else if (attribution) {
        const ref = attribution.ref;
        if (ref.kind === 'name') speaker = { actorId: discourse.actorFor(ref.name), name: ref.name };
        else if (ref.kind === 'role') speaker = { actorId: null, name: ref.phrase };
        else speaker = resolvePronoun(ref, span.open);
      }
      speakers.push(speaker);
      if (speaker && (speaker.name || speaker.actorId)) {
        const ref = attribution?.ref;
        const kind = viaTitle ? 'person' : ref?.kind === 'name' && ref.org ? 'org' : ref?.kind === 'role' ? 'role' : 'person';
        const at = Math.min(ref?.at ?? span.open, span.textEnd);
        discourse.add({ at, sentence: sentenceAt(para, span.open), name: speaker.name, actorId: speaker.actorId, kind, spoke: true });
      }
    }
    // Quotes with no attribution of their own: the quote before them in the paragraph, else the
    // next attributed one in it, else a quote running on from the paragraph before, else the
    // last quote of the paragraph before when it closed that paragraph.
    accepted.forEach((_, i) => {
      if (speakers[i] !== null) return;
      const before = speakers.slice(0, i).reverse().find((s) => s !== null);
      if (before) {
        speakers[i] = before;
        return;
      }
      const after = speakers.slice(i + 1).find((s) => s !== null);
      const first = (accepted[0] as { k: number }).k === (accepted[i] as { k: number }).k;
      const span = para.spans[(accepted[i] as { k: number }).k] as Span;
      const opensParagraph = !/[\p{L}\p{N}]/u.test(content.slice(para.start, span.open));
      if (first && opensParagraph && previousParagraphLast && (previousParagraphLast.continued || previousParagraphLast.lastSentence)) {
        speakers[i] = previousParagraphLast.speaker;
        return;
      }
      if (after) {
        speakers[i] = after;
        return;
      }
      const subject = previousSentenceSubject(ctx, para, span, discourse);
      speakers[i] = subject?.kind === 'name' ? { actorId: discourse.actorFor(subject.name), name: subject.name }
        : subject?.kind === 'pronoun' || subject?.kind === 'anaphor' ? resolvePronoun(subject, subject.at)
          : NOBODY;
    });
    addReferentsBefore(para.end + 1);

    accepted.forEach(({ k }, i) => {
      const span = para.spans[k] as Span;
      const speaker = speakers[i] ?? NOBODY;
      const passage = groups[p]?.passages.find((ps) => span.textStart >= ps.start && span.textStart < ps.end)
        ?? [...(groups[p]?.passages ?? [])].reverse().find((ps) => ps.start <= span.textStart)
        ?? groups[p]?.passages[0];
      if (!passage) return;
      const n = (perPassage.get(passage.id) ?? 0) + 1;
      perPassage.set(passage.id, n);
      quotes.push({
        id: `${passage.id}~${n}`,
        text: content.slice(span.textStart, span.textEnd),
        sourceId: source.id,
        passageId: passage.id,
        start: span.textStart,
        end: span.textEnd,
        speaker: speaker.actorId,
        speakerName: speaker.name,
      });
    });

    // A quote left open at the end of the paragraph continues in the next one (same speaker).
    const lastAccepted = accepted[accepted.length - 1];
    const lastSpan = lastAccepted ? (para.spans[lastAccepted.k] as Span) : undefined;
    const lastSentenceStart = para.sentences[para.sentences.length - 1] ?? para.start;
    previousParagraphLast = lastSpan
      ? { speaker: speakers[speakers.length - 1] ?? NOBODY, continued: lastSpan.close === null, lastSentence: lastSpan.open >= lastSentenceStart }
      : null;
  });
  backfillContinuedQuotes(quotes, paras, content);
  return quotes;
}

/**
 * A quote over several paragraphs often names its speaker only at the end (`… agreement," she
 * said.`): the earlier, open-ended parts take the speaker of the part that closes.
 */
function backfillContinuedQuotes(quotes: Quote[], paras: readonly ParagraphInfo[], content: string): void {
  const openEnded = new Set<number>();
  for (const para of paras) for (const s of para.spans) if (s.close === null) openEnded.add(s.textStart);
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i] as Quote;
    const next = quotes[i + 1] as Quote;
    if (!openEnded.has(q.start) || q.speakerName !== null || q.speaker !== null) continue;
    if (!/^[\s"＂“„«‟]*$/u.test(content.slice(q.end, next.start))) continue;
    quotes[i] = { ...q, speaker: next.speaker, speakerName: next.speakerName };
  }
}
