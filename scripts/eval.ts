/**
 * `npm run eval`: quality figures on the labelled sets in tests/fixtures/ (quote extraction and
 * search ranking). Prints figures; the tests hold the thresholds.
 */
import { evaluateQuotes } from './eval-quotes.js';
import { evaluateSearch } from './eval-search.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const quotes = evaluateQuotes();
console.log('Quote extraction (exact text match; speaker accuracy over found quotes)');
console.log('  set        quotes  precision  recall  speaker');
for (const [name, f] of [...Object.entries(quotes.perLanguage), ['overall', quotes.overall] as const]) {
  console.log(`  ${name.padEnd(10)} ${String(f.quotes).padStart(6)}  ${pct(f.precision).padStart(9)}  ${pct(f.recall).padStart(6)}  ${pct(f.speakerAccuracy).padStart(7)}`);
}
console.log('  (published reference on English news, GenderGapTracker: P 85% / R 83% / speaker 86%)');

const search = evaluateSearch();
console.log('\nSearch ranking (labelled queries)');
console.log(`  queries ${search.queries}   hit@1 ${pct(search.hitAt1)}   hit@3 ${pct(search.hitAt3)}   MRR ${search.mrr.toFixed(3)}`);
