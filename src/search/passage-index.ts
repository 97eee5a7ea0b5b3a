/**
 * The passage index: MiniSearch, with a query plan around it.
 *
 * MiniSearch scores every passage of every term it is asked about, about a microsecond each,
 * and has no top-k. So it is asked carefully:
 * - AND first, OR only when no passage has every group of the query (see plan.ts).
 * - Candidates first: the passages of the query's rarest group (document frequencies are
 *   counted at build time), when it has at most `postingBudget` of them. The whole query is then
 *   scored by MiniSearch on those candidates only: the rest of a long posting list is skipped
 *   by `boostDocument` returning 0, a tenth of the cost of scoring it. With AND this is exact:
 *   every passage with all the groups has the rarest one.
 * - When every group is common, the candidates are the ready answers kept from the build: the
 *   best READY_SIZE passages of each term in more passages than the budget, as
 *   MiniSearch ranked that term alone. Exact for a one-word query up to READY_SIZE hits; for
 *   more words the best passages of each word are very likely among the best for all.
 * - A small cache of answers, because a class asks the same questions.
 */

import type MiniSearch from 'minisearch';
import { type Query, type SearchResult } from 'minisearch';
import type { Alternative, Group } from './plan.js';
import { TEXT_FIELDS, type Field } from './minisearch-options.js';

/**
 * Passages a group may have for MiniSearch to score them all as candidates; above it, the
 * ready answers are used. At most 4,000, and 1 in 25 of the passages down to 500, so that a
 * smaller library gets ready answers for its commonest words too.
 */
const POSTING_BUDGET = 4000;
const POSTING_BUDGET_SHARE = 1 / 25;
const MIN_POSTING_BUDGET = 500;

/** The posting budget for an index of `passages` passages; terms in more passages get ready answers. */
export function postingBudget(passages: number): number {
  return Math.min(POSTING_BUDGET, Math.max(MIN_POSTING_BUDGET, Math.round(passages * POSTING_BUDGET_SHARE)));
}

/** Passages kept per ready answer. */
const READY_SIZE = 1000;

/** Candidates per hit asked for, from each common term's ready answer, when MiniSearch must score them. */
const CANDIDATES_PER_HIT = 10;
const MIN_CANDIDATES = 200;

/** Each query actor a passage has multiplies its score by 1 + this. */
const ACTOR_BOOST = 0.5;

const FIELDS_OF: Readonly<Record<Alternative['field'], readonly Field[]>> = {
  text: TEXT_FIELDS,
  actors: ['actors'],
  concepts: TEXT_FIELDS,
};

export type Ranked = { readonly doc: number; readonly score: number };

/** A common term's best passages and their scores, as MiniSearch ranked the term alone at build time. */
export type ReadyAnswer = { readonly docs: Uint32Array; readonly scores: Float64Array };

/** How a query is restricted and boosted, per passage. */
export type Restriction = {
  /** Passages that may match at all (the `actorId` filter), or undefined for all. */
  readonly allowed?: (doc: number) => boolean;
  /** The boost of a passage for the actors named in the query: 1 + ACTOR_BOOST x shared. */
  readonly sharedActors?: (doc: number) => number;
};

function alternativeQuery(alt: Alternative): Query {
  const fields = [...FIELDS_OF[alt.field]];
  const boost = Object.fromEntries(fields.map((f) => [f, alt.weight]));
  return { combineWith: 'AND', queries: [...alt.terms], fields, boost };
}

const groupQuery = (group: Group): Query => ({ combineWith: 'OR', queries: group.alternatives.map(alternativeQuery) });

/** Runs query plans on one MiniSearch instance. */
export class QueryRunner {
  /** Candidate marks: passage d is a candidate of the current query when marks[d] === stamp. */
  private readonly marks: Uint32Array;
  /** For summing ready answers: score, groups matched, and the last group counted, per passage. */
  private readonly sums: Float64Array;
  private readonly groupCounts: Uint8Array;
  private readonly groupStamps: Float64Array;
  private stamp = 0;
  private readonly budget: number;

  constructor(
    private readonly miniSearch: MiniSearch,
    private readonly ready: ReadonlyMap<string, ReadyAnswer>,
    private readonly documentFrequency: (term: string) => number,
  ) {
    this.marks = new Uint32Array(miniSearch.documentCount);
    this.sums = new Float64Array(miniSearch.documentCount);
    this.groupCounts = new Uint8Array(miniSearch.documentCount);
    this.groupStamps = new Float64Array(miniSearch.documentCount);
    this.budget = postingBudget(miniSearch.documentCount);
  }

  /**
   * The passages for groups, best first; AND, then OR when AND finds nothing: the best `limit`
   * of them (fewer when there are not so many).
   */
  rank(groups: readonly Group[], restriction: Restriction, limit: number): Ranked[] {
    const and = this.rankMode(groups, 'AND', restriction, limit);
    if (and.length > 0 || groups.length < 2) return and;
    return this.rankMode(groups, 'OR', restriction, limit);
  }

  private rankMode(groups: readonly Group[], mode: 'AND' | 'OR', restriction: Restriction, limit: number): Ranked[] {
    const cheapest = [...groups].sort((a, b) => a.cost - b.cost)[0];
    if (cheapest === undefined) return [];
    // From the ready answers when every group is common, or for OR (the fallback, where a
    // common word's passages beyond its best 1,000 only add to the tail).
    if (cheapest.cost > this.budget || mode === 'OR') {
      const ready = this.fromAnswers(groups, mode, restriction, limit);
      if (ready !== null && ready.length >= limit) return ready;
    }
    const query: Query = { combineWith: mode, queries: groups.map(groupQuery) };
    const candidates = Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_HIT);
    if (groups.length === 1 && cheapest.cost <= this.budget) return this.score(query, groups, mode, restriction, false, limit);
    this.nextStamp();
    if (mode === 'AND' && cheapest.cost <= this.budget) {
      this.mark(groupQuery(cheapest), restriction);
    } else if (mode === 'AND') {
      // Every passage AND finds is among the cheapest group's; its best are the likely winners.
      this.markReady(cheapest, restriction, candidates);
    } else {
      for (const group of groups) {
        if (group.cost <= this.budget) this.mark(groupQuery(group), restriction);
        else this.markReady(group, restriction, candidates);
      }
    }
    return this.score(query, groups, mode, restriction, true, limit);
  }

  /**
   * When every group is common: scores from the ready answers of the common terms, and from
   * MiniSearch for the alternatives that have none (each has at most `budget`
   * passages). No long posting list is walked. A passage outside a term's ready answer counts
   * as not having it, so AND may find fewer passages than there are; the caller then asks
   * MiniSearch. Null when some alternative is neither (a phrase of common words).
   */
  private fromAnswers(groups: readonly Group[], mode: 'AND' | 'OR', restriction: Restriction, limit: number): Ranked[] | null {
    // A ready answer with the weight its scores are multiplied by (an alternative's own answer has it already).
    const answers: { readonly answer: ReadyAnswer; readonly weight: number }[][] = [];
    for (const group of groups) {
      const list: { readonly answer: ReadyAnswer; readonly weight: number }[] = [];
      for (const alt of group.alternatives) {
        const answer = alt.terms.length === 1 ? this.ready.get(alt.terms[0] ?? '') : undefined;
        if (answer !== undefined) list.push({ answer, weight: alt.weight });
        else if (Math.min(...alt.terms.map(this.documentFrequency)) <= this.budget) list.push({ answer: this.answer(alt), weight: 1 });
        else return null;
      }
      answers.push(list);
    }
    // Summed in arrays kept from query to query: a few thousand passages, no object for each.
    this.nextStamp();
    const { sums, groupCounts, groupStamps, marks } = this;
    const stamp = this.stamp;
    const touched: number[] = [];
    answers.forEach((list, g) => {
      const groupStamp = stamp * 32 + (g % 32);
      for (const { answer, weight } of list) {
        const { docs, scores } = answer;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i] ?? 0;
          if (marks[doc] !== stamp) {
            marks[doc] = stamp;
            sums[doc] = 0;
            groupCounts[doc] = 0;
            touched.push(doc);
          }
          // Multiplied by 1 when unweighted: the same number, as before weights were applied here.
          sums[doc] = (sums[doc] ?? 0) + (scores[i] ?? 0) * weight;
          if (groupStamps[doc] !== groupStamp) {
            groupStamps[doc] = groupStamp;
            groupCounts[doc] = (groupCounts[doc] ?? 0) + 1;
          }
        }
      }
    });
    const { allowed, sharedActors } = restriction;
    const ranked = new TopRanked(limit);
    for (const doc of touched) {
      const matched = groupCounts[doc] ?? 0;
      if (mode === 'AND' && matched < groups.length) continue;
      if (allowed !== undefined && !allowed(doc)) continue;
      ranked.offer(doc, (sums[doc] ?? 0) * (sharedActors?.(doc) ?? 1) * (mode === 'OR' ? matched : 1));
    }
    return ranked.best();
  }

  /** Every passage of one alternative, scored by MiniSearch (weight included). */
  private answer(alt: Alternative): ReadyAnswer {
    const results = this.miniSearch.search(alternativeQuery(alt));
    return { docs: Uint32Array.from(results, (r) => r.id as number), scores: Float64Array.from(results, rawScore) };
  }

  private nextStamp(): void {
    if (this.stamp >= 0xfffffff0) {
      this.stamp = 0;
      this.marks.fill(0);
      this.groupStamps.fill(0);
    }
    this.stamp++;
  }

  /** Marks every passage a query finds. */
  private mark(query: Query, restriction: Restriction): void {
    const allowed = restriction.allowed;
    const boostDocument = allowed === undefined ? undefined : (doc: number) => (allowed(doc) ? 1 : 0);
    for (const result of this.miniSearch.search(query, { boostDocument })) this.marks[result.id as number] = this.stamp;
  }

  /** Marks a group's candidates: the ready answers of its common terms, every passage of the others. */
  private markReady(group: Group, restriction: Restriction, perTerm: number): void {
    for (const alt of group.alternatives) {
      const rarest = [...alt.terms].sort((a, b) => this.documentFrequency(a) - this.documentFrequency(b))[0] ?? '';
      const ready = this.ready.get(rarest);
      if (ready === undefined) {
        this.mark(alternativeQuery(alt), restriction);
        continue;
      }
      for (const doc of ready.docs.subarray(0, perTerm)) if (restriction.allowed?.(doc) ?? true) this.marks[doc] = this.stamp;
    }
  }

  private score(
    query: Query,
    groups: readonly Group[],
    mode: 'AND' | 'OR',
    restriction: Restriction,
    marked: boolean,
    limit: number,
  ): Ranked[] {
    const { allowed, sharedActors } = restriction;
    const marks = this.marks;
    const stamp = this.stamp;
    const boostDocument =
      marked || allowed !== undefined || sharedActors !== undefined
        ? (doc: number) => {
            if (marked && marks[doc] !== stamp) return 0;
            if (!marked && allowed !== undefined && !allowed(doc)) return 0;
            return sharedActors?.(doc) ?? 1;
          }
        : undefined;
    const results = this.miniSearch.search(query, { boostDocument });
    const groupOf = mode === 'OR' ? termGroups(groups) : undefined;
    const ranked = new TopRanked(limit);
    for (const r of results) ranked.offer(r.id as number, rawScore(r) * (groupOf ? matchedGroups(r, groupOf) : 1));
    return ranked.best();
  }
}

/**
 * The best `limit` passages offered, better score first, then the earlier passage (a total
 * order: a passage is offered once), as sorting all of them and keeping the first `limit` would
 * give, without sorting thousands of passages to show 30 or making an object for each: the best
 * so far are kept sorted and a passage is compared with the worst of them first.
 */
class TopRanked {
  private readonly top: Ranked[] = [];

  constructor(private readonly limit: number) {}

  offer(doc: number, score: number): void {
    const top = this.top;
    if (this.limit <= 0) return;
    const worst = top[top.length - 1];
    if (top.length >= this.limit && worst !== undefined && !ranksBefore(doc, score, worst)) return;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = top[mid];
      if (other !== undefined && !ranksBefore(doc, score, other)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, { doc, score });
    if (top.length > this.limit) top.pop();
  }

  best(): Ranked[] {
    return this.top;
  }
}

/** Whether passage `doc` with `score` comes before `other`. */
const ranksBefore = (doc: number, score: number, other: Ranked): boolean =>
  score > other.score || (score === other.score && doc < other.doc);

/** MiniSearch multiplies a score by the number of query terms matched; our groups count instead. */
const rawScore = (result: SearchResult): number => result.score / Math.max(1, result.queryTerms.length);

function termGroups(groups: readonly Group[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  groups.forEach((group, g) => {
    for (const alt of group.alternatives) for (const term of alt.terms) out.set(term, [...(out.get(term) ?? []), g]);
  });
  return out;
}

function matchedGroups(result: SearchResult, groupOf: ReadonlyMap<string, readonly number[]>): number {
  const matched = new Set<number>();
  for (const term of result.queryTerms) for (const g of groupOf.get(term) ?? []) matched.add(g);
  return Math.max(1, matched.size);
}

/** The boost of the actors named in a query, per passage. */
export function actorBoost(actorIdsOf: (doc: number) => readonly string[], queryActorIds: readonly string[]): (doc: number) => number {
  return (doc) => {
    let shared = 0;
    for (const id of actorIdsOf(doc)) if (queryActorIds.includes(id)) shared++;
    return 1 + ACTOR_BOOST * shared;
  };
}

/** The best READY_SIZE passages of every common term, as MiniSearch ranks the term alone. */
export function buildReadyAnswers(miniSearch: MiniSearch, frequencies: ReadonlyMap<string, number>): Map<string, ReadyAnswer> {
  const ready = new Map<string, ReadyAnswer>();
  const budget = postingBudget(miniSearch.documentCount);
  for (const [term, df] of frequencies) {
    if (df <= budget) continue;
    const field = term.startsWith('@') ? 'actors' : term.startsWith('=') ? 'concepts' : 'text';
    const results = miniSearch.search(alternativeQuery({ field, terms: [term], weight: 1 }));
    const best = results.slice(0, READY_SIZE);
    ready.set(term, { docs: Uint32Array.from(best, (r) => r.id as number), scores: Float64Array.from(best, rawScore) });
  }
  return ready;
}
