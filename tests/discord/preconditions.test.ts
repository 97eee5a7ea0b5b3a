import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { Cooldowns, inAllowedChannel, isModerator, preconditionMessage } from '../../src/discord/preconditions.js';

describe('inAllowedChannel', () => {
  it('allows every channel when none are configured', () => {
    expect(inAllowedChannel('1', [])).toEqual({ ok: true });
  });
  it('refuses other channels and DMs, listing where to ask', () => {
    expect(inAllowedChannel('2', ['1'])).toEqual({ ok: false, error: { kind: 'wrong-channel', allowedChannelIds: ['1'] } });
    expect(inAllowedChannel(null, ['1']).ok).toBe(false);
    expect(preconditionMessage({ kind: 'wrong-channel', allowedChannelIds: ['1', '3'] }, 'en', 'actor')).toBe(
      'I answer only in <#1>, <#3>. Ask me there.',
    );
  });
});

describe('isModerator', () => {
  it('requires Manage Server', () => {
    expect(isModerator(new PermissionsBitField(PermissionFlagsBits.ManageGuild)).ok).toBe(true);
    expect(isModerator(new PermissionsBitField(PermissionFlagsBits.SendMessages)).ok).toBe(false);
    expect(isModerator(null)).toEqual({ ok: false, error: { kind: 'moderator-only' } });
  });
});

describe('Cooldowns', () => {
  it('lets a user in once per window and says how long to wait, per user', () => {
    let now = 1_000_000;
    const cooldowns = new Cooldowns(3, () => now);
    expect(cooldowns.take('a').ok).toBe(true);
    expect(cooldowns.take('b').ok).toBe(true);
    now += 500;
    expect(cooldowns.take('a')).toEqual({ ok: false, error: { kind: 'cooldown', retryAfterSeconds: 3 } });
    now += 2_000;
    expect(cooldowns.take('a')).toEqual({ ok: false, error: { kind: 'cooldown', retryAfterSeconds: 1 } });
    now += 500;
    expect(cooldowns.take('a').ok).toBe(true);
  });
  it('is off at 0 seconds', () => {
    const cooldowns = new Cooldowns(0);
    expect(cooldowns.take('a').ok && cooldowns.take('a').ok).toBe(true);
  });
  it('says it in Indonesian', () => {
    expect(preconditionMessage({ kind: 'cooldown', retryAfterSeconds: 2 }, 'id', 'actor')).toBe(
      'Pelan-pelan dulu: coba lagi dalam 2 detik.',
    );
  });
});
