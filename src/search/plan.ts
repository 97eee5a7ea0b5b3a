/**
 * From the text of a query to what MiniSearch is asked: groups of alternatives, one group per
 * thing the query asks for. A passage matches a group through any of its alternatives; AND
 * wants every group, OR (the fallback) some.
 *
 * Only words that need it are widened: a word of 5+ letters found nowhere is corrected to its
 * nearest word (MiniSearch's fuzzy search over the passages' words), and only the last word,
 * while it is still being typed and found nowhere, is completed (MiniSearch's prefix search).
 */

import type SearchableMap from 'minisearch/SearchableMap';
import { analyzeWord, forEachWord, queryTerms, type WordForms } from './analyze.js';
import { matchConceptAt, wordKeys, type CompiledGlossary } from './glossary.js';

/** Which MiniSearch fields an alternative is looked up in. */
export type AlternativeField = 'text' | 'actors' | 'concepts';

/** Passages with every term of `terms` (in `field`) match; their score is weighted by `weight`. */
export type Alternative = { readonly field: AlternativeField; readonly terms: readonly string[]; readonly weight: number };

/** One thing the query asks for. `cost` is its postings: what scoring it in full would touch. */
export type Group = { readonly alternatives: readonly Alternative[]; readonly cost: number };

/** What the planner needs to know about the index. */
export type Vocabulary = {
  /** Passages having the term (0 when none); actor terms start with `@`, concept terms with `=`. */
  documentFrequency(term: string): number;
  /** The text term a one-word glossary phrase is looked up as, when it has the same passages. */
  phraseTerm(term: string): string | undefined;
  /** The passages' words (folded, not stop words), for typos and completions. */
  words(): SearchableMap<true>;
  readonly glossary: CompiledGlossary;
  readonly glossaryWords: SearchableMap<true>;
};

const MAX_QUERY_CHARS = 2000;
const MAX_QUERY_WORDS = 32;
const FUZZY_MIN_LENGTH = 5;
const FUZZY_DISTANCE_2_MIN_LENGTH = 8;
/** MiniSearch's `maxFuzzy`, here as the most edits a correction may make. */
const MAX_FUZZY = 2;
/** A correction counts half: it is our guess, not the student's word. */
const FUZZY_WEIGHT = 0.5;
/** Corrections tried per query. */
const MAX_CORRECTIONS = 4;
const PREFIX_MIN_LENGTH = 3;
/** A prefix that begins more words than this says too little to complete. */
const PREFIX_MAX_WORDS = 512;
const PREFIX_MAX_TERMS = 8;
/** MiniSearch's default weight for prefix matches. */
const PREFIX_WEIGHT = 0.375;
/** The glossary's other phrases count a little less than the words the student used. */
const TRANSLATION_WEIGHT = 0.8;

const FUZZY_WORD = /^[a-z]+$/;

type QueryWord = { forms: WordForms; weight: number; known: boolean; corrected: boolean };

export const actorTerm = (actorId: string): string => `@${actorId}`;

/** Whether a query word names an actor id or a part of it ("aliyev" in "ilham-aliyev"). */
function actorIdMentions(actorId: string, folded: string): boolean {
  const id = actorId.toLowerCase();
  if (id === folded) return true;
  return folded.length >= 4 && id.split(/[-_\s.]+/).includes(folded);
}

export function planQuery(vocabulary: Vocabulary, query: string, queryActorIds: readonly string[]): Group[] {
  const text = query.slice(0, MAX_QUERY_CHARS);
  const df = (term: string): number => vocabulary.documentFrequency(term);
  const isKnown = (forms: WordForms): boolean =>
    queryTerms(forms).some((t) => df(t) > 0) || wordKeys(forms, 'both').some((k) => vocabulary.glossary.keys.has(k));

  const queryWords: QueryWord[] = [];
  let lastEnd = -1;
  forEachWord(text, (start, end) => {
    if (queryWords.length >= MAX_QUERY_WORDS) return;
    const forms = analyzeWord(text.slice(start, end));
    if (forms.ignored) return;
    lastEnd = end;
    queryWords.push({ forms, weight: 1, known: isKnown(forms), corrected: false });
  });
  if (queryWords.length === 0) return [];
  // The last word is still being typed when nothing follows it, not even a stop word.
  const typing = lastEnd === query.length;

  let corrections = 0;
  queryWords.forEach((word, i) => {
    if (word.known) return;
    const isLast = i === queryWords.length - 1;
    if (isLast && typing && completions(vocabulary, word.forms, new Set()).length > 0) return;
    if (corrections++ >= MAX_CORRECTIONS) return;
    const correction = correct(vocabulary, word.forms.folded);
    if (correction !== null) {
      word.forms = analyzeWord(correction);
      word.weight = FUZZY_WEIGHT;
      word.corrected = true;
    }
  });

  const keys = queryWords.map((w) => wordKeys(w.forms, 'both'));
  const groups: Group[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < queryWords.length;) {
    const word = queryWords[i];
    if (word === undefined) break;
    const match = matchConceptAt(vocabulary.glossary, (j) => keys[j] ?? [], queryWords.length, i);
    const span = match?.length ?? 1;
    const spanWords = queryWords.slice(i, i + span);
    const weight = Math.min(...spanWords.map((w) => w.weight));
    const alternatives: Alternative[] = [];
    const push = (field: AlternativeField, terms: readonly string[], w: number): void => {
      if (terms.length === 0 || terms.some((t) => df(t) === 0)) return;
      const same = alternatives.findIndex((a) => a.field === field && a.terms.join(' ') === terms.join(' '));
      if (same >= 0 && (alternatives[same]?.weight ?? 0) >= w) return;
      if (same >= 0) alternatives.splice(same, 1);
      alternatives.push({ field, terms, weight: w });
    };
    if (match !== null) {
      // The concept's other phrases, as phrases (its own is the student's words, below). A
      // phrase is one term however many words it has; weighted by them, as if each was scored.
      for (const phrase of match.concept.phrases) {
        if (phrase === match.phrase) continue;
        const alias = vocabulary.phraseTerm(phrase.term);
        if (alias === undefined) push('concepts', [phrase.term], weight * TRANSLATION_WEIGHT * phrase.keys.length);
        else push('text', [alias], weight * TRANSLATION_WEIGHT);
      }
      // The words as the student wrote them, stemmed in the phrase's language.
      const literal = spanWords.map((w) => (match.phrase.language === 'id' ? w.forms.idStem : w.forms.enStem));
      push('text', [...new Set(literal)], weight);
    }
    if (span === 1) {
      for (const term of queryTerms(word.forms)) push('text', [term], word.weight);
      for (const id of queryActorIds) {
        if (actorIdMentions(id, word.forms.folded)) push('actors', [actorTerm(id)], word.weight);
      }
      const isLast = i === queryWords.length - 1;
      // Only an unknown word is completed: a rare longer word would outrank the word itself.
      if (isLast && typing && !word.known && !word.corrected && match === null) {
        const have = new Set(alternatives.flatMap((a) => a.terms));
        for (const alt of completions(vocabulary, word.forms, have)) alternatives.push(alt);
      }
    }
    i += span;
    if (alternatives.length === 0) continue;
    // A repeated word asks for nothing new.
    const key = alternatives.map((a) => `${a.field}:${a.terms.join(' ')}:${a.weight}`).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const cost = alternatives.reduce((sum, a) => sum + Math.min(...a.terms.map(df)), 0);
    groups.push({ alternatives, cost });
  }
  return groups;
}

/** Longer words of the passages that the word begins, the most frequent few. */
function completions(vocabulary: Vocabulary, forms: WordForms, have: ReadonlySet<string>): Alternative[] {
  const prefix = forms.folded;
  if (prefix.length < PREFIX_MIN_LENGTH) return [];
  const words = vocabulary.words().atPrefix(prefix);
  if (words.size > PREFIX_MAX_WORDS) return [];
  const best = new Map<string, { weight: number; df: number }>();
  for (const word of words.keys()) {
    if (word === prefix) continue;
    const weight = (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (word.length - prefix.length));
    for (const term of queryTerms(analyzeWord(word))) {
      const df = vocabulary.documentFrequency(term);
      if (have.has(term) || df === 0) continue;
      const known = best.get(term);
      if (known === undefined || known.weight < weight) best.set(term, { weight, df });
    }
  }
  return [...best]
    .sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
    .slice(0, PREFIX_MAX_TERMS)
    .map(([term, { weight }]) => ({ field: 'text', terms: [term], weight }));
}

const SHARED_PREFIX_FOR_2_EDITS = 3;

/** Words of `map` exactly `distance` edits from `word` (Levenshtein, MiniSearch's fuzzy search). */
function near(map: SearchableMap<true>, word: string, distance: number): [string, number][] {
  const head = distance >= 2 ? word.slice(0, SHARED_PREFIX_FOR_2_EDITS) : '';
  const found = (head === '' ? map : map.atPrefix(head)).fuzzyGet(word.slice(head.length), distance);
  return [...found].map(([suffix, [, d]]) => [head + suffix, d]);
}

/** The passage or glossary word nearest to a word found nowhere, the most frequent on a tie; or null. */
function correct(vocabulary: Vocabulary, folded: string): string | null {
  if (folded.length < FUZZY_MIN_LENGTH || !FUZZY_WORD.test(folded)) return null;
  const maxDistance = Math.min(MAX_FUZZY, folded.length >= FUZZY_DISTANCE_2_MIN_LENGTH ? 2 : 1);
  let best: { word: string; distance: number; df: number } | null = null;
  // The nearest first: a word 2 edits away is looked for only when none is 1 away, and only
  // among the words that begin with the same 3 letters (a search of all of them took up to
  // 50 ms at 100k passages, against a tenth of a millisecond).
  for (let distance = 1; distance <= maxDistance && best === null; distance++) {
    for (const map of [vocabulary.words(), vocabulary.glossaryWords]) {
      for (const [word, d] of near(map, folded, distance)) {
        if (d === 0) continue;
        const forms = analyzeWord(word);
        if (forms.ignored) continue;
        const df = Math.max(0, ...queryTerms(forms).map((t) => vocabulary.documentFrequency(t)));
        if (best === null || d < best.distance || (d === best.distance && (df > best.df || (df === best.df && word < best.word)))) {
          best = { word, distance: d, df };
        }
      }
    }
  }
  return best?.word ?? null;
}
