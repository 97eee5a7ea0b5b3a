/**
 * The worker thread that reads and builds a knowledge folder (the slow part: passages, quotes,
 * search index; seconds for a large folder), so the bot's event loop keeps answering meanwhile.
 * It saves the derived state beside the folder, as a load on the main thread would, and hands
 * back the files as read and that saved state; the main thread rebuilds the knowledge base from
 * them in a fraction of the time (see `loadKnowledgeOffThread`).
 */
import { parentPort } from 'node:worker_threads';
import { buildKnowledgeBase, isError } from './knowledge-base.js';
import { readKnowledgeFolder, readSavedIndex, writeSavedIndex, type RawKnowledge } from './loader.js';
import type { Problem } from './model.js';

export type BuildRequest = { readonly dir: string; readonly useSavedIndex: boolean };

export type BuildResponse =
  | { readonly ok: true; readonly raw: RawKnowledge; readonly savedState: string; readonly buildMs: number }
  | { readonly ok: false; readonly problems: readonly Problem[] };

async function build({ dir, useSavedIndex }: BuildRequest): Promise<BuildResponse> {
  const started = performance.now();
  const raw = await readKnowledgeFolder(dir);
  const saved = useSavedIndex && !raw.problems.some(isError) ? await readSavedIndex(dir) : undefined;
  const result = buildKnowledgeBase(raw, saved);
  if (!result.ok) return { ok: false, problems: result.problems };
  // Built afresh: serialize (and save) it; loaded from a saved state that fits: hand that on.
  const savedState = result.serializeIndex ? result.serializeIndex() : (saved ?? '');
  if (useSavedIndex && result.serializeIndex && raw.fingerprint !== '') await writeSavedIndex(dir, savedState);
  return { ok: true, raw, savedState, buildMs: performance.now() - started };
}

parentPort?.once('message', (request: BuildRequest) => {
  build(request).then(
    (response) => parentPort?.postMessage(response),
    (error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        problems: [{ file: request.dir, line: 0, message: `could not be read: ${error instanceof Error ? error.message : String(error)}` }],
      } satisfies BuildResponse),
  );
});
