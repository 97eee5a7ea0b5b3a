/**
 * Loading a knowledge folder without blocking the event loop: a worker thread
 * (`build-worker.ts`) reads and builds it; this thread then only assembles the knowledge base
 * from the files and the saved state the worker hands back (no passage splitting, quote
 * extraction or indexing here).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildRequest, BuildResponse } from './build-worker.js';
import { buildKnowledgeBase, loadKnowledgeBase, type LoadOptions, type LoadResult } from './knowledge-base.js';

const WORKER_URL = new URL('./build-worker.ts', import.meta.url);

/**
 * Worker threads do not inherit tsx's loader (`node --import tsx`), so a `.ts` worker is started
 * through a one-line module that registers tsx first. Compiled `.js` runs as is.
 */
function startWorker(): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL);
  const tsxApi = tsxEsmApi();
  const boot = [
    `const api = await import(${JSON.stringify(tsxApi)});`,
    '(api.register ?? api.default.register)();',
    `await import(${JSON.stringify(WORKER_URL.href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

/** tsx's ESM register API (its CommonJS build cannot register the ESM loader). */
function tsxEsmApi(): string {
  try {
    const resolved = import.meta.resolve('tsx/esm/api');
    if (resolved.endsWith('.mjs')) return resolved;
  } catch {
    // Not every module runner (vitest's) offers import.meta.resolve.
  }
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(path.join(path.dirname(packageJson), 'dist', 'esm', 'api', 'index.mjs')).href;
}

/** The worker's answer, or why there is none (it could not start, or it crashed). */
type WorkerOutcome = BuildResponse | { readonly ok: 'no-worker'; readonly reason: string };

function buildInWorker(request: BuildRequest): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch (error) {
      resolve({ ok: 'no-worker', reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    let settled = false;
    const finish = (response: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(response);
    };
    worker.once('message', finish);
    worker.once('error', (error) => finish({ ok: 'no-worker', reason: error.message }));
    worker.once('exit', (code) => finish({ ok: 'no-worker', reason: `the worker stopped (exit code ${code})` }));
    worker.postMessage(request);
  });
}

/**
 * Reads and builds `dir` on a worker thread; the same result as `loadKnowledgeBase`. When no
 * worker can run (a crash, a loader that cannot be found), it builds here instead, with a
 * warning saying so: answering from a blocked loop for a few seconds beats not answering.
 */
export async function loadKnowledgeOffThread(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const built = await buildInWorker({ dir, useSavedIndex: options.useSavedIndex ?? true });
  if (built.ok === 'no-worker') {
    const here = await loadKnowledgeBase(dir, options);
    if (!here.ok) return here;
    const warning = {
      file: dir,
      line: 0,
      message: `built on the main thread (answers waited meanwhile): the build worker could not run (${built.reason})`,
      severity: 'warning' as const,
    };
    return { ok: true, kb: { ...here.kb, problems: [...here.kb.problems, warning] }, warnings: [...here.warnings, warning] };
  }
  if (!built.ok) return built;
  const result = buildKnowledgeBase(built.raw, built.savedState);
  if (!result.ok) return { ok: false, problems: result.problems };
  // What the teacher waited for is the worker's build, not the assembly here.
  const kb = { ...result.kb, stats: { ...result.kb.stats, buildMs: built.buildMs } };
  return { ok: true, kb, warnings: result.warnings };
}
