/**
 * A class discussion as plain data: what the store keeps and the domain functions work on.
 * Ids are Discord snowflakes as strings; times are milliseconds since the epoch.
 */
import type { Locale, Localized } from '../knowledge/model.js';

export type StancePhase = 'before' | 'after';
export const STANCE_PHASES: readonly StancePhase[] = ['before', 'after'];

/** One choice of the check-in: `agree`, `unsure`, `disagree`, or a scenario's own option. */
export type StanceOption = { readonly key: string; readonly label: Localized };

export type RoleSource = 'balanced' | 'random' | 'teacher';

export type Discussion = {
  readonly id: number;
  readonly guildId: string;
  readonly channelId: string;
  readonly threadId: string;
  readonly scenarioId: string;
  readonly question: string;
  readonly stanceOptions: readonly StanceOption[];
  /** The language the prompt and recap are posted in (the teacher's). */
  readonly locale: Locale;
  readonly startedBy: string;
  readonly startedAt: number;
  readonly remindAt: number | null;
  readonly reminded: boolean;
  readonly endedAt: number | null;
  readonly status: 'open' | 'closed';
  readonly recapMessageId: string | null;
};

/** A student as the bot knows them: the id, and a name for the teacher's export. */
export type Member = { readonly userId: string; readonly displayName: string };

export type Participant = Member & {
  readonly joinedAt: number;
  readonly actorId: string | null;
  readonly roleSource: RoleSource | null;
};

export type Stance = {
  readonly userId: string;
  readonly phase: StancePhase;
  readonly optionKey: string;
  readonly chosenAt: number;
};

export type Claim = {
  readonly id: number;
  readonly userId: string;
  readonly displayName: string;
  readonly text: string;
  readonly passageId: string;
  readonly messageId: string | null;
  readonly actorId: string | null;
  readonly createdAt: number;
};

export type MessageCount = Member & { readonly messages: number };

/** Everything recorded about one discussion, as the recap and the exports read it. */
export type DiscussionRecord = {
  readonly discussion: Discussion;
  readonly participants: readonly Participant[];
  readonly stances: readonly Stance[];
  readonly claims: readonly Claim[];
  readonly messageCounts: readonly MessageCount[];
};

export type RoleAssignment = { readonly userId: string; readonly actorId: string; readonly source: RoleSource };
