/**
 * `npm start`: the bot when DISCORD_TOKEN is set, otherwise the local console over the
 * knowledge folder. `npm start -- --once "/quote aliyev"` answers one line and exits.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { formatConfigError, loadConfig } from '../config.js';
import { formatOutput, handleLine } from '../console/session.js';
import { localeOf } from '../i18n.js';
import { formatProblem, isError, loadKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { createLogger } from '../logger.js';
import type { Locale } from '../knowledge/model.js';

const USAGE = `Usage: npm start [-- options]
  (no options)          the Discord bot when DISCORD_TOKEN is set, else the local console
  --once "LINE"         answer one line locally (e.g. "/actor russia") and exit
  --json                print the reply object as JSON instead of text
  --locale en|id        reply language (default en)
  --knowledge DIR       knowledge folder (default: KNOWLEDGE_DIR or ./knowledge)
  --help                this text`;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function loadForConsole(dir: string): Promise<KnowledgeBase> {
  const result = await loadKnowledgeBase(dir);
  if (!result.ok) {
    const errors = result.problems.filter(isError);
    fail(
      [
        `The knowledge folder ${dir} has ${errors.length} problem(s); fix them and start again:`,
        ...result.problems.map(formatProblem),
      ].join('\n'),
    );
  }
  for (const warning of result.warnings) process.stderr.write(`${formatProblem(warning)}\n`);
  return result.kb;
}

async function runConsole(kb: KnowledgeBase, startLocale: Locale, json: boolean, hasToken: boolean): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  let locale = startLocale;
  if (interactive) {
    const { sources, passages, actors, quotes } = kb.stats;
    process.stdout.write(
      [
        `Sumber local console over ${kb.dir} (sources: ${sources}, passages: ${passages}, actors: ${actors}, quotes: ${quotes}).`,
        'Type a command as on Discord, e.g. /actor russia, /quote aliyev, /scenario, /search gencatan senjata, /help.',
        'Plain text searches. /locale id or /locale en switches the language. Ctrl-D or "exit" leaves.',
        hasToken
          ? ''
          : 'No DISCORD_TOKEN is set, so this is the local console. To connect to Discord, copy .env.example to .env and fill it in (see README).',
        '',
      ].join('\n'),
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive, prompt: '> ' });
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const output = handleLine(kb, line, locale);
    if (output.kind === 'quit') break;
    if (output.kind === 'locale') locale = output.locale;
    const text = formatOutput(output, { json, color: interactive && process.stdout.isTTY === true });
    if (text !== undefined) process.stdout.write(`${text}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        once: { type: 'string' },
        json: { type: 'boolean', default: false },
        locale: { type: 'string' },
        knowledge: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.locale !== undefined && !/^(en|id)(-\w+)?$/i.test(args.locale)) fail(`--locale must be en or id, not "${args.locale}"`, 2);
  const locale = localeOf(args.locale ?? 'en');
  const configResult = loadConfig();
  if (!configResult.ok)
    fail(
      ['Configuration problem (in .env or the environment):', ...configResult.errors.map((e) => `  ${formatConfigError(e)}`)].join('\n'),
    );
  const config = configResult.config;
  const knowledgeDir = path.resolve(args.knowledge ?? config.knowledgeDir);

  if (args.once !== undefined) {
    const kb = await loadForConsole(knowledgeDir);
    const output = handleLine(kb, args.once, locale);
    const text = formatOutput(output, { json: args.json });
    if (text !== undefined) process.stdout.write(`${text}\n`);
    return;
  }

  // --- Discord bot: only with a token -----------------------------------------------------
  if (config.discord !== null) {
    const logger = createLogger({ level: config.logLevel, secrets: [config.discord.token] });
    const { startBot } = await import('../discord/bot.js');
    const started = await startBot({ ...config, knowledgeDir }, logger);
    if (!started.ok) fail(started.message, started.exitCode);
    return;
  }
  // ------------------------------------------------------------------------------------------

  const kb = await loadForConsole(knowledgeDir);
  await runConsole(kb, locale, args.json, false);
}

main().catch((error: unknown) => {
  // Unexpected: a bug, not a user mistake. Say so briefly; the stack goes to stderr for a report.
  process.stderr.write(
    `Sumber stopped because of an unexpected error: ${(error as Error)?.message ?? String(error)}\n${(error as Error)?.stack ?? ''}\n`,
  );
  process.exit(1);
});
