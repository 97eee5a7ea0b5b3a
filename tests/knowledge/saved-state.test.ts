import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { savedIndexPath } from '../../src/knowledge/loader.js';
import { SEED_KNOWLEDGE } from '../support/knowledge.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sumber-saved-'));
  await cp(SEED_KNOWLEDGE, dir, { recursive: true, filter: (src) => !src.includes('.cache') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const load = async () => {
  const r = await loadKnowledgeBase(dir);
  if (!r.ok) throw new Error('does not load');
  return r.kb;
};
const essence = (kb: KnowledgeBase) => ({
  passages: kb.passages,
  mentions: kb.mentions,
  quotes: kb.quotes,
  statements: kb.scenarioStatements,
  search: ['gencatan senjata', 'ceasefire', 'rusia', 'pasukan azerbaijan'].map((q) => kb.index.search(q)),
});

describe('the saved state', () => {
  it('gives a second start exactly what a fresh build gives', async () => {
    const fresh = await load();
    expect(fresh.stats.indexFromSaved).toBe(false);
    const again = await load();
    expect(again.stats.indexFromSaved).toBe(true);
    expect(essence(again)).toEqual(essence(fresh));
  });

  it('is ignored when a file changes, and when it is damaged', async () => {
    await load();
    await writeFile(path.join(dir, 'glossary.yaml'), '- { en: [war], id: [perang] }\n');
    const changed = await load();
    expect(changed.stats.indexFromSaved).toBe(false);
    await writeFile(savedIndexPath(dir), '{"version": 3, "fingerprint": "x", "passages": [[');
    const damaged = await load();
    expect(damaged.stats.indexFromSaved).toBe(false);
    expect(damaged.quotes).toHaveLength(2);
  });
});
