import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleLine } from '../../src/console/session.js';
import { openSqliteStore } from '../../src/discussions/sqlite-store.js';
import { knowledge } from '../support/knowledge.js';
import { runScript } from '../support/run.js';

describe('/discuss preview in the console', () => {
  it('shows the prompt and an example recap without Discord', async () => {
    const kb = await knowledge();
    const out = handleLine(kb, '/discuss preview russia-stays-out question:Siapa yang paling diuntungkan?', 'id');
    expect(out.kind).toBe('message');
    const text = out.kind === 'message' ? out.text : '';
    expect(text).toMatch(/^Diskusi: Rusia tidak ikut campur dalam pertempuran di Karabakh\n/);
    expect(text).toContain('Pertanyaan pemandu: Siapa yang paling diuntungkan?');
    expect(text).toContain('— Perang Nagorno-Karabakh 2020: Azerbaijan, Armenia dan sikap Rusia, ¶9 (nagorno-karabakh-2020#9)');
    expect(text).toContain('— Rangkuman (contoh dengan tiga siswa rekaan) —');
    expect(text).toContain('Setuju: sebelum 2 · sesudah 1');
  });

  it('names the scenarios when the one asked for does not exist, and sends the rest to Discord', async () => {
    const kb = await knowledge();
    const unknown = handleLine(kb, '/discuss preview mars', 'en');
    expect(unknown).toEqual({
      kind: 'message',
      text: expect.stringMatching(/^There is no scenario “mars”\. Scenarios: azerbaijan-restores-control, /),
    });
    expect(handleLine(kb, '/discuss start russia-stays-out', 'en')).toMatchObject({
      kind: 'message',
      text: expect.stringContaining('happen on Discord'),
    });
  });
});

describe('npm run db', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sumber-dbtool-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up the database named by DATABASE_PATH to a file that opens with the same content', async () => {
    const file = path.join(dir, 'kelas.db');
    const opened = openSqliteStore(file);
    if (!opened.ok) throw new Error(opened.message);
    opened.store.start({
      guildId: '1',
      channelId: '2',
      threadId: '3',
      scenarioId: 's',
      question: 'Q?',
      stanceOptions: [],
      locale: 'en',
      startedBy: '4',
      startedAt: 5,
      remindAt: null,
    });
    // The bot keeps its connection open while the backup runs.
    const copy = path.join(dir, 'backups', 'kelas-copy.db');
    const out = await runScript('src/app/db-tool.ts', ['backup', copy], { env: { DATABASE_PATH: file } });
    opened.store.close();
    expect(out).toMatchObject({ code: 0, stdout: `Backed up ${file} to ${copy}.\n` });
    const restored = openSqliteStore(copy);
    if (!restored.ok) throw new Error(restored.message);
    expect(restored.store.openInThread('3')?.question).toBe('Q?');
    restored.store.close();
  });

  it('says clearly that a corrupt file is damaged and exits 1', async () => {
    const bad = path.join(dir, 'bad.db');
    writeFileSync(bad, 'not a database\n'.repeat(50));
    const out = await runScript('src/app/db-tool.ts', ['check', '--database', bad]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`The database ${bad} is damaged`);
  });
});
