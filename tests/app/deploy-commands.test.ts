/**
 * `npm run deploy-commands` against FakeDiscord: the PUT body Discord would receive, checked
 * against Discord's rules for application commands.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/discord/command-loader.js';
import { commandBodies, deployCommands, describeDeploy } from '../../src/app/deploy-commands.js';
import { FakeDiscord, TEST_TOKEN } from '../support/fake-discord.js';

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const EXPECTED = ['actor', 'Cite a passage', 'claim', 'discuss', 'help', 'kb', 'quote', 'scenario', 'search', 'source'];
/** Commands that are not answers with a `private` option: the class discussion's own. */
const DISCUSSION_COMMANDS = new Set(['Cite a passage', 'claim', 'discuss']);
const REPO = path.resolve(import.meta.dirname, '../..');

type Option = {
  type: number;
  name: string;
  description: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  required?: boolean;
  options?: Option[];
  max_length?: number;
  choices?: unknown[];
};

/** Checks one command or option against Discord's naming and length rules; returns what is wrong. */
function problems(item: Option, where: string): string[] {
  const out: string[] = [];
  const checkName = (name: string, label: string) => {
    if (!NAME.test(name)) out.push(`${label}: name "${name}" does not match Discord's pattern`);
    if (name !== name.toLowerCase()) out.push(`${label}: name "${name}" is not lower case`);
  };
  const checkDescription = (text: string, label: string) => {
    if (text.length < 1 || text.length > 100) out.push(`${label}: description is ${text.length} characters (1-100)`);
  };
  checkName(item.name, where);
  checkDescription(item.description, where);
  if (item.name_localizations?.id === undefined) out.push(`${where}: no Indonesian name`);
  else checkName(item.name_localizations.id, `${where} (id)`);
  if (item.description_localizations?.id === undefined) out.push(`${where}: no Indonesian description`);
  else checkDescription(item.description_localizations.id, `${where} (id)`);
  const options = item.options ?? [];
  if (options.length > 25) out.push(`${where}: ${options.length} options (max 25)`);
  const firstOptional = options.findIndex((o) => !o.required);
  if (firstOptional >= 0 && options.slice(firstOptional).some((o) => o.required && o.type !== 1 && o.type !== 2))
    out.push(`${where}: a required option follows an optional one`);
  if (new Set(options.map((o) => o.name)).size !== options.length) out.push(`${where}: duplicate option names`);
  for (const o of options) {
    if (o.max_length !== undefined && (o.max_length < 1 || o.max_length > 6000)) out.push(`${where} ${o.name}: max_length ${o.max_length}`);
    out.push(...problems(o, `${where} ${o.name}`));
  }
  return out;
}

/** Discord's 8000-character limit on a command's names, descriptions and values (all locales counted, to be safe). */
function totalCharacters(item: Option): number {
  const own = [
    item.name,
    item.description,
    ...Object.values(item.name_localizations ?? {}),
    ...Object.values(item.description_localizations ?? {}),
  ].join('').length;
  return own + (item.options ?? []).reduce((sum, o) => sum + totalCharacters(o), 0);
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

describe('deployCommands', () => {
  it("registers every command to the test server with one bulk-overwrite PUT that follows Discord's rules", async () => {
    const { commands, skipped } = await loadCommands();
    expect(skipped).toEqual([]);
    const result = await deployCommands(
      { token: TEST_TOKEN, clientId: fake.applicationId, guildId: fake.guildId, apiUrl: fake.apiUrl },
      commandBodies(commands.values()),
    );
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    const put = puts[0]!;
    expect(put.path).toBe(`/api/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${TEST_TOKEN}`);

    const body = put.body as (Option & { default_member_permissions?: string | null; contexts?: number[] })[];
    expect(body.map((c) => c.name)).toEqual(EXPECTED);
    const menu = body.find((c) => c.name === 'Cite a passage');
    expect(menu).toMatchObject({ type: 3, name_localizations: { id: 'Kutip bagian' }, contexts: [0] });
    for (const command of body.filter((c) => c !== menu)) {
      expect(command.type ?? 1).toBe(1);
      expect(problems(command, `/${command.name}`)).toEqual([]);
      expect(totalCharacters(command)).toBeLessThanOrEqual(8000);
    }
    expect(body.find((c) => c.name === 'kb')).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    expect(body.find((c) => c.name === 'discuss')).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    for (const c of body.filter((c) => c.name !== 'kb' && !DISCUSSION_COMMANDS.has(c.name))) {
      expect(c.default_member_permissions ?? null).toBe(null);
      expect(c.options?.some((o) => o.name === 'private' && o.type === 5 && o.name_localizations?.id === 'pribadi')).toBe(true);
    }
    expect(Object.fromEntries(body.map((c) => [c.name, c.name_localizations?.id]))).toEqual({
      actor: 'aktor',
      'Cite a passage': 'Kutip bagian',
      claim: 'klaim',
      discuss: 'diskusi',
      help: 'bantuan',
      kb: 'kb',
      quote: 'kutipan',
      scenario: 'skenario',
      search: 'cari',
      source: 'sumber',
    });

    expect(result.scope).toBe('guild');
    expect(describeDeploy(result).split('\n')[0]).toBe(`Registered 10 commands to server ${fake.guildId} (available there now):`);
    expect(describeDeploy(result)).toContain('  /actor (id: /aktor) — name, private');
    expect(describeDeploy(result)).toContain('  Apps → Cite a passage (id: Apps → Kutip bagian)');
  });

  it('registers globally when no server is set', async () => {
    const { commands } = await loadCommands();
    const result = await deployCommands(
      { token: TEST_TOKEN, clientId: fake.applicationId, guildId: null, apiUrl: fake.apiUrl },
      commandBodies(commands.values()),
    );
    expect(result.scope).toBe('global');
    expect(fake.registeredCommands.get('global')).toHaveLength(10);
    expect(fake.requests.at(-1)?.path).toBe(`/api/v10/applications/${fake.applicationId}/commands`);
  });
});

describe('npm run deploy-commands', () => {
  const run = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/app/deploy-commands.ts'], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 30_000,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('prints what it registered', async () => {
    const out = await run({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Registered 10 commands to server ${fake.guildId}`);
    expect(out.stdout).toContain('/kb (id: /kb) — status, reload');
  });

  it('names the missing variable and exits 1', async () => {
    const out = await run({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fake.apiUrl });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('DISCORD_CLIENT_ID is not set');
    expect(out.stdout).toBe('');
  });
});
