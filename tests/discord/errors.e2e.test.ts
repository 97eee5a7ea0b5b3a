/**
 * End to end: the dispatcher's one error boundary, deferral of slow work, and Discord's
 * rate limits, against FakeDiscord.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import { parseConfig } from '../../src/config.js';
import { startBot } from '../../src/discord/bot.js';
import type { Command } from '../../src/discord/command.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { bool, sleep, startHarness, TEST_BUTTON_SECRET, TEST_TOKEN, type Harness } from '../support/harness.js';

/** Test-only commands: one that throws, one that is slow, one that is slow and then throws. */
const boom = {
  data: new SlashCommandBuilder()
    .setName('boom')
    .setDescription('Throws')
    .addBooleanOption((o) => o.setName('private').setDescription('p')),
  async execute() {
    throw new Error('kaboom: a bug in a command');
  },
} satisfies Command;

const slow = {
  data: new SlashCommandBuilder()
    .setName('slow')
    .setDescription('Slow')
    .addBooleanOption((o) => o.setName('private').setDescription('p')),
  async execute({ kb, locale, sendReply }) {
    await sleep(300);
    await sendReply(answer(kb, 'help', {}, locale), {});
  },
} satisfies Command;

const slowBoom = {
  data: new SlashCommandBuilder().setName('slowboom').setDescription('Slow, then throws'),
  async execute() {
    await sleep(300);
    throw new Error('kaboom after deferring');
  },
} satisfies Command;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ extraCommands: [boom, slow, slowBoom], bot: { autoDeferMs: 50 } });
});
afterAll(async () => {
  await h?.close();
});

describe('the error boundary', () => {
  it('answers a command that throws with a short private message', async () => {
    const { callback } = await h.ask('boom');
    expect(callback.body.type).toBe(4);
    expect(callback.body.data).toMatchObject({ embeds: [], components: [], allowed_mentions: { parse: [] }, flags: 64 });
    expect(callback.body.data.content).toMatch(/^Something went wrong on my side, sorry\. .*\(reference [0-9a-f]{6}\)\.$/);
  });

  it('logs the error once with the interaction id, command, latency and stack', async () => {
    const { sent } = await h.ask('boom', [], { locale: 'id' });
    const lines = h.logs().filter((l) => l.msg === 'interaction failed' && l.interactionId === sent.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, command: 'boom', kind: 'command', err: { message: 'kaboom: a bug in a command' } });
    expect(typeof lines[0]?.latencyMs).toBe('number');
    expect(lines[0]?.err.stack).toContain('errors.e2e.test.ts');
  });

  it('edits a deferred reply with the error message instead of failing again', async () => {
    const { sent, callback } = await h.ask('slowboom');
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await h.fake.editFor(sent);
    expect(edit.body).toMatchObject({ embeds: [], components: [], allowed_mentions: { parse: [] } });
    expect(edit.body.content).toMatch(/^Something went wrong on my side/);
  });

  it('answers a command that no longer exists', async () => {
    const { callback } = await h.ask('gone');
    expect(callback.body.data).toMatchObject({ content: 'This command is not available any more. Try /help.', flags: 64 });
  });

  it('never writes the bot token or an interaction token to the logs', async () => {
    const { sent } = await h.ask('boom');
    await sleep(20);
    const text = JSON.stringify(h.logs());
    expect(text).not.toContain(TEST_TOKEN);
    expect(text).not.toContain(sent.token);
  });
});

describe('deferral', () => {
  it('defers work that has not answered in time (type 5), then edits @original with the answer', async () => {
    const { sent, callback } = await h.ask('slow');
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await h.fake.editFor(sent);
    expect(edit.body.embeds[0].title).toBe(answer(h.bot.knowledge.current, 'help', {}, 'en').title);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(
      h.fake.requestsFor(sent).map((r) => `${r.method} ${r.path.replace(sent.token, ':token').replace(h.fake.applicationId, ':app')}`),
    ).toEqual([`POST /api/v10/interactions/${sent.id}/:token/callback`, 'PATCH /api/v10/webhooks/:app/:token/messages/@original']);
  });

  it('defers privately when the answer is private', async () => {
    const { sent, callback } = await h.ask('slow', [bool('private', true)]);
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    await h.fake.editFor(sent);
  });

  it('answers the 3-second deadline well within time: the callback leaves before the work is done', async () => {
    const { sent, callback } = await h.ask('slow');
    const edit = await h.fake.editFor(sent);
    expect(callback.receivedAt - sent.sentAt).toBeLessThan(1_000);
    expect(edit.receivedAt - sent.sentAt).toBeGreaterThanOrEqual(300);
  });
});

describe('start-up', () => {
  it('reports a token Discord refuses as a value, not a crash', async () => {
    const fake = await FakeDiscord.start();
    try {
      fake.failNext((r) => r.path === '/api/v10/gateway/bot', 401, { body: { message: '401: Unauthorized', code: 0 } });
      // A database of its own: a test never writes into the repo's data/.
      const DATABASE_PATH = path.join(tmpdir(), `sumber-errors-${process.pid}.db`);
      const parsed = parseConfig({
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        BUTTON_SECRET: TEST_BUTTON_SECRET,
        DATABASE_PATH,
      });
      if (!parsed.ok) throw new Error('config');
      const logger = createLogger({ level: 'silent' });
      const started = await startBot(parsed.config, logger, { knowledge: h.bot.knowledge, commands: new Map(), handleSignals: false });
      expect(started).toEqual({
        ok: false,
        exitCode: 78,
        message: 'Could not connect to Discord: An invalid token was provided. Check DISCORD_TOKEN and DISCORD_API_URL.',
      });
      expect(fake.identifies).toHaveLength(0);
    } finally {
      await fake.close();
    }
  });
});

describe('rate limits', () => {
  it('retries a callback Discord rate-limits with Retry-After, and answers once', async () => {
    h.fake.failNext((r) => r.method === 'POST' && r.path.endsWith('/callback'), 429, {
      headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
    });
    const sent = h.fake.chatInput('help');
    const attempts = async () => h.fake.requestsFor(sent).filter((r) => r.path.endsWith('/callback'));
    await h.fake.callbackFor(sent);
    for (let waited = 0; (await attempts()).length < 2 && waited < 3_000; waited += 20) await sleep(20);
    const calls = await attempts();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.receivedAt - calls[0]!.receivedAt).toBeGreaterThanOrEqual(150);
    expect(calls[1]!.body).toEqual(calls[0]!.body);
  });
});
