/**
 * Configuration, read once at start-up and passed down. This is the only module that reads
 * `process.env`; everything else receives a validated `Config`.
 *
 * `parseConfig` is pure (it takes the environment as a plain object) so every rule is tested
 * without touching the process; `loadConfig` adds `.env` and the real environment.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { config as readDotenv } from 'dotenv';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What the bot needs to talk to Discord; absent when `DISCORD_TOKEN` is not set. */
export type DiscordConfig = {
  readonly token: string;
  /** Application id; needed by `npm run deploy-commands`, not by the bot itself. */
  readonly clientId: string | null;
  /** Register commands to this server only (instant updates while testing). */
  readonly guildId: string | null;
  /** REST base such as `http://127.0.0.1:8080/api` (a proxy, or the test server); null = discord.com. */
  readonly apiUrl: string | null;
};

export type ModerationConfig = {
  /** Channels the bot answers in; empty = everywhere. */
  readonly allowedChannelIds: readonly string[];
  /** Seconds a user waits between two commands; 0 = no cooldown. */
  readonly cooldownSeconds: number;
};

/** Class discussions (`/discuss`): where they are kept and who may run them. */
export type DiscussionsConfig = {
  /** The SQLite file; created on first start. */
  readonly databasePath: string;
  /** Members with this role may run discussions, besides those with Manage Server. */
  readonly teacherRoleId: string | null;
};

export type Config = {
  readonly discord: DiscordConfig | null;
  readonly discussions: DiscussionsConfig;
  readonly knowledgeDir: string;
  readonly logLevel: LogLevel;
  readonly moderation: ModerationConfig;
  /** Reload `knowledgeDir` on its own when a file in it changes. */
  readonly watchKnowledge: boolean;
  /** For `npm run start:sharded`: how many shards, or `auto` (Discord's recommendation). */
  readonly shardCount: 'auto' | number;
  /** Signs paging buttons (BUTTON_SECRET); null = generated once and kept in `dataDir`. */
  readonly buttonSecret: string | null;
  /** Where the bot keeps what it generates (DATA_DIR, default `data`; git-ignored). */
  readonly dataDir: string;
};

/** A variable with a value that cannot be used, and what it should look like. */
export type ConfigError = {
  readonly kind: 'invalid-variable' | 'missing-variable';
  readonly variable: string;
  /** The value as given; never the token itself. */
  readonly value?: string;
  readonly expected: string;
};

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly errors: readonly ConfigError[] };

export const CONFIG_DEFAULTS = {
  knowledgeDir: 'knowledge',
  logLevel: 'info',
  cooldownSeconds: 3,
  watchKnowledge: false,
  shardCount: 'auto',
  dataDir: 'data',
  /** Inside `dataDir` unless DATABASE_PATH says otherwise. */
  databaseFile: 'sumber.db',
} as const satisfies Partial<Record<keyof Config | 'cooldownSeconds' | 'databaseFile', unknown>>;

const MAX_COOLDOWN_SECONDS = 3600;
const MAX_SHARDS = 1000;
const MIN_SECRET_LENGTH = 32;
const SNOWFLAKE = /^\d{17,20}$/;
// A bot token is three base64url parts joined by dots (id.timestamp.hmac).
const TOKEN_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Validates an environment. Empty values count as unset (a `.env` line such as
 * `DISCORD_GUILD_ID=` means "not set"). Every bad variable is reported, not just the first.
 *
 * @example
 * parseConfig({ DISCORD_TOKEN: 'a.b.c', COOLDOWN_SECONDS: 'soon' })
 * // -> { ok: false, errors: [{ kind: 'invalid-variable', variable: 'COOLDOWN_SECONDS', value: 'soon', expected: 'a whole number of seconds from 0 to 3600, e.g. 3' }] }
 */
export function parseConfig(env: Env): ConfigResult {
  const errors: ConfigError[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const invalid = (variable: string, value: string, expected: string): void => {
    errors.push({ kind: 'invalid-variable', variable, value, expected });
  };

  const token = get('DISCORD_TOKEN');
  let discord: DiscordConfig | null = null;
  if (token !== undefined) {
    if (/^(bot|bearer)\s/i.test(token)) {
      errors.push({ kind: 'invalid-variable', variable: 'DISCORD_TOKEN', expected: 'the token alone, without the "Bot " prefix' });
    } else if (!TOKEN_SHAPE.test(token)) {
      errors.push({
        kind: 'invalid-variable',
        variable: 'DISCORD_TOKEN',
        expected: 'a bot token: three parts separated by dots (Developer Portal -> your application -> Bot -> Reset Token)',
      });
    }
    discord = {
      token,
      clientId: snowflake('DISCORD_CLIENT_ID', 'the application id (Developer Portal -> General Information -> Application ID)'),
      guildId: snowflake('DISCORD_GUILD_ID', 'a server id (Discord: Developer Mode on, right-click the server -> Copy Server ID)'),
      apiUrl: apiUrl(),
    };
  } else {
    // Without a token these are unused, but a typo should still be caught early.
    snowflake('DISCORD_CLIENT_ID', 'the application id (Developer Portal -> General Information -> Application ID)');
    snowflake('DISCORD_GUILD_ID', 'a server id (Discord: Developer Mode on, right-click the server -> Copy Server ID)');
    apiUrl();
  }

  const knowledgeDir = get('KNOWLEDGE_DIR') ?? CONFIG_DEFAULTS.knowledgeDir;

  const logLevelText = get('LOG_LEVEL')?.toLowerCase() ?? CONFIG_DEFAULTS.logLevel;
  const logLevel = (LOG_LEVELS as readonly string[]).includes(logLevelText) ? (logLevelText as LogLevel) : CONFIG_DEFAULTS.logLevel;
  if (logLevel !== logLevelText) invalid('LOG_LEVEL', logLevelText, `one of ${LOG_LEVELS.join(', ')}`);

  const allowedChannelIds: string[] = [];
  const channelsText = get('ALLOWED_CHANNEL_IDS');
  if (channelsText !== undefined) {
    for (const part of channelsText
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      if (SNOWFLAKE.test(part)) allowedChannelIds.push(part);
      else
        invalid('ALLOWED_CHANNEL_IDS', part, 'channel ids (17-20 digits) separated by commas, e.g. 123456789012345678,234567890123456789');
    }
  }

  let cooldownSeconds: number = CONFIG_DEFAULTS.cooldownSeconds;
  const cooldownText = get('COOLDOWN_SECONDS');
  if (cooldownText !== undefined) {
    const n = Number(cooldownText);
    if (/^\d+(\.\d+)?$/.test(cooldownText) && n <= MAX_COOLDOWN_SECONDS) cooldownSeconds = n;
    else
      invalid('COOLDOWN_SECONDS', cooldownText, `a number of seconds from 0 to ${MAX_COOLDOWN_SECONDS}, e.g. 3 (0 turns the cooldown off)`);
  }

  let watchKnowledge: boolean = CONFIG_DEFAULTS.watchKnowledge;
  const watchText = get('WATCH_KNOWLEDGE')?.toLowerCase();
  if (watchText !== undefined) {
    if (TRUE_WORDS.has(watchText)) watchKnowledge = true;
    else if (FALSE_WORDS.has(watchText)) watchKnowledge = false;
    else invalid('WATCH_KNOWLEDGE', watchText, 'true or false');
  }

  let shardCount: 'auto' | number = CONFIG_DEFAULTS.shardCount;
  const shardText = get('SHARD_COUNT')?.toLowerCase();
  if (shardText !== undefined && shardText !== 'auto') {
    const n = Number(shardText);
    if (/^\d+$/.test(shardText) && n >= 1 && n <= MAX_SHARDS) shardCount = n;
    else invalid('SHARD_COUNT', shardText, `auto, or a whole number of shards from 1 to ${MAX_SHARDS}`);
  }

  const buttonSecret = get('BUTTON_SECRET') ?? null;
  if (buttonSecret !== null && buttonSecret.length < MIN_SECRET_LENGTH) {
    // Never echo a secret, even a bad one.
    errors.push({
      kind: 'invalid-variable',
      variable: 'BUTTON_SECRET',
      expected: `at least ${MIN_SECRET_LENGTH} random characters (e.g. the output of: openssl rand -hex 32), or empty to let the bot generate one`,
    });
  }
  const dataDir = get('DATA_DIR') ?? CONFIG_DEFAULTS.dataDir;
  const discussions: DiscussionsConfig = {
    databasePath: get('DATABASE_PATH') ?? path.join(dataDir, CONFIG_DEFAULTS.databaseFile),
    teacherRoleId: snowflake(
      'TEACHER_ROLE_ID',
      'a role id (Discord: Developer Mode on, Server Settings -> Roles -> right-click -> Copy Role ID)',
    ),
  };

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      discord,
      discussions,
      knowledgeDir,
      logLevel,
      moderation: { allowedChannelIds, cooldownSeconds },
      watchKnowledge,
      shardCount,
      buttonSecret,
      dataDir,
    },
  };

  function snowflake(variable: string, expected: string): string | null {
    const value = get(variable);
    if (value === undefined) return null;
    if (SNOWFLAKE.test(value)) return value;
    invalid(variable, value, `${expected}: 17-20 digits`);
    return null;
  }

  function apiUrl(): string | null {
    const value = get('DISCORD_API_URL');
    if (value === undefined) return null;
    const expected = 'an http(s) address of the API without the version, e.g. http://127.0.0.1:8080/api';
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      invalid('DISCORD_API_URL', value, expected);
      return null;
    }
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      /\/v\d+\/?$/.test(url.pathname) ||
      url.search !== '' ||
      url.hash !== ''
    ) {
      invalid('DISCORD_API_URL', value, expected);
      return null;
    }
    return value.replace(/\/+$/, '');
  }
}

/** One line per error, naming the variable and what it should look like. */
export function formatConfigError(error: ConfigError): string {
  const given = error.value !== undefined ? ` is "${error.value}"` : error.kind === 'missing-variable' ? ' is not set' : ' is not valid';
  return `${error.variable}${given}; expected ${error.expected}`;
}

/** The Discord settings `npm run deploy-commands` needs, or the errors saying which are missing. */
export function requireDeploySettings(
  config: Config,
):
  | { readonly ok: true; readonly discord: DiscordConfig & { readonly clientId: string } }
  | { readonly ok: false; readonly errors: readonly ConfigError[] } {
  const errors: ConfigError[] = [];
  if (config.discord === null)
    errors.push({ kind: 'missing-variable', variable: 'DISCORD_TOKEN', expected: 'the bot token (see .env.example)' });
  if (config.discord?.clientId == null) {
    errors.push({
      kind: 'missing-variable',
      variable: 'DISCORD_CLIENT_ID',
      expected: 'the application id (Developer Portal -> General Information -> Application ID)',
    });
  }
  if (errors.length > 0 || config.discord === null || config.discord.clientId === null) return { ok: false, errors };
  return { ok: true, discord: { ...config.discord, clientId: config.discord.clientId } };
}

export type LoadConfigOptions = {
  /** `.env` file to read; default `.env` in the working directory. A missing file is fine. */
  readonly envFile?: string;
};

/** The real environment over `.env` (a variable set in the shell wins), validated. Prints nothing. */
export function loadConfig(options: LoadConfigOptions = {}): ConfigResult {
  const fromFile: Record<string, string> = {};
  readDotenv({ quiet: true, processEnv: fromFile, ...(options.envFile !== undefined ? { path: options.envFile } : {}) });
  return parseConfig({ ...fromFile, ...process.env });
}

/**
 * The secret that signs paging buttons: BUTTON_SECRET, or one generated on first start and kept
 * in `<dataDir>/button-secret` (so buttons survive restarts, and every shard signs alike).
 */
export async function ensureButtonSecret(config: Pick<Config, 'buttonSecret' | 'dataDir'>): Promise<string> {
  if (config.buttonSecret !== null) return config.buttonSecret;
  const file = path.join(config.dataDir, 'button-secret');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing.length >= MIN_SECRET_LENGTH) return existing;
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    // `wx`: when two shards start at once, the first one's secret wins and both use it.
    await writeFile(file, `${secret}\n`, { flag: existing === '' ? 'wx' : 'w', mode: 0o600 });
    return secret;
  } catch {
    return (await readFile(file, 'utf8')).trim();
  }
}
