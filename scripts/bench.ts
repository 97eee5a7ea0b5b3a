/**
 * `npm run bench`: speed and memory on generated corpora of 1k, 10k and 100k passages, beside
 * plain MiniSearch on the same corpus and queries. Prints figures; asserts nothing.
 *
 *   npm run bench                      all sizes
 *   npm run bench -- --sizes 1000,10000
 *   npm run bench -- --no-discord      skip the Discord loopback figures
 *   npm run bench -- --fuzz            only the 10,000-case fuzz run (scripts/fuzz.ts)
 */
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { answer, complete, type CommandName } from '../src/answers/index.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { generateCorpus, type GeneratedCorpus } from './corpus.js';

type Figures = { p50: number; p99: number; mean: number };

function percentiles(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length) };
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

function measure(queries: readonly string[], fn: (q: string) => unknown, rounds = 1000): Figures {
  for (let i = 0; i < Math.min(50, queries.length); i++) fn(queries[i] as string); // warm up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const q = queries[i % queries.length] as string;
    const t0 = performance.now();
    fn(q);
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits).padStart(9);
const row = (name: string, f: Figures) => `  ${name.padEnd(44)} p50 ${fmt(f.p50)} ms   p99 ${fmt(f.p99)} ms`;

async function writeCorpus(corpus: GeneratedCorpus): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sumber-bench-'));
  await mkdir(path.join(dir, 'sources'));
  await Promise.all(corpus.sources.map((s) => writeFile(path.join(dir, 'sources', `${s.id}.md`), s.text)));
  await writeFile(path.join(dir, 'actors.yaml'), corpus.actorsYaml);
  await writeFile(path.join(dir, 'glossary.yaml'), corpus.glossaryYaml);
  return dir;
}

async function benchSize(passages: number): Promise<void> {
  const corpus = generateCorpus(passages, 42);
  const dir = await writeCorpus(corpus);
  try {
    console.log(
      `\n== ${passages.toLocaleString('en')} passages (${corpus.sources.length} sources, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB of text) ==`,
    );
    const heapBefore = heapMb();
    const [fresh, freshMs] = await timeAsync(() => loadKnowledgeBase(dir, { useSavedIndex: true }));
    if (!fresh.ok) throw new Error(`generated corpus does not load: ${JSON.stringify(fresh.problems.slice(0, 3))}`);
    const kbFresh = fresh.kb;
    console.log(
      `  start-up, fresh build (and save)          ${fmt(freshMs, 0)} ms   (search index ${kbFresh.stats.indexMs.toFixed(0)} ms; ${kbFresh.stats.quotes} quotes)`,
    );
    const [saved, savedMs] = await timeAsync(() => loadKnowledgeBase(dir, { useSavedIndex: true }));
    if (!saved.ok || !saved.kb.stats.indexFromSaved) throw new Error('the saved index was not used');
    const kb: KnowledgeBase = saved.kb;
    console.log(`  start-up, from the saved index            ${fmt(savedMs, 0)} ms   (search index ${kb.stats.indexMs.toFixed(0)} ms)`);
    console.log(`  heap after load                            ${fmt(heapMb() - heapBefore, 0)} MB`);

    const q = corpus.queries;
    const per: [CommandName | 'autocomplete', (x: string) => unknown][] = [
      ['search', (x) => answer(kb, 'search', { query: x }, 'en')],
      ['actor', (x) => answer(kb, 'actor', { name: corpus.actorNames[x.length % corpus.actorNames.length] }, 'en')],
      ['quote', (x) => answer(kb, 'quote', { speaker: corpus.speakerNames[x.length % corpus.speakerNames.length] }, 'en')],
      ['scenario', () => answer(kb, 'scenario', {}, 'en')],
      ['source', (x) => answer(kb, 'source', { id: kb.passages[(x.length * 7919) % kb.passages.length]?.id }, 'en')],
      ['help', () => answer(kb, 'help', {}, 'en')],
      ['autocomplete', (x) => complete(kb, 'actor', 'name', x.slice(0, 3), 'en')],
    ];
    const rounds = passages >= 100_000 ? 300 : 1000;
    for (const [name, fn] of per) console.log(row(`/${name} (core function)`, measure(q, fn, name === 'search' ? 1000 : rounds)));
    console.log(
      row(
        'Sumber index.search alone',
        measure(q, (x) => kb.index.search(x, { limit: 50 })),
      ),
    );

    // Plain MiniSearch on the same passages and queries, for comparison.
    const docs = kb.passages.map((p) => ({ id: p.id, text: p.text }));
    const [plain, plainBuild] = time(() => {
      const ms = new MiniSearch({ fields: ['text'] });
      ms.addAll(docs);
      return ms;
    });
    console.log(`  plain MiniSearch build                     ${fmt(plainBuild, 0)} ms`);
    console.log(
      row(
        'plain MiniSearch, default options',
        measure(q, (x) => plain.search(x)),
      ),
    );
    console.log(
      row(
        'plain MiniSearch, fuzzy 0.2 + prefix',
        measure(q, (x) => plain.search(x, { fuzzy: 0.2, prefix: true })),
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string' }, 'no-discord': { type: 'boolean', default: false }, fuzz: { type: 'boolean', default: false } },
  });
  if (values.fuzz) {
    const result = await (await import('./fuzz.js')).fuzz(10_000);
    console.log(
      `fuzz: ${result.cases} cases passed in ${(result.ms / 1000).toFixed(1)} s (no throw, within Discord limits, no mention parsed)`,
    );
    return;
  }
  const sizes = (values.sizes ?? '1000,10000,100000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  console.log(`Sumber benchmark — Node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB`);
  for (const size of sizes) await benchSize(size);
  if (!values['no-discord']) {
    const discord = await import('./bench-discord.js').catch(() => undefined);
    if (discord && typeof discord.benchDiscord === 'function') {
      console.log('\n== Discord edge over loopback (real discord.js client, local test server) ==');
      const result = await discord.benchDiscord();
      console.log(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
