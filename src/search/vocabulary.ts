/**
 * A sorted list of strings with exact, prefix and typo-tolerant lookup. Used for the index's
 * terms and for the words of its passages. A sorted array costs nothing to load (the saved
 * index stores it sorted) where a trie would have to be rebuilt, and binary search is fast
 * enough for the few lookups a query makes.
 */

import { editDistance } from '../text.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
/** Distance-2 candidates are looked for among words sharing this many first letters. */
const DISTANCE_2_SHARED_PREFIX = 3;
const DISTANCE_2_MAX_SCAN = 2_000;

export type NearWord = { readonly word: string; readonly distance: number };

export class SortedStrings {
  readonly items: readonly string[];

  /** `items` must be sorted with the default string order and free of duplicates. */
  constructor(items: readonly string[]) {
    this.items = items;
  }

  get size(): number {
    return this.items.length;
  }

  /** Position of the first item >= `key`. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.items[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of `key`, or -1. */
  indexOf(key: string): number {
    const i = this.lowerBound(key);
    return this.items[i] === key ? i : -1;
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  /** [start, end) of the items that start with `prefix`. */
  prefixRange(prefix: string): readonly [number, number] {
    const start = this.lowerBound(prefix);
    // Items sharing a prefix are contiguous; U+FFFF sorts after any character in a word.
    const end = this.lowerBound(`${prefix}\uffff`);
    return [start, Math.max(start, end)];
  }

  /**
   * Items within `maxDistance` edits of `word` (Levenshtein; a swap of two neighbouring
   * letters counts as one). Distance 1 is found by trying every single edit of `word`;
   * distance 2, tried only when nothing is 1 away, by scanning the items that share the
   * first three letters, since trying every double edit would be thousands of lookups.
   */
  near(word: string, maxDistance: 1 | 2): NearWord[] {
    const found = new Map<string, number>();
    const probe = (candidate: string): void => {
      if (candidate !== word && candidate.length > 0 && !found.has(candidate) && this.has(candidate)) {
        found.set(candidate, 1);
      }
    };
    for (let i = 0; i < word.length; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i + 1);
      probe(head + tail);
      if (i + 1 < word.length) probe(head + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2));
      for (const c of ALPHABET) {
        probe(head + c + tail);
        probe(head + c + word.slice(i));
      }
    }
    for (const c of ALPHABET) probe(word + c);
    if (found.size > 0 || maxDistance < 2 || word.length <= DISTANCE_2_SHARED_PREFIX) {
      return [...found].map(([w, distance]) => ({ word: w, distance }));
    }
    const [start, end] = this.prefixRange(word.slice(0, DISTANCE_2_SHARED_PREFIX));
    const stop = Math.min(end, start + DISTANCE_2_MAX_SCAN);
    const out: NearWord[] = [];
    for (let i = start; i < stop; i++) {
      const candidate = this.items[i] ?? '';
      if (Math.abs(candidate.length - word.length) > 2 || candidate === word) continue;
      const distance = editDistance(word, candidate, 2);
      if (distance <= 2) out.push({ word: candidate, distance });
    }
    return out;
  }
}
