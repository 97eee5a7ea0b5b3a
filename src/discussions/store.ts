/**
 * What the bot needs from storage, and nothing more. Every method that changes something is one
 * transaction, so an interaction's write is all or nothing. The only implementation is SQLite
 * (`sqlite-store.ts`); docs/discussions.md says how a PostgreSQL one would map onto this.
 */
import type { Claim, Discussion, DiscussionRecord, Member, RoleAssignment, StancePhase } from './model.js';

/** A discussion as `/discuss start` opens it: the store gives the id, and it starts open. */
export type NewDiscussion = Omit<Discussion, 'id' | 'reminded' | 'endedAt' | 'status' | 'recapMessageId'>;

export type NewClaim = Omit<Claim, 'id'>;

export type StartOutcome =
  | { readonly ok: true; readonly discussion: Discussion }
  | { readonly ok: false; readonly reason: 'already-open'; readonly discussion: Discussion };

export type JoinOutcome = 'joined' | 'already-joined' | 'not-open';

export type StanceOutcome = 'recorded' | 'changed' | 'not-open' | 'not-closed';

export type EndOutcome = { readonly ok: true; readonly discussion: Discussion } | { readonly ok: false; readonly reason: 'not-open' };

export interface DiscussionStore {
  start(discussion: NewDiscussion): StartOutcome;
  byId(id: number): Discussion | undefined;
  /** The open discussion of a thread, if any. */
  openInThread(threadId: string): Discussion | undefined;
  /** The latest discussion of a thread, open or closed. */
  latestInThread(threadId: string): Discussion | undefined;
  openInGuild(guildId: string): readonly Discussion[];
  join(discussionId: number, member: Member, at: number): JoinOutcome;
  /**
   * A check-in. `before` only while the discussion is open; `after` only once it is closed.
   * Checking in joins the student if they had not joined.
   */
  recordStance(discussionId: number, member: Member, phase: StancePhase, optionKey: string, at: number): StanceOutcome;
  /** Sets the actors of several students at once (joins those not yet joined). */
  assignRoles(discussionId: number, assignments: readonly (RoleAssignment & { readonly displayName: string })[], at: number): void;
  addClaim(discussionId: number, claim: NewClaim): Claim;
  /** Counts one message in the thread's open discussion; false when none is open there. */
  countMessage(threadId: string, author: Member): boolean;
  /** Closes a discussion: no more joins, claims or first check-ins; the second check-in opens. */
  end(discussionId: number, at: number): EndOutcome;
  setRecapMessage(discussionId: number, messageId: string): void;
  /** Open discussions whose reminder time has passed and that have not been reminded. */
  dueReminders(now: number): readonly Discussion[];
  markReminded(discussionId: number): void;
  record(discussionId: number): DiscussionRecord | undefined;
  /** A consistent copy of the whole database at `file`, taken while the bot runs. */
  backup(file: string): Promise<void>;
  /** Closes the database file. */
  close(): void;
}
