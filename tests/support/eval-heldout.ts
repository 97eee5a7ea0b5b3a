/**
 * The held-out set in `tests/fixtures/heldout/`: articles and labels written blind (without
 * reading the extractor, the search code or the tuning fixtures) and never tuned on, so its
 * figures are the honest ones. Same measures as `eval-quotes.ts` and `eval-search.ts`:
 *
 *   quotes/   `<name>.txt` (one paragraph per line) + `<name>.json` labels, as tests/fixtures/quotes/
 *   search/   `*.txt` articles (one paragraph per line, language = file-name prefix),
 *             `ranking.json`, `glossary.json`
 *
 *   npx tsx tests/support/eval-heldout.ts     prints the figures and every miss
 *
 * A second quote set, `tests/fixtures/heldout2/quotes/` (same format), was written blind after the
 * first round of fixes made on the strength of this set's misses; its figures come back as `quotes2`.
 * A third, `tests/fixtures/heldout3/quotes/`, was written blind in the styles of real Indonesian and
 * English news before any rule of issue 7 (roles, lead-in clauses, furniture) was written: `quotes3`.
 *
 * Importing it prints nothing; `npm run eval` prints the figures next to the tuning-set ones.
 * Do not tune the extractor or the search on these sets: once you have, they are no longer held out.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPassageIndex } from '../../src/search/index.js';
import { evaluateQuotes, evaluateQuotesDetailed, type QuoteFigures } from './eval-quotes.js';
import { evaluateSearch, loadSearchFixtures, rankOf } from './eval-search.js';

export const HELDOUT_QUOTES = fileURLToPath(new URL('../fixtures/heldout/quotes/', import.meta.url));
export const HELDOUT_SEARCH = fileURLToPath(new URL('../fixtures/heldout/search/', import.meta.url));
export const HELDOUT2_QUOTES = fileURLToPath(new URL('../fixtures/heldout2/quotes/', import.meta.url));
export const HELDOUT3_QUOTES = fileURLToPath(new URL('../fixtures/heldout3/quotes/', import.meta.url));

export type HeldoutFigures = {
  quotes: { perLanguage: Record<string, QuoteFigures>; overall: QuoteFigures };
  search: { queries: number; hitAt1: number; hitAt3: number; mrr: number };
  /** The second held-out quote set (tests/fixtures/heldout2/quotes/). */
  quotes2: { perLanguage: Record<string, QuoteFigures>; overall: QuoteFigures };
  /** The third, real-news-style held-out quote set (tests/fixtures/heldout3/quotes/). */
  quotes3: { perLanguage: Record<string, QuoteFigures>; overall: QuoteFigures };
};

/** Quote precision / recall / speaker accuracy and search hit@1 / hit@3 / MRR on the held-out sets. */
export function evaluateHeldout(): HeldoutFigures {
  return {
    quotes: evaluateQuotes(HELDOUT_QUOTES),
    search: evaluateSearch(HELDOUT_SEARCH),
    quotes2: evaluateQuotes(HELDOUT2_QUOTES),
    quotes3: evaluateQuotes(HELDOUT3_QUOTES),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const printQuoteSet = (title: string, dir: string) => {
    const { perLanguage, overall, misses } = evaluateQuotesDetailed(dir);
    console.log(title);
    console.log('set       quotes  precision  recall  speaker');
    for (const [name, f] of [...Object.entries(perLanguage), ['overall', overall] as const]) {
      console.log(`${name.padEnd(9)} ${String(f.quotes).padStart(6)}  ${pct(f.precision)}    ${pct(f.recall)}  ${pct(f.speakerAccuracy)}`);
    }
    for (const m of misses) {
      const detail = m.kind === 'speaker' ? ` (expected ${m.expected ?? 'none'}, got ${m.got ?? 'none'})` : '';
      console.log(`${m.kind.padEnd(7)} ${m.fixture}: ${m.text}${detail}`);
    }
  };
  printQuoteSet('Held-out quotes', HELDOUT_QUOTES);
  console.log('');
  printQuoteSet('Second held-out quotes (tests/fixtures/heldout2/quotes)', HELDOUT2_QUOTES);
  console.log('');
  printQuoteSet('Third held-out quotes, real-news styles (tests/fixtures/heldout3/quotes)', HELDOUT3_QUOTES);

  console.log('\nHeld-out search');
  const { passages, glossary, cases } = loadSearchFixtures(HELDOUT_SEARCH);
  const index = buildPassageIndex(passages, glossary);
  for (const c of cases) {
    const rank = rankOf(index, c);
    const ok = rank !== null && rank <= (c.within ?? 1);
    const top = index
      .search(c.query, { limit: 3, ...c.options })
      .map((h) => h.passageId)
      .join(', ');
    console.log(
      `${ok ? 'ok  ' : 'MISS'} ${String(rank ?? '-').padStart(2)}  ${c.query}  [want ${c.expectedTopPassageIds.join('|')} within ${c.within ?? 1}; top 3: ${top}]`,
    );
  }
  const s = evaluateSearch(HELDOUT_SEARCH);
  console.log(
    `\n${s.queries} queries   hit@1 ${(s.hitAt1 * 100).toFixed(1)}%   hit@3 ${(s.hitAt3 * 100).toFixed(1)}%   MRR ${s.mrr.toFixed(3)}`,
  );
}
