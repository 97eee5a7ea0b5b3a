/**
 * Builds the `Map<name, Command>` from the files in `commands/`. A module whose default export
 * is not a command (no `data` or no `execute`), or that repeats a name, is skipped and reported,
 * as in the discord.js guide.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isCommand, type Command } from './command.js';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

export type LoadedCommands = {
  readonly commands: ReadonlyMap<string, Command>;
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
};

export async function loadCommands(dir: string = COMMANDS_DIR): Promise<LoadedCommands> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !/\.(d|test)\.[mc]?[jt]s$/.test(f)).sort();
  const commands = new Map<string, Command>();
  const skipped: { file: string; reason: string }[] = [];
  for (const file of files) {
    const module: { default?: unknown } = await import(pathToFileURL(path.join(dir, file)).href);
    if (!isCommand(module.default)) {
      skipped.push({ file, reason: 'the default export needs `data` (with a name) and `execute`' });
    } else if (commands.has(module.default.data.name)) {
      skipped.push({ file, reason: `another file already defines /${module.default.data.name}` });
    } else {
      commands.set(module.default.data.name, module.default);
    }
  }
  return { commands, skipped };
}
