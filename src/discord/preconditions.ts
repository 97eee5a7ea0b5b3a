/**
 * Checks that gate a command, each a small function returning ok or a typed error. The
 * dispatcher turns an error into a private, localized note (`preconditionMessage`).
 */
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { Locale } from '../knowledge/model.js';
import { message } from './messages.js';

export type PreconditionError =
  | { readonly kind: 'wrong-channel'; readonly allowedChannelIds: readonly string[] }
  | { readonly kind: 'cooldown'; readonly retryAfterSeconds: number }
  | { readonly kind: 'moderator-only' };

export type PreconditionResult = { readonly ok: true } | { readonly ok: false; readonly error: PreconditionError };

const OK: PreconditionResult = { ok: true };

/** Answer only in the configured channels (all channels when none are configured). */
export function inAllowedChannel(channelId: string | null, allowedChannelIds: readonly string[]): PreconditionResult {
  if (allowedChannelIds.length === 0 || (channelId !== null && allowedChannelIds.includes(channelId))) return OK;
  return { ok: false, error: { kind: 'wrong-channel', allowedChannelIds } };
}

/**
 * Moderators are members with Manage Server. Discord already hides moderator commands from
 * others (`default_member_permissions`), but server admins can change that, so it is checked
 * again here. Outside a server (no member permissions) nobody is a moderator.
 */
export function isModerator(memberPermissions: Readonly<PermissionsBitField> | null): PreconditionResult {
  return memberPermissions?.has(PermissionFlagsBits.ManageGuild) ? OK : { ok: false, error: { kind: 'moderator-only' } };
}

/** Per-user cooldown between commands. `seconds` 0 turns it off. */
export class Cooldowns {
  private readonly lastUse = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Ok (and starts the user's cooldown) or the time left. */
  take(userId: string): PreconditionResult {
    if (this.seconds <= 0) return OK;
    const now = this.now();
    const windowMs = this.seconds * 1000;
    const last = this.lastUse.get(userId);
    if (last !== undefined && now - last < windowMs) {
      return { ok: false, error: { kind: 'cooldown', retryAfterSeconds: Math.max(1, Math.ceil((windowMs - (now - last)) / 1000)) } };
    }
    this.lastUse.set(userId, now);
    if (this.lastUse.size > 10_000) this.prune(now, windowMs);
    return OK;
  }

  private prune(now: number, windowMs: number): void {
    for (const [user, at] of this.lastUse) if (now - at >= windowMs) this.lastUse.delete(user);
  }
}

/** The note a user gets when a precondition fails. */
export function preconditionMessage(error: PreconditionError, locale: Locale, command: string): string {
  switch (error.kind) {
    case 'wrong-channel':
      return message(locale, 'wrongChannel', { channels: error.allowedChannelIds.map((id) => `<#${id}>`).join(', ') });
    case 'cooldown':
      return message(locale, 'cooldown', { seconds: error.retryAfterSeconds });
    case 'moderator-only':
      return message(locale, 'moderatorOnly', { command });
  }
}
