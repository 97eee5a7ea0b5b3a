/**
 * The saved form of a passage index: MiniSearch's own `toJSON()`, and beside it what the query
 * plan adds (document frequencies, the passages' words, ready answers, phrase aliases), with
 * a fingerprint of what it was built from.
 */

import MiniSearch, { type AsPlainObject } from 'minisearch';
import { createHash } from 'node:crypto';
import type { GlossaryEntry } from '../knowledge/model.js';
import type { SearchablePassage } from './hits.js';
import { INDONESIAN_ROOTS } from './id-roots.js';
import { miniSearchOptions, type IndexedPassage } from './minisearch-options.js';
import type { ReadyAnswer } from './passage-index.js';
import { STOP_WORDS } from './stopwords.js';

const FORMAT = 'sumber/passage-index';
/** 2: MiniSearch inside. */
const FORMAT_VERSION = 2;
/** Bump when the analysis of words changes in a way the root list and stop words don't show. */
const ANALYZER_VERSION = 2;

/** What building adds to MiniSearch; saved beside it. */
export type Extras = {
  readonly frequencies: ReadonlyMap<string, number>;
  readonly words: readonly string[];
  readonly ready: ReadonlyMap<string, ReadyAnswer>;
  readonly phraseAliases: ReadonlyMap<string, string>;
};

type SavedIndex = {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly fingerprint: string;
  readonly documentCount: number;
  /** MiniSearch's own `toJSON()`, its terms in order. */
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

let analyzerHash: string | undefined;
function analyzerFingerprint(): string {
  analyzerHash ??= createHash('sha1')
    .update(`${ANALYZER_VERSION}\n${[...INDONESIAN_ROOTS].join(' ')}\n${[...STOP_WORDS].join(' ')}`)
    .digest('hex');
  return analyzerHash;
}

/** A digest of the passages and glossary (SHA-1 from node:crypto: native, and not for security). */
export function fingerprintOf(passages: readonly SearchablePassage[], glossary: readonly GlossaryEntry[]): string {
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

export function saveIndex(miniSearch: MiniSearch<IndexedPassage>, extras: Extras, fingerprint: string, documentCount: number): unknown {
  const frequencies = [...extras.frequencies];
  const saved: SavedIndex = {
    format: FORMAT,
    version: FORMAT_VERSION,
    fingerprint,
    documentCount,
    miniSearch: canonical(miniSearch.toJSON()),
    terms: frequencies.map(([t]) => t).join('\n'),
    documentFrequencies: frequencies.map(([, n]) => n),
    words: extras.words.join('\n'),
    ready: [...extras.ready].map(([term, { docs, scores }]) => [term, [...docs], [...scores]] as const),
    phraseAliases: [...extras.phraseAliases],
  };
  return saved;
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

/** MiniSearch and the extras from a saved index; throws when it is not one, or not of these passages. */
export function readSavedIndex(
  json: unknown,
  fingerprint: string,
  documentCount: number,
): { miniSearch: MiniSearch<IndexedPassage>; extras: Extras } {
  const saved = parseSaved(json);
  if (saved.fingerprint !== fingerprint || saved.documentCount !== documentCount) {
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
  if (miniSearch.documentCount !== documentCount) throw invalid('MiniSearch holds another number of passages');
  return { miniSearch, extras: { frequencies, words: splitLines(saved.words), ready, phraseAliases: new Map(saved.phraseAliases) } };
}
