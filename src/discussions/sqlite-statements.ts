/**
 * The SQL of the SQLite store: its rows as TypeScript sees them, and every statement, prepared
 * once per connection. Kept apart so `sqlite-store.ts` reads as the store's behaviour.
 */
import type Database from 'better-sqlite3';
import type { Locale } from '../knowledge/model.js';
import type { Discussion, RoleSource, StanceOption, StancePhase } from './model.js';

export type DiscussionRow = {
  id: number;
  guild_id: string;
  channel_id: string;
  thread_id: string;
  scenario_id: string;
  question: string;
  stance_options: string;
  locale: string;
  started_by: string;
  started_at: number;
  remind_at: number | null;
  reminded: number;
  ended_at: number | null;
  status: string;
  recap_message_id: string | null;
};

export type ParticipantRow = {
  user_id: string;
  display_name: string;
  joined_at: number;
  actor_id: string | null;
  role_source: RoleSource | null;
};
export type StanceRow = { user_id: string; phase: StancePhase; option_key: string; chosen_at: number };
export type ClaimRow = {
  id: number;
  user_id: string;
  display_name: string;
  text: string;
  passage_id: string;
  message_id: string | null;
  actor_id: string | null;
  created_at: number;
};
export type MessageCountRow = { user_id: string; display_name: string; messages: number };

export function toDiscussion(row: DiscussionRow): Discussion {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    threadId: row.thread_id,
    scenarioId: row.scenario_id,
    question: row.question,
    stanceOptions: JSON.parse(row.stance_options) as StanceOption[],
    locale: row.locale as Locale,
    startedBy: row.started_by,
    startedAt: row.started_at,
    remindAt: row.remind_at,
    reminded: row.reminded === 1,
    endedAt: row.ended_at,
    status: row.status === 'open' ? 'open' : 'closed',
    recapMessageId: row.recap_message_id,
  };
}

export function prepare(db: Database.Database) {
  return {
    insertDiscussion: db.prepare(
      `INSERT INTO discussions (guild_id, channel_id, thread_id, scenario_id, question, stance_options, locale, started_by, started_at, remind_at, status)
       VALUES (@guild_id, @channel_id, @thread_id, @scenario_id, @question, @stance_options, @locale, @started_by, @started_at, @remind_at, 'open')`,
    ),
    byId: db.prepare('SELECT * FROM discussions WHERE id = ?'),
    openInThread: db.prepare("SELECT * FROM discussions WHERE thread_id = ? AND status = 'open'"),
    latestInThread: db.prepare('SELECT * FROM discussions WHERE thread_id = ? ORDER BY id DESC LIMIT 1'),
    openInGuild: db.prepare("SELECT * FROM discussions WHERE guild_id = ? AND status = 'open' ORDER BY started_at"),
    insertParticipant: db.prepare(
      'INSERT INTO participants (discussion_id, user_id, display_name, joined_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    stanceOf: db.prepare('SELECT option_key FROM stances WHERE discussion_id = ? AND user_id = ? AND phase = ?'),
    upsertStance: db.prepare(
      `INSERT INTO stances (discussion_id, user_id, phase, option_key, chosen_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (discussion_id, user_id, phase) DO UPDATE SET option_key = excluded.option_key, chosen_at = excluded.chosen_at`,
    ),
    setRole: db.prepare('UPDATE participants SET actor_id = ?, role_source = ? WHERE discussion_id = ? AND user_id = ?'),
    insertClaim: db.prepare(
      `INSERT INTO claims (discussion_id, user_id, display_name, text, passage_id, message_id, actor_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    countMessage: db.prepare(
      `INSERT INTO message_counts (discussion_id, user_id, display_name, messages)
       SELECT id, ?, ?, 1 FROM discussions WHERE thread_id = ? AND status = 'open'
       ON CONFLICT (discussion_id, user_id) DO UPDATE SET messages = messages + 1, display_name = excluded.display_name`,
    ),
    end: db.prepare("UPDATE discussions SET status = 'closed', ended_at = ? WHERE id = ? AND status = 'open'"),
    setRecap: db.prepare('UPDATE discussions SET recap_message_id = ? WHERE id = ?'),
    dueReminders: db.prepare(
      "SELECT * FROM discussions WHERE status = 'open' AND reminded = 0 AND remind_at IS NOT NULL AND remind_at <= ? ORDER BY remind_at",
    ),
    markReminded: db.prepare('UPDATE discussions SET reminded = 1 WHERE id = ?'),
    participants: db.prepare('SELECT * FROM participants WHERE discussion_id = ? ORDER BY joined_at, rowid'),
    stances: db.prepare('SELECT * FROM stances WHERE discussion_id = ? ORDER BY chosen_at, rowid'),
    claims: db.prepare('SELECT * FROM claims WHERE discussion_id = ? ORDER BY id'),
    messageCounts: db.prepare('SELECT * FROM message_counts WHERE discussion_id = ? ORDER BY messages DESC, user_id'),
  };
}
