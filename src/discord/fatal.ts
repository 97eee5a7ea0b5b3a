/**
 * Why the bot cannot go on, in one line saying what to fix, and the exit code a process manager
 * (systemd, pm2, Docker) reads: restarting helps for a network failure, not for a refused token.
 * The table is documented in docs/discord.md.
 */

/** Process exit codes of `npm start` (sysexits.h names where one fits). */
export const EXIT_CODES = {
  /** Stopped on purpose (SIGINT/SIGTERM). */
  stopped: 0,
  /** A bad setting, a broken knowledge folder, or an unexpected error. */
  failed: 1,
  /** Bad command-line arguments. */
  usage: 2,
  /** Discord is unreachable (DNS, refused connection, time-out): restarting later can help. */
  unavailable: 69,
  /** Discord refused the bot's settings (token, intents, shards): restarting does not help. */
  refused: 78,
} as const;

export type FatalError = { readonly exitCode: number; readonly message: string };

/** Gateway close codes after which Discord will not take the connection back. */
const UNRECOVERABLE: Readonly<Record<number, string>> = {
  4004: 'Discord refused the bot token (gateway close 4004 Authentication failed): the token was reset or mistyped. Put the current token in DISCORD_TOKEN (Developer Portal -> your application -> Bot -> Reset Token) and start again.',
  4010: 'Discord refused the shard (gateway close 4010 Invalid shard): set SHARD_COUNT to auto or to a number of shards that matches the shard ids.',
  4011: 'Discord requires sharding for this bot (gateway close 4011 Sharding required): it is in too many servers for one connection. Run npm run start:sharded.',
  4012: 'Discord refused the gateway API version (gateway close 4012 Invalid API version): update discord.js (npm update discord.js).',
  4013: 'Discord refused the gateway intents (gateway close 4013 Invalid intents): this is a bug in Sumber, please report it.',
  4014: 'Discord refused a privileged intent (gateway close 4014 Disallowed intents): Sumber needs only the Guilds intent; check that no privileged intent was added, or enable it in Developer Portal -> Bot -> Privileged Gateway Intents.',
};

/** The fatal error for a gateway close code, or null when discord.js resumes or reconnects after it. */
export function fatalCloseCode(code: number): FatalError | null {
  const message = UNRECOVERABLE[code];
  return message === undefined ? null : { exitCode: EXIT_CODES.refused, message };
}

const NETWORK_CODES: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the name {host} could not be resolved (DNS lookup failed, ENOTFOUND)',
  EAI_AGAIN: 'the name {host} could not be resolved for now (DNS lookup failed, EAI_AGAIN)',
  ECONNREFUSED: 'the connection to {host} was refused (ECONNREFUSED)',
  ECONNRESET: 'the connection to {host} was cut (ECONNRESET)',
  ETIMEDOUT: 'the connection to {host} timed out (ETIMEDOUT)',
  UND_ERR_CONNECT_TIMEOUT: 'the connection to {host} timed out (UND_ERR_CONNECT_TIMEOUT)',
  EHOSTUNREACH: 'there is no route to {host} (EHOSTUNREACH)',
  ENETUNREACH: 'the network is unreachable (ENETUNREACH)',
};

/** The network error code of an error or of its causes (fetch wraps it: `TypeError: fetch failed`). */
function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code in NETWORK_CODES) return code;
    const errors = (e as { errors?: unknown }).errors; // AggregateError from happy eyeballs
    if (Array.isArray(errors)) for (const inner of errors) if (networkCode(inner) !== undefined) return networkCode(inner);
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * What went wrong at login. A network failure is not blamed on the token.
 *
 * @example
 * loginFailure(fetchError, 'https://discord.com/api', null)
 * // { exitCode: 69, message: 'Could not reach Discord: the name discord.com could not be resolved ... ' }
 */
export function loginFailure(error: unknown, apiUrl: string | null, closeCode: number | null): FatalError {
  const closed = closeCode === null ? null : fatalCloseCode(closeCode);
  if (closed) return closed;
  const host = new URL(apiUrl ?? 'https://discord.com/api').host;
  const code = networkCode(error);
  if (code !== undefined) {
    const what = (NETWORK_CODES[code] ?? code).replace('{host}', host);
    return {
      exitCode: EXIT_CODES.unavailable,
      message: `Could not reach Discord: ${what}. Check the network connection and DNS${apiUrl !== null ? ', and DISCORD_API_URL' : ''}; the token was not tried.`,
    };
  }
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  const status = (error as { status?: unknown })?.status;
  if (status === 401 || /invalid token/i.test(reason)) {
    return {
      exitCode: EXIT_CODES.refused,
      message: `Could not connect to Discord: ${reason}. Check DISCORD_TOKEN${apiUrl !== null ? ' and DISCORD_API_URL' : ''}.`,
    };
  }
  return {
    exitCode: EXIT_CODES.unavailable,
    message: `Could not connect to Discord: ${reason}${apiUrl !== null ? '. Check DISCORD_API_URL' : ''}.`,
  };
}
