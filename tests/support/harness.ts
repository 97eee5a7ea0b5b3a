/**
 * Runs the real bot (real discord.js client, real commands, real core) against FakeDiscord, with
 * a copy of a knowledge folder in a temporary directory and logs captured as JSON.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { SlashCommandBuilder } from 'discord.js';
import { answer } from '../../src/answers/index.js';
import { parseConfig, type Config } from '../../src/config.js';
import type { Command } from '../../src/discord/command.js';
import { loadCommands } from '../../src/discord/command-loader.js';
import { startBot, type BotOptions, type RunningBot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/logger.js';
import {
  FakeDiscord,
  TEST_TOKEN,
  type CommandOption,
  type InteractionOrigin,
  type RecordedRequest,
  type SentInteraction,
} from './fake-discord.js';

export { TEST_TOKEN };
/** The harness's button secret: the same across restarts, so old buttons keep working. */
export const TEST_BUTTON_SECRET = 'test-button-secret-0123456789abcdef0123456789';
export const REPO_KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');
/** The fixture copy of the bundled folder (tests/fixtures/knowledge/seed), the default for tests. */
export const SEED_KNOWLEDGE = path.resolve(import.meta.dirname, '../fixtures/knowledge/seed');

/** A temporary copy of a knowledge folder, so tests may break it and the loader's cache stays out of the repo. */
export function copyKnowledge(from: string = SEED_KNOWLEDGE): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sumber-kb-'));
  cpSync(from, dir, { recursive: true, filter: (src) => !src.split(path.sep).includes('.cache') });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export type Harness = {
  readonly fake: FakeDiscord;
  readonly bot: RunningBot;
  readonly config: Config;
  readonly knowledgeDir: string;
  /** Log lines written so far, parsed. */
  logs(): Record<string, any>[];
  /** Sends a slash command and resolves with the callback Discord would receive. */
  ask(
    name: string,
    options?: readonly CommandOption[],
    origin?: InteractionOrigin,
  ): Promise<{ sent: SentInteraction; callback: RecordedRequest }>;
  close(): Promise<void>;
};

export type HarnessOptions = {
  /** Extra environment, e.g. `{ COOLDOWN_SECONDS: '30' }` (default cooldown here: off). */
  readonly env?: Record<string, string>;
  /** Knowledge folder to copy (default the fixture copy of the repo's `knowledge/`). */
  readonly knowledgeFrom?: string;
  /** Commands to add to (or replace among) the real ones. */
  readonly extraCommands?: readonly Command[];
  readonly bot?: Omit<BotOptions, 'commands' | 'handleSignals'>;
  /** Reuse a running FakeDiscord (to restart the bot against the same server). */
  readonly fake?: FakeDiscord;
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = options.fake ?? (await FakeDiscord.start());
  const knowledge = copyKnowledge(options.knowledgeFrom);
  // A database of its own, unless the test gives one (to restart a bot on the same file).
  const databaseDir = mkdtempSync(path.join(tmpdir(), 'sumber-db-'));
  const parsed = parseConfig({
    DATABASE_PATH: path.join(databaseDir, 'sumber.db'),
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    KNOWLEDGE_DIR: knowledge.dir,
    COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'debug',
    BUTTON_SECRET: TEST_BUTTON_SECRET,
    ...options.env,
  });
  if (!parsed.ok) throw new Error(`harness config: ${JSON.stringify(parsed.errors)}`);
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(
        ...String(chunk)
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  const logger = createLogger({ level: parsed.config.logLevel, secrets: [TEST_TOKEN], destination });
  const { commands } = await loadCommands();
  const all = new Map(commands);
  for (const extra of options.extraCommands ?? []) all.set(extra.data.name, extra);
  const started = await startBot(parsed.config, logger, { ...options.bot, commands: all, handleSignals: false, readyTimeoutMs: 10_000 });
  if (!started.ok) throw new Error(`bot did not start: ${started.message}`);
  return {
    fake,
    bot: started.bot,
    config: parsed.config,
    knowledgeDir: knowledge.dir,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, any>),
    async ask(name, commandOptions = [], origin = {}) {
      const sent = fake.chatInput(name, commandOptions, origin);
      return { sent, callback: await fake.callbackFor(sent) };
    },
    async close() {
      await started.bot.stop();
      if (!options.fake) await fake.close();
      knowledge.remove();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/** `{ name, type: 3, value }`: a string option as Discord sends it. */
export function str(name: string, value: string, focused?: boolean): CommandOption {
  return focused ? { name, type: 3, value, focused } : { name, type: 3, value };
}

/** `{ name, type: 5, value }`: a boolean option. */
export function bool(name: string, value: boolean): CommandOption {
  return { name, type: 5, value };
}

/** Every REST body the bot sent for messages (callbacks with data, edits, follow-ups). */
export function messageBodies(fake: FakeDiscord): { path: string; data: Record<string, any> }[] {
  return fake.requests
    .filter((r) => r.method !== 'GET' && r.body !== undefined && typeof r.body === 'object' && !Array.isArray(r.body))
    .map((r) => ({ path: r.path, data: (r.path.endsWith('/callback') ? r.body.data : r.body) as Record<string, any> }))
    .filter((b) => b.data !== undefined && ('embeds' in b.data || 'content' in b.data));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `/slow`: a command that waits 400 ms (a database, a slow service) before it answers like /help. */
export const slowCommand = {
  data: new SlashCommandBuilder().setName('slow').setDescription('Slow'),
  async execute({ kb, locale, sendReply }) {
    await sleep(400);
    await sendReply(answer(kb, 'help', {}, locale), {});
  },
} satisfies Command;
