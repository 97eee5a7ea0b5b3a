/**
 * The glossary as the search uses it. Each entry is a concept whose phrases, in either
 * language, stand for one another: "ceasefire" finds "gencatan senjata".
 *
 * A phrase matches as a phrase: its words in a row (stop words between them skipped), each
 * word as written or with only its inflection changed (English plurals and -ed/-ing through the
 * light English stemmer; Indonesian particles and possessives, "pengadilannya"). Derivation is
 * not inflection: "pengadilan" (court) and "keadilan" (justice) share the root "adil", and
 * matching glossary phrases by root made `court` find passages about justice.
 */

import type { GlossaryEntry } from '../knowledge/model.js';
import { analyzeWord, forEachWord, type WordCache, type TermLanguage, type WordForms } from './analyze.js';
import { stemEnglish } from './stem-en.js';

export type ConceptPhrase = {
  /** The term passages with this phrase are indexed under, in the `concepts` field ("=id:gencatan_senjata"). */
  readonly term: string;
  readonly language: 'en' | 'id';
  /** One key per meaningful word: the folded word (Indonesian) or its English stem. */
  readonly keys: readonly string[];
  /** The phrase's words, folded: a typo in a query can be corrected towards them. */
  readonly words: readonly string[];
};

export type Concept = { readonly phrases: readonly ConceptPhrase[] };

export type CompiledGlossary = {
  readonly concepts: readonly Concept[];
  /** Phrases by the key of their first word. */
  readonly byFirstKey: ReadonlyMap<string, readonly { readonly concept: Concept; readonly phrase: ConceptPhrase }[]>;
  /** Every key of every glossary word: a query word that has one is not a typo. */
  readonly keys: ReadonlySet<string>;
  /** Every glossary word, folded. */
  readonly words: readonly string[];
};

/** A concept found at words [start, start + length) of a word sequence. */
export type ConceptMatch = { readonly concept: Concept; readonly phrase: ConceptPhrase; readonly start: number; readonly length: number };

const PARTICLES = ['lah', 'kah', 'tah', 'pun'];
const POSSESSIVES = ['nya', 'ku', 'mu'];

/** An Indonesian word without its particle and possessive: "pengadilannyalah" -> "pengadilan". */
function stripInflection(folded: string): string {
  let word = folded;
  for (const group of [PARTICLES, POSSESSIVES]) {
    const suffix = group.find((s) => word.endsWith(s) && word.length - s.length >= 4);
    if (suffix !== undefined) word = word.slice(0, -suffix.length);
  }
  return word;
}

/** The keys a word may match a phrase word by, in a passage of `language` ('both' for a query). */
export function wordKeys(forms: WordForms, language: TermLanguage): readonly string[] {
  const keys = new Set<string>();
  if (language !== 'en') {
    keys.add(forms.folded);
    keys.add(stripInflection(forms.folded));
  }
  if (language !== 'id') keys.add(forms.enStem);
  return [...keys];
}

function compilePhrase(text: string, language: 'en' | 'id', cache: WordCache): ConceptPhrase | null {
  const keys: string[] = [];
  const words: string[] = [];
  forEachWord(text, (start, end) => {
    const forms = analyzeWord(text.slice(start, end), cache);
    if (forms.ignored) return;
    keys.push(language === 'en' ? stemEnglish(forms.folded) : forms.folded);
    words.push(forms.folded);
  });
  return keys.length === 0 ? null : { term: `=${language}:${words.join('_')}`, language, keys, words };
}

export function compileGlossary(entries: readonly GlossaryEntry[]): CompiledGlossary {
  const cache: WordCache = new Map();
  const concepts: Concept[] = [];
  const byFirstKey = new Map<string, { concept: Concept; phrase: ConceptPhrase }[]>();
  const keys = new Set<string>();
  const words = new Set<string>();
  for (const entry of entries) {
    const phrases: ConceptPhrase[] = [];
    for (const text of entry.en) {
      const phrase = compilePhrase(text, 'en', cache);
      if (phrase !== null) phrases.push(phrase);
    }
    for (const text of entry.id) {
      const phrase = compilePhrase(text, 'id', cache);
      if (phrase !== null) phrases.push(phrase);
    }
    if (phrases.length < 2) continue;
    const concept: Concept = { phrases };
    concepts.push(concept);
    for (const phrase of phrases) {
      for (const key of phrase.keys) keys.add(key);
      for (const word of phrase.words) words.add(word);
      const first = phrase.keys[0] ?? '';
      const list = byFirstKey.get(first) ?? [];
      list.push({ concept, phrase });
      byFirstKey.set(first, list);
    }
  }
  return { concepts, byFirstKey, keys, words: [...words].sort() };
}

/**
 * The longest glossary phrase that the words starting at `start` spell, or null. `keysAt(i)`
 * gives the keys of word i (see `wordKeys`); `count` is the number of words.
 */
export function matchConceptAt(
  glossary: CompiledGlossary,
  keysAt: (i: number) => readonly string[],
  count: number,
  start: number,
): ConceptMatch | null {
  let best: ConceptMatch | null = null;
  for (const key of keysAt(start)) {
    for (const { concept, phrase } of glossary.byFirstKey.get(key) ?? []) {
      const length = phrase.keys.length;
      if ((best !== null && length <= best.length) || start + length > count) continue;
      let all = true;
      for (let j = 1; j < length && all; j++) all = keysAt(start + j).includes(phrase.keys[j] ?? '');
      if (all) best = { concept, phrase, start, length };
    }
  }
  return best;
}

/** A meaningful word of a passage, with its offsets. */
export type PassageWord = { readonly start: number; readonly end: number; readonly forms: WordForms };

/** The meaningful words of a text, stop words left out. */
export function meaningfulWords(text: string, cache?: WordCache): PassageWord[] {
  const out: PassageWord[] = [];
  forEachWord(text, (start, end) => {
    const forms = analyzeWord(text.slice(start, end), cache);
    if (!forms.ignored) out.push({ start, end, forms });
  });
  return out;
}

/** Every glossary phrase in a passage's words, left to right, longest first where they overlap. */
export function conceptsInPassage(glossary: CompiledGlossary, words: readonly PassageWord[], language: TermLanguage): ConceptMatch[] {
  if (glossary.concepts.length === 0) return [];
  const keys: (readonly string[] | undefined)[] = new Array(words.length);
  const keysAt = (i: number): readonly string[] => {
    const word = words[i];
    if (word === undefined) return [];
    return (keys[i] ??= wordKeys(word.forms, language));
  };
  const out: ConceptMatch[] = [];
  for (let i = 0; i < words.length;) {
    const match = matchConceptAt(glossary, keysAt, words.length, i);
    if (match === null) {
      i++;
      continue;
    }
    out.push(match);
    i += match.length;
  }
  return out;
}
