/**
 * `npm run bench`: speed and memory on generated corpora (scripts/corpus.ts), our /search beside
 * plain MiniSearch on the same passages and queries, in the same run. Prints figures; asserts
 * nothing.
 *
 *   npm run bench                      10k and 100k passages, then the Discord loopback figures
 *   npm run bench -- --sizes 1000,10000
 *   npm run bench -- --no-discord      skip the Discord loopback figures
 *   npm run bench -- --json            one JSON object on stdout, nothing else (no Discord figures)
 *   npm run bench -- --fuzz            only the 10,000-case fuzz run (scripts/fuzz.ts)
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { answer, type CommandName } from '../src/answers/index.js';
import { findMentionsInText } from '../src/knowledge/actors.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { generateCorpus, type GeneratedCorpus } from './corpus.js';

type Figures = { p50: number; p99: number; max: number };

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

function percentiles(samples: readonly number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: round(at(0.5), 3), p99: round(at(0.99), 3), max: round(sorted[sorted.length - 1] ?? 0, 3) };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

/** Each query once, in order, after `before` (e.g. emptying a cache); JIT warmed on the first 50 first. */
function measure(queries: readonly string[], fn: (q: string) => unknown, before?: () => void): Figures {
  for (const q of queries.slice(0, 50)) fn(q);
  before?.();
  const samples: number[] = [];
  for (const q of queries) {
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

async function writeCorpus(corpus: GeneratedCorpus): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sumber-bench-'));
  await mkdir(path.join(dir, 'sources'));
  await Promise.all(corpus.sources.map((s) => writeFile(path.join(dir, 'sources', `${s.id}.md`), s.text)));
  await writeFile(path.join(dir, 'actors.yaml'), corpus.actorsYaml);
  await writeFile(path.join(dir, 'glossary.yaml'), corpus.glossaryYaml);
  return dir;
}

/** The hand-written index's top 10 per query, saved before MiniSearch replaced it. */
type SavedTop10 = { readonly top10: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> };
const BEFORE = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-top10-before.json'), 'utf8'),
) as SavedTop10;

const queryActors = (kb: KnowledgeBase, q: string): string[] => [...new Set(findMentionsInText(kb.matcher, q).map((m) => m.actorId))];

/** Share of the old top 10s (all queries together) that the current top 10s keep; null without saved ones. */
function relevanceKept(kb: KnowledgeBase, size: number): number | null {
  const before = BEFORE.top10[String(size)];
  if (before === undefined) return null;
  let kept = 0;
  let total = 0;
  for (const [q, old] of Object.entries(before)) {
    const ids = queryActors(kb, q);
    const now = new Set(kb.index.search(q, { limit: 10, ...(ids.length > 0 ? { queryActorIds: ids } : {}) }).map((h) => h.passageId));
    total += old.length;
    kept += old.filter((id) => now.has(id)).length;
  }
  return total === 0 ? 1 : round(kept / total, 3);
}

type SizeFigures = Record<string, unknown>;

async function benchSize(passages: number, log: (line: string) => void): Promise<SizeFigures> {
  const corpus = generateCorpus(passages, 42);
  const dir = await writeCorpus(corpus);
  try {
    log(
      `\n== ${passages.toLocaleString('en')} passages (${corpus.sources.length} sources, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB of text) ==`,
    );
    const heapBefore = heapMb();
    // In a function of its own, so that nothing keeps the fresh knowledge base once measured.
    const { freshMs, buildMs, saveMs } = await (async () => {
      const [fresh, ms] = await timeAsync(() => loadKnowledgeBase(dir, { useSavedIndex: true }));
      if (!fresh.ok) throw new Error(`generated corpus does not load: ${JSON.stringify(fresh.problems.slice(0, 3))}`);
      const [, save] = time(() => JSON.stringify(fresh.kb.index));
      return { freshMs: ms, buildMs: fresh.kb.stats.indexMs, saveMs: save };
    })();
    log(
      `  start-up, fresh (derive, build, save)  ${freshMs.toFixed(0)} ms; search index build ${buildMs.toFixed(0)} ms, its JSON ${saveMs.toFixed(0)} ms`,
    );
    const [saved, startFromSavedMs] = await timeAsync(() => loadKnowledgeBase(dir, { useSavedIndex: true }));
    if (!saved.ok || !saved.kb.stats.indexFromSaved) throw new Error('the saved index was not used');
    const kb: KnowledgeBase = saved.kb;
    const loadMs = kb.stats.indexMs;
    log(`  start-up from the saved state          ${startFromSavedMs.toFixed(0)} ms; search index load ${loadMs.toFixed(0)} ms`);
    const heapMB = round(heapMb() - heapBefore, 0);
    log(`  heap after loading from saved          ${heapMB} MB`);

    const q = corpus.queries;
    const clear = () => kb.index.clearCache();
    const search = measure(q, (x) => answer(kb, 'search', { query: x }, 'en'), clear);
    const searchUncached = measure(
      q,
      (x) => {
        clear();
        const ids = queryActors(kb, x);
        return kb.index.search(x, { limit: 30, ...(ids.length > 0 ? { queryActorIds: ids } : {}) });
      },
      clear,
    );
    const searchCached = measure(q, (x) => answer(kb, 'search', { query: x }, 'en'));
    const kept = relevanceKept(kb, passages);
    const others: [CommandName, (x: string) => unknown][] = [
      ['actor', (x) => answer(kb, 'actor', { name: corpus.actorNames[x.length % corpus.actorNames.length] }, 'en')],
      ['quote', (x) => answer(kb, 'quote', { speaker: corpus.speakerNames[x.length % corpus.speakerNames.length] }, 'en')],
      ['scenario', () => answer(kb, 'scenario', {}, 'en')],
    ];
    const commands = Object.fromEntries(others.map(([name, fn]) => [name, measure(q, fn, clear)]));

    const row = (name: string, f: Figures) =>
      log(
        `  ${name.padEnd(46)} p50 ${f.p50.toFixed(2).padStart(8)} ms   p99 ${f.p99.toFixed(2).padStart(8)} ms   max ${f.max.toFixed(1).padStart(7)} ms`,
      );
    row('/search (answer(), cache emptied first)', search);
    row('index.search, cache emptied before each', searchUncached);
    row('/search again, cache warm', searchCached);
    log(
      `  top 10 kept from the hand-written index    ${kept === null ? 'n/a (no saved top 10 at this size)' : `${(kept * 100).toFixed(1)}%`}`,
    );
    for (const [name, f] of Object.entries(commands)) row(`/${name}`, f);

    // Plain MiniSearch on the same passages and queries.
    const docs = kb.passages.map((p) => ({ id: p.id, text: p.text }));
    const [plain, plainBuildMs] = time(() => {
      const ms = new MiniSearch({ fields: ['text'] });
      ms.addAll(docs);
      return ms;
    });
    log(`  plain MiniSearch build                 ${plainBuildMs.toFixed(0)} ms`);
    const miniSearchPlain = measure(q, (x) => plain.search(x));
    row('plain MiniSearch, default options', miniSearchPlain);
    const miniSearchFuzzy = measure(q, (x) => plain.search(x, { fuzzy: 0.2, prefix: true }));
    row('plain MiniSearch, fuzzy 0.2 + prefix', miniSearchFuzzy);
    log(`  /search p99 vs plain fuzzy+prefix p99      ${(miniSearchFuzzy.p99 / Math.max(search.p99, 1e-6)).toFixed(1)}x faster`);
    return {
      passages,
      search,
      searchUncached,
      searchCached,
      relevanceKept: kept,
      ...commands,
      miniSearchPlain,
      miniSearchFuzzy,
      buildMs: round(buildMs, 0),
      saveMs: round(saveMs, 0),
      loadMs: round(loadMs, 0),
      startFreshMs: round(freshMs, 0),
      startFromSavedMs: round(startFromSavedMs, 0),
      plainMiniSearchBuildMs: round(plainBuildMs, 0),
      heapMB,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      'no-discord': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      fuzz: { type: 'boolean', default: false },
    },
  });
  if (values.fuzz) {
    const result = await (await import('./fuzz.js')).fuzz(10_000);
    console.log(
      `fuzz: ${result.cases} cases passed in ${(result.ms / 1000).toFixed(1)} s (no throw, within Discord limits, no mention parsed)`,
    );
    return;
  }
  const json = values.json;
  const log = json ? () => {} : (line: string) => console.log(line);
  const sizes = (values.sizes ?? '10000,100000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  const machine = `Node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB`;
  // Other work on the machine moves every figure: the load average says how much there was.
  const load = () => os.loadavg().map((x) => round(x, 1));
  const loadBefore = load();
  log(`Sumber benchmark — ${machine}; load average ${loadBefore.join(' ')}`);
  const results: Record<string, SizeFigures> = {};
  for (const size of sizes) results[String(size)] = await benchSize(size, log);
  log(`\nload average after: ${load().join(' ')}`);
  if (json) {
    const loadAverage = { before: loadBefore, after: load() };
    process.stdout.write(`${JSON.stringify({ machine, date: new Date().toISOString(), loadAverage, sizes: results })}\n`);
    return;
  }
  if (!values['no-discord']) {
    const discord = await import('./bench-discord.js').catch(() => undefined);
    if (discord && typeof discord.benchDiscord === 'function') {
      log('\n== Discord edge over loopback (real discord.js client, local test server) ==');
      const result = await discord.benchDiscord();
      log(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
