/**
 * The knowledge base the bot serves, and reloading it. A reload that finds a broken file keeps
 * serving the last good knowledge base and reports the problems; students never see a half-
 * loaded index. Loads run on a worker thread by default, so the last good knowledge base keeps
 * answering while a large folder is built.
 */
import type { KnowledgeBase, KnowledgeStats, LoadResult } from './knowledge-base.js';
import { loadKnowledgeOffThread } from './off-thread.js';
import type { Problem } from './model.js';

export type ReloadOutcome =
  | { readonly ok: true; readonly at: Date; readonly stats: KnowledgeStats; readonly warnings: readonly Problem[] }
  | {
      readonly ok: false;
      readonly at: Date;
      readonly problems: readonly Problem[];
      /** When the knowledge base still being served was loaded. */
      readonly servingSince: Date;
    };

export type LoadKnowledge = (dir: string) => Promise<LoadResult>;

export class KnowledgeHolder {
  private kb: KnowledgeBase;
  private last: ReloadOutcome | null = null;
  private inFlight: Promise<ReloadOutcome> | null = null;
  /** Whether the folder is watched for changes (shown in `/kb status`). */
  watching = false;

  constructor(
    readonly dir: string,
    initial: KnowledgeBase,
    private readonly load: LoadKnowledge = loadKnowledgeOffThread,
  ) {
    this.kb = initial;
  }

  /** Loads `dir` for the first time; its problems come back as values. */
  static async open(dir: string, load: LoadKnowledge = loadKnowledgeOffThread): Promise<{ readonly ok: true; readonly holder: KnowledgeHolder } | { readonly ok: false; readonly problems: readonly Problem[] }> {
    const result = await load(dir);
    return result.ok ? { ok: true, holder: new KnowledgeHolder(dir, result.kb, load) } : { ok: false, problems: result.problems };
  }

  /** The knowledge base to answer from now. Take it once per interaction. */
  get current(): KnowledgeBase {
    return this.kb;
  }

  /** The outcome of the last reload since start-up, or null. */
  get lastReload(): ReloadOutcome | null {
    return this.last;
  }

  /**
   * Reads the folder again and swaps the knowledge base in only if it loads without errors.
   * Calls made while a reload runs share its outcome.
   */
  reload(): Promise<ReloadOutcome> {
    this.inFlight ??= this.reloadOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async reloadOnce(): Promise<ReloadOutcome> {
    let result: LoadResult;
    try {
      result = await this.load(this.dir);
    } catch (error) {
      // The loader reports problems as values; anything thrown is still no reason to stop serving.
      result = { ok: false, problems: [{ file: this.dir, line: 0, message: `could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    const at = new Date();
    if (result.ok) {
      this.kb = result.kb;
      this.last = { ok: true, at, stats: result.kb.stats, warnings: result.warnings };
    } else {
      this.last = { ok: false, at, problems: result.problems, servingSince: this.kb.loadedAt };
    }
    return this.last;
  }
}
