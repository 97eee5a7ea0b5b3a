/**
 * What the teacher's `kb check` (and a load) says about the mistakes teachers make: one message
 * per mistake, at its line, in words a teacher understands, and no echoes in other files.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { BUNDLED_KNOWLEDGE } from '../support/knowledge.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the bundled folder with `change` applied. */
function folder(change: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sumber-check-'));
  folders.push(dir);
  cpSync(BUNDLED_KNOWLEDGE, dir, { recursive: true, filter: (src) => !src.split(path.sep).includes('.cache') });
  change(dir);
  return dir;
}

async function check(dir: string): Promise<string[]> {
  const result = await loadKnowledgeBase(dir, { useSavedIndex: false });
  return (result.ok ? result.warnings : result.problems).map(formatProblem);
}

const edit = (dir: string, file: string, fn: (text: string) => string) =>
  writeFileSync(path.join(dir, file), fn(readFileSync(path.join(dir, file), 'utf8')));

describe('YAML syntax errors', () => {
  it('a single tab gives one message at its line, and no echoes from scenarios.yaml', async () => {
    const dir = folder((d) => edit(d, 'actors.yaml', (t) => t.replace('\n  kind: state\n', '\n\tkind: state\n')));
    const line = readFileSync(path.join(dir, 'actors.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('\t')) + 1;
    expect(await check(dir)).toEqual([
      `actors.yaml:${line}: YAML: a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces`,
    ]);
  });

  it('an unclosed bracket gives one message at its line', async () => {
    const dir = folder((d) => edit(d, 'actors.yaml', (t) => t.replace('names: { en: Armenia, id: Armenia }', 'names: { en: Armenia, id: Armenia')));
    const problems = await check(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^actors\.yaml:\d+: YAML: .*\(only the first syntax error is shown: fix it and check again\)$/);
    expect(problems.join('\n')).not.toMatch(/scenarios\.yaml/);
  });

  it('a nest far too deep gets a sentence, not "Maximum call stack size exceeded"', async () => {
    const dir = folder((d) => writeFileSync(path.join(d, 'glossary.yaml'), `- en: ${'['.repeat(5000)}${']'.repeat(5000)}\n`));
    const problems = await check(dir);
    expect(problems).toEqual([expect.stringMatching(/^glossary\.yaml:1: YAML: lists or fields are nested inside each other far too deeply/)]);
    expect(problems.join('\n')).not.toMatch(/call stack/i);
  });
});

describe('encodings', () => {
  const article = readFileSync(path.join(BUNDLED_KNOWLEDGE, 'sources', 'nagorno-karabakh-2020.md'), 'utf8');

  it.each([
    ['UTF-16 with a byte-order mark (Notepad "Unicode")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article, 'utf16le')])],
    ['UTF-16 without a byte-order mark', Buffer.from(article, 'utf16le')],
  ])('names %s as not UTF-8, not as a binary file', async (_, bytes) => {
    const dir = folder((d) => writeFileSync(path.join(d, 'sources', 'artikel.md'), bytes));
    expect(await check(dir)).toEqual([
      'sources/artikel.md: this file is UTF-16 text, not UTF-8: save it as UTF-8 (in Notepad or Word: Save As -> Encoding: UTF-8)',
    ]);
  });

  it('names Latin-1 text as not UTF-8', async () => {
    const dir = folder((d) => writeFileSync(path.join(d, 'sources', 'berita.txt'), Buffer.from('Café, señor Müller: ¿qué pasó?', 'latin1')));
    expect(await check(dir)).toEqual([expect.stringMatching(/^sources\/berita\.txt: this file is not UTF-8 .*: save it as UTF-8/)]);
  });

  it('still calls a real binary file binary', async () => {
    const dir = folder((d) => writeFileSync(path.join(d, 'sources', 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 0, 7, 0x89, 0, 0x13, 0xff, 0, 1, 2, 3, 0, 0])));
    expect((await check(dir))[0]).toMatch(/binary file/);
  });
});

describe('stray files', () => {
  it('skips Thumbs.db, desktop.ini, backups ending in ~ and .swp files with a warning, and loads the folder', async () => {
    const dir = folder((d) => {
      for (const name of ['Thumbs.db', 'desktop.ini', 'nagorno-karabakh-2020.md~', 'artikel.md.swp']) writeFileSync(path.join(d, 'sources', name), 'x\u0000y');
    });
    const result = await loadKnowledgeBase(dir, { useSavedIndex: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.filter((p) => p.file.startsWith('sources/')).map((p) => p.file).sort()).toEqual([
      'sources/Thumbs.db',
      'sources/artikel.md.swp',
      'sources/desktop.ini',
      'sources/nagorno-karabakh-2020.md~',
    ]);
    expect(result.kb.stats.sources).toBe(1);
  });

  it('still refuses a document that is not text (a .docx the teacher meant as an article)', async () => {
    const dir = folder((d) => writeFileSync(path.join(d, 'sources', 'artikel.docx'), 'PK'));
    expect(await check(dir)).toEqual(['sources/artikel.docx: not a source: only .md and .txt files are read (save the article as text)']);
  });
});

describe('front matter', () => {
  const withFrontMatter = (fm: string) => (d: string) =>
    writeFileSync(path.join(d, 'sources', 'kedua.md'), `---\n${fm}---\nIsi artikel kedua, satu paragraf saja.\n`);

  it('points a bad url to its own line', async () => {
    const dir = folder(withFrontMatter('title: Artikel kedua\nlanguage: id\npublished: 2020-10-01\nurl: www.contoh.id/berita\n'));
    expect(await check(dir)).toContain('sources/kedua.md:5: warning: front matter: url "www.contoh.id/berita" should start with http:// or https://');
  });

  it('points a bad language to its own line', async () => {
    const dir = folder(withFrontMatter('title: Artikel kedua\npublisher: Contoh\nlanguage: Bahasa Indonesia\n'));
    expect(await check(dir)).toContain(
      'sources/kedua.md:4: warning: front matter: language "Bahasa Indonesia" should be a language code such as id or en',
    );
  });

  it('points a YAML error in the front matter to its line in the file', async () => {
    const dir = folder(withFrontMatter('title: Artikel kedua\n\tlanguage: id\n'));
    expect(await check(dir)).toEqual([
      'sources/kedua.md:3: YAML: a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces',
    ]);
  });
});
