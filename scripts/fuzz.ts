/**
 * `npm run bench -- --fuzz` (or `npx tsx scripts/fuzz.ts [cases] [seed]`): 10,000 fuzz cases
 * of every command's core function and renderers (tests/support/fuzz.ts). Prints the figures,
 * or fast-check's report (seed and counterexample) and exits 1.
 */
import { pathToFileURL } from 'node:url';
import { hostileKnowledge, runFuzz } from '../tests/support/fuzz.js';

export async function fuzz(cases = 10_000, seed?: number): Promise<{ readonly cases: number; readonly ms: number }> {
  const { kb, remove } = await hostileKnowledge();
  try {
    return runFuzz(kb, cases, seed);
  } finally {
    remove();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cases = process.argv[2] !== undefined ? Number(process.argv[2]) : undefined;
  const seed = process.argv[3] !== undefined ? Number(process.argv[3]) : undefined;
  try {
    const result = await fuzz(cases, seed);
    console.log(
      `fuzz: ${result.cases} cases passed in ${(result.ms / 1000).toFixed(1)} s (no throw, within Discord limits, no mention parsed)`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
