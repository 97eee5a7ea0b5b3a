import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureButtonSecret, formatConfigError, loadConfig, parseConfig, requireDeploySettings } from '../src/config.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789';

describe('parseConfig', () => {
  it('gives the defaults for an empty environment (console mode, no Discord)', () => {
    const result = parseConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        discord: null,
        discussions: { databasePath: 'data/sumber.db', teacherRoleId: null },
        knowledgeDir: 'knowledge',
        logLevel: 'info',
        moderation: { allowedChannelIds: [], cooldownSeconds: 3 },
        watchKnowledge: false,
        shardCount: 'auto',
        buttonSecret: null,
        dataDir: 'data',
      },
    });
  });

  it('reads every variable', () => {
    const result = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '100000000000000001',
      DISCORD_GUILD_ID: '200000000000000002',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
      KNOWLEDGE_DIR: 'kelas/pengetahuan',
      LOG_LEVEL: 'DEBUG',
      ALLOWED_CHANNEL_IDS: '300000000000000003, 400000000000000004',
      COOLDOWN_SECONDS: '0',
      WATCH_KNOWLEDGE: 'yes',
      SHARD_COUNT: '4',
      DATABASE_PATH: '/var/lib/sumber/kelas.db',
      TEACHER_ROLE_ID: '500000000000000005',
      BUTTON_SECRET: 'b'.repeat(40),
      DATA_DIR: '/var/lib/sumber',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        discord: { token: TOKEN, clientId: '100000000000000001', guildId: '200000000000000002', apiUrl: 'http://127.0.0.1:8080/api' },
        discussions: { databasePath: '/var/lib/sumber/kelas.db', teacherRoleId: '500000000000000005' },
        knowledgeDir: 'kelas/pengetahuan',
        logLevel: 'debug',
        moderation: { allowedChannelIds: ['300000000000000003', '400000000000000004'], cooldownSeconds: 0 },
        watchKnowledge: true,
        shardCount: 4,
        buttonSecret: 'b'.repeat(40),
        dataDir: '/var/lib/sumber',
      },
    });
  });

  it('treats empty values as unset, as in a .env line "DISCORD_GUILD_ID="', () => {
    const result = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '', COOLDOWN_SECONDS: '  ' });
    expect(result.ok && result.config.discord?.guildId).toBe(null);
    expect(result.ok && result.config.moderation.cooldownSeconds).toBe(3);
  });

  it('reports every bad variable at once, naming it and what it should look like', () => {
    const result = parseConfig({
      DISCORD_GUILD_ID: 'my-server',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/v10',
      LOG_LEVEL: 'loud',
      ALLOWED_CHANNEL_IDS: '300000000000000003,#kelas',
      COOLDOWN_SECONDS: 'soon',
      WATCH_KNOWLEDGE: 'maybe',
      SHARD_COUNT: '0',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.variable)).toEqual([
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'LOG_LEVEL',
      'ALLOWED_CHANNEL_IDS',
      'COOLDOWN_SECONDS',
      'WATCH_KNOWLEDGE',
      'SHARD_COUNT',
    ]);
    const lines = result.errors.map(formatConfigError);
    expect(lines[0]).toBe(
      'DISCORD_GUILD_ID is "my-server"; expected a server id (Discord: Developer Mode on, right-click the server -> Copy Server ID): 17-20 digits',
    );
    expect(lines[1]).toContain('without the version, e.g. http://127.0.0.1:8080/api');
    expect(lines[3]).toBe(
      'ALLOWED_CHANNEL_IDS is "#kelas"; expected channel ids (17-20 digits) separated by commas, e.g. 123456789012345678,234567890123456789',
    );
    expect(lines[4]).toContain('COOLDOWN_SECONDS is "soon"; expected a number of seconds from 0 to 3600');
  });

  it('rejects a token pasted with its "Bot " prefix without echoing the token', () => {
    const result = parseConfig({ DISCORD_TOKEN: `Bot ${TOKEN}` });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { kind: 'invalid-variable', variable: 'DISCORD_TOKEN', expected: 'the token alone, without the "Bot " prefix' },
    ]);
    expect(formatConfigError(result.errors[0]!)).not.toContain(TOKEN);
  });

  it('rejects a value that is not shaped like a bot token', () => {
    const result = parseConfig({ DISCORD_TOKEN: 'my secret password' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatConfigError(result.errors[0]!)).toMatch(/^DISCORD_TOKEN is not valid; expected a bot token/);
  });

  it('rejects an API address that is not http(s)', () => {
    const result = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'ftp://example.org/api' });
    expect(result.ok).toBe(false);
  });
});

describe('requireDeploySettings', () => {
  it('names DISCORD_TOKEN and DISCORD_CLIENT_ID when they are missing', () => {
    const parsed = parseConfig({});
    if (!parsed.ok) throw new Error('unexpected');
    const result = requireDeploySettings(parsed.config);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map(formatConfigError)).toEqual([
        'DISCORD_TOKEN is not set; expected the bot token (see .env.example)',
        'DISCORD_CLIENT_ID is not set; expected the application id (Developer Portal -> General Information -> Application ID)',
      ]);
  });
});

describe('loadConfig', () => {
  it('reads a .env file without printing anything, the real environment winning', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sumber-env-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, 'KNOWLEDGE_DIR=from-file\nCOOLDOWN_SECONDS=7\n');
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stdout.write;
    const before = process.env.COOLDOWN_SECONDS;
    process.env.COOLDOWN_SECONDS = '9';
    try {
      const result = loadConfig({ envFile: file });
      expect(result.ok && result.config.knowledgeDir).toBe('from-file');
      expect(result.ok && result.config.moderation.cooldownSeconds).toBe(9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      process.stdout.write = original;
      if (before === undefined) delete process.env.COOLDOWN_SECONDS;
      else process.env.COOLDOWN_SECONDS = before;
    }
    expect(writes).toEqual([]);
    expect(process.env.KNOWLEDGE_DIR).not.toBe('from-file');
  });
});

describe('the button secret', () => {
  it('refuses a short BUTTON_SECRET without echoing it', () => {
    const result = parseConfig({ BUTTON_SECRET: 'hunter2' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ variable: 'BUTTON_SECRET' })]);
    expect(JSON.stringify(result.errors)).not.toContain('hunter2');
  });

  it('is generated once in DATA_DIR and read back on the next start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sumber-data-'));
    try {
      const first = await ensureButtonSecret({ buttonSecret: null, dataDir: path.join(dir, 'data') });
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await ensureButtonSecret({ buttonSecret: null, dataDir: path.join(dir, 'data') })).toBe(first);
      expect(await ensureButtonSecret({ buttonSecret: 'c'.repeat(32), dataDir: path.join(dir, 'data') })).toBe('c'.repeat(32));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
