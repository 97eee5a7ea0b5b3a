/**
 * Full-text search over passages, for questions in Indonesian or English.
 *
 * - Words are folded (Erdoğan = Erdogan) and stemmed by the passage's language; a query word
 *   is tried as written and stemmed both ways, since a query's language is not known.
 * - The glossary carries a query across languages: "ceasefire" also looks for "gencatan
 *   senjata", and the other way round.
 * - All query words must match (AND); only when no passage has them all do passages with
 *   some of them count (OR), ranked by how many they have. Precision first: a student's
 *   question names what it is about, and an answer built from passages that miss half of it
 *   is worse than "nothing found", which the OR fallback still avoids when it can.
 * - A word that is in no passage and in no glossary entry, and has at least 5 letters, is
 *   corrected to the nearest word of the passages (1 edit, 2 from 8 letters), the most
 *   frequent on a tie. One correction per word, so a typo cannot flood the results.
 * - The last word, while still being typed and when it is not a word of the passages itself
 *   ("negoti"), matches the longer words it begins, the most frequent few.
 * - Actors: passages are indexed under their actors' ids too. `actorId` keeps only passages
 *   of that actor; `queryActorIds` boosts passages of those actors, and a query word that is
 *   part of such an actor id ("aliyev") also matches passages tagged with the actor.
 *
 * Scoring is MiniSearch's BM25+ with its defaults, but the index is our own: postings in
 * typed arrays, scored into reused arrays and cut to the best `limit` with a heap. On the
 * benchmark's 100,000 generated passages, where every word is in a fifth of them, plain
 * MiniSearch answered in 30 ms (median) and 190 ms (p99), built in 5-13 s and loaded in 3 s;
 * the targets are 10 ms p99 and a load well under 3 s.
 */

import type { GlossaryEntry } from '../knowledge/model.js';
import {
  actorTerm,
  analyzeWord,
  forEachWord,
  indexTerms,
  queryTerms,
  termLanguage,
  type TermLanguage,
  type WordCache,
  type WordForms,
} from './analyze.js';
import { decodeVarints, Fingerprint, VarintWriter } from './codec.js';
import { compileGlossary, matchConcept, type CompiledGlossary } from './glossary.js';
import { INDONESIAN_ROOTS } from './id-roots.js';
import { STOP_WORDS } from './stopwords.js';
import { SortedStrings } from './vocabulary.js';

export type SearchablePassage = {
  readonly id: string;
  readonly text: string;
  readonly actorIds: readonly string[];
  readonly language: string;
};

export type SearchOptions = {
  /** Most hits to return; 10 when not given. */
  readonly limit?: number;
  /** only passages mentioning this actor */
  readonly actorId?: string;
  /** actors named in the query, resolved by the caller: boosts passages whose actors field has them */
  readonly queryActorIds?: readonly string[];
};

export type SearchHit = {
  readonly passageId: string;
  readonly score: number;
  /** Index terms (word stems) of the query found in the passage, in passage order. */
  readonly matchedTerms: readonly string[];
  /** [start, end) offsets within the passage text of words to highlight */
  readonly highlights: readonly (readonly [number, number])[];
};

export type PassageIndex = {
  /**
   * Passages for a query, best first. Never throws; any string is a valid query, and a
   * query with nothing to look for gives [].
   *
   * @example
   * index.search('gencatan senjata', { limit: 5, queryActorIds: ['armenia'] })
   */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** A plain object for `JSON.stringify`, to be given back to `loadPassageIndex`. */
  toJSON(): unknown;
  readonly documentCount: number;
};

const FORMAT = 'sumber/passage-index';
const FORMAT_VERSION = 1;
/** Bump when the analysis of words changes in a way the root list and stop words don't show. */
const ANALYZER_VERSION = 1;

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;
const MAX_QUERY_CHARS = 2000;
const MAX_QUERY_WORDS = 32;

const FUZZY_MIN_LENGTH = 5;
const FUZZY_DISTANCE_2_MIN_LENGTH = 8;
const FUZZY_WEIGHT = 0.5;
/** Corrections tried per query: each costs up to a few milliseconds. */
const MAX_CORRECTIONS = 4;
const PREFIX_MIN_LENGTH = 3;
/** A prefix that begins more words than this says too little to expand. */
const PREFIX_MAX_WORDS = 512;
const PREFIX_MAX_TERMS = 8;
/** MiniSearch's weight for prefix matches. */
const PREFIX_WEIGHT = 0.375;
/** The glossary's other phrases count a little less than the words the student used. */
const TRANSLATION_WEIGHT = 0.8;
/** Each query actor a passage has multiplies its score by 1 + this. */
const ACTOR_BOOST = 0.5;

// BM25+ parameters, MiniSearch's defaults.
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;

type IndexData = {
  readonly passageIds: readonly string[];
  readonly docLengths: Uint16Array;
  readonly averageLength: number;
  /** Sorted; a term's id is its position. Actor terms start with `@`. */
  readonly terms: SortedStrings;
  /** Postings of term t are [postingStart[t], postingStart[t + 1]), documents ascending. */
  readonly postingStart: Uint32Array;
  readonly postingDocs: Uint32Array;
  readonly postingFreqs: Uint8Array;
  /** Folded words of the passages (not stop words), sorted: for typos and prefixes. */
  readonly words: SortedStrings;
  readonly fingerprint: string;
};

type SavedIndex = {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly fingerprint: string;
  readonly documentCount: number;
  readonly averageLength: number;
  readonly passageIds: readonly string[];
  /** Varints, base64. */
  readonly docLengths: string;
  /** Sorted, one per line. */
  readonly terms: string;
  /** Per term: count, then per posting (docDelta << 1 | tf > 1) and tf when > 1. Varints, base64. */
  readonly postings: string;
  /** Sorted, one per line. */
  readonly words: string;
};

// ---------------------------------------------------------------------------------------
// Building

let analyzerHash: string | undefined;
function analyzerFingerprint(): string {
  analyzerHash ??= new Fingerprint()
    .add(String(ANALYZER_VERSION))
    .add([...INDONESIAN_ROOTS].join(' '))
    .add([...STOP_WORDS].join(' '))
    .digest();
  return analyzerHash;
}

function fingerprintOf(passages: readonly SearchablePassage[], glossary: readonly GlossaryEntry[]): string {
  const fp = new Fingerprint().add(analyzerFingerprint());
  // Hashed in batches: one native call per few hundred passages rather than four per passage.
  let batch: string[] = [];
  for (const p of passages) {
    batch.push(p.id, p.language, p.actorIds.join('\n'), p.text);
    if (batch.length >= 1024) {
      fp.add(batch.map((part) => `${part.length}:${part}`).join(''));
      batch = [];
    }
  }
  fp.add(batch.map((part) => `${part.length}:${part}`).join(''));
  for (const entry of glossary) fp.add(entry.en.join('\n')).add(entry.id.join('\n'));
  return fp.digest();
}

/** A growable Uint32Array. */
class U32List {
  data = new Uint32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

function buildData(passages: readonly SearchablePassage[], fingerprint: string): IndexData {
  const cache: WordCache = new Map();
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const vocabulary = new Set<string>();
  // Postings gathered in passage order as (term, doc, tf) triples, grouped by term after.
  const tripleTerm = new U32List();
  const tripleDoc = new U32List();
  const tripleFreq = new U32List();
  // Where the current passage's triple for a term is, to count repeats.
  let lastDoc = new Int32Array(1 << 16).fill(-1);
  let lastSlot = new Uint32Array(1 << 16);
  const docLengths = new Uint16Array(passages.length);
  let totalLength = 0;

  const termId = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termNames.length;
      termIds.set(term, id);
      termNames.push(term);
      if (id >= lastDoc.length) {
        const grownDoc = new Int32Array(lastDoc.length * 2).fill(-1);
        grownDoc.set(lastDoc);
        lastDoc = grownDoc;
        const grownSlot = new Uint32Array(lastSlot.length * 2);
        grownSlot.set(lastSlot);
        lastSlot = grownSlot;
      }
    }
    return id;
  };
  const addTermId = (doc: number, id: number): void => {
    if (lastDoc[id] === doc) {
      const slot = lastSlot[id] ?? 0;
      tripleFreq.data[slot] = (tripleFreq.data[slot] ?? 0) + 1;
      return;
    }
    lastDoc[id] = doc;
    lastSlot[id] = tripleTerm.length;
    tripleTerm.push(id);
    tripleDoc.push(doc);
    tripleFreq.push(1);
  };

  // Term ids of each word as written, per language: most words repeat, and this spares
  // analysing them and looking their terms up again.
  const idsOfWord: Record<TermLanguage, Map<string, readonly number[]>> = { id: new Map(), en: new Map(), both: new Map() };
  const wordTermIds = (raw: string, language: TermLanguage): readonly number[] => {
    const forms = analyzeWord(raw, cache);
    if (!forms.ignored) vocabulary.add(forms.folded);
    const ids = indexTerms(forms, language).map(termId);
    idsOfWord[language].set(raw, ids);
    return ids;
  };

  passages.forEach((passage, doc) => {
    const language = termLanguage(passage.language);
    const known = idsOfWord[language];
    const text = passage.text;
    let length = 0;
    forEachWord(text, (start, end) => {
      const raw = text.slice(start, end);
      const ids = known.get(raw) ?? wordTermIds(raw, language);
      if (ids.length === 0) return;
      length++;
      for (const id of ids) addTermId(doc, id);
    });
    for (const actorId of passage.actorIds) addTermId(doc, termId(actorTerm(actorId)));
    docLengths[doc] = Math.min(length, 0xffff);
    totalLength += length;
  });

  // Counting sort of the triples by term, then terms into alphabetical order.
  const termCount = termNames.length;
  const counts = new Uint32Array(termCount);
  for (let i = 0; i < tripleTerm.length; i++) counts[tripleTerm.data[i] ?? 0]! += 1;
  const order = termNames
    .map((_, id) => id)
    .sort((a, b) => {
      const x = termNames[a] ?? '';
      const y = termNames[b] ?? '';
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const rank = new Uint32Array(termCount);
  const postingStart = new Uint32Array(termCount + 1);
  order.forEach((id, position) => {
    rank[id] = position;
    postingStart[position + 1] = (postingStart[position] ?? 0) + (counts[id] ?? 0);
  });
  const next = postingStart.slice(0, termCount);
  const postingDocs = new Uint32Array(tripleTerm.length);
  const postingFreqs = new Uint8Array(tripleTerm.length);
  for (let i = 0; i < tripleTerm.length; i++) {
    const position = rank[tripleTerm.data[i] ?? 0] ?? 0;
    const slot = next[position]!++;
    postingDocs[slot] = tripleDoc.data[i] ?? 0;
    postingFreqs[slot] = Math.min(tripleFreq.data[i] ?? 1, 255);
  }

  return {
    passageIds: passages.map((p) => p.id),
    docLengths,
    averageLength: passages.length === 0 ? 1 : Math.max(totalLength / passages.length, 1),
    terms: new SortedStrings(order.map((id) => termNames[id] ?? '')),
    postingStart,
    postingDocs,
    postingFreqs,
    words: new SortedStrings([...vocabulary].sort()),
    fingerprint,
  };
}

// ---------------------------------------------------------------------------------------
// Saving and loading

function saveData(data: IndexData): SavedIndex {
  const lengths = new VarintWriter();
  for (const length of data.docLengths) lengths.write(length);
  const postings = new VarintWriter();
  for (let t = 0; t < data.terms.size; t++) {
    const start = data.postingStart[t] ?? 0;
    const end = data.postingStart[t + 1] ?? 0;
    postings.write(end - start);
    let previous = 0;
    for (let p = start; p < end; p++) {
      const doc = data.postingDocs[p] ?? 0;
      const freq = data.postingFreqs[p] ?? 1;
      postings.write((doc - previous) * 2 + (freq > 1 ? 1 : 0));
      if (freq > 1) postings.write(freq);
      previous = doc;
    }
  }
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    fingerprint: data.fingerprint,
    documentCount: data.passageIds.length,
    averageLength: data.averageLength,
    passageIds: data.passageIds,
    docLengths: lengths.toBase64(),
    terms: data.terms.items.join('\n'),
    postings: postings.toBase64(),
    words: data.words.items.join('\n'),
  };
}

function invalid(reason: string): Error {
  return new Error(`search: not a saved passage index (${reason}); build the index again`);
}

function parseSaved(json: unknown): SavedIndex {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw invalid('not JSON');
    }
  }
  if (typeof value !== 'object' || value === null) throw invalid('not an object');
  const saved = value as Partial<Record<keyof SavedIndex, unknown>>;
  if (saved.format !== FORMAT) throw invalid(`format ${JSON.stringify(saved.format)}`);
  if (saved.version !== FORMAT_VERSION) throw invalid(`version ${JSON.stringify(saved.version)}, expected ${FORMAT_VERSION}`);
  for (const key of ['fingerprint', 'docLengths', 'terms', 'postings', 'words'] as const) {
    if (typeof saved[key] !== 'string') throw invalid(`${key} missing`);
  }
  if (typeof saved.documentCount !== 'number' || typeof saved.averageLength !== 'number') throw invalid('counts missing');
  if (!Array.isArray(saved.passageIds) || saved.passageIds.length !== saved.documentCount) throw invalid('passage ids missing');
  return saved as SavedIndex;
}

const splitLines = (text: string): string[] => (text === '' ? [] : text.split('\n'));

function loadData(saved: SavedIndex): IndexData {
  const n = saved.documentCount;
  const lengths = decodeVarints(saved.docLengths);
  if (lengths.length !== n) throw invalid('passage lengths do not match the passage count');
  const terms = splitLines(saved.terms);
  // Values: per term a count, then per posting (delta << 1 | tf > 1) and the tf when > 1.
  const values = decodeVarints(saved.postings);
  const postingStart = new Uint32Array(terms.length + 1);
  const postingDocs = new Uint32Array(values.length);
  const postingFreqs = new Uint8Array(values.length);
  let v = 0;
  let p = 0;
  for (let t = 0; t < terms.length; t++) {
    const count = values[v++] ?? 0;
    let doc = 0;
    for (let i = 0; i < count; i++) {
      const value = values[v++] ?? 0;
      doc += value >>> 1;
      postingDocs[p] = doc;
      postingFreqs[p] = (value & 1) === 1 ? (values[v++] ?? 1) : 1;
      p++;
    }
    if (v > values.length || doc >= n) throw invalid('postings out of range');
    postingStart[t + 1] = p;
  }
  if (v !== values.length) throw invalid('postings longer than their terms');
  return {
    passageIds: saved.passageIds,
    docLengths: Uint16Array.from(lengths),
    averageLength: saved.averageLength,
    terms: new SortedStrings(terms),
    postingStart,
    postingDocs: postingDocs.slice(0, p),
    postingFreqs: postingFreqs.slice(0, p),
    words: new SortedStrings(splitLines(saved.words)),
    fingerprint: saved.fingerprint,
  };
}

// ---------------------------------------------------------------------------------------
// Searching

/** Passages having every term of `terms` match; the alternative scores weight x sum of BM25. */
type Alternative = { readonly terms: readonly string[]; readonly termIds: readonly number[]; readonly weight: number };
/** One thing the query asks for; a passage matches it through its best alternative. */
type Group = { readonly alternatives: readonly Alternative[]; readonly cost: number };

type QueryWord = { forms: WordForms; weight: number; known: boolean; corrected: boolean };

class Scratch {
  readonly total: Float64Array;
  readonly matched: Uint8Array;
  readonly touched: Uint32Array;
  touchedLength = 0;
  readonly candidates: Uint32Array;
  candidateLength = 0;
  /** Binary search needs the candidates in ascending order; sorted only when it is used. */
  candidatesSorted = false;
  readonly groupScore: Float64Array;
  readonly groupStamp: Uint32Array;
  readonly groupDocs: Uint32Array;
  groupLength = 0;
  readonly altScore: Float64Array;
  readonly altCount: Uint8Array;
  readonly altStamp: Uint32Array;
  readonly altDocs: Uint32Array;
  altLength = 0;
  stamp = 0;

  constructor(n: number) {
    this.total = new Float64Array(n);
    this.matched = new Uint8Array(n);
    this.touched = new Uint32Array(n);
    this.candidates = new Uint32Array(n);
    this.groupScore = new Float64Array(n);
    this.groupStamp = new Uint32Array(n);
    this.groupDocs = new Uint32Array(n);
    this.altScore = new Float64Array(n);
    this.altCount = new Uint8Array(n);
    this.altStamp = new Uint32Array(n);
    this.altDocs = new Uint32Array(n);
  }

  nextStamp(): number {
    if (this.stamp >= 0xfffffff0) {
      this.stamp = 0;
      this.groupStamp.fill(0);
      this.altStamp.fill(0);
    }
    return ++this.stamp;
  }

  reset(): void {
    for (let i = 0; i < this.touchedLength; i++) {
      const d = this.touched[i] ?? 0;
      this.total[d] = 0;
      this.matched[d] = 0;
    }
    this.touchedLength = 0;
    this.candidateLength = 0;
  }
}

function clampLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}

const FUZZY_WORD = /^[a-z]+$/;

class Index implements PassageIndex {
  private readonly data: IndexData;
  private readonly passages: readonly SearchablePassage[];
  private readonly glossary: CompiledGlossary;
  private readonly glossaryWords: SortedStrings;
  /** BM25's length normalisation of each passage, k * (1 - b + b * length / average). */
  private readonly norms: Float64Array;
  private scratch: Scratch | undefined;

  constructor(data: IndexData, passages: readonly SearchablePassage[], glossary: CompiledGlossary) {
    this.data = data;
    this.passages = passages;
    this.glossary = glossary;
    this.glossaryWords = new SortedStrings(glossary.words);
    this.norms = new Float64Array(data.docLengths.length);
    for (let d = 0; d < data.docLengths.length; d++) {
      this.norms[d] = BM25_K * (1 - BM25_B + (BM25_B * (data.docLengths[d] ?? 0)) / data.averageLength);
    }
  }

  get documentCount(): number {
    return this.data.passageIds.length;
  }

  toJSON(): unknown {
    return saveData(this.data);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    try {
      return this.run(query, options);
    } catch (error) {
      // A bug, not a bad query: every query is valid. Rethrown so it is seen and fixed.
      throw new Error(`search: failed on query ${JSON.stringify(String(query).slice(0, 80))}`, { cause: error });
    }
  }

  private run(query: unknown, options: SearchOptions): SearchHit[] {
    if (typeof query !== 'string' || this.documentCount === 0) return [];
    const limit = clampLimit(options?.limit);
    if (limit === 0) return [];
    const queryActorIds = Array.isArray(options?.queryActorIds)
      ? options.queryActorIds.filter((id): id is string => typeof id === 'string')
      : [];
    const actorId = typeof options?.actorId === 'string' ? options.actorId : undefined;
    if (actorId !== undefined && this.termId(actorTerm(actorId)) < 0) return [];

    const groups = this.plan(query, queryActorIds);
    if (groups.length === 0) return [];
    let ranked = this.rank(groups, 'and', limit, actorId, queryActorIds);
    if (ranked.length === 0 && groups.length > 1) ranked = this.rank(groups, 'or', limit, actorId, queryActorIds);
    const wanted = wantedTerms(groups);
    return ranked.map(({ doc, score }) => this.hit(doc, score, wanted));
  }

  private termId(term: string): number {
    return this.data.terms.indexOf(term);
  }

  private documentFrequency(termId: number): number {
    return (this.data.postingStart[termId + 1] ?? 0) - (this.data.postingStart[termId] ?? 0);
  }

  // --- From query text to groups of alternatives -----------------------------------------

  private plan(query: string, queryActorIds: readonly string[]): Group[] {
    const text = query.slice(0, MAX_QUERY_CHARS);
    const queryWords: QueryWord[] = [];
    let lastEnd = -1;
    forEachWord(text, (start, end) => {
      if (queryWords.length >= MAX_QUERY_WORDS) return;
      const forms = analyzeWord(text.slice(start, end));
      if (forms.ignored) return;
      lastEnd = end;
      queryWords.push({ forms, weight: 1, known: this.isKnown(forms), corrected: false });
    });
    if (queryWords.length === 0) return [];
    // The last word is still being typed when nothing follows it, not even a stop word.
    const typing = lastEnd === query.length;

    let corrections = 0;
    queryWords.forEach((word, i) => {
      const isLast = i === queryWords.length - 1;
      if (word.known) return;
      if (isLast && typing && this.prefixAlternatives(word.forms, new Set()).length > 0) return;
      if (corrections++ >= MAX_CORRECTIONS) return;
      const correction = this.correct(word.forms.folded);
      if (correction !== null) {
        word.forms = analyzeWord(correction);
        word.weight = FUZZY_WEIGHT;
        word.corrected = true;
      }
    });

    const formSets = queryWords.map((w) => new Set(queryTerms(w.forms)));
    const groups: Group[] = [];
    for (let i = 0; i < queryWords.length;) {
      const match = matchConcept(this.glossary, formSets, i);
      const alternatives: Alternative[] = [];
      const word = queryWords[i];
      if (word === undefined) break;
      const span = match?.length ?? 1;
      const weight = Math.min(...queryWords.slice(i, i + span).map((w) => w.weight));
      if (match !== null) {
        for (const phrase of match.concept.phrases) {
          const phraseWeight = phrase === match.phrase ? weight : weight * TRANSLATION_WEIGHT;
          this.pushAlternative(alternatives, phrase.terms, phraseWeight);
        }
      }
      if (span === 1) {
        for (const term of queryTerms(word.forms)) this.pushAlternative(alternatives, [term], word.weight);
        for (const id of queryActorIds) {
          if (actorIdMentions(id, word.forms.folded)) this.pushAlternative(alternatives, [actorTerm(id)], word.weight);
        }
        const isLast = i === queryWords.length - 1;
        // Only an unknown word is completed: a rare longer word would outrank the word itself.
        if (isLast && typing && !word.known && !word.corrected && match === null) {
          const have = new Set(alternatives.flatMap((a) => a.terms));
          for (const alt of this.prefixAlternatives(word.forms, have)) alternatives.push(alt);
        }
      }
      if (alternatives.length > 0) {
        const cost = alternatives.reduce((sum, alt) => sum + Math.min(...alt.termIds.map((t) => this.documentFrequency(t))), 0);
        groups.push({ alternatives, cost });
      }
      i += span;
    }
    return groups;
  }

  /** Adds an alternative when all its terms are in the index, keeping the best weight. */
  private pushAlternative(alternatives: Alternative[], terms: readonly string[], weight: number): void {
    const termIds = terms.map((t) => this.termId(t));
    if (termIds.length === 0 || termIds.some((id) => id < 0)) return;
    const key = termIds.join(' ');
    const same = alternatives.findIndex((a) => a.termIds.join(' ') === key);
    if (same >= 0) {
      if ((alternatives[same]?.weight ?? 0) >= weight) return;
      alternatives.splice(same, 1);
    }
    alternatives.push({ terms, termIds, weight });
  }

  private isKnown(forms: WordForms): boolean {
    return queryTerms(forms).some((f) => this.termId(f) >= 0 || this.glossary.forms.has(f));
  }

  /** Longer words of the passages that `forms` begins, the most frequent few. */
  private prefixAlternatives(forms: WordForms, have: ReadonlySet<string>): Alternative[] {
    const prefix = forms.folded;
    if (prefix.length < PREFIX_MIN_LENGTH) return [];
    const [start, end] = this.data.words.prefixRange(prefix);
    if (end - start > PREFIX_MAX_WORDS) return [];
    const best = new Map<string, { id: number; weight: number; df: number }>();
    for (let i = start; i < end; i++) {
      const word = this.data.words.items[i] ?? '';
      if (word === prefix) continue;
      const weight = (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (word.length - prefix.length));
      for (const term of queryTerms(analyzeWord(word))) {
        if (have.has(term)) continue;
        const id = this.termId(term);
        if (id < 0) continue;
        const known = best.get(term);
        if (known === undefined || known.weight < weight) best.set(term, { id, weight, df: this.documentFrequency(id) });
      }
    }
    return [...best]
      .sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
      .slice(0, PREFIX_MAX_TERMS)
      .map(([term, { id, weight }]) => ({ terms: [term], termIds: [id], weight }));
  }

  /** The passage or glossary word nearest to a word found nowhere, or null. */
  private correct(folded: string): string | null {
    if (folded.length < FUZZY_MIN_LENGTH || !FUZZY_WORD.test(folded)) return null;
    const maxDistance = folded.length >= FUZZY_DISTANCE_2_MIN_LENGTH ? 2 : 1;
    const candidates = [...this.data.words.near(folded, maxDistance), ...this.glossaryWords.near(folded, maxDistance)];
    let best: { word: string; distance: number; df: number } | null = null;
    for (const { word, distance } of candidates) {
      const forms = analyzeWord(word);
      if (forms.ignored) continue;
      const df = Math.max(
        0,
        ...queryTerms(forms).map((t) => {
          const id = this.termId(t);
          return id < 0 ? 0 : this.documentFrequency(id);
        }),
      );
      if (
        best === null ||
        distance < best.distance ||
        (distance === best.distance && (df > best.df || (df === best.df && word < best.word)))
      ) {
        best = { word, distance, df };
      }
    }
    return best?.word ?? null;
  }

  // --- Scoring --------------------------------------------------------------------------

  private rank(
    groups: readonly Group[],
    mode: 'and' | 'or',
    limit: number,
    actorId: string | undefined,
    queryActorIds: readonly string[],
  ): { doc: number; score: number }[] {
    const s = (this.scratch ??= new Scratch(this.documentCount));
    try {
      const ordered = [...groups].sort((a, b) => a.cost - b.cost);
      for (let g = 0; g < ordered.length; g++) {
        const group = ordered[g];
        if (group === undefined) continue;
        this.scoreGroup(s, group, mode, g);
        if (mode === 'and' && s.candidateLength === 0) return [];
      }
      const required = mode === 'and' ? ordered.length : 1;
      const byActor = actorId !== undefined || queryActorIds.length > 0;
      const heap = new TopK(limit);
      for (let i = 0; i < s.touchedLength; i++) {
        const doc = s.touched[i] ?? 0;
        const matched = s.matched[doc] ?? 0;
        if (matched < required) continue;
        let score = (s.total[doc] ?? 0) * (mode === 'or' ? matched : 1);
        if (byActor) {
          const actors = this.passages[doc]?.actorIds ?? [];
          if (actorId !== undefined && !actors.includes(actorId)) continue;
          let shared = 0;
          for (const id of queryActorIds) if (actors.includes(id)) shared++;
          score *= 1 + ACTOR_BOOST * shared;
        }
        if (heap.accepts(doc, score)) heap.offer(doc, score);
      }
      return heap.sorted();
    } finally {
      s.reset();
    }
  }

  /**
   * Adds group `g` to the running scores. In AND mode only passages that matched every
   * earlier group are scored, and when they are few, they are looked up in the postings by
   * binary search instead of walking a long posting list.
   */
  private scoreGroup(s: Scratch, group: Group, mode: 'and' | 'or', g: number): void {
    const restrict = mode === 'and' && g > 0;
    // The first group writes straight into the totals: nothing is there to add to yet.
    const direct = s.touchedLength === 0;
    const groupStamp = s.nextStamp();
    s.groupLength = 0;
    for (const alt of group.alternatives) {
      const ids = alt.termIds;
      if (ids.length === 1) {
        this.scoreTerm(s, ids[0] ?? 0, alt.weight, restrict, g, groupStamp, -1, direct);
        continue;
      }
      // A phrase: passages must have all its terms; their scores add up.
      const altStamp = s.nextStamp();
      s.altLength = 0;
      ids.forEach((id, j) => this.scoreTerm(s, id, 1, restrict, g, altStamp, j, direct));
      for (let i = 0; i < s.altLength; i++) {
        const doc = s.altDocs[i] ?? 0;
        if (s.altCount[doc] !== ids.length) continue;
        const score = alt.weight * (s.altScore[doc] ?? 0);
        if (direct) offerTotal(s, doc, score);
        else offerGroup(s, groupStamp, doc, score);
      }
    }

    if (direct) {
      if (mode === 'and') {
        s.candidates.set(s.touched.subarray(0, s.touchedLength));
        s.candidateLength = s.touchedLength;
        s.candidatesSorted = false;
      }
      return;
    }
    // Fold the group into the running totals.
    let candidateLength = 0;
    for (let i = 0; i < s.groupLength; i++) {
      const doc = s.groupDocs[i] ?? 0;
      if (s.matched[doc] === 0) s.touched[s.touchedLength++] = doc;
      s.total[doc] = (s.total[doc] ?? 0) + (s.groupScore[doc] ?? 0);
      s.matched[doc] = (s.matched[doc] ?? 0) + 1;
      if (mode === 'and') s.candidates[candidateLength++] = doc;
    }
    if (mode === 'and') {
      s.candidateLength = candidateLength;
      s.candidatesSorted = false;
    }
  }

  /**
   * Scores one term's postings. With `phrasePart` < 0 each passage's score goes to the group
   * (best alternative wins); otherwise it is part `phrasePart` of a phrase alternative, and
   * counts only for passages that had every earlier part.
   */
  private scoreTerm(
    s: Scratch,
    termId: number,
    weight: number,
    restrict: boolean,
    g: number,
    stamp: number,
    phrasePart: number,
    direct: boolean,
  ): void {
    const { postingStart, postingDocs, postingFreqs } = this.data;
    const norms = this.norms;
    const start = postingStart[termId] ?? 0;
    const end = postingStart[termId + 1] ?? 0;
    const df = end - start;
    const n = this.documentCount;
    const factor = weight * Math.log(1 + (n - df + 0.5) / (df + 0.5));
    // Actors are a field of their own: no length normalisation.
    const isActor = this.data.terms.items[termId]?.startsWith('@') ?? false;
    const score = (doc: number, freq: number): number => {
      const norm = isActor ? BM25_K : (norms[doc] ?? BM25_K);
      return factor * (BM25_D + (freq * (BM25_K + 1)) / (freq + norm));
    };
    const take = (doc: number, freq: number): void => {
      if (phrasePart < 0 && !direct) offerGroup(s, stamp, doc, score(doc, freq));
      else if (phrasePart < 0) offerTotal(s, doc, score(doc, freq));
      else if (phrasePart === 0) {
        s.altStamp[doc] = stamp;
        s.altCount[doc] = 1;
        s.altScore[doc] = score(doc, freq);
        s.altDocs[s.altLength++] = doc;
      } else if (s.altStamp[doc] === stamp && s.altCount[doc] === phrasePart) {
        s.altCount[doc] = phrasePart + 1;
        s.altScore[doc] = (s.altScore[doc] ?? 0) + score(doc, freq);
      }
    };

    if (restrict && s.candidateLength * 20 < df) {
      if (!s.candidatesSorted) {
        s.candidates.subarray(0, s.candidateLength).sort();
        s.candidatesSorted = true;
      }
      let lo = start;
      for (let c = 0; c < s.candidateLength; c++) {
        const doc = s.candidates[c] ?? 0;
        // Candidates ascend, so each search starts where the last one ended.
        let hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((postingDocs[mid] ?? 0) < doc) lo = mid + 1;
          else hi = mid;
        }
        if (lo < end && postingDocs[lo] === doc) take(doc, postingFreqs[lo] ?? 1);
      }
      return;
    }

    if (phrasePart < 0) {
      // The common case, kept free of calls: one word, every passage that has it.
      for (let p = start; p < end; p++) {
        const doc = postingDocs[p] ?? 0;
        if (restrict && s.matched[doc] !== g) continue;
        const freq = postingFreqs[p] ?? 1;
        const norm = isActor ? BM25_K : (norms[doc] ?? BM25_K);
        const value = factor * (BM25_D + (freq * (BM25_K + 1)) / (freq + norm));
        if (direct) {
          if (s.matched[doc] === 0) {
            s.matched[doc] = 1;
            s.total[doc] = value;
            s.touched[s.touchedLength++] = doc;
          } else if (value > (s.total[doc] ?? 0)) {
            s.total[doc] = value;
          }
        } else if (s.groupStamp[doc] !== stamp) {
          s.groupStamp[doc] = stamp;
          s.groupScore[doc] = value;
          s.groupDocs[s.groupLength++] = doc;
        } else if (value > (s.groupScore[doc] ?? 0)) {
          s.groupScore[doc] = value;
        }
      }
      return;
    }
    for (let p = start; p < end; p++) {
      const doc = postingDocs[p] ?? 0;
      if (restrict && s.matched[doc] !== g) continue;
      take(doc, postingFreqs[p] ?? 1);
    }
  }

  // --- Hits -----------------------------------------------------------------------------

  private hit(doc: number, score: number, wanted: WantedTerms): SearchHit {
    const passageId = this.data.passageIds[doc] ?? '';
    const passage = this.passages[doc];
    if (passage === undefined) return { passageId, score, matchedTerms: [], highlights: [] };
    const language = termLanguage(passage.language);
    // Only words with a term of the query are kept: [start, end, term] flattened.
    const spans: (number | string)[] = [];
    const present = new Set<string>();
    const text = passage.text;
    forEachWord(text, (start, end) => {
      for (const term of analyzeWord(text.slice(start, end)).terms[language]) {
        if (!wanted.all.has(term)) continue;
        present.add(term);
        spans.push(start, end, term);
      }
    });
    for (const id of passage.actorIds) present.add(actorTerm(id));
    const matched = new Set<string>();
    for (const term of present) if (wanted.single.has(term)) matched.add(term);
    for (const phrase of wanted.phrases) {
      if (phrase.every((t) => present.has(t))) for (const t of phrase) matched.add(t);
    }
    const matchedTerms: string[] = [];
    const highlights: (readonly [number, number])[] = [];
    for (let i = 0; i < spans.length; i += 3) {
      const term = spans[i + 2] as string;
      if (!matched.has(term)) continue;
      const start = spans[i] as number;
      const end = spans[i + 1] as number;
      const last = highlights[highlights.length - 1];
      if (last === undefined || last[0] !== start) highlights.push([start, end]);
      if (!matchedTerms.includes(term)) matchedTerms.push(term);
    }
    return { passageId, score, matchedTerms, highlights };
  }
}

/** The terms a query looks for, to find them again in a passage for highlighting. */
type WantedTerms = {
  readonly all: ReadonlySet<string>;
  /** Terms that match on their own. */
  readonly single: ReadonlySet<string>;
  /** Phrases, which match only together. */
  readonly phrases: readonly (readonly string[])[];
};

function wantedTerms(groups: readonly Group[]): WantedTerms {
  const all = new Set<string>();
  const single = new Set<string>();
  const phrases: (readonly string[])[] = [];
  for (const group of groups) {
    for (const alt of group.alternatives) {
      for (const t of alt.terms) all.add(t);
      if (alt.terms.length === 1) single.add(alt.terms[0] ?? '');
      else phrases.push(alt.terms);
    }
  }
  return { all, single, phrases };
}

/** Records a passage's score for the current group; the best alternative wins. */
function offerGroup(s: Scratch, stamp: number, doc: number, score: number): void {
  if (s.groupStamp[doc] !== stamp) {
    s.groupStamp[doc] = stamp;
    s.groupScore[doc] = score;
    s.groupDocs[s.groupLength++] = doc;
  } else if (score > (s.groupScore[doc] ?? 0)) {
    s.groupScore[doc] = score;
  }
}

/** Records a passage's score for a first group, straight into the totals; the best alternative wins. */
function offerTotal(s: Scratch, doc: number, score: number): void {
  if (s.matched[doc] === 0) {
    s.matched[doc] = 1;
    s.total[doc] = score;
    s.touched[s.touchedLength++] = doc;
  } else if (score > (s.total[doc] ?? 0)) {
    s.total[doc] = score;
  }
}

/** Whether a query word names an actor id or a part of it ("aliyev" in "ilham-aliyev"). */
function actorIdMentions(actorId: string, folded: string): boolean {
  const id = actorId.toLowerCase();
  if (id === folded) return true;
  return folded.length >= 4 && id.split(/[-_\s.]+/).includes(folded);
}

/** The k best (doc, score) pairs: a min-heap on score, ties to the earlier passage. */
class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  private worse(i: number, j: number): boolean {
    const a = this.scores[i] ?? 0;
    const b = this.scores[j] ?? 0;
    return a < b || (a === b && (this.docs[i] ?? 0) > (this.docs[j] ?? 0));
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j] ?? 0, this.docs[i] ?? 0];
    [this.scores[i], this.scores[j]] = [this.scores[j] ?? 0, this.scores[i] ?? 0];
  }

  /** Whether `offer` would keep this pair: a cheap test for the many that lose. */
  accepts(doc: number, score: number): boolean {
    if (this.docs.length < this.k) return true;
    const rootScore = this.scores[0] ?? 0;
    return score > rootScore || (score === rootScore && doc < (this.docs[0] ?? 0));
  }

  offer(doc: number, score: number): void {
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.scores.push(score);
      let i = this.docs.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const rootScore = this.scores[0] ?? 0;
    if (score < rootScore || (score === rootScore && doc > (this.docs[0] ?? 0))) return;
    this.docs[0] = doc;
    this.scores[0] = score;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.docs.length && this.worse(left, smallest)) smallest = left;
      if (right < this.docs.length && this.worse(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  sorted(): { doc: number; score: number }[] {
    return this.docs.map((doc, i) => ({ doc, score: this.scores[i] ?? 0 })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}

// ---------------------------------------------------------------------------------------
// Public API

/**
 * Indexes passages for search. The glossary lets a query in one language find passages
 * in the other.
 *
 * @example
 * const index = buildPassageIndex(passages, glossary);
 * index.search('ceasefire')[0]?.passageId // a passage saying "gencatan senjata"
 */
export function buildPassageIndex(passages: readonly SearchablePassage[], glossary: readonly GlossaryEntry[]): PassageIndex {
  const ids = new Set<string>();
  for (const p of passages) {
    if (ids.has(p.id)) throw new Error(`search: duplicate passage id ${JSON.stringify(p.id)}`);
    ids.add(p.id);
  }
  const data = buildData(passages, fingerprintOf(passages, glossary));
  return new Index(data, passages, compileGlossary(glossary));
}

/**
 * Loads an index saved with `toJSON()` (the object, or its JSON text). `passages` and
 * `glossary` must be the ones it was built from; throws when they, or the stemmers, have
 * changed since, or when `json` is not a saved index: build the index again then.
 *
 * @example
 * const saved = JSON.stringify(buildPassageIndex(passages, glossary));
 * const index = loadPassageIndex(JSON.parse(saved), passages, glossary);
 */
export function loadPassageIndex(json: unknown, passages: readonly SearchablePassage[], glossary: readonly GlossaryEntry[]): PassageIndex {
  const saved = parseSaved(json);
  if (saved.fingerprint !== fingerprintOf(passages, glossary)) {
    throw new Error('search: the saved index was built from other passages, glossary or stemmers; build it again');
  }
  const data = loadData(saved);
  // Passages in index order: the fingerprint covers their order, so it is the given order.
  return new Index(data, passages, compileGlossary(glossary));
}

/**
 * Wraps ranges of `text` in `**`. Overlapping ranges, and ranges separated only by spaces,
 * become one ("**gencatan senjata**"). Ranges outside the text are clipped; empty ones dropped.
 *
 * @example
 * highlight('gencatan senjata dilanggar', [[0, 8], [9, 16]]) // '**gencatan senjata** dilanggar'
 */
export function highlight(text: string, highlights: readonly (readonly [number, number])[]): string {
  const ranges = highlights
    .map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as const)
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && (a <= last[1] || /^[ \t]+$/.test(text.slice(last[1], a)))) {
      last[1] = Math.max(last[1], b);
    } else {
      merged.push([a, b]);
    }
  }
  let out = '';
  let at = 0;
  for (const [a, b] of merged) {
    out += `${text.slice(at, a)}**${text.slice(a, b)}**`;
    at = b;
  }
  return out + text.slice(at);
}
