/**
 * One pino logger for the process, writing JSON lines to stderr (stdout belongs to the
 * console and to `--json` output). Units of work log through child loggers that carry their
 * bindings (`interactionId`, `command`, ...).
 *
 * Secrets never reach a log line: known keys are redacted by pino, and every string (messages,
 * error messages and stacks, URLs) is scrubbed of the configured secrets and of interaction
 * and webhook tokens, which discord.js puts into the URLs of its errors.
 */
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

export const REDACTED = '[REDACTED]';

/** Keys whose values are never logged, wherever pino finds them (one level deep or at the top). */
const REDACT_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'discord.token',
  'config.discord.token',
];

// `/interactions/<id>/<token>/callback` and `/webhooks/<app id>/<token>`: the token lets anyone answer.
const URL_TOKENS = /(\/(?:interactions|webhooks)\/\d+\/)[^/\s?#"']+/g;
const MAX_DEPTH = 6;

export type LoggerOptions = {
  readonly level: LogLevel;
  /** Exact strings to remove from every line (the bot token). */
  readonly secrets?: readonly string[];
  /** Where lines go; default stderr. Tests pass an in-memory stream. */
  readonly destination?: DestinationStream;
  /** Bindings on every line, e.g. `{ shard: 0 }`. */
  readonly base?: Record<string, unknown>;
};

/** Replaces secrets and URL tokens in a string. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text.replace(URL_TOKENS, `$1${REDACTED}`);
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out;
}

function scrubValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (value instanceof Error) return scrubValue(stdSerializers.err(value), secrets, depth + 1);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = scrubValue(v, secrets, depth + 1);
  return out;
}

/**
 * Creates the process's logger.
 *
 * @example
 * const logger = createLogger({ level: 'info', secrets: [config.discord.token] });
 * logger.child({ interactionId }).error({ err }, 'command failed');
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  return pino(
    {
      level: options.level,
      base: { pid: process.pid, ...options.base },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: (err: unknown) => scrubValue(err instanceof Error ? stdSerializers.err(err) : err, secrets, 0) },
      formatters: {
        log: (object) => scrubValue(object, secrets, 0) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a, secrets) : a)) as Parameters<typeof method>;
          method.apply(this, scrubbed);
        },
      },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
