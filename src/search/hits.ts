/**
 * What a hit shows: the query's terms found in the passage, and the offsets of the words that
 * carry them, found again by reading the passage the way it was indexed.
 */

import { termLanguage, type TermLanguage } from './analyze.js';
import { conceptsInPassage, type CompiledGlossary, type PassageWord } from './glossary.js';
import type { Group } from './plan.js';

export type SearchablePassage = {
  readonly id: string;
  readonly text: string;
  readonly actorIds: readonly string[];
  readonly language: string;
};

export type SearchHit = {
  readonly passageId: string;
  readonly score: number;
  /** Index terms (word stems) of the query found in the passage, in passage order. */
  readonly matchedTerms: readonly string[];
  /** [start, end) offsets within the passage text of words to highlight */
  readonly highlights: readonly (readonly [number, number])[];
};

/** The terms a query looks for, to find them again in a passage. */
export type WantedTerms = {
  /** Text terms that match on their own. */
  readonly single: ReadonlySet<string>;
  /** Text terms that match only together. */
  readonly phrases: readonly (readonly string[])[];
  /** Glossary phrases (`=en:ceasefire`). */
  readonly concepts: ReadonlySet<string>;
};

export function wantedTerms(groups: readonly Group[]): WantedTerms {
  const single = new Set<string>();
  const phrases: (readonly string[])[] = [];
  const concepts = new Set<string>();
  for (const group of groups) {
    for (const alt of group.alternatives) {
      if (alt.field === 'concepts') for (const t of alt.terms) concepts.add(t);
      else if (alt.field === 'text' && alt.terms.length === 1) single.add(alt.terms[0] ?? '');
      else if (alt.field === 'text') phrases.push(alt.terms);
    }
  }
  return { single, phrases, concepts };
}

/** `words`: the passage's `meaningfulWords`, which the caller may keep for the next query. */
export function makeHit(
  passage: SearchablePassage,
  words: readonly PassageWord[],
  score: number,
  wanted: WantedTerms,
  glossary: CompiledGlossary,
): SearchHit {
  const language = termLanguage(passage.language);
  if (wanted.phrases.length === 0 && wanted.concepts.size === 0) return singleTermsHit(passage, words, score, wanted.single, language);
  const matched = new Set<string>();
  for (const word of words) for (const term of word.forms.terms[language]) if (wanted.single.has(term)) matched.add(term);
  if (wanted.phrases.length > 0) {
    const present = new Set<string>();
    for (const word of words) for (const term of word.forms.terms[language]) present.add(term);
    for (const phrase of wanted.phrases) if (phrase.every((t) => present.has(t))) for (const t of phrase) matched.add(t);
  }
  // Words of a glossary phrase the passage has, as a phrase.
  const inConcept = new Set<number>();
  if (wanted.concepts.size > 0) {
    for (const match of conceptsInPassage(glossary, words, language)) {
      if (!wanted.concepts.has(match.phrase.term)) continue;
      for (let i = match.start; i < match.start + match.length; i++) inConcept.add(i);
    }
  }
  const matchedTerms: string[] = [];
  const highlights: (readonly [number, number])[] = [];
  words.forEach((word, i) => {
    let highlighted = false;
    for (const term of word.forms.terms[language]) {
      if (!matched.has(term) && !inConcept.has(i)) continue;
      highlighted = true;
      if (!matchedTerms.includes(term)) matchedTerms.push(term);
    }
    if (highlighted) highlights.push([word.start, word.end]);
  });
  return { passageId: passage.id, score, matchedTerms, highlights };
}

/**
 * `makeHit` when the query has only single terms (most queries): a word is highlighted when it
 * has one of them, so the words are read once.
 */
function singleTermsHit(
  passage: SearchablePassage,
  words: readonly PassageWord[],
  score: number,
  single: ReadonlySet<string>,
  language: TermLanguage,
): SearchHit {
  const matchedTerms: string[] = [];
  const highlights: (readonly [number, number])[] = [];
  for (const word of words) {
    let highlighted = false;
    for (const term of word.forms.terms[language]) {
      if (!single.has(term)) continue;
      highlighted = true;
      if (!matchedTerms.includes(term)) matchedTerms.push(term);
    }
    if (highlighted) highlights.push([word.start, word.end]);
  }
  return { passageId: passage.id, score, matchedTerms, highlights };
}
