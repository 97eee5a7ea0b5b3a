/**
 * `npm run start:sharded`: discord.js's ShardingManager runs one bot process per shard (each is
 * `src/app/main.ts` with a token, told its shard by the manager). Only needed from about 2,500
 * servers, where Discord requires sharding; see docs/discord.md.
 *
 * The shard count comes from `SHARD_COUNT`, or from Discord's recommendation (`GET /gateway/bot`,
 * through `DISCORD_API_URL` when set: discord.js's own 'auto' always asks discord.com).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { formatConfigError, loadConfig, type Config, type DiscordConfig } from '../config.js';
import { EXIT_CODES } from '../discord/fatal.js';
import { createLogger, type Logger } from '../logger.js';

/** The file each shard process runs. */
export const SHARD_FILE = fileURLToPath(new URL('./main.ts', import.meta.url));
/** Discord allows `max_concurrency` IDENTIFYs per 5 seconds. */
const IDENTIFY_WINDOW_MS = 5_500;

export type ShardPlan = { readonly totalShards: number; readonly spawnDelayMs: number };

/** How many shards, and how long to wait between starting them. */
export async function planShards(discord: DiscordConfig, shardCount: Config['shardCount']): Promise<ShardPlan> {
  const rest = new REST(discord.apiUrl !== null ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const maxConcurrency = Math.max(1, gateway.session_start_limit.max_concurrency);
  return {
    totalShards: shardCount === 'auto' ? Math.max(1, gateway.shards) : shardCount,
    spawnDelayMs: Math.ceil(IDENTIFY_WINDOW_MS / maxConcurrency),
  };
}

/** Starts every shard; resolves once all are ready. */
export async function startSharded(
  config: Config,
  logger: Logger,
  options: { readonly file?: string; readonly spawnTimeoutMs?: number } = {},
): Promise<{ readonly ok: true; readonly manager: ShardingManager } | { readonly ok: false; readonly message: string }> {
  if (config.discord === null) return { ok: false, message: 'DISCORD_TOKEN is not set: there is nothing to shard (see .env.example).' };
  let plan: ShardPlan;
  try {
    plan = await planShards(config.discord, config.shardCount);
  } catch (error) {
    return {
      ok: false,
      message: `Could not ask Discord for the shard count: ${error instanceof Error ? error.message : String(error)}. Check DISCORD_TOKEN, or set SHARD_COUNT.`,
    };
  }
  const manager = new ShardingManager(options.file ?? SHARD_FILE, {
    token: config.discord.token,
    totalShards: plan.totalShards,
    mode: 'process',
    respawn: true,
    // The shard file is TypeScript: each process loads tsx, as `npm start` does.
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, totalShards: plan.totalShards }, 'shard starting');
    shard.on('death', (child) => {
      const exitCode = 'exitCode' in child ? child.exitCode : null;
      logger.warn({ shardId: shard.id, exitCode }, 'shard process exited');
      if (exitCode !== EXIT_CODES.refused) return;
      // Discord refused the token or the shard settings: every restart would be refused too.
      logger.fatal(
        { shardId: shard.id, exitCode },
        'a shard was refused by Discord (see its line above for what to fix): stopping all shards',
      );
      manager.respawn = false;
      setImmediate(() => {
        for (const other of manager.shards.values()) other.kill(); // also the one respawned just now
        logger.flush();
        process.exit(EXIT_CODES.refused);
      });
    });
  });
  logger.info({ ...plan }, 'starting shards');
  try {
    await manager.spawn({ amount: plan.totalShards, delay: plan.spawnDelayMs, timeout: options.spawnTimeoutMs ?? 60_000 });
  } catch (error) {
    for (const shard of manager.shards.values()) shard.kill();
    return { ok: false, message: `A shard did not start: ${error instanceof Error ? error.message : String(error)}` };
  }
  logger.info({ shards: manager.shards.size }, 'all shards ready');
  return { ok: true, manager };
}

/** Stops every shard (each logs out on SIGTERM), then the manager. */
export function stopSharded(manager: ShardingManager): void {
  for (const shard of manager.shards.values()) {
    shard.removeAllListeners('death');
    shard.process?.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(
      ['Configuration problem (in .env or the environment):', ...loaded.errors.map((e) => `  ${formatConfigError(e)}`)].join('\n') + '\n',
    );
    process.exit(1);
  }
  const config = loaded.config;
  const logger = createLogger({
    level: config.logLevel,
    secrets: config.discord ? [config.discord.token] : [],
    base: { role: 'shard-manager' },
  });
  const started = await startSharded(config, logger);
  if (!started.ok) {
    process.stderr.write(`${started.message}\n`);
    process.exit(1);
  }
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping shards');
    started.manager.respawn = false;
    stopSharded(started.manager);
    setTimeout(() => {
      logger.flush();
      process.exit(0);
    }, 2_000).unref();
    Promise.all(
      [...started.manager.shards.values()].map(
        (s) =>
          new Promise<void>((resolve) =>
            s.process === null || s.process.exitCode !== null ? resolve() : s.process.once('exit', () => resolve()),
          ),
      ),
    ).then(() => {
      logger.info('all shards stopped');
      logger.flush();
      process.exit(0);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
