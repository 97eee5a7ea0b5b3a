/**
 * The bot: logs in with the Guilds intent only, serves the commands in `commands/` from the
 * knowledge folder, optionally watches that folder, and shuts down cleanly on SIGINT/SIGTERM.
 * Registering commands with Discord is not done here: see `npm run deploy-commands`.
 */
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import { formatProblem } from '../knowledge/knowledge-base.js';
import type { Logger } from '../logger.js';
import type { Command } from './command.js';
import { loadCommands } from './command-loader.js';
import { createDispatcher } from './dispatcher.js';
import { KnowledgeHolder } from '../knowledge/knowledge-holder.js';
import { NO_MENTIONS } from './render.js';
import { watchKnowledge, type StopWatching } from '../knowledge/watch.js';
import { openSqliteStore } from '../discussions/sqlite-store.js';
import { DiscussionEdge, type DiscussionEdgeOptions } from './discussions/edge.js';

export type BotOptions = {
  /** Knowledge to serve; default: loaded from `config.knowledgeDir`. */
  readonly knowledge?: KnowledgeHolder;
  /** Commands to serve; default: the files in `commands/`. */
  readonly commands?: ReadonlyMap<string, Command>;
  /** Defer commands that have not answered after this many ms (default 1500). */
  readonly autoDeferMs?: number;
  /** Debounce of the folder watch, when `WATCH_KNOWLEDGE` is on. */
  readonly watchDebounceMs?: number;
  /** Log out, flush the logs and exit 0 on SIGINT/SIGTERM (default true; tests turn it off). */
  readonly handleSignals?: boolean;
  /** Give up logging in after this long (default 60 s). */
  readonly readyTimeoutMs?: number;
  /** Clock, shuffle and reminder interval of the discussions (tests make them quick). */
  readonly discussions?: Pick<DiscussionEdgeOptions, 'now' | 'random' | 'reminderCheckMs'>;
};

export type RunningBot = {
  readonly client: Client<true>;
  readonly knowledge: KnowledgeHolder;
  /** Stops watching, logs out and flushes the logs. Safe to call twice. */
  stop(): Promise<void>;
};

export type StartResult = { readonly ok: true; readonly bot: RunningBot } | { readonly ok: false; readonly message: string };

/**
 * Discord does not count interaction endpoints (the callback, and edits and follow-ups under
 * `/webhooks/:app/:interaction token`) against the bot's global limit of 50 requests/s.
 * @discordjs/rest already exempts callbacks, but counts the edits of deferred replies; the bot
 * makes no other REST calls while running, so its client-side cap is raised to keep deferred
 * answers in a busy class from queueing behind a limit Discord does not apply to them.
 */
const GLOBAL_REQUESTS_PER_SECOND = 500;

export function clientOptions(config: Config): ClientOptions {
  const apiUrl = config.discord?.apiUrl ?? null;
  return {
    // GuildMessages (not privileged) only to count messages in discussion threads; without the
    // Message Content intent their text never reaches the bot.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { ...NO_MENTIONS, repliedUser: false },
    rest: { globalRequestsPerSecond: GLOBAL_REQUESTS_PER_SECOND, ...(apiUrl !== null ? { api: apiUrl } : {}) },
  };
}

/**
 * Starts the bot and resolves once it is ready to answer. Expected failures (a broken knowledge
 * folder, a token Discord refuses) come back as `{ ok: false, message }` for the caller to print.
 *
 * @example
 * const started = await startBot(config, logger);
 * if (!started.ok) fail(started.message);
 */
export async function startBot(config: Config, logger: Logger, options: BotOptions = {}): Promise<StartResult> {
  if (config.discord === null)
    return { ok: false, message: 'DISCORD_TOKEN is not set: there is nothing to log in with (see .env.example).' };
  const log = logger.child({ component: 'bot' });

  let knowledge = options.knowledge;
  if (!knowledge) {
    const opened = await KnowledgeHolder.open(config.knowledgeDir);
    if (!opened.ok) {
      return {
        ok: false,
        message: [
          `The knowledge folder ${config.knowledgeDir} has problems; fix them and start again:`,
          ...opened.problems.map(formatProblem),
        ].join('\n'),
      };
    }
    knowledge = opened.holder;
    for (const warning of opened.holder.current.problems) log.warn(`knowledge: ${formatProblem(warning)}`);
  }
  const holder = knowledge;

  let commands = options.commands;
  if (!commands) {
    const loaded = await loadCommands();
    for (const skip of loaded.skipped) log.warn({ file: skip.file }, `commands/${skip.file} skipped: ${skip.reason}`);
    commands = loaded.commands;
  }

  // A database that cannot be opened stops the start: never a silent fresh one.
  const opened = openSqliteStore(config.discussions.databasePath);
  if (!opened.ok) return { ok: false, message: opened.message };
  const store = opened.store;
  const discussions = new DiscussionEdge({
    store,
    knowledge: holder,
    teacherRoleId: config.discussions.teacherRoleId,
    logger,
    ...options.discussions,
  });

  const client = new Client(clientOptions(config));
  const dispatch = createDispatcher({
    commands,
    knowledge: holder,
    moderation: config.moderation,
    logger,
    discussions,
    ...(options.autoDeferMs !== undefined ? { autoDeferMs: options.autoDeferMs } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    dispatch(interaction).catch((err: unknown) => log.error({ err, interactionId: interaction.id }, 'dispatcher failed'));
  });
  client.on(Events.Error, (err) => log.error({ err }, 'client error'));
  client.on(Events.Warn, (warning) => log.warn(warning));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'gateway connection error'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ code: event.code, shardId }, 'gateway disconnected for good'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.Debug, (text) => log.trace(text));
  client.rest.on('rateLimited', (info) =>
    log.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'rate limited by Discord'),
  );

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not ready after ${options.readyTimeoutMs ?? 60_000} ms`)), options.readyTimeoutMs ?? 60_000);
  });
  try {
    await Promise.race([client.login(config.discord.token).then(() => ready), timeout]);
  } catch (err) {
    await client.destroy();
    store.close();
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
    log.error({ err }, 'login failed');
    return {
      ok: false,
      message: `Could not connect to Discord: ${reason}. Check DISCORD_TOKEN${config.discord.apiUrl !== null ? ' and DISCORD_API_URL' : ''}.`,
    };
  } finally {
    clearTimeout(timer);
  }

  discussions.attach(client);

  let stopWatching: StopWatching | undefined;
  if (config.watchKnowledge) {
    holder.watching = true;
    stopWatching = watchKnowledge(
      holder.dir,
      () => {
        void holder.reload().then((outcome) => {
          if (outcome.ok) log.info({ stats: outcome.stats }, 'knowledge folder changed: reloaded');
          else
            log.warn(
              { problems: outcome.problems.map(formatProblem) },
              'knowledge folder changed but has problems: still serving the last good version',
            );
        });
      },
      {
        ...(options.watchDebounceMs !== undefined ? { debounceMs: options.watchDebounceMs } : {}),
        onError: (err) => log.error({ err }, 'watching the knowledge folder failed'),
      },
    );
  }

  let stopped: Promise<void> | undefined;
  const readyClient = client as Client<true>;
  const bot: RunningBot = {
    client: readyClient,
    knowledge: holder,
    stop: () => {
      stopped ??= (async () => {
        stopWatching?.();
        holder.watching = false;
        discussions.detach();
        await client.destroy();
        store.close();
        log.info('logged out');
        logger.flush();
      })();
      return stopped;
    },
  };

  log.info(
    {
      user: readyClient.user.tag,
      guilds: readyClient.guilds.cache.size,
      commands: [...commands.keys()],
      knowledge: holder.current.stats,
      watching: holder.watching,
    },
    'ready',
  );
  if (options.handleSignals ?? true) exitOnSignals(bot, log);
  return { ok: true, bot };
}

/** SIGINT/SIGTERM: log out cleanly, flush logs, exit 0. A second signal exits at once. */
function exitOnSignals(bot: RunningBot, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
