/**
 * Full-text search over passages, for questions in Indonesian or English: MiniSearch, given
 * our analyzer as its options (minisearch-options.ts), asked through a query plan (plan.ts,
 * passage-index.ts).
 *
 * - Words are folded (Erdoğan = Erdogan) and stemmed by the passage's language; a query word
 *   is tried as written and stemmed both ways, since a query's language is not known.
 * - The glossary carries a query across languages: "ceasefire" also finds "gencatan senjata",
 *   matched as a phrase, and the other way round.
 * - All query words must match (AND); only when no passage has them all do passages with some
 *   of them count (OR), ranked by how many they have.
 * - Typos: a word of 5+ letters found nowhere is corrected to the nearest word of the passages.
 *   The last word, while still being typed and found nowhere ("negoti"), is completed.
 * - Actors: `actorId` keeps only passages of that actor; `queryActorIds` boosts passages of
 *   those actors, and a query word that is part of such an actor id ("aliyev") matches
 *   passages tagged with the actor.
 */

import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { GlossaryEntry } from '../knowledge/model.js';
import type { WordCache } from './analyze.js';
import { compileGlossary, meaningfulWords, type CompiledGlossary, type PassageWord } from './glossary.js';
import { makeHit, wantedTerms, type SearchablePassage, type SearchHit } from './hits.js';
import { LruCache } from './lru.js';
import { miniSearchOptions, type IndexedPassage } from './minisearch-options.js';
import { actorBoost, buildReadyAnswers, QueryRunner } from './passage-index.js';
import { actorTerm, planQuery, type Vocabulary } from './plan.js';
import { readPassages } from './reading.js';
import { fingerprintOf, readSavedIndex, saveIndex, type Extras } from './saved-index.js';

export type { SearchablePassage, SearchHit } from './hits.js';

export type SearchOptions = {
  /** Most hits to return; 10 when not given. */
  readonly limit?: number;
  /** only passages mentioning this actor */
  readonly actorId?: string;
  /** actors named in the query, resolved by the caller: boosts passages whose actors field has them */
  readonly queryActorIds?: readonly string[];
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
  /** Forgets the cached answers (for measuring). */
  clearCache(): void;
};

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;
const CACHE_SIZE = 256;
const PASSAGE_WORDS_CACHE_SIZE = 4096;

function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}

class Index implements PassageIndex {
  private readonly runner: QueryRunner;
  private readonly vocabulary: Vocabulary;
  private readonly cache = new LruCache<string, SearchHit[]>(CACHE_SIZE);
  /** The words of recent hits: the best passages of common words come back query after query. */
  private readonly passageWords = new LruCache<number, PassageWord[]>(PASSAGE_WORDS_CACHE_SIZE);
  private wordMap: SearchableMap<true> | undefined;

  constructor(
    private readonly miniSearch: MiniSearch<IndexedPassage>,
    private readonly extras: Extras,
    private readonly passages: readonly SearchablePassage[],
    private readonly glossary: CompiledGlossary,
    private readonly fingerprint: string,
  ) {
    const df = (term: string): number => extras.frequencies.get(term) ?? 0;
    this.runner = new QueryRunner(miniSearch as MiniSearch, extras.ready, df);
    const glossaryWords = SearchableMap.from(glossary.words.map((w): [string, true] => [w, true]));
    this.vocabulary = {
      documentFrequency: df,
      phraseTerm: (term) => extras.phraseAliases.get(term),
      // Built on the first word that needs it: most start-ups never correct a typo before the next reload.
      words: () => (this.wordMap ??= SearchableMap.from(extras.words.map((w): [string, true] => [w, true]))),
      glossary,
      glossaryWords,
    };
  }

  private wordsOf(doc: number, passage: SearchablePassage): PassageWord[] {
    let words = this.passageWords.get(doc);
    if (words === undefined) {
      words = meaningfulWords(passage.text);
      this.passageWords.set(doc, words);
    }
    return words;
  }

  get documentCount(): number {
    return this.passages.length;
  }

  clearCache(): void {
    this.cache.clear();
  }

  toJSON(): unknown {
    return saveIndex(this.miniSearch, this.extras, this.fingerprint, this.passages.length);
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
    if (actorId !== undefined && !this.extras.frequencies.has(actorTerm(actorId))) return [];

    const key = JSON.stringify([query, limit, actorId ?? null, queryActorIds]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return [...cached];

    const groups = planQuery(this.vocabulary, query, queryActorIds);
    let hits: SearchHit[] = [];
    if (groups.length > 0) {
      const actorsOf = (doc: number): readonly string[] => this.passages[doc]?.actorIds ?? [];
      const ranked = this.runner.rank(
        groups,
        {
          ...(actorId !== undefined ? { allowed: (doc: number) => actorsOf(doc).includes(actorId) } : {}),
          ...(queryActorIds.length > 0 ? { sharedActors: actorBoost(actorsOf, queryActorIds) } : {}),
        },
        limit,
      );
      const wanted = wantedTerms(groups);
      hits = ranked.slice(0, limit).flatMap(({ doc, score }) => {
        const passage = this.passages[doc];
        return passage === undefined ? [] : [makeHit(passage, this.wordsOf(doc, passage), score, wanted, this.glossary)];
      });
    }
    this.cache.set(key, hits);
    return [...hits];
  }
}

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
  const compiled = compileGlossary(glossary);
  const cache: WordCache = new Map();
  const { indexed, frequencies, words, phraseAliases } = readPassages(passages, compiled, cache);
  const miniSearch = new MiniSearch<IndexedPassage>(miniSearchOptions(cache));
  miniSearch.addAll(indexed);
  cache.clear();
  const ready = buildReadyAnswers(miniSearch as MiniSearch, frequencies);
  return new Index(miniSearch, { frequencies, words, ready, phraseAliases }, passages, compiled, fingerprintOf(passages, glossary));
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
  const fingerprint = fingerprintOf(passages, glossary);
  const { miniSearch, extras } = readSavedIndex(json, fingerprint, passages.length);
  return new Index(miniSearch, extras, passages, compileGlossary(glossary), fingerprint);
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
