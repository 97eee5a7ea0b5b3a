/**
 * Optional watching of the knowledge folder (`WATCH_KNOWLEDGE=true`): a burst of changes (an
 * editor saving several files, a `git pull`) becomes one reload, `debounceMs` after the last.
 */
import { watch, type FSWatcher } from 'node:fs';

export type StopWatching = () => void;

export type WatchOptions = {
  readonly debounceMs?: number;
  /** Called when watching itself fails (the folder was removed, too many watchers, ...). */
  readonly onError?: (error: Error) => void;
};

export const DEFAULT_DEBOUNCE_MS = 750;

/** Whether a changed path should trigger a reload: not hidden files or folders (`.cache/`, editor swap files). */
export function isKnowledgeChange(relativePath: string | null): boolean {
  if (relativePath === null) return true;
  return !relativePath.split(/[\\/]/).some((part) => part.startsWith('.') || part.endsWith('~') || part.endsWith('.swp'));
}

/** Calls `onChange` once per burst of changes under `dir`. Returns a function that stops watching. */
export function watchKnowledge(dir: string, onChange: () => void, options: WatchOptions = {}): StopWatching {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    // The index the loader saves into `<dir>/.cache/` must not trigger another reload: filtered below.
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, filename) => {
      if (!isKnowledgeChange(filename === null ? null : String(filename))) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
  } catch (error) {
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
    return () => {};
  }
  watcher.on('error', (error) => options.onError?.(error));
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
