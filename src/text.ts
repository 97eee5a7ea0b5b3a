/**
 * Text helpers shared by matching, search and rendering. Pure functions.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Letters that do not decompose under NFD but that people type without their marks.
const FOLD_EXTRA: Readonly<Record<string, string>> = {
  ı: 'i',
  İ: 'I',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
};
const FOLD_EXTRA_RE = /[ıİøØłŁđĐßæÆœŒ]/g;

/**
 * Removes diacritics without changing case: `Erdoğan` -> `Erdogan`. Keeps the string length
 * for every character except the few in FOLD_EXTRA that expand (ß, æ, œ).
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(FOLD_EXTRA_RE, (c) => FOLD_EXTRA[c] ?? c)
    .normalize('NFC');
}

/** Lower-cases and strips diacritics: the form names and words are compared in. */
export function foldText(text: string): string {
  return stripDiacritics(text).toLowerCase();
}

/** Characters that may appear inside a word (letters, digits, apostrophes inside words). */
export const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Splits text into words with their offsets. Hyphenated forms yield each part. */
export function words(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)?/gu)) {
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Cuts text to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  // Never leave half of a surrogate pair.
  const safe = /[\uD800-\uDBFF]$/.test(base) ? base.slice(0, -1) : base;
  return `${safe.trimEnd()}…`;
}

/** Removes control characters (except newline and tab) a user may paste. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}
