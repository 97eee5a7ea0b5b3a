/**
 * Replies that depend only on the knowledge and the resolved actor (`/actor`, `/quote` without a
 * topic, the `/scenario` list), built once per knowledge base and locale. Their evidence is ranked when the knowledge
 * is built (src/knowledge/actor-evidence.ts); this keeps the reply built from it, so asking again
 * (a class asks the same things) costs a lookup. A reload builds a new knowledge base, so
 * nothing here can go stale; the entries go with the knowledge base they were built from.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Reply } from './reply.js';

const built = new WeakMap<KnowledgeBase, Map<string, Reply>>();

/** The reply under `key` for this knowledge base, built by `build` the first time. */
export function preparedReply(kb: KnowledgeBase, key: string, build: () => Reply): Reply {
  let replies = built.get(kb);
  if (!replies) {
    replies = new Map();
    built.set(kb, replies);
  }
  const existing = replies.get(key);
  if (existing) return existing;
  const reply = build();
  replies.set(key, reply);
  return reply;
}
