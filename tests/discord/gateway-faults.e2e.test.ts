/**
 * End to end: gateway faults injected by FakeDiscord. Close codes Discord will not take back
 * (4004, 4010-4014) stop the bot with a line saying what to fix and a non-zero exit code, before
 * and after READY; recoverable closes and missing heartbeat ACKs resume; an unreachable Discord
 * is named as such, not blamed on the token.
 */
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { startBot } from '../../src/discord/bot.js';
import { EXIT_CODES, fatalCloseCode, loginFailure, type FatalError } from '../../src/discord/fatal.js';
import { KnowledgeHolder } from '../../src/knowledge/knowledge-holder.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord, TEST_TOKEN } from '../support/fake-discord.js';
import { copyKnowledge, sleep, startHarness, TEST_BUTTON_SECRET } from '../support/harness.js';
import { spawnEntryPoint } from '../support/run.js';

async function until(check: () => boolean, what: string, maxMs = 10_000): Promise<void> {
  for (let waited = 0; !check(); waited += 25) {
    if (waited > maxMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('close codes', () => {
  it.each([4004, 4010, 4011, 4012, 4013, 4014])('%i cannot be recovered: exit code 78 and a line saying what to fix', (code) => {
    const fatal = fatalCloseCode(code);
    expect(fatal?.exitCode).toBe(78);
    expect(fatal?.message).toContain(`gateway close ${code}`);
  });

  it.each([1000, 4000, 4001, 4002, 4003, 4005, 4007, 4008, 4009])('%i is recovered by resuming or reconnecting', (code) => {
    expect(fatalCloseCode(code)).toBeNull();
  });
});

describe('after READY', () => {
  it.each([4004, 4014])('a close with %i stops the bot and reports the fatal error once', async (code) => {
    const fatals: FatalError[] = [];
    const h = await startHarness({ bot: { onFatal: (f) => fatals.push(f) } });
    try {
      h.fake.closeSessions(code);
      await until(() => fatals.length > 0, 'onFatal');
      await sleep(100);
      expect(fatals).toEqual([fatalCloseCode(code)]);
      expect(h.logs().filter((l) => l.level === 60)).toEqual([
        expect.objectContaining({ exitCode: 78, msg: fatalCloseCode(code)?.message }),
      ]);
      expect(h.fake.identifies).toHaveLength(1); // no new login attempt with a refused token
    } finally {
      await h.close();
    }
  });

  it('a recoverable close (4000) resumes the session and keeps answering', async () => {
    const fatals: FatalError[] = [];
    const h = await startHarness({ bot: { onFatal: (f) => fatals.push(f) } });
    try {
      h.fake.closeSessions(4000);
      await until(() => h.fake.resumes.length === 1, 'RESUME');
      await sleep(50);
      const { callback } = await h.ask('help');
      expect(callback.body.type).toBe(4);
      expect(fatals).toEqual([]);
      expect(h.fake.identifies).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('when heartbeat ACKs stop, the bot reconnects, resumes and keeps answering', async () => {
    const fake = await FakeDiscord.start({ heartbeatIntervalMs: 300 });
    const h = await startHarness({ fake });
    try {
      fake.ackHeartbeats = false;
      await until(() => fake.resumes.length >= 1, 'RESUME after missing ACKs');
      fake.ackHeartbeats = true;
      await sleep(50);
      const { callback } = await h.ask('help');
      expect(callback.body.type).toBe(4);
    } finally {
      await h.close();
      await fake.close();
    }
  });
});

describe('at login', () => {
  let knowledge: Awaited<ReturnType<typeof openKnowledge>>;
  beforeAll(async () => {
    knowledge = await openKnowledge();
  });
  afterAll(() => knowledge?.remove());
  const configFor = (apiUrl: string) => {
    // A database of its own: a test never writes into the repo's data/.
    const DATABASE_PATH = path.join(tmpdir(), `sumber-gateway-${process.pid}.db`);
    const parsed = parseConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: apiUrl, BUTTON_SECRET: TEST_BUTTON_SECRET, DATABASE_PATH });
    if (!parsed.ok) throw new Error('config');
    return parsed.config;
  };

  it.each([4004, 4010, 4011, 4012, 4013, 4014])('a close with %i at IDENTIFY says what to fix, exit code 78', async (code) => {
    const fake = await FakeDiscord.start();
    try {
      fake.closeOnIdentify(code);
      const started = await startBot(configFor(fake.apiUrl), createLogger({ level: 'silent' }), {
        knowledge: knowledge.holder,
        commands: new Map(),
        handleSignals: false,
      });
      expect(started).toEqual({ ok: false, exitCode: 78, message: fatalCloseCode(code)?.message });
    } finally {
      await fake.close();
    }
  });

  it('a refused connection says so and does not blame the token', async () => {
    const port = await closedPort();
    const started = await startBot(configFor(`http://127.0.0.1:${port}/api`), createLogger({ level: 'silent' }), {
      knowledge: knowledge.holder,
      commands: new Map(),
      handleSignals: false,
    });
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.exitCode).toBe(EXIT_CODES.unavailable);
    expect(started.message).toContain(`the connection to 127.0.0.1:${port} was refused (ECONNREFUSED)`);
    expect(started.message).not.toContain('DISCORD_TOKEN');
  });

  it('a DNS failure (the error fetch gives) says so and does not blame the token', () => {
    // The shape undici's fetch rejects with when getaddrinfo fails (tests make no DNS queries).
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND', hostname: 'discord.com' });
    const fatal = loginFailure(new TypeError('fetch failed', { cause: dns }), null, null);
    expect(fatal).toEqual({
      exitCode: 69,
      message:
        'Could not reach Discord: the name discord.com could not be resolved (DNS lookup failed, ENOTFOUND). Check the network connection and DNS; the token was not tried.',
    });
  });
});

describe('npm start: exit codes a process manager reads', () => {
  const runMain = (fake: FakeDiscord, dir: string, script = 'src/app/main.ts', extra: Record<string, string> = {}) =>
    spawnEntryPoint(script, { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fake.apiUrl, KNOWLEDGE_DIR: dir, LOG_LEVEL: 'info', ...extra });

  it('4004 after READY: exit code 78 and one plain line saying what to fix', async () => {
    const fake = await FakeDiscord.start();
    const kb = copyKnowledge();
    const bot = runMain(fake, kb.dir);
    try {
      await until(() => bot.stderr().includes('"msg":"ready"'), 'ready', 20_000);
      fake.closeSessions(4004);
      expect((await bot.exit).code).toBe(78);
      const plain = bot
        .stderr()
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('{'));
      expect(plain).toEqual([fatalCloseCode(4004)?.message]);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
      kb.remove();
    }
  }, 30_000);

  it('npm run start:sharded: a shard refused with 4004 stops every shard, exit code 78, no endless respawns', async () => {
    const fake = await FakeDiscord.start();
    const kb = copyKnowledge();
    const manager = runMain(fake, kb.dir, 'src/app/sharded.ts', { SHARD_COUNT: '1' });
    try {
      await until(() => manager.stderr().includes('all shards ready'), 'all shards ready', 40_000);
      fake.closeSessions(4004);
      expect((await manager.exit).code).toBe(78);
      expect(manager.stderr()).toContain(fatalCloseCode(4004)?.message);
      expect(fake.identifies.length).toBeLessThanOrEqual(2);
    } finally {
      manager.child.kill('SIGKILL');
      await fake.close();
      kb.remove();
    }
  }, 60_000);

  it('4004 at login: exit code 78', async () => {
    const fake = await FakeDiscord.start();
    const kb = copyKnowledge();
    fake.closeOnIdentify(4004);
    const bot = runMain(fake, kb.dir);
    try {
      expect((await bot.exit).code).toBe(78);
      expect(bot.stderr()).toContain(fatalCloseCode(4004)?.message);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
      kb.remove();
    }
  }, 30_000);
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A knowledge holder over a temporary copy of the bundled folder (it writes its cache there). */
async function openKnowledge(): Promise<{ holder: KnowledgeHolder; remove: () => void }> {
  const copy = copyKnowledge();
  const opened = await KnowledgeHolder.open(copy.dir);
  if (!opened.ok) throw new Error('the bundled knowledge does not load');
  return { holder: opened.holder, remove: copy.remove };
}
