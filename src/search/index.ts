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

import MiniSearch, { type AsPlainObject } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { createHash } from 'node:crypto';
import type { GlossaryEntry } from '../knowledge/model.js';
import type { WordCache } from './analyze.js';
import { compileGlossary, type CompiledGlossary } from './glossary.js';
import { makeHit, wantedTerms, type SearchablePassage, type SearchHit } from './hits.js';
import { INDONESIAN_ROOTS } from './id-roots.js';
import { miniSearchOptions, type IndexedPassage } from './minisearch-options.js';
import { actorBoost, buildReadyAnswers, QueryRunner, type ReadyAnswer } from './passage-index.js';
import { actorTerm, planQuery, type Vocabulary } from './plan.js';
import { STOP_WORDS } from './stopwords.js';
import { LruCache } from './lru.js';
import { readPassages } from './reading.js';

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

const FORMAT = 'sumber/passage-index';
/** 2: MiniSearch inside. */
const FORMAT_VERSION = 2;
/** Bump when the analysis of words changes in a way the root list and stop words don't show. */
const ANALYZER_VERSION = 2;

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;
const CACHE_SIZE = 256;

type SavedIndex = {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly fingerprint: string;
  readonly documentCount: number;
  /** MiniSearch's own `toJSON()`. */
  readonly miniSearch: unknown;
  /** Terms and the number of passages with each, in two parallel lists. */
  readonly terms: string;
  readonly documentFrequencies: readonly number[];
  /** The passages' words, folded, one per line. */
  readonly words: string;
  /** Ready answers: term, passage positions, their scores. */
  readonly ready: readonly (readonly [string, readonly number[], readonly number[]])[];
  /** One-word glossary phrases looked up as a text term: [phrase term, text term]. */
  readonly phraseAliases: readonly (readonly [string, string])[];
};

/** What building adds to MiniSearch; saved beside it. */
type Extras = {
  readonly frequencies: ReadonlyMap<string, number>;
  readonly words: readonly string[];
  readonly ready: ReadonlyMap<string, ReadyAnswer>;
  readonly phraseAliases: ReadonlyMap<string, string>;
};

let analyzerHash: string | undefined;
function analyzerFingerprint(): string {
  analyzerHash ??= createHash('sha1')
    .update(`${ANALYZER_VERSION}\n${[...INDONESIAN_ROOTS].join(' ')}\n${[...STOP_WORDS].join(' ')}`)
    .digest('hex');
  return analyzerHash;
}

/** A digest of the passages and glossary (SHA-1 from node:crypto: native, and not for security). */
function fingerprintOf(passages: readonly SearchablePassage[], glossary: readonly GlossaryEntry[]): string {
  const hash = createHash('sha1').update(analyzerFingerprint());
  // Each part with its length first, so that ("ab", "c") and ("a", "bc") differ; hashed a few
  // hundred passages at a time, as one native call per part was most of the time.
  let batch = '';
  const add = (part: string) => {
    batch += `${part.length}:${part}`;
    if (batch.length > 1 << 16) {
      hash.update(batch);
      batch = '';
    }
  };
  for (const p of passages) {
    add(p.id);
    add(p.language);
    add(p.actorIds.join('\n'));
    add(p.text);
  }
  for (const entry of glossary) add(`${entry.en.join('\n')}\t${entry.id.join('\n')}`);
  hash.update(batch);
  return hash.digest('hex');
}

/** MiniSearch's JSON with its terms in order: the tree's own order depends on how it was filled. */
function canonical(json: AsPlainObject): AsPlainObject {
  const index = [...json.index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { ...json, index };
}

function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}

class Index implements PassageIndex {
  private readonly runner: QueryRunner;
  private readonly vocabulary: Vocabulary;
  private readonly cache = new LruCache<string, SearchHit[]>(CACHE_SIZE);
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

  get documentCount(): number {
    return this.passages.length;
  }

  clearCache(): void {
    this.cache.clear();
  }

  toJSON(): unknown {
    const frequencies = [...this.extras.frequencies];
    const saved: SavedIndex = {
      format: FORMAT,
      version: FORMAT_VERSION,
      fingerprint: this.fingerprint,
      documentCount: this.passages.length,
      miniSearch: canonical(this.miniSearch.toJSON()),
      terms: frequencies.map(([t]) => t).join('\n'),
      documentFrequencies: frequencies.map(([, n]) => n),
      words: this.extras.words.join('\n'),
      ready: [...this.extras.ready].map(
        ([term, { docs, scores }]) => [term, [...docs], [...scores].map((x) => Number(x.toPrecision(9)))] as const,
      ),
      phraseAliases: [...this.extras.phraseAliases],
    };
    return saved;
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
        return passage === undefined ? [] : [makeHit(passage, score, wanted, this.glossary)];
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
  for (const key of ['fingerprint', 'terms', 'words'] as const) if (typeof saved[key] !== 'string') throw invalid(`${key} missing`);
  if (typeof saved.documentCount !== 'number') throw invalid('passage count missing');
  if (!Array.isArray(saved.documentFrequencies) || !Array.isArray(saved.ready) || !Array.isArray(saved.phraseAliases)) {
    throw invalid('frequencies missing');
  }
  if (typeof saved.miniSearch !== 'object' || saved.miniSearch === null) throw invalid('MiniSearch index missing');
  return saved as SavedIndex;
}

const splitLines = (text: string): string[] => (text === '' ? [] : text.split('\n'));

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
  const fingerprint = fingerprintOf(passages, glossary);
  if (saved.fingerprint !== fingerprint || saved.documentCount !== passages.length) {
    throw new Error('search: the saved index was built from other passages, glossary or stemmers; build it again');
  }
  const terms = splitLines(saved.terms);
  if (terms.length !== saved.documentFrequencies.length) throw invalid('terms and frequencies differ in length');
  const frequencies = new Map(terms.map((t, i) => [t, Number(saved.documentFrequencies[i])]));
  const ready = new Map(
    saved.ready.map(([term, docs, scores]): [string, ReadyAnswer] => {
      if (!Array.isArray(docs) || !Array.isArray(scores) || docs.length !== scores.length) throw invalid(`ready answer of ${term} damaged`);
      return [term, { docs: Uint32Array.from(docs), scores: Float64Array.from(scores) }];
    }),
  );
  let miniSearch: MiniSearch<IndexedPassage>;
  try {
    miniSearch = MiniSearch.loadJS(saved.miniSearch as AsPlainObject, miniSearchOptions(new Map()));
  } catch (error) {
    throw invalid(`MiniSearch could not load it: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (miniSearch.documentCount !== passages.length) throw invalid('MiniSearch holds another number of passages');
  const phraseAliases = new Map(saved.phraseAliases);
  return new Index(
    miniSearch,
    { frequencies, words: splitLines(saved.words), ready, phraseAliases },
    passages,
    compileGlossary(glossary),
    fingerprint,
  );
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
