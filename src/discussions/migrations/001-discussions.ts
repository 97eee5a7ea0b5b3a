/** Version 1: discussions, who joined them (and as which actor), and the blind stance check-ins. */
export default `
CREATE TABLE discussions (
  id INTEGER PRIMARY KEY,
  guild_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  question TEXT NOT NULL,
  -- The check-in's choices as they were at the start (JSON [{key, en, id}]), so a later edit of
  -- scenarios.yaml cannot change the meaning of answers already given.
  stance_options TEXT NOT NULL,
  locale TEXT NOT NULL CHECK (locale IN ('en', 'id')),
  started_by TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  remind_at INTEGER,
  reminded INTEGER NOT NULL DEFAULT 0,
  ended_at INTEGER,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed'))
);
-- One open discussion per thread, enforced by the database itself.
CREATE UNIQUE INDEX discussions_one_open_per_thread ON discussions (thread_id) WHERE status = 'open';
CREATE INDEX discussions_by_guild ON discussions (guild_id, status);

CREATE TABLE participants (
  discussion_id INTEGER NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  actor_id TEXT,
  role_source TEXT CHECK (role_source IN ('balanced', 'random', 'teacher')),
  PRIMARY KEY (discussion_id, user_id)
);

CREATE TABLE stances (
  discussion_id INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('before', 'after')),
  option_key TEXT NOT NULL,
  chosen_at INTEGER NOT NULL,
  PRIMARY KEY (discussion_id, user_id, phase),
  FOREIGN KEY (discussion_id, user_id) REFERENCES participants (discussion_id, user_id) ON DELETE CASCADE
);
`;
