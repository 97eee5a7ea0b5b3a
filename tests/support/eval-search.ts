/**
 * Search ranking on the labelled set in tests/fixtures/search/: short news articles of our
 * own, split into passages, and queries with the passages that should come first.
 *
 *   npx tsx tests/support/eval-search.ts      prints the figures and each query's rank
 *
 * Importing it prints nothing; `npm run eval` and the tests use `evaluateSearch`.
 */

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GlossaryEntry } from '../../src/knowledge/model.js';
import { buildPassageIndex, type PassageIndex, type SearchablePassage, type SearchOptions } from '../../src/search/index.js';
import { foldText } from '../../src/text.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'search');

/** One labelled query. */
export type RankingCase = {
  readonly query: string;
  readonly options?: SearchOptions;
  /** Passages that answer the query; one of them should come first (or within `within`). */
  readonly expectedTopPassageIds: readonly string[];
  /** The rank the first expected passage must reach: 1 unless a top-3 claim is the honest one. */
  readonly within?: number;
  readonly why: string;
};

export type SearchFixtures = {
  readonly passages: readonly SearchablePassage[];
  readonly glossary: readonly GlossaryEntry[];
  readonly cases: readonly RankingCase[];
};

type FixtureActor = { readonly id: string; readonly names: readonly string[] };

/** Whole-word, case- and accent-insensitive occurrence of `name` in `text`. */
function mentions(text: string, name: string): boolean {
  const escaped = foldText(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(foldText(text));
}

/**
 * Splits each article into passages (`<file>#<paragraph>`) tagged with the actors they name.
 *
 * `dir` defaults to tests/fixtures/search/, whose articles are `articles/*.md` with front matter and
 * blank-line-separated paragraphs. A folder without `articles/` (the held-out set) instead holds
 * `*.txt` articles, one paragraph per line, whose language is the file-name prefix (`id-asap.txt`);
 * its `actors.json` is optional there.
 */
export function loadSearchFixtures(dir: string = FIXTURES): SearchFixtures {
  const actorsFile = path.join(dir, 'actors.json');
  const articlesDir = path.join(dir, 'articles');
  const plainText = !existsSync(articlesDir);
  const actors = (plainText && !existsSync(actorsFile) ? [] : JSON.parse(readFileSync(actorsFile, 'utf8'))) as FixtureActor[];
  const glossary = JSON.parse(readFileSync(path.join(dir, 'glossary.json'), 'utf8')) as GlossaryEntry[];
  const cases = JSON.parse(readFileSync(path.join(dir, 'ranking.json'), 'utf8')) as RankingCase[];
  const passages: SearchablePassage[] = [];
  const addPassages = (stem: string, language: string, paragraphs: readonly string[]) => {
    paragraphs.forEach((text, i) => {
      const actorIds = actors.filter((a) => a.names.some((name) => mentions(text, name))).map((a) => a.id);
      passages.push({ id: `${stem}#${i + 1}`, text, actorIds, language });
    });
  };
  if (plainText) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const content = readFileSync(path.join(dir, file), 'utf8');
      const stem = file.replace(/\.txt$/, '');
      const language = /^([a-z]{2})-/.exec(stem)?.[1] ?? 'und';
      addPassages(
        stem,
        language,
        content
          .split('\n')
          .map((p) => p.trim())
          .filter((p) => p !== ''),
      );
    }
    return { passages, glossary, cases };
  }
  const articles = readdirSync(articlesDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  for (const file of articles) {
    const content = readFileSync(path.join(articlesDir, file), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(content);
    if (match === null) throw new Error(`eval-search: ${file} has no front matter`);
    const language = /^language:\s*(\S+)/m.exec(match[1] ?? '')?.[1] ?? 'und';
    const paragraphs = (match[2] ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    addPassages(file.replace(/\.md$/, ''), language, paragraphs);
  }
  return { passages, glossary, cases };
}

/** Rank (1-based) of the first expected passage in the results, or null when absent. */
export function rankOf(index: PassageIndex, c: RankingCase): number | null {
  const hits = index.search(c.query, { limit: 10, ...c.options });
  const position = hits.findIndex((h) => c.expectedTopPassageIds.includes(h.passageId));
  return position < 0 ? null : position + 1;
}

/** Hit@1, hit@3 and mean reciprocal rank of the labelled queries. */
export function evaluateSearch(dir: string = FIXTURES): { queries: number; hitAt1: number; hitAt3: number; mrr: number } {
  const { passages, glossary, cases } = loadSearchFixtures(dir);
  const index = buildPassageIndex(passages, glossary);
  let hitAt1 = 0;
  let hitAt3 = 0;
  let reciprocal = 0;
  for (const c of cases) {
    const rank = rankOf(index, c);
    if (rank === null) continue;
    if (rank === 1) hitAt1++;
    if (rank <= 3) hitAt3++;
    reciprocal += 1 / rank;
  }
  const n = Math.max(cases.length, 1);
  return { queries: cases.length, hitAt1: hitAt1 / n, hitAt3: hitAt3 / n, mrr: reciprocal / n };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { passages, glossary, cases } = loadSearchFixtures();
  const index = buildPassageIndex(passages, glossary);
  for (const c of cases) {
    const rank = rankOf(index, c);
    const ok = rank !== null && rank <= (c.within ?? 1);
    console.log(`${ok ? 'ok  ' : 'MISS'} ${String(rank ?? '-').padStart(2)}  ${c.query}`);
  }
  const figures = evaluateSearch();
  console.log(
    `\n${figures.queries} queries   hit@1 ${(figures.hitAt1 * 100).toFixed(1)}%   hit@3 ${(figures.hitAt3 * 100).toFixed(1)}%   MRR ${figures.mrr.toFixed(3)}`,
  );
}
