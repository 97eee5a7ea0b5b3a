/** Characters, tokens, sentences and runs of capitalized words: the text the other steps read. */
import { foldText } from '../../text.js';
import { ABBREVIATIONS, NAME_PARTICLES } from './lexicon.js';

// ---------------------------------------------------------------------------------------------
// Characters.

export const DOUBLE_MARKS = '"＂“”„‟«»';
export const SINGLE_MARKS = "'‘’‚‹›";
export const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
export const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
export const isDigit = (c: string | undefined): boolean => c !== undefined && /\p{N}/u.test(c);
export const isQuoteMark = (c: string | undefined): boolean => c !== undefined && (DOUBLE_MARKS + SINGLE_MARKS).includes(c);
export const isUpper = (s: string): boolean => /^\p{Lu}/u.test(s);
export const wordCount = (s: string): number => s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

// ---------------------------------------------------------------------------------------------
// Tokens, sentences and names.

export type Token = { readonly text: string; readonly folded: string; readonly start: number; readonly end: number; readonly word: boolean };

// A plural possessive keeps its apostrophe when a word follows (`Workers' Union`).
export const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’‐-][\p{L}\p{M}\p{N}]+)*(?:(?<=s)['’](?= \p{L}))?|_+|\S/gu;

/** Tokens of `text`, with offsets shifted by `base`. */
export function tokenize(text: string, base: number): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    out.push({ text: t, folded: /^[\x20-\x7e]*$/u.test(t) ? t.toLowerCase() : foldText(t), start: base + m.index, end: base + m.index + t.length, word: /^[\p{L}\p{N}]/u.test(t) });
  }
  return out;
}

/**
 * Start offsets (relative to `masked`) of its sentences. Quoted spans are already blanked out
 * in `masked`, so a full stop inside a quote does not end the sentence that carries it.
 */
export function sentenceStarts(masked: string): number[] {
  const starts = [0];
  const re = /[.!?…]+["＂”’»)\]]*\s+(?=[\p{Lu}\p{N}"“‘«([_])/gu;
  for (const m of masked.matchAll(re)) {
    const before = /([\p{L}.]+)\.$/u.exec(masked.slice(Math.max(0, m.index - 12), m.index + 1));
    if (m[0].startsWith('.') && before) {
      const word = (before[1] as string).toLowerCase().replace(/\.$/u, '');
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    starts.push(m.index + m[0].length);
  }
  return starts;
}

/** The first sentence of `text` (which starts at a word). */
export function firstSentence(text: string): string {
  const starts = sentenceStarts(text);
  return starts.length > 1 ? text.slice(0, starts[1]) : text;
}

export const isNameWord = (t: Token): boolean => t.word && isUpper(t.text);

export const spaced = (text: string, a: Token, b: Token): boolean => /^\s{1,2}$/u.test(text.slice(a.end, b.start));
export const isInitial = (t: Token): boolean => ABBREVIATIONS.has(t.folded) || /^\p{Lu}$/u.test(t.text);

/** Maximal run of capitalized words starting at token `i` (particles and `Dr.` allowed inside). */
export function runFrom(tokens: readonly Token[], i: number, text: string): [number, number] | null {
  const head = tokens[i];
  if (!head || !isNameWord(head)) return null;
  let j = i;
  for (;;) {
    const cur = tokens[j] as Token;
    let k = j + 1;
    // `Dr.`, `J.`: an abbreviation's full stop belongs to the name.
    const dot = tokens[k];
    if (dot?.text === '.' && dot.start === cur.end && isInitial(cur)) k++;
    const next = tokens[k];
    if (!next || !spaced(text, tokens[k - 1] as Token, next)) break;
    if (isNameWord(next)) {
      j = k;
      continue;
    }
    // A particle counts only between two capitalized words: `Ursula von der Leyen`.
    const after = tokens[k + 1];
    if (NAME_PARTICLES.has(next.text) && after && isNameWord(after) && spaced(text, next, after)) {
      j = k + 1;
      continue;
    }
    break;
  }
  return [i, j];
}

/** Maximal run of capitalized words ending at token `j`. */
export function runEndingAt(tokens: readonly Token[], j: number, text: string): [number, number] | null {
  const tail = tokens[j];
  if (!tail || !isNameWord(tail)) return null;
  let i = j;
  for (;;) {
    const cur = tokens[i] as Token;
    const p1 = tokens[i - 1];
    const p2 = tokens[i - 2];
    if (!p1 || !spaced(text, p1, cur)) break;
    if (isNameWord(p1)) {
      i -= 1;
    } else if (p1.text === '.' && p2 && p2.end === p1.start && isNameWord(p2) && isInitial(p2)) {
      i -= 2;
    } else if (p2 && NAME_PARTICLES.has(p1.text) && isNameWord(p2) && spaced(text, p2, p1)) {
      i -= 2;
    } else {
      break;
    }
  }
  return [i, j];
}
