/**
 * The bot: logs in with the Guilds intent only, serves the commands in `commands/` from the
 * knowledge folder, optionally watches that folder, and shuts down cleanly on SIGINT/SIGTERM.
 * Registering commands with Discord is not done here: see `npm run deploy-commands`.
 */
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { ensureButtonSecret, type Config } from '../config.js';
import { formatProblem } from '../knowledge/knowledge-base.js';
import type { Logger } from '../logger.js';
import type { Command } from './command.js';
import { loadCommands } from './command-loader.js';
import { createDispatcher } from './dispatcher.js';
import { KnowledgeHolder, type LoadKnowledge } from '../knowledge/knowledge-holder.js';
import { loadKnowledgeOffThread } from '../knowledge/off-thread.js';
import { prepareReplies } from '../answers/index.js';
import { NO_MENTIONS } from './render.js';
import { restPolicy, type RestPolicyOptions } from './rest-policy.js';
import { EXIT_CODES, fatalCloseCode, loginFailure, type FatalError } from './fatal.js';
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
  /**
   * Called after the bot stopped because Discord closed the gateway for good (4004, 4010-4014)
   * after READY. Default: print the reason and exit with its code (none when `handleSignals` is off).
   */
  readonly onFatal?: (fatal: FatalError) => void;
  /** Bounds on REST retries (tests shorten them). */
  readonly restPolicy?: RestPolicyOptions;
};

export type RunningBot = {
  readonly client: Client<true>;
  readonly knowledge: KnowledgeHolder;
  /** Stops watching, logs out and flushes the logs. Safe to call twice. */
  stop(): Promise<void>;
};

export type StartResult =
  | { readonly ok: true; readonly bot: RunningBot }
  | { readonly ok: false; readonly message: string; /** For `process.exit`: see EXIT_CODES. */ readonly exitCode: number };

/**
 * Discord does not count interaction endpoints (the callback, and edits and follow-ups under
 * `/webhooks/:app/:interaction token`) against the bot's global limit of 50 requests/s.
 * @discordjs/rest already exempts callbacks, but counts the edits of deferred replies; the bot
 * makes no other REST calls while running, so its client-side cap is raised to keep deferred
 * answers in a busy class from queueing behind a limit Discord does not apply to them.
 */
const GLOBAL_REQUESTS_PER_SECOND = 500;

export function clientOptions(config: Config, logger: Logger, policy: RestPolicyOptions = {}): ClientOptions {
  const apiUrl = config.discord?.apiUrl ?? null;
  return {
    // GuildMessages (not privileged) only to count messages in discussion threads; without the
    // Message Content intent their text never reaches the bot.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { ...NO_MENTIONS, repliedUser: false },
    rest: {
      ...restPolicy(logger, policy),
      globalRequestsPerSecond: GLOBAL_REQUESTS_PER_SECOND,
      ...(apiUrl !== null ? { api: apiUrl } : {}),
    },
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
// The prepared replies are built before a knowledge base is swapped in, so no student pays for them.
const loadAndPrepare: LoadKnowledge = async (dir) => {
  const result = await loadKnowledgeOffThread(dir);
  if (result.ok) await prepareReplies(result.kb);
  return result;
};

export async function startBot(config: Config, logger: Logger, options: BotOptions = {}): Promise<StartResult> {
  if (config.discord === null)
    return {
      ok: false,
      exitCode: EXIT_CODES.failed,
      message: 'DISCORD_TOKEN is not set: there is nothing to log in with (see .env.example).',
    };
  const log = logger.child({ component: 'bot' });

  let knowledge = options.knowledge;
  if (!knowledge) {
    const opened = await KnowledgeHolder.open(config.knowledgeDir, loadAndPrepare);
    if (!opened.ok) {
      return {
        ok: false,
        exitCode: EXIT_CODES.failed,
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

  const buttonSecret = await ensureButtonSecret(config);
  // A database that cannot be opened stops the start: never a silent fresh one.
  const opened = openSqliteStore(config.discussions.databasePath);
  if (!opened.ok) return { ok: false, exitCode: EXIT_CODES.failed, message: opened.message };
  const store = opened.store;
  const discussions = new DiscussionEdge({
    store,
    knowledge: holder,
    teacherRoleId: config.discussions.teacherRoleId,
    logger,
    buttonSecret,
    ...options.discussions,
  });

  const client = new Client(clientOptions(config, logger, options.restPolicy));
  const dispatch = createDispatcher({
    commands,
    knowledge: holder,
    moderation: config.moderation,
    logger,
    discussions,
    buttonSecret,
    ...(options.autoDeferMs !== undefined ? { autoDeferMs: options.autoDeferMs } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    dispatch(interaction).catch((err: unknown) => log.error({ err, interactionId: interaction.id }, 'dispatcher failed'));
  });
  client.on(Events.Error, (err) => log.error({ err }, 'client error'));
  client.on(Events.Warn, (warning) => log.warn(warning));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'gateway connection error'));
  // discord.js emits this only for close codes it will not recover from (4004, 4010-4014).
  let fatalClose: number | null = null;
  const afterReady: { stop?: (fatal: FatalError) => void } = {};
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const fatal = fatalCloseCode(event.code);
    if (fatalClose === null) fatalClose = event.code;
    log.warn({ code: event.code, shardId }, 'gateway disconnected for good');
    if (fatal) afterReady.stop?.(fatal);
  });
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.Debug, (text) => log.trace(text));
  // A 429 itself is logged by the REST policy; this is discord.js holding requests back before sending.
  client.rest.on('rateLimited', (info) =>
    log.info({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'waiting for a rate limit to pass'),
  );
  client.rest.on('invalidRequestWarning', (info) =>
    log.warn({ count: info.count, remainingMs: info.remainingTime }, 'many invalid requests (Discord bans at 10,000 in 10 minutes)'),
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
    const failure = loginFailure(err, config.discord.apiUrl, fatalClose);
    log.error({ err, closeCode: fatalClose, exitCode: failure.exitCode }, 'login failed');
    return { ok: false, ...failure };
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
  const onFatal = options.onFatal ?? (options.handleSignals === false ? undefined : (fatal: FatalError) => exitWith(fatal, logger));
  afterReady.stop = (fatal) => {
    log.fatal({ exitCode: fatal.exitCode }, fatal.message);
    void bot.stop().finally(() => onFatal?.(fatal));
  };
  if (options.handleSignals ?? true) exitOnSignals(bot, log);
  return { ok: true, bot };
}

/** The one clear line on stderr (beside the JSON log), then the exit code a process manager reads. */
function exitWith(fatal: FatalError, logger: Logger): never {
  logger.flush();
  process.stderr.write(`${fatal.message}\n`);
  process.exit(fatal.exitCode);
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
