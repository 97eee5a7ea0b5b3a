/**
 * The custom_ids of the discussion's buttons and menus, signed with the bot's button secret
 * (the same HMAC as the paging buttons, see ../custom-id.ts), so a modified client cannot make
 * one up. The id only points at a discussion (and a choice); it grants nothing by itself: every
 * handler still looks the discussion up in the database and checks the clicking user (whom
 * Discord names) and the channel against it. Ids stay valid across restarts.
 *
 *     dz|join|12|<sig>        dz|stance|12|before|<sig>      dz|pick|12|after|o2|<sig>
 *     dz|brief|12|<sig>       dz|cite|12|<message id>|<sig>
 */
import type { StancePhase } from '../../discussions/model.js';
import type { PageIdKeys } from '../custom-id.js';

export const DISCUSSION_ID_PREFIX = 'dz';

export type DiscussionComponent =
  | { readonly kind: 'join'; readonly discussionId: number }
  | { readonly kind: 'stance'; readonly discussionId: number; readonly phase: StancePhase }
  | { readonly kind: 'pick'; readonly discussionId: number; readonly phase: StancePhase; readonly optionKey: string }
  | { readonly kind: 'brief'; readonly discussionId: number }
  | { readonly kind: 'cite'; readonly discussionId: number; readonly messageId: string };

function payloadOf(c: DiscussionComponent): string {
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

/** The signed custom_id of a discussion component (at most 100 characters). */
export function encodeDiscussionId(c: DiscussionComponent, keys: PageIdKeys): string {
  const payload = payloadOf(c);
  return `${payload}|${keys.sign(payload)}`;
}

/** Reads an id back; undefined for anything malformed or not signed with `keys`. */
export function decodeDiscussionId(customId: string, keys: PageIdKeys): DiscussionComponent | undefined {
  const cut = customId.lastIndexOf('|');
  if (cut < 0 || !keys.verify(customId.slice(0, cut), customId.slice(cut + 1))) return undefined;
  return parsePayload(customId.slice(0, cut));
}

function parsePayload(payload: string): DiscussionComponent | undefined {
  const [prefix, kind, idText, a, b, ...rest] = payload.split('|');
  if (prefix !== DISCUSSION_ID_PREFIX || idText === undefined || !/^\d{1,12}$/.test(idText) || rest.length > 0) return undefined;
  const discussionId = Number(idText);
  if ((kind === 'join' || kind === 'brief') && a === undefined) return { kind, discussionId };
  if (kind === 'stance' && a !== undefined && PHASE.test(a) && b === undefined) return { kind, discussionId, phase: a as StancePhase };
  if (kind === 'pick' && a !== undefined && PHASE.test(a) && b !== undefined && /^[a-z0-9]{1,16}$/.test(b))
    return { kind, discussionId, phase: a as StancePhase, optionKey: b };
  if (kind === 'cite' && a !== undefined && /^\d{17,20}$/.test(a) && b === undefined) return { kind, discussionId, messageId: a };
  return undefined;
}
