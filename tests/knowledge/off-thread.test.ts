import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import { formatProblem } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeOffThread } from '../../src/knowledge/off-thread.js';
import { BUNDLED_KNOWLEDGE, knowledge } from '../support/knowledge.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sumber-off-'));
  folders.push(dir);
  cpSync(BUNDLED_KNOWLEDGE, dir, { recursive: true, filter: (src) => !src.split(path.sep).includes('.cache') });
  return dir;
}

describe('loadKnowledgeOffThread', () => {
  it('builds on a worker thread and answers as a knowledge base built here does', async () => {
    const result = await loadKnowledgeOffThread(copy());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const here = await knowledge();
    expect(result.kb.stats).toMatchObject({ sources: here.stats.sources, passages: here.stats.passages, quotes: here.stats.quotes });
    // Assembled from the state the worker saved, not derived again on this thread.
    expect(result.kb.stats.indexFromSaved).toBe(true);
    for (const [command, options] of [
      ['actor', { name: 'russia' }],
      ['quote', { speaker: 'aliyev' }],
      ['search', { query: 'gencatan senjata' }],
    ] as const) {
      expect(answer(result.kb, command, options, 'id')).toEqual(answer(here, command, options, 'id'));
    }
  });

  it("brings a broken folder's problems back from the worker, at their file and line", async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'actors.yaml'), '- id: [unclosed\n');
    const result = await loadKnowledgeOffThread(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(/^actors\.yaml:\d+: YAML: /)]);
  });
});
