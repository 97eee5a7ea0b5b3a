import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SEED_KNOWLEDGE } from '../support/knowledge.js';
import { runScript } from '../support/run.js';

describe('npm run kb', () => {
  it('check passes on the bundled knowledge folder', async () => {
    const r = await runScript('src/app/kb-tool.ts', ['check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK: \d+ sources, \d+ passages, \d+ actors, \d+ quotes, \d+ scenarios; no problems\./);
  });

  it('check counts what it read (on the fixture copy of the seed)', async () => {
    const r = await runScript('src/app/kb-tool.ts', ['check', '--knowledge', SEED_KNOWLEDGE]);
    expect(r.stdout).toMatch(/^OK: 1 sources, 14 passages, 10 actors, 2 quotes, 4 scenarios; no problems\./);
  });

  it('check prints file:line: message for each problem and exits 1', async () => {
    const r = await runScript('src/app/kb-tool.ts', ['check', '--knowledge', path.join(FIXTURES, 'knowledge', 'bad-evidence')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toMatch(/^actors\.yaml:6: actor "armenia": evidence "a#9" is not a passage/m);
  });

  it('quotes --json lists every quote with text, speaker, speakerName, sourceId and passageId', async () => {
    const r = await runScript('src/app/kb-tool.ts', ['quotes', '--json', '--knowledge', SEED_KNOWLEDGE]);
    const quotes = JSON.parse(r.stdout) as {
      text: string;
      speaker: string | null;
      speakerName: string | null;
      sourceId: string;
      passageId: string;
    }[];
    expect(quotes.map((q) => [q.speaker, q.speakerName, q.sourceId, q.passageId])).toEqual([
      ['aliyev', 'Aliyev', 'nagorno-karabakh-2020', 'nagorno-karabakh-2020#5'],
      ['aliyev', 'Aliyev', 'nagorno-karabakh-2020', 'nagorno-karabakh-2020#6'],
    ]);
  });

  it('stats prints the counts and the index build time', async () => {
    const r = await runScript('src/app/kb-tool.ts', ['stats', '--knowledge', path.join(FIXTURES, 'knowledge', 'no-curation')]);
    expect(r.stdout).toMatch(/sources\s+1\npassages\s+4/);
    expect(r.stdout).toMatch(/index\s+\d+ ms/);
  });
});
