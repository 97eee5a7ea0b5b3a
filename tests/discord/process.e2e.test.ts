/**
 * End to end as a user runs it: `npm start` with a token (src/app/main.ts in a child process) and
 * `npm run start:sharded`, against FakeDiscord; SIGTERM logs out and exits 0.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, TEST_TOKEN } from '../support/fake-discord.js';
import { copyKnowledge, str } from '../support/harness.js';
import { spawnEntryPoint as run } from '../support/run.js';

function logLines(text: string): Record<string, any>[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);
}

type FakeContext = { fake: FakeDiscord; knowledge: ReturnType<typeof copyKnowledge> };

/** A fake Discord and a copy of the bundled knowledge for one describe block, set in beforeAll. */
function useFakeDiscordAndKnowledge(): FakeContext {
  const ctx = {} as FakeContext;
  beforeAll(async () => {
    ctx.fake = await FakeDiscord.start();
    ctx.knowledge = copyKnowledge();
  });
  afterAll(async () => {
    await ctx.fake?.close();
    ctx.knowledge?.remove();
  });
  return ctx;
}

describe('npm start with DISCORD_TOKEN', () => {
  const ctx = useFakeDiscordAndKnowledge();

  it('logs in, answers, and on SIGTERM logs out, flushes its logs and exits 0', async () => {
    const bot = run('src/app/main.ts', {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: ctx.fake.apiUrl,
      KNOWLEDGE_DIR: ctx.knowledge.dir,
      LOG_LEVEL: 'info',
    });
    try {
      await Promise.race([
        ctx.fake.waitForIdentify(),
        bot.exit.then(() => Promise.reject(new Error(`bot exited early:\n${bot.stderr()}`))),
      ]);
      // READY reaches the client just after IDENTIFY; give it a moment to mark itself ready.
      for (let waited = 0; !bot.stderr().includes('"msg":"ready"') && waited < 10_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      const sent = ctx.fake.chatInput('actor', [str('name', 'russia')]);
      const callback = await ctx.fake.callbackFor(sent);
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });

      bot.child.kill('SIGTERM');
      const { code } = await bot.exit;
      expect(code).toBe(0);
      const logs = logLines(bot.stderr());
      expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['ready', 'shutting down', 'logged out']));
      expect(bot.stdout()).toBe('');
      expect(bot.stderr()).not.toContain(TEST_TOKEN);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('stops with the file:line problems, not a stack trace, when the knowledge folder is broken', async () => {
    const broken = copyKnowledge();
    try {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(broken.dir, 'actors.yaml'), '- id: [unclosed\n');
      const bot = run('src/app/main.ts', { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: ctx.fake.apiUrl, KNOWLEDGE_DIR: broken.dir });
      const { code } = await bot.exit;
      expect(code).toBe(1);
      expect(bot.stderr()).toMatch(/\nactors\.yaml:\d+: YAML/);
      expect(bot.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      broken.remove();
    }
  });

  it('names a bad setting and exits 1', async () => {
    const bot = run('src/app/main.ts', { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: ctx.fake.apiUrl, COOLDOWN_SECONDS: 'soon' });
    const { code } = await bot.exit;
    expect(code).toBe(1);
    expect(bot.stderr()).toContain('COOLDOWN_SECONDS is "soon"; expected a number of seconds from 0 to 3600');
  });
});

describe('npm run start:sharded', () => {
  const ctx = useFakeDiscordAndKnowledge();

  it('starts one process per shard, each identifying with its shard, and stops them all on SIGTERM', async () => {
    const manager = run('src/app/sharded.ts', {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: ctx.fake.apiUrl,
      KNOWLEDGE_DIR: ctx.knowledge.dir,
      SHARD_COUNT: '2',
      LOG_LEVEL: 'info',
    });
    try {
      for (let waited = 0; !manager.stderr().includes('all shards ready') && waited < 40_000; waited += 100) {
        if (manager.child.exitCode !== null) throw new Error(`manager exited:\n${manager.stderr()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(ctx.fake.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // The guild belongs to one shard; its interactions reach that shard and are answered.
      const callback = await ctx.fake.callbackFor(ctx.fake.chatInput('help'));
      expect(callback.body.type).toBe(4);

      manager.child.kill('SIGTERM');
      const { code } = await manager.exit;
      expect(code).toBe(0);
      expect(logLines(manager.stderr()).filter((l) => l.msg === 'logged out')).toHaveLength(2);
    } finally {
      manager.child.kill('SIGKILL');
    }
  }, 60_000);
});
