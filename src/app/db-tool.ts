/**
 * `npm run db -- <backup FILE|check> [--database FILE]`: the discussions database, for whoever
 * runs the bot. `backup` uses SQLite's online backup, so it is safe while the bot runs.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatConfigError, loadConfig } from '../config.js';
import { openSqliteStore } from '../discussions/sqlite-store.js';

const USAGE = `Usage: npm run db -- <command> [--database FILE]
  backup FILE   copy the database to FILE while the bot may be running (SQLite online backup)
  check         open the database, apply pending migrations, report its schema version
Default database: DATABASE_PATH from .env (data/sumber.db).`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { database: { type: 'string' }, help: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, target] = positionals;
  if (values.help || (command !== 'backup' && command !== 'check') || (command === 'backup' && target === undefined)) {
    (values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  let file = values.database;
  if (file === undefined) {
    const config = loadConfig();
    if (!config.ok) {
      process.stderr.write(`${config.errors.map(formatConfigError).join('\n')}\n`);
      return 1;
    }
    file = config.config.discussions.databasePath;
  }
  if (!existsSync(file)) {
    process.stderr.write(`There is no database at ${file} yet (the bot creates it on first start).\n`);
    return 1;
  }
  // A backup copies the file as it is; only `check` brings it up to date.
  const opened = openSqliteStore(file, { migrate: command === 'check' });
  if (!opened.ok) {
    process.stderr.write(`${opened.message}\n`);
    return 1;
  }
  try {
    if (command === 'backup' && target !== undefined) {
      await opened.store.backup(target);
      process.stdout.write(`Backed up ${file} to ${target}.\n`);
    } else {
      process.stdout.write(`OK: ${file}, schema version ${opened.store.schemaVersion}.\n`);
    }
    return 0;
  } finally {
    opened.store.close();
  }
}

process.exitCode = await main();
