/**
 * The discussion store on one SQLite file (better-sqlite3): WAL journal, foreign keys on,
 * numbered migrations applied on open. A file that is locked, corrupt, from a newer version or
 * not Sumber's is refused with a message saying so; it is never replaced by a fresh database.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.js';
import type { Claim, Discussion, DiscussionRecord, Member, Participant, Stance, StancePhase } from './model.js';
import {
  prepare,
  toDiscussion,
  type ClaimRow,
  type DiscussionRow,
  type MessageCountRow,
  type ParticipantRow,
  type StanceRow,
} from './sqlite-statements.js';
import type { DiscussionStore, EndOutcome, JoinOutcome, NewClaim, NewDiscussion, StanceOutcome, StartOutcome } from './store.js';

export type OpenStoreError = {
  readonly reason: 'locked' | 'corrupt' | 'newer-schema' | 'not-sumber' | 'cannot-open';
  /** For the person running the bot: what is wrong with which file, and what to do. */
  readonly message: string;
};

export type OpenStoreResult = { readonly ok: true; readonly store: SqliteDiscussionStore } | ({ readonly ok: false } & OpenStoreError);

export type OpenStoreOptions = {
  /** Apply pending migrations (default true). `false` opens the file as it is (for backups). */
  readonly migrate?: boolean;
  /** How long to wait for another process's lock before giving up (default 2000 ms). */
  readonly busyTimeoutMs?: number;
};

type Db = Database.Database;

function describeOpenError(file: string, err: unknown): OpenStoreError {
  const code = (err as { code?: string }).code ?? '';
  const text = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      reason: 'locked',
      message: `The database ${file} is locked by another program (is another copy of the bot, or a backup, running?). Stop it and start again; nothing was changed.`,
    };
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return {
      reason: 'corrupt',
      message: `The database ${file} is damaged (${text}). Nothing was changed. Restore your last backup (see docs/discussions.md), or move the file away to start with an empty database.`,
    };
  }
  return { reason: 'cannot-open', message: `Cannot open the database ${file}: ${text}. Check DATABASE_PATH and the folder's permissions.` };
}

/** Applies the migrations after the file's `user_version`, each in its own transaction. */
function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
}

/**
 * Opens (creating it and its folder when missing) the database at `file`.
 *
 * @example
 * const opened = openSqliteStore(config.databasePath);
 * if (!opened.ok) fail(opened.message);
 */
export function openSqliteStore(file: string, options: OpenStoreOptions = {}): OpenStoreResult {
  let db: Db | undefined;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 2_000 });
    // Reading the schema makes SQLite look at the file: a damaged header fails here.
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (version === 0 && tables.n > 0) {
      db.close();
      return {
        ok: false,
        reason: 'not-sumber',
        message: `The file ${file} is an SQLite database, but not Sumber's (it has tables and no Sumber schema version). Set DATABASE_PATH to another file.`,
      };
    }
    if (version > SCHEMA_VERSION) {
      db.close();
      return {
        ok: false,
        reason: 'newer-schema',
        message: `The database ${file} was written by a newer version of Sumber (schema ${version}; this version knows up to ${SCHEMA_VERSION}). Update Sumber; nothing was changed.`,
      };
    }
    const integrity = db.pragma('quick_check', { simple: true }) as string;
    if (integrity !== 'ok') {
      db.close();
      return {
        ok: false,
        reason: 'corrupt',
        message: `The database ${file} is damaged (${integrity}). Nothing was changed. Restore your last backup (see docs/discussions.md), or move the file away to start with an empty database.`,
      };
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (options.migrate ?? true) migrate(db, MIGRATIONS);
    return { ok: true, store: new SqliteDiscussionStore(db) };
  } catch (err) {
    db?.close();
    return { ok: false, ...describeOpenError(file, err) };
  }
}

export class SqliteDiscussionStore implements DiscussionStore {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(private readonly db: Db) {
    this.statements = prepare(db);
  }

  /** The schema version the file is at. */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  start(d: NewDiscussion): StartOutcome {
    return this.db
      .transaction((): StartOutcome => {
        const open = this.openInThread(d.threadId);
        if (open) return { ok: false, reason: 'already-open', discussion: open };
        const { lastInsertRowid } = this.statements.insertDiscussion.run({
          guild_id: d.guildId,
          channel_id: d.channelId,
          thread_id: d.threadId,
          scenario_id: d.scenarioId,
          question: d.question,
          stance_options: JSON.stringify(d.stanceOptions),
          locale: d.locale,
          started_by: d.startedBy,
          started_at: d.startedAt,
          remind_at: d.remindAt,
        });
        return { ok: true, discussion: this.mustGet(Number(lastInsertRowid)) };
      })
      .immediate();
  }

  byId(id: number): Discussion | undefined {
    const row = this.statements.byId.get(id) as DiscussionRow | undefined;
    return row ? toDiscussion(row) : undefined;
  }

  openInThread(threadId: string): Discussion | undefined {
    const row = this.statements.openInThread.get(threadId) as DiscussionRow | undefined;
    return row ? toDiscussion(row) : undefined;
  }

  latestInThread(threadId: string): Discussion | undefined {
    const row = this.statements.latestInThread.get(threadId) as DiscussionRow | undefined;
    return row ? toDiscussion(row) : undefined;
  }

  openInGuild(guildId: string): readonly Discussion[] {
    return (this.statements.openInGuild.all(guildId) as DiscussionRow[]).map(toDiscussion);
  }

  join(discussionId: number, member: Member, at: number): JoinOutcome {
    return this.db
      .transaction((): JoinOutcome => {
        if (this.byId(discussionId)?.status !== 'open') return 'not-open';
        return this.ensureParticipant(discussionId, member, at) ? 'joined' : 'already-joined';
      })
      .immediate();
  }

  recordStance(discussionId: number, member: Member, phase: StancePhase, optionKey: string, at: number): StanceOutcome {
    return this.db
      .transaction((): StanceOutcome => {
        const status = this.byId(discussionId)?.status;
        if (phase === 'before' && status !== 'open') return 'not-open';
        if (phase === 'after' && status !== 'closed') return 'not-closed';
        this.ensureParticipant(discussionId, member, at);
        const previous = this.statements.stanceOf.get(discussionId, member.userId, phase);
        this.statements.upsertStance.run(discussionId, member.userId, phase, optionKey, at);
        return previous === undefined ? 'recorded' : 'changed';
      })
      .immediate();
  }

  assignRoles(
    discussionId: number,
    assignments: readonly { userId: string; actorId: string; source: string; displayName: string }[],
    at: number,
  ): void {
    this.db
      .transaction(() => {
        for (const a of assignments) {
          this.ensureParticipant(discussionId, { userId: a.userId, displayName: a.displayName }, at);
          this.statements.setRole.run(a.actorId, a.source, discussionId, a.userId);
        }
      })
      .immediate();
  }

  addClaim(discussionId: number, claim: NewClaim): Claim {
    return this.db
      .transaction((): Claim => {
        const { lastInsertRowid } = this.statements.insertClaim.run(
          discussionId,
          claim.userId,
          claim.displayName,
          claim.text,
          claim.passageId,
          claim.messageId,
          claim.actorId,
          claim.createdAt,
        );
        return { ...claim, id: Number(lastInsertRowid) };
      })
      .immediate();
  }

  countMessage(threadId: string, author: Member): boolean {
    // One statement: it finds the open discussion and counts in the same step.
    return this.statements.countMessage.run(author.userId, author.displayName, threadId).changes > 0;
  }

  end(discussionId: number, at: number): EndOutcome {
    return this.db
      .transaction((): EndOutcome => {
        const changed = this.statements.end.run(at, discussionId).changes;
        return changed === 0 ? { ok: false, reason: 'not-open' } : { ok: true, discussion: this.mustGet(discussionId) };
      })
      .immediate();
  }

  setRecapMessage(discussionId: number, messageId: string): void {
    this.statements.setRecap.run(messageId, discussionId);
  }

  dueReminders(now: number): readonly Discussion[] {
    return (this.statements.dueReminders.all(now) as DiscussionRow[]).map(toDiscussion);
  }

  markReminded(discussionId: number): void {
    this.statements.markReminded.run(discussionId);
  }

  record(discussionId: number): DiscussionRecord | undefined {
    // One read transaction: the recap sees one moment, not a mix of before and after a write.
    return this.db.transaction((): DiscussionRecord | undefined => {
      const discussion = this.byId(discussionId);
      if (!discussion) return undefined;
      const participants = (this.statements.participants.all(discussionId) as ParticipantRow[]).map((r): Participant => ({
        userId: r.user_id,
        displayName: r.display_name,
        joinedAt: r.joined_at,
        actorId: r.actor_id,
        roleSource: r.role_source,
      }));
      const stances = (this.statements.stances.all(discussionId) as StanceRow[]).map((r): Stance => ({
        userId: r.user_id,
        phase: r.phase,
        optionKey: r.option_key,
        chosenAt: r.chosen_at,
      }));
      const claims = (this.statements.claims.all(discussionId) as ClaimRow[]).map((r): Claim => ({
        id: r.id,
        userId: r.user_id,
        displayName: r.display_name,
        text: r.text,
        passageId: r.passage_id,
        messageId: r.message_id,
        actorId: r.actor_id,
        createdAt: r.created_at,
      }));
      const messageCounts = (this.statements.messageCounts.all(discussionId) as MessageCountRow[]).map((r) => ({
        userId: r.user_id,
        displayName: r.display_name,
        messages: r.messages,
      }));
      return { discussion, participants, stances, claims, messageCounts };
    })();
  }

  async backup(file: string): Promise<void> {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await this.db.backup(file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** True when the student was added now. */
  private ensureParticipant(discussionId: number, member: Member, at: number): boolean {
    return this.statements.insertParticipant.run(discussionId, member.userId, member.displayName, at).changes > 0;
  }

  private mustGet(id: number): Discussion {
    const discussion = this.byId(id);
    if (!discussion) throw new Error(`discussion store: discussion ${id} vanished inside its own transaction`);
    return discussion;
  }
}
