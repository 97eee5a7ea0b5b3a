/** Version 2: claims with their passage, messages counted per student, the recap's message id. */
export default `
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  discussion_id INTEGER NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  text TEXT NOT NULL,
  passage_id TEXT NOT NULL,
  -- The student's own message, when the claim was made with "Cite a passage" on it.
  message_id TEXT,
  actor_id TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX claims_by_discussion ON claims (discussion_id, id);

-- Only counts: message content is never read or stored.
CREATE TABLE message_counts (
  discussion_id INTEGER NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  messages INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (discussion_id, user_id)
);

ALTER TABLE discussions ADD COLUMN recap_message_id TEXT;
`;
