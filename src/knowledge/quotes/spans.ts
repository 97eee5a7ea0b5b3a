/** Step 1: the quoted spans of a paragraph, from its quote marks. */
import { isDigit, isQuoteMark, isSpace, isWordChar } from './tokens.js';

// ---------------------------------------------------------------------------------------------
// Step 1: quoted spans.

export type Family = 'double' | 'single';
export type OpenEntry = { readonly index: number; readonly family: Family; readonly straight: boolean };

/** An outermost quoted span of a paragraph. Offsets into `Source.content`. */
export type Span = {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark; null when the quote runs on into the next paragraph. */
  readonly close: number | null;
  readonly textStart: number;
  readonly textEnd: number;
};

export type Action = { readonly kind: 'open' | 'close'; readonly family: Family } | null;

/**
 * What a quote mark does here, from the mark itself and the characters around it (the way
 * CommonMark decides emphasis): a mark followed by a word and preceded by a space can open, one
 * preceded by a word and followed by a space or punctuation can close.
 */
export function markAction(text: string, i: number, openDoubles: number, openSingles: number, lastSingleCloser: number): Action {
  const c = text[i] as string;
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + 1];
  const openSide = !isSpace(next) && (prev === undefined || isSpace(prev) || /[([{\-–—/:]/u.test(prev) || isQuoteMark(prev));
  const closeSide = !isSpace(prev) && (next === undefined || isSpace(next) || /[\p{P}\p{S}]/u.test(next));
  switch (c) {
    case '”':
    case '»':
      // A closing mark closes whatever double quote is open, even as `, ”kata` (space before it).
      if (openDoubles > 0) return { kind: 'close', family: 'double' };
      return openSide ? { kind: 'open', family: 'double' } : null;
    case '“':
    case '«':
    case '„':
    case '‟':
      // “ also closes („…“ in German, or a mistyped “…“) when it sits where a closing mark sits.
      if (c !== '„' && c !== '‟' && openDoubles > 0 && closeSide && !openSide) return { kind: 'close', family: 'double' };
      if (next === undefined) return openDoubles > 0 ? { kind: 'close', family: 'double' } : null;
      return { kind: 'open', family: 'double' };
    case '"':
    case '＂':
      if (closeSide && !openSide) return openDoubles > 0 ? { kind: 'close', family: 'double' } : null;
      if (openSide && !closeSide) return { kind: 'open', family: 'double' };
      if (openDoubles > 0) return { kind: 'close', family: 'double' };
      return next === undefined ? null : { kind: 'open', family: 'double' };
    case '‘':
    case '‹':
    case '‚':
      if (isWordChar(prev) && isWordChar(next)) return null; // Qur‘an
      if (isDigit(next)) return null; // ‘90s, typed with the wrong mark
      if (c !== '‚' && openSingles > 0 && closeSide && !openSide) return { kind: 'close', family: 'single' };
      return openSide ? { kind: 'open', family: 'single' } : null;
    case '’':
    case '›':
      if (isWordChar(prev) && isWordChar(next)) return null; // don’t, Ma’ruf
      if (isDigit(next)) return null; // ’90s
      if (pluralPossessive(text, i, lastSingleCloser)) return null;
      return openSingles > 0 && !isSpace(prev) ? { kind: 'close', family: 'single' } : null;
    case "'":
      if (isWordChar(prev) && isWordChar(next)) return null; // don't, Qur'an, Ma'ruf
      if (isDigit(next) && isSpace(prev)) return null; // '09
      if (pluralPossessive(text, i, lastSingleCloser)) return null;
      if (closeSide && !openSide) return openSingles > 0 ? { kind: 'close', family: 'single' } : null; // students'
      return openSide && !closeSide ? { kind: 'open', family: 'single' } : null;
    default:
      return null;
  }
}

/**
 * `the students’ demands` inside ‘…’: an `s’` followed by a lower-case word is a plural
 * possessive, not the end of the quote, as long as a later mark can still close it.
 */
export function pluralPossessive(text: string, i: number, lastSingleCloser: number): boolean {
  return i < lastSingleCloser && text[i - 1] === 's' && /^\s\p{Ll}/u.test(text.slice(i + 1, i + 3));
}

export const QUOTE_MARK_RE = /["＂“”„‟«»'‘’‚‹›]/gu;

/**
 * Outermost quoted spans of the paragraph `content[start, end)`. A quote still open at the end
 * of the paragraph is kept only when `nextOpensQuote` (the English convention for a quote over
 * several paragraphs: no closing mark, and the next paragraph opens again); otherwise we cannot
 * tell where it ends, and nothing is better than a guess.
 */
export function findSpans(content: string, start: number, end: number, nextOpensQuote: boolean): Span[] {
  const text = content.slice(start, end);
  const spans: Span[] = [];
  const stack: OpenEntry[] = [];
  const open = { double: 0, single: 0 };
  // Where the last mark that could close a double quote stands (see the curly-after-straight rule),
  // and the last single mark that is not inside a word (an apostrophe in `don’t` closes nothing).
  const lastDoubleCloser = Math.max(...[...'"＂”»“'].map((c) => text.lastIndexOf(c)));
  let lastSingleCloser = -1;
  for (const m of text.matchAll(/['’›]/gu)) {
    if (!isSpace(text[m.index - 1]) && !isWordChar(text[m.index + 1])) lastSingleCloser = m.index;
  }
  const emit = (openAt: number, closeAt: number | null) => {
    const from = openAt + 1;
    const to = closeAt ?? text.length;
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) return;
    spans.push({
      open: start + openAt,
      close: closeAt === null ? null : start + closeAt,
      textStart: start + from + lead,
      textEnd: start + from + lead + trimmed.length,
    });
  };
  for (const m of text.matchAll(QUOTE_MARK_RE)) {
    const i = m.index;
    const action = markAction(text, i, open.double, open.single, lastSingleCloser);
    if (action === null) continue;
    if (action.kind === 'open') {
      // A missing closing mark: `said, “The faster … today. “He has not …,” he said.` A curly
      // opening mark that starts a new sentence while the only open quote is a curly double one,
      // with too few closing marks left for both, ends the first quote where the new one opens.
      const only = stack.length === 1 ? stack[0] : undefined;
      if (only && !only.straight && action.family === 'double' && only.family === 'double' && (m[0] === '“' || m[0] === '«') && /[.!?…]\s+$/u.test(text.slice(0, i))) {
        const closers = [...text.slice(i + 1)].filter((c) => c === '”' || c === '»').length;
        if (closers < 2) {
          stack.pop();
          open.double--;
          emit(only.index, i);
        }
      }
      stack.push({ index: i, family: action.family, straight: m[0] === '"' || m[0] === "'" || m[0] === '＂' });
      open[action.family]++;
      continue;
    }
    let j = -1;
    for (let k = stack.length - 1; k >= 0; k--) {
      if ((stack[k] as OpenEntry).family === action.family) {
        j = k;
        break;
      }
    }
    if (j < 0) continue;
    // A curly closing mark after a straight opening one, with no other closing mark to come: the
    // straight mark was a stray, and this mark closes the outermost quote (`“A "b c,” kata X`).
    const top = stack[j] as OpenEntry;
    const firstSame = stack.findIndex((e) => e.family === action.family);
    const curlyClose = m[0] === '”' || m[0] === '»';
    if (curlyClose && top.straight && firstSame < j && !(stack[firstSame] as OpenEntry).straight && i >= lastDoubleCloser) {
      j = firstSame;
    }
    const opened = stack[j] as OpenEntry;
    for (const e of stack.splice(j)) open[e.family]--;
    if (stack.length === 0) emit(opened.index, i);
  }
  const bottom = stack[0];
  if (bottom && bottom.family === 'double' && nextOpensQuote) emit(bottom.index, null);
  return spans;
}
