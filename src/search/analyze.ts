/**
 * How a word of a passage or a query becomes search terms. Indexing, querying and
 * highlighting all go through here, so that a word is always read the same way.
 */

import { foldText } from '../text.js';
import { stemEnglish } from './stem-en.js';
import { stemIndonesian } from './stem-id.js';
import { STOP_WORDS } from './stopwords.js';

/** Which stemmer a passage's words go through. `both` for languages we have no stemmer for. */
export type TermLanguage = 'id' | 'en' | 'both';

/** One word, read every way the index may have stored it. */
export type WordForms = {
  /** Lower case, no diacritics, apostrophes dropped ("Azerbaijan's" -> "azerbaijan"). */
  readonly folded: string;
  /** Carries no meaning for search: a stop word, or a single character. */
  readonly ignored: boolean;
  readonly idStem: string;
  readonly enStem: string;
  /** The index terms of this word in a passage of each language; see `indexTerms`. */
  readonly terms: Readonly<Record<TermLanguage, readonly string[]>>;
};

const NO_TERMS: Readonly<Record<TermLanguage, readonly string[]>> = { id: [], en: [], both: [] };

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER = /^\p{L}$/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** 1 for ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
const wordCharMemo = new Map<number, boolean>();
const letterMemo = new Map<number, boolean>();

function classify(memo: Map<number, boolean>, pattern: RegExp, codePoint: number): boolean {
  let known = memo.get(codePoint);
  if (known === undefined) {
    known = pattern.test(String.fromCodePoint(codePoint));
    if (memo.size < 10_000) memo.set(codePoint, known);
  }
  return known;
}

const isWordChar = (c: number): boolean => (c < 128 ? ASCII_WORD[c] === 1 : classify(wordCharMemo, WORD_CHAR, c));
const isLetter = (c: number): boolean => (c < 128 ? ASCII_WORD[c] === 1 && (c < 0x30 || c > 0x39) : classify(letterMemo, LETTER, c));

/**
 * Calls `visit` with the [start, end) of every word of `text`: the words of `words()` in
 * text.ts (`[\p{L}\p{N}\p{M}]+(?:['’]\p{L}+)?`), found by hand because the regular
 * expression took two thirds of the time of indexing 100,000 passages.
 */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.codePointAt(i) ?? 0;
    if (!isWordChar(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    do {
      i += c > 0xffff ? 2 : 1;
      c = i < n ? (text.codePointAt(i) ?? 0) : 0;
    } while (i < n && isWordChar(c));
    if (i < n && (c === APOSTROPHE || c === RIGHT_QUOTE)) {
      let j = i + 1;
      let d = j < n ? (text.codePointAt(j) ?? 0) : 0;
      if (j < n && isLetter(d)) {
        do {
          j += d > 0xffff ? 2 : 1;
          d = j < n ? (text.codePointAt(j) ?? 0) : 0;
        } while (j < n && isLetter(d));
        i = j;
      }
    }
    visit(start, i);
  }
}

export function termLanguage(language: string): TermLanguage {
  const code = language.toLowerCase();
  if (code === 'id' || code === 'in' || code.startsWith('id-') || code === 'ind') return 'id';
  if (code === 'en' || code.startsWith('en-') || code === 'eng') return 'en';
  return 'both';
}

/** Acronyms written in capitals (US, UN, AS) are never stop words. */
const ACRONYM = /^[\p{Lu}\p{N}]{2,6}$/u;

function foldWord(raw: string): string {
  const folded = foldText(raw);
  if (!folded.includes("'") && !folded.includes('’')) return folded;
  return folded.replace(/['’]s$/, '').replace(/['’]/g, '');
}

function computeForms(raw: string): WordForms {
  const folded = foldWord(raw);
  const ignored = folded.length < 2 || (STOP_WORDS.has(folded) && !ACRONYM.test(raw));
  if (ignored) return { folded, ignored, idStem: folded, enStem: folded, terms: NO_TERMS };
  const idStem = stemIndonesian(folded);
  const enStem = stemEnglish(folded);
  const terms = { id: [idStem], en: [enStem], both: idStem === enStem ? [idStem] : [idStem, enStem] };
  return { folded, ignored, idStem, enStem, terms };
}

/** A memo of word analysis. Building an index uses its own; queries share a bounded one. */
export type WordCache = Map<string, WordForms>;

const QUERY_CACHE_LIMIT = 50_000;
/**
 * Queries and highlighting share a cache in two generations: when the newer is full it becomes
 * the older, and a word found in the older moves back. Emptying one map when full made every
 * word of a large library be stemmed again and again while highlighting hits.
 */
let queryCache: WordCache = new Map();
let olderQueryCache: WordCache = new Map();

/** The forms of a raw word as it appears in text. */
export function analyzeWord(raw: string, cache?: WordCache): WordForms {
  if (cache !== undefined) {
    const known = cache.get(raw);
    if (known !== undefined) return known;
    const forms = computeForms(raw);
    cache.set(raw, forms);
    return forms;
  }
  const known = queryCache.get(raw);
  if (known !== undefined) return known;
  const forms = olderQueryCache.get(raw) ?? computeForms(raw);
  if (queryCache.size >= QUERY_CACHE_LIMIT) {
    olderQueryCache = queryCache;
    queryCache = new Map();
  }
  queryCache.set(raw, forms);
  return forms;
}

/** The index terms a word of a passage in `language` is stored under. */
export function indexTerms(forms: WordForms, language: TermLanguage): readonly string[] {
  return forms.terms[language];
}

/** Every term a query word may match: as written, and stemmed either way. */
export function queryTerms(forms: WordForms): readonly string[] {
  const out = [forms.folded];
  if (!out.includes(forms.idStem)) out.push(forms.idStem);
  if (!out.includes(forms.enStem)) out.push(forms.enStem);
  return out;
}
