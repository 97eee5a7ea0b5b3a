import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/discussions/migrations/index.js';
import { stanceOptionsFor } from '../../src/discussions/discussion.js';
import { openSqliteStore, type SqliteDiscussionStore } from '../../src/discussions/sqlite-store.js';
import type { NewDiscussion } from '../../src/discussions/store.js';

const SCENARIO = { id: 'russia-stays-out', title: { en: 'T', id: 'T' }, summary: { en: 'S', id: 'S' }, actors: [], evidence: [] };

function newDiscussion(threadId: string, overrides: Partial<NewDiscussion> = {}): NewDiscussion {
  return {
    guildId: '200000000000000001',
    channelId: '300000000000000001',
    threadId,
    scenarioId: 'russia-stays-out',
    question: 'Will Russia stay out?',
    stanceOptions: stanceOptionsFor(SCENARIO),
    locale: 'en',
    startedBy: '100000000000000010',
    startedAt: 1_700_000_000_000,
    remindAt: null,
    ...overrides,
  };
}

const ANI = { userId: '100000000000000021', displayName: 'Ani' };
const BUDI = { userId: '100000000000000022', displayName: 'Budi' };

describe('the SQLite discussion store', () => {
  let dir: string;
  let file: string;
  let store: SqliteDiscussionStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sumber-db-'));
    file = path.join(dir, 'nested', 'sumber.db');
    const opened = openSqliteStore(file);
    if (!opened.ok) throw new Error(opened.message);
    store = opened.store;
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the file and its folder on first start, in WAL mode, foreign keys on, at the latest schema', () => {
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
    // foreign keys: a stance for a discussion that does not exist is refused by the database
    expect(() => store.recordStance(999, ANI, 'before', 'agree', 1)).not.toThrow(); // refused as a value: not open
    expect(store.recordStance(999, ANI, 'before', 'agree', 1)).toBe('not-open');
  });

  it('keeps one open discussion per thread, and a new one may start there after the first ends', () => {
    const first = store.start(newDiscussion('400000000000000001'));
    expect(first.ok).toBe(true);
    const second = store.start(newDiscussion('400000000000000001'));
    expect(second).toMatchObject({ ok: false, reason: 'already-open' });
    if (!first.ok) return;
    expect(store.end(first.discussion.id, 2).ok).toBe(true);
    expect(store.end(first.discussion.id, 3)).toEqual({ ok: false, reason: 'not-open' });
    expect(store.start(newDiscussion('400000000000000001')).ok).toBe(true);
  });

  it('records joins, blind stances (before while open, after once closed), claims and message counts, and reads them back after reopening the file', () => {
    const started = store.start(newDiscussion('400000000000000002'));
    if (!started.ok) throw new Error('not started');
    const id = started.discussion.id;
    expect(store.join(id, ANI, 10)).toBe('joined');
    expect(store.join(id, ANI, 11)).toBe('already-joined');
    expect(store.recordStance(id, ANI, 'before', 'agree', 12)).toBe('recorded');
    expect(store.recordStance(id, ANI, 'before', 'unsure', 13)).toBe('changed');
    expect(store.recordStance(id, BUDI, 'before', 'disagree', 14)).toBe('recorded'); // checking in joins Budi
    expect(store.recordStance(id, ANI, 'after', 'agree', 15)).toBe('not-closed');
    store.addClaim(id, {
      userId: ANI.userId,
      displayName: 'Ani',
      text: 'Russia will not fight.',
      passageId: 'nagorno-karabakh-2020#9',
      messageId: null,
      actorId: null,
      createdAt: 16,
    });
    expect(store.countMessage('400000000000000002', ANI)).toBe(true);
    expect(store.countMessage('400000000000000002', ANI)).toBe(true);
    expect(store.countMessage('499999999999999999', ANI)).toBe(false);
    expect(store.end(id, 20).ok).toBe(true);
    expect(store.countMessage('400000000000000002', BUDI)).toBe(false); // closed: not counted
    expect(store.recordStance(id, BUDI, 'after', 'agree', 21)).toBe('recorded');
    expect(store.recordStance(id, BUDI, 'before', 'agree', 22)).toBe('not-open');
    store.close();

    const reopened = openSqliteStore(file);
    if (!reopened.ok) throw new Error(reopened.message);
    store = reopened.store;
    const record = store.record(id);
    expect(record?.discussion).toMatchObject({ status: 'closed', endedAt: 20, question: 'Will Russia stay out?' });
    expect(record?.participants.map((p) => p.displayName)).toEqual(['Ani', 'Budi']);
    expect(record?.stances.map((s) => [s.userId, s.phase, s.optionKey])).toEqual([
      [ANI.userId, 'before', 'unsure'],
      [BUDI.userId, 'before', 'disagree'],
      [BUDI.userId, 'after', 'agree'],
    ]);
    expect(record?.claims).toHaveLength(1);
    expect(record?.messageCounts).toEqual([{ userId: ANI.userId, displayName: 'Ani', messages: 2 }]);
  });

  it('finds reminders that are due once, and teacher roles survive as set', () => {
    const started = store.start(newDiscussion('400000000000000003', { remindAt: 1000 }));
    if (!started.ok) throw new Error('not started');
    expect(store.dueReminders(999)).toEqual([]);
    expect(store.dueReminders(1000).map((d) => d.id)).toEqual([started.discussion.id]);
    store.markReminded(started.discussion.id);
    expect(store.dueReminders(5000)).toEqual([]);
    store.assignRoles(started.discussion.id, [{ userId: ANI.userId, displayName: 'Ani', actorId: 'russia', source: 'teacher' }], 5);
    expect(store.record(started.discussion.id)?.participants[0]).toMatchObject({ actorId: 'russia', roleSource: 'teacher' });
  });

  it('backs up a live database to a file that opens as a copy', async () => {
    const started = store.start(newDiscussion('400000000000000004'));
    if (!started.ok) throw new Error('not started');
    store.join(started.discussion.id, ANI, 1);
    const copy = path.join(dir, 'backups', 'copy.db');
    await store.backup(copy);
    const opened = openSqliteStore(copy);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.store.record(started.discussion.id)?.participants).toHaveLength(1);
    opened.store.close();
  });
});

describe('migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sumber-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('brings a database of the previous version up to date and keeps what it held', () => {
    const file = path.join(dir, 'old.db');
    // The database as the previous version left it: its migrations applied, nothing after.
    const raw = new Database(file);
    for (const step of MIGRATIONS.slice(0, SCHEMA_VERSION - 1)) raw.exec(step.sql);
    raw.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    raw
      .prepare(
        `INSERT INTO discussions (guild_id, channel_id, thread_id, scenario_id, question, stance_options, locale, started_by, started_at, status)
       VALUES ('2', '3', '4', 'russia-stays-out', 'Q?', '[]', 'id', '1', 5, 'open')`,
      )
      .run();
    raw.prepare("INSERT INTO participants (discussion_id, user_id, display_name, joined_at) VALUES (1, '9', 'Citra', 6)").run();
    raw.close();

    const upgraded = openSqliteStore(file);
    if (!upgraded.ok) throw new Error(upgraded.message);
    expect(upgraded.store.schemaVersion).toBe(SCHEMA_VERSION);
    const record = upgraded.store.record(1);
    expect(record?.discussion).toMatchObject({ question: 'Q?', locale: 'id', recapMessageId: null });
    expect(record?.participants.map((p) => p.displayName)).toEqual(['Citra']);
    upgraded.store.addClaim(1, {
      userId: '9',
      displayName: 'Citra',
      text: 'x',
      passageId: 'a#1',
      messageId: null,
      actorId: null,
      createdAt: 7,
    });
    expect(upgraded.store.record(1)?.claims).toHaveLength(1);
    upgraded.store.close();
  });

  it('refuses a database from a newer version of Sumber without touching it', () => {
    const file = path.join(dir, 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const opened = openSqliteStore(file);
    expect(opened).toMatchObject({ ok: false, reason: 'newer-schema' });
    if (!opened.ok) expect(opened.message).toContain(file);
  });
});

describe('a database that cannot be used', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sumber-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says a corrupt file is damaged, names it, and leaves it as it was (never a silent fresh database)', () => {
    const file = path.join(dir, 'broken.db');
    writeFileSync(file, 'this is not an SQLite database, just some text a teacher saved by mistake\n'.repeat(20));
    const before = readFileSync(file);
    const opened = openSqliteStore(file);
    expect(opened).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!opened.ok) expect(opened.message).toMatch(/broken\.db is damaged.*Restore your last backup/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says a file locked by another program is locked', () => {
    const file = path.join(dir, 'locked.db');
    const first = openSqliteStore(file);
    if (!first.ok) throw new Error(first.message);
    first.store.close();
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    const opened = openSqliteStore(file, { busyTimeoutMs: 50 });
    other.exec('ROLLBACK');
    other.close();
    expect(opened).toMatchObject({ ok: false, reason: 'locked' });
    if (!opened.ok) expect(opened.message).toMatch(/locked by another program/);
  });

  it('refuses an SQLite file that is not Sumber’s', () => {
    const file = path.join(dir, 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE grades (student TEXT, mark INTEGER)');
    raw.close();
    expect(openSqliteStore(file)).toMatchObject({ ok: false, reason: 'not-sumber' });
  });
});
