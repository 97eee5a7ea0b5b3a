/** Paragraphs as the extractor sees them: their spans, the text with spans blanked, their sentences. */
import type { Passage } from '../model.js';
import { type Ctx } from './names.js';
import { type Span } from './spans.js';
import { type Token, tokenize, wordCount } from './tokens.js';

export type ParagraphInfo = {
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly spans: Span[];
  /** Paragraph text with quoted spans blanked (`_`), keeping a span's final `.!?` and closing mark. */
  readonly masked: string;
  /** Absolute offsets where sentences start. */
  readonly sentences: readonly number[];
};

export function sentenceAt(para: ParagraphInfo, pos: number): number {
  let s = para.start;
  for (const start of para.sentences) {
    if (start <= pos) s = start;
    else break;
  }
  return s;
}

/** Tokens of `content[from, to)` with absolute offsets. */
export const tokensOf = (ctx: Ctx, from: number, to: number): Token[] => tokenize(ctx.content.slice(from, to), from);

export function paragraphsOf(passages: readonly Passage[]): { number: number; start: number; end: number; passages: Passage[] }[] {
  const out: { number: number; start: number; end: number; passages: Passage[] }[] = [];
  for (const p of passages) {
    const last = out[out.length - 1];
    if (last && last.number === p.paragraph) {
      last.passages.push(p);
      last.end = Math.max(last.end, p.end);
    } else {
      out.push({ number: p.paragraph, start: p.start, end: p.end, passages: [p] });
    }
  }
  return out;
}

export function maskSpans(content: string, start: number, end: number, spans: readonly Span[]): string {
  let out = '';
  let pos = start;
  for (const s of spans) {
    const last = s.close ?? end;
    // Keep a final `.!?` so that `"…." Next sentence` still splits; same length, so offsets hold.
    const final = content[s.textEnd - 1] ?? '';
    const keep = s.close !== null && /[.!?…]/u.test(final);
    out += content.slice(pos, s.open) + '_'.repeat((keep ? s.textEnd - 1 : last) - s.open);
    if (keep) out += final + '_'.repeat(last - s.textEnd);
    pos = last;
  }
  return out + content.slice(pos, end);
}

/** Words in a headline, at most: a longer first paragraph is a lead that lost its full stop. */
export const MAX_HEADLINE_WORDS = 30;

/** Whether the first paragraph is a headline: a short line with no final punctuation (`Closure paused after 'town refused to be quiet'`). */
export function isHeadline(content: string, start: number, end: number): boolean {
  const text = content.slice(start, end).replace(/[\s"＂“”„‟«»'‘’‚‹›)\]]+$/u, '');
  return !/[.!?…:;,]$/u.test(text) && wordCount(text) <= MAX_HEADLINE_WORDS;
}
