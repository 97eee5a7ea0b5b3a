/**
 * The custom_ids of the discussion's buttons and menus. An id only points at a discussion (and a
 * choice); it grants nothing: every handler looks the discussion up in the database and checks
 * the clicking user (whom Discord names, not the id) and the channel against it. So the ids stay
 * valid across restarts, and a forged one can at most press a button its sender could press.
 *
 *     dz|join|12        dz|stance|12|before      dz|pick|12|after|o2
 *     dz|brief|12       dz|cite|12|<message id>
 */
import type { StancePhase } from '../../discussions/model.js';

export const DISCUSSION_ID_PREFIX = 'dz';

export type DiscussionComponent =
  | { readonly kind: 'join'; readonly discussionId: number }
  | { readonly kind: 'stance'; readonly discussionId: number; readonly phase: StancePhase }
  | { readonly kind: 'pick'; readonly discussionId: number; readonly phase: StancePhase; readonly optionKey: string }
  | { readonly kind: 'brief'; readonly discussionId: number }
  | { readonly kind: 'cite'; readonly discussionId: number; readonly messageId: string };

export function encodeDiscussionId(c: DiscussionComponent): string {
  switch (c.kind) {
    case 'join':
    case 'brief':
      return `${DISCUSSION_ID_PREFIX}|${c.kind}|${c.discussionId}`;
    case 'stance':
      return `${DISCUSSION_ID_PREFIX}|stance|${c.discussionId}|${c.phase}`;
    case 'pick':
      return `${DISCUSSION_ID_PREFIX}|pick|${c.discussionId}|${c.phase}|${c.optionKey}`;
    case 'cite':
      return `${DISCUSSION_ID_PREFIX}|cite|${c.discussionId}|${c.messageId}`;
  }
}

export function isDiscussionId(customId: string): boolean {
  return customId.startsWith(`${DISCUSSION_ID_PREFIX}|`);
}

const PHASE = /^(before|after)$/;

/** Reads an id back; undefined for anything malformed. */
export function decodeDiscussionId(customId: string): DiscussionComponent | undefined {
  const [prefix, kind, idText, a, b, ...rest] = customId.split('|');
  if (prefix !== DISCUSSION_ID_PREFIX || idText === undefined || !/^\d{1,12}$/.test(idText) || rest.length > 0) return undefined;
  const discussionId = Number(idText);
  if ((kind === 'join' || kind === 'brief') && a === undefined) return { kind, discussionId };
  if (kind === 'stance' && a !== undefined && PHASE.test(a) && b === undefined) return { kind, discussionId, phase: a as StancePhase };
  if (kind === 'pick' && a !== undefined && PHASE.test(a) && b !== undefined && /^[a-z0-9]{1,16}$/.test(b))
    return { kind, discussionId, phase: a as StancePhase, optionKey: b };
  if (kind === 'cite' && a !== undefined && /^\d{17,20}$/.test(a) && b === undefined) return { kind, discussionId, messageId: a };
  return undefined;
}
