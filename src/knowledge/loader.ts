/**
 * Reads a knowledge folder from disk. The only module (with `src/config.ts` for `.env`) that
 * touches the file system; everything it reads is handed to pure parsers.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './model.js';

/** A text file of the knowledge folder, as read. */
export type RawFile = { readonly file: string; readonly text: string };

/** Everything a knowledge folder holds, as text, with the problems met while reading it. */
export type RawKnowledge = {
  readonly dir: string;
  readonly sources: readonly RawFile[];
  readonly actors?: RawFile;
  readonly scenarios?: RawFile;
  readonly glossary?: RawFile;
  readonly problems: readonly Problem[];
  /** A hash of every file read: the key of the saved index. */
  readonly fingerprint: string;
};

const SOURCE_EXTENSIONS = ['.md', '.txt'];
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

async function readText(dir: string, file: string, problems: Problem[]): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(dir, file));
  } catch (error) {
    problems.push({ file, line: 0, message: `cannot read this file (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
  if (bytes.length > MAX_SOURCE_BYTES) {
    problems.push({ file, line: 0, message: `this file is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB; split it into several sources` });
    return undefined;
  }
  const encoding = otherTextEncoding(bytes);
  if (encoding !== null) {
    problems.push({ file, line: 0, message: `this file is ${encoding} text, not UTF-8: save it as UTF-8 (in Notepad or Word: Save As -> Encoding: UTF-8)` });
    return undefined;
  }
  if (bytes.includes(0)) {
    problems.push({ file, line: 0, message: 'this is a binary file, not text: save the article as plain text (.txt) or Markdown (.md)' });
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push({
      file,
      line: 0,
      message: 'this file is not UTF-8 (it looks like Latin-1 or Windows-1252 text): save it as UTF-8 (Save As -> Encoding: UTF-8)',
    });
    return undefined;
  }
}

/**
 * UTF-16 text (what Notepad and Word call "Unicode"): by its byte-order mark, or by every other
 * byte being zero as in Latin letters. Null when the bytes are not UTF-16.
 */
function otherTextEncoding(bytes: Buffer): string | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'UTF-16';
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 16) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  return Math.max(evenZeros, oddZeros) > half * 0.6 && Math.min(evenZeros, oddZeros) < half * 0.05 ? 'UTF-16' : null;
}

/** Files that operating systems and editors leave beside the articles: skipped with a warning. */
function isStrayFile(name: string): boolean {
  return /^(thumbs\.db|desktop\.ini|ehthumbs\.db)$/i.test(name) || /~$/.test(name) || /\.sw[a-p]$/i.test(name) || /^~\$/.test(name);
}

async function optionalYaml(dir: string, name: string, problems: Problem[]): Promise<RawFile | undefined> {
  for (const file of [`${name}.yaml`, `${name}.yml`]) {
    const exists = await stat(path.join(dir, file)).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists) continue;
    const text = await readText(dir, file, problems);
    return text === undefined ? undefined : { file, text };
  }
  return undefined;
}

/** Reads every file of a knowledge folder. Never throws: what goes wrong becomes a Problem. */
export async function readKnowledgeFolder(dir: string): Promise<RawKnowledge> {
  const problems: Problem[] = [];
  const hash = createHash('sha256');
  const sources: RawFile[] = [];
  const dirStat = await stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) {
    problems.push({ file: dir, line: 0, message: 'knowledge folder not found (set KNOWLEDGE_DIR or --knowledge to a folder with sources/ in it)' });
    return { dir, sources, problems, fingerprint: '' };
  }
  const sourcesDir = path.join(dir, 'sources');
  const names = await readdir(sourcesDir).catch(() => undefined);
  if (names === undefined) {
    problems.push({ file: 'sources/', line: 0, message: 'folder missing: put the articles in sources/ as .md or .txt files' });
  } else {
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const file = `sources/${name}`;
      const isFile = await stat(path.join(dir, file)).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!isFile) continue;
      if (isStrayFile(name)) {
        problems.push({
          file,
          line: 0,
          message: 'skipped: an editor or system file (backup, swap or thumbnail file), not an article',
          severity: 'warning',
        });
        continue;
      }
      if (!SOURCE_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
        problems.push({ file, line: 0, message: 'not a source: only .md and .txt files are read (save the article as text)' });
        continue;
      }
      const text = await readText(dir, file, problems);
      if (text === undefined) continue;
      sources.push({ file, text });
      hash.update(file).update('\0').update(text).update('\0');
    }
    if (sources.length === 0 && !problems.some((p) => p.severity !== 'warning')) {
      problems.push({ file: 'sources/', line: 0, message: 'no sources: add at least one article as a .md or .txt file' });
    }
  }
  const actors = await optionalYaml(dir, 'actors', problems);
  const scenarios = await optionalYaml(dir, 'scenarios', problems);
  const glossary = await optionalYaml(dir, 'glossary', problems);
  for (const f of [actors, scenarios, glossary]) if (f) hash.update(f.file).update('\0').update(f.text).update('\0');
  return {
    dir,
    sources,
    ...(actors ? { actors } : {}),
    ...(scenarios ? { scenarios } : {}),
    ...(glossary ? { glossary } : {}),
    problems,
    fingerprint: hash.digest('hex'),
  };
}

/** Where the saved index of a knowledge folder lives. */
export function savedIndexPath(dir: string): string {
  return path.join(dir, '.cache', 'sumber-index.json');
}

/** Reads a saved index; undefined when there is none or it cannot be read. */
export async function readSavedIndex(dir: string): Promise<string | undefined> {
  return readFile(savedIndexPath(dir), 'utf8').catch(() => undefined);
}

/** Saves an index next to the knowledge (atomically). Returns false when the folder is read-only. */
export async function writeSavedIndex(dir: string, json: string): Promise<boolean> {
  const file = savedIndexPath(dir);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, json);
    await rename(tmp, file);
    return true;
  } catch {
    return false;
  }
}
