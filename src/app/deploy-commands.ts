/**
 * `npm run deploy-commands`: registers the slash commands in `commands/` with Discord by bulk
 * overwrite (one PUT replaces the whole set, so removed commands disappear too). To
 * `DISCORD_GUILD_ID` when it is set (instant, for testing), globally otherwise (may take up to
 * an hour to show everywhere). Prints what it registered. The core's commands build their
 * definitions from its command table (src/answers/commands.ts); a table command without its
 * file in `commands/` is reported.
 */
import { pathToFileURL } from 'node:url';
import {
  ApplicationCommandType,
  REST,
  Routes,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord.js';
import { formatConfigError, loadConfig, requireDeploySettings, type DiscordConfig } from '../config.js';
import type { Command } from '../discord/command.js';
import { loadCommands } from '../discord/command-loader.js';
import { COMMAND_NAMES } from '../answers/index.js';

export type DeployResult = {
  readonly scope: 'guild' | 'global';
  readonly guildId: string | null;
  readonly registered: RESTPutAPIApplicationCommandsResult;
};

/** The JSON Discord registers for each command, in name order. */
export function commandBodies(commands: Iterable<Command>): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...commands]
    .flatMap((c): RESTPostAPIApplicationCommandsJSONBody[] => [c.data.toJSON(), ...(c.messageMenu ? [c.messageMenu.data.toJSON()] : [])])
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One PUT with every command: to the guild when `guildId` is set, globally otherwise. */
export async function deployCommands(
  discord: DiscordConfig & { readonly clientId: string },
  bodies: readonly RESTPostAPIApplicationCommandsJSONBody[],
): Promise<DeployResult> {
  const rest = new REST(discord.apiUrl !== null ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const route =
    discord.guildId !== null
      ? Routes.applicationGuildCommands(discord.clientId, discord.guildId)
      : Routes.applicationCommands(discord.clientId);
  const registered = (await rest.put(route, { body: bodies })) as RESTPutAPIApplicationCommandsResult;
  return { scope: discord.guildId !== null ? 'guild' : 'global', guildId: discord.guildId, registered };
}

/** What the script prints: where, then one line per command with its Indonesian name and options. */
export function describeDeploy(result: DeployResult): string {
  const where =
    result.scope === 'guild'
      ? `to server ${result.guildId} (available there now)`
      : 'globally (Discord may take up to an hour to show changes everywhere)';
  const lines = result.registered.map((c) => {
    // A message context-menu command (type 3) is found under Apps on a message, not typed.
    const prefix = c.type === ApplicationCommandType.Message ? 'Apps → ' : '/';
    const localized = c.name_localizations?.id ? ` (id: ${prefix}${c.name_localizations.id})` : '';
    const options = (c.options ?? []).map((o) => o.name).join(', ');
    return `  ${prefix}${c.name}${localized}${options ? ` — ${options}` : ''}`;
  });
  return [`Registered ${result.registered.length} commands ${where}:`, ...lines].join('\n');
}

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(
      ['Configuration problem (in .env or the environment):', ...loaded.errors.map((e) => `  ${formatConfigError(e)}`)].join('\n') + '\n',
    );
    return 1;
  }
  const settings = requireDeploySettings(loaded.config);
  if (!settings.ok) {
    process.stderr.write(['deploy-commands needs:', ...settings.errors.map((e) => `  ${formatConfigError(e)}`)].join('\n') + '\n');
    return 1;
  }
  const { commands, skipped } = await loadCommands();
  for (const s of skipped) process.stderr.write(`commands/${s.file} skipped: ${s.reason}\n`);
  for (const name of COMMAND_NAMES.filter((c) => !commands.has(c))) {
    process.stderr.write(`/${name} is in the command table but has no file in commands/: it is not registered\n`);
  }
  try {
    const result = await deployCommands(settings.discord, commandBodies(commands.values()));
    process.stdout.write(`${describeDeploy(result)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`Discord refused the commands: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
