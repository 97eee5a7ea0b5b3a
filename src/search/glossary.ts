/**
 * The glossary as the search uses it: each entry becomes a concept whose phrases, in either
 * language, may stand for one another in a query ("ceasefire" finds "gencatan senjata").
 */

import type { GlossaryEntry } from '../knowledge/model.js';
import { analyzeWord, forEachWord, queryTerms, type WordCache } from './analyze.js';

export type ConceptPhrase = {
  readonly language: 'en' | 'id';
  /** For each meaningful word of the phrase, every form a query word may match it by. */
  readonly wordForms: readonly ReadonlySet<string>[];
  /** The terms a passage in the phrase's language is indexed under for this phrase. */
  readonly terms: readonly string[];
  /** The phrase's words, folded: a typo in a query can be corrected towards them. */
  readonly words: readonly string[];
};

export type Concept = { readonly phrases: readonly ConceptPhrase[] };

export type ConceptMatch = { readonly concept: Concept; readonly phrase: ConceptPhrase; readonly length: number };

export type CompiledGlossary = {
  /** Phrases keyed by each form of their first word. */
  readonly byFirstForm: ReadonlyMap<string, readonly { readonly concept: Concept; readonly phrase: ConceptPhrase }[]>;
  /** Every form of every glossary word: a query word that has one is not a typo. */
  readonly forms: ReadonlySet<string>;
  /** Every glossary word, folded, sorted. */
  readonly words: readonly string[];
};

function compilePhrase(text: string, language: 'en' | 'id', cache: WordCache): ConceptPhrase | null {
  const wordForms: ReadonlySet<string>[] = [];
  const terms: string[] = [];
  const words: string[] = [];
  forEachWord(text, (start, end) => {
    const forms = analyzeWord(text.slice(start, end), cache);
    if (forms.ignored) return;
    wordForms.push(new Set(queryTerms(forms)));
    terms.push(language === 'id' ? forms.idStem : forms.enStem);
    words.push(forms.folded);
  });
  return terms.length === 0 ? null : { language, wordForms, terms, words };
}

export function compileGlossary(entries: readonly GlossaryEntry[]): CompiledGlossary {
  const cache: WordCache = new Map();
  const byFirstForm = new Map<string, { concept: Concept; phrase: ConceptPhrase }[]>();
  const forms = new Set<string>();
  const words = new Set<string>();
  for (const entry of entries) {
    const phrases: ConceptPhrase[] = [];
    for (const text of entry.id) {
      const phrase = compilePhrase(text, 'id', cache);
      if (phrase !== null) phrases.push(phrase);
    }
    for (const text of entry.en) {
      const phrase = compilePhrase(text, 'en', cache);
      if (phrase !== null) phrases.push(phrase);
    }
    if (phrases.length < 2) continue;
    const concept: Concept = { phrases };
    for (const phrase of phrases) {
      for (const set of phrase.wordForms) for (const form of set) forms.add(form);
      for (const word of phrase.words) words.add(word);
      for (const form of phrase.wordForms[0] ?? []) {
        const list = byFirstForm.get(form) ?? [];
        list.push({ concept, phrase });
        byFirstForm.set(form, list);
      }
    }
  }
  return { byFirstForm, forms, words: [...words].sort() };
}

/**
 * The longest glossary phrase that the query words starting at `start` spell, by any of
 * their forms ("menyerang" matches the phrase "serangan" through the stem "serang").
 */
export function matchConcept(glossary: CompiledGlossary, queryForms: readonly ReadonlySet<string>[], start: number): ConceptMatch | null {
  const first = queryForms[start];
  if (first === undefined) return null;
  let best: ConceptMatch | null = null;
  const seen = new Set<ConceptPhrase>();
  for (const form of first) {
    for (const { concept, phrase } of glossary.byFirstForm.get(form) ?? []) {
      if (seen.has(phrase)) continue;
      seen.add(phrase);
      const length = phrase.wordForms.length;
      if (best !== null && length <= best.length) continue;
      if (start + length > queryForms.length) continue;
      let all = true;
      for (let j = 1; j < length && all; j++) {
        const wanted = phrase.wordForms[j];
        const have = queryForms[start + j];
        all = wanted !== undefined && have !== undefined && [...have].some((f) => wanted.has(f));
      }
      if (all) best = { concept, phrase, length };
    }
  }
  return best;
}
