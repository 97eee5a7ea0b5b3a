import { describe, expect, it } from 'vitest';
import type { KnowledgeBase, LoadResult } from '../../src/knowledge/knowledge-base.js';
import { KnowledgeHolder } from '../../src/knowledge/knowledge-holder.js';
import { isKnowledgeChange } from '../../src/knowledge/watch.js';

// Knowledge bases are opaque to the holder: a stand-in with the fields it reads is enough here.
const kb = (name: string) => ({ dir: name, stats: { sources: 1 }, loadedAt: new Date(0) }) as unknown as KnowledgeBase;

describe('KnowledgeHolder', () => {
  it('swaps in a knowledge base that loads, and keeps the last good one when a load fails', async () => {
    const results: LoadResult[] = [
      { ok: true, kb: kb('second'), warnings: [] },
      { ok: false, problems: [{ file: 'actors.yaml', line: 3, message: 'bad' }] },
    ];
    const holder = new KnowledgeHolder('dir', kb('first'), async () => results.shift()!);
    expect((await holder.reload()).ok).toBe(true);
    expect(holder.current.dir).toBe('second');
    const failed = await holder.reload();
    expect(failed).toMatchObject({ ok: false, problems: [{ file: 'actors.yaml', line: 3 }], servingSince: new Date(0) });
    expect(holder.current.dir).toBe('second');
    expect(holder.lastReload).toBe(failed);
  });

  it('shares one load between reloads asked for at the same time', async () => {
    let loads = 0;
    const holder = new KnowledgeHolder('dir', kb('first'), async () => {
      loads += 1;
      await new Promise((r) => setTimeout(r, 20));
      return { ok: true, kb: kb(`load ${loads}`), warnings: [] };
    });
    const [a, b] = await Promise.all([holder.reload(), holder.reload()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    await holder.reload();
    expect(loads).toBe(2);
  });

  it('turns a loader that throws into problems, still serving', async () => {
    const holder = new KnowledgeHolder('dir', kb('first'), async () => {
      throw new Error('EACCES');
    });
    expect(await holder.reload()).toMatchObject({ ok: false, problems: [{ file: 'dir', message: 'could not be read: EACCES' }] });
    expect(holder.current.dir).toBe('first');
  });
});

describe('isKnowledgeChange', () => {
  it('ignores the saved index and editor files, not the knowledge', () => {
    expect(isKnowledgeChange('sources/artikel.md')).toBe(true);
    expect(isKnowledgeChange('actors.yaml')).toBe(true);
    expect(isKnowledgeChange('.cache/index.json')).toBe(false);
    expect(isKnowledgeChange('sources/.artikel.md.swp')).toBe(false);
    expect(isKnowledgeChange('sources/artikel.md~')).toBe(false);
  });
});
