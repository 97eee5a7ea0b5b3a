/**
 * Bounds on every REST request the bot makes. @discordjs/rest retries a 429 after its
 * `Retry-After` and, without one, at once and for ever (600 requests a second in practice);
 * it retries a 5xx without waiting. Discord bans an address that sends 10,000 invalid
 * requests (401, 403, 429) in 10 minutes, so this wraps the HTTP call discord.js makes
 * (`rest.makeRequest`) and, per interaction (callback, edits and follow-ups share one budget):
 *
 * - counts failed attempts (429, 5xx, network errors) and gives up after `maxFailures`;
 * - waits before a retry: `Retry-After` when Discord gives one, else exponential backoff;
 * - drops an interaction callback that can no longer arrive within Discord's 3 seconds;
 * - logs each rate limit, each server error and each give-up (route, status, attempt).
 *
 * Requests outside interactions (the gateway address at login) get the same bounds per URL.
 */
import { DefaultRestOptions, type RateLimitData, type RESTOptions } from 'discord.js';
import type { Logger } from '../logger.js';
import { interactionClock } from './interaction-clock.js';

/** Thrown instead of sending a request that would break a bound; the dispatcher logs it, once. */
export class RequestAbandoned extends Error {
  override readonly name = 'RequestAbandoned';
  constructor(
    readonly route: string,
    readonly reason: 'too-many-failures' | 'past-deadline',
    readonly attempts: number,
  ) {
    super(`REST ${route}: gave up after ${attempts} attempt(s) (${reason})`);
  }
}

export type RestPolicyOptions = {
  /** Failed attempts (429, 5xx, network) allowed per interaction, or per URL outside one. */
  readonly maxFailures?: number;
  /** First backoff when Discord gives no Retry-After; doubles each time. */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Discord's deadline for an interaction callback, from the interaction's creation. */
  readonly callbackDeadlineMs?: number;
  /** One network attempt may take this long. */
  readonly timeoutMs?: number;
  /**
   * Invalid responses (401, 403, 429) in the last 10 minutes from which no request is retried
   * any more: Discord bans the address at 10,000, however they are spread over interactions.
   */
  readonly pauseRetriesAfterInvalid?: number;
  readonly now?: () => number;
  /** The HTTP call to wrap (tests pass a stand-in); default discord.js's own. */
  readonly makeRequest?: RESTOptions['makeRequest'];
};

export const REST_POLICY_DEFAULTS = {
  maxFailures: 3,
  baseBackoffMs: 250,
  maxBackoffMs: 5_000,
  callbackDeadlineMs: 3_000,
  timeoutMs: 10_000,
  pauseRetriesAfterInvalid: 2_500,
} as const;

const INVALID_WINDOW_MS = 10 * 60_000;

const DISCORD_EPOCH = 1_420_070_400_000;
/** Keep a budget this long: an interaction token lives 15 minutes. */
const BUDGET_TTL_MS = 16 * 60_000;
/** Do not start a callback attempt that has less than this left before the deadline. */
const CALLBACK_MARGIN_MS = 250;

type Budget = { readonly firstAt: number; failures: number; attempts: number; lastFailure: 'none' | 'backoff' | 'retry-after' };

type RequestTarget = { readonly key: string; readonly route: string; readonly callbackCreatedAt?: number };

/** The interaction a REST url belongs to (its token), the route without ids or tokens, and a callback's creation time. */
export function requestTarget(url: string, method: string): RequestTarget {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\?.*$/, '');
  const callback = /\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
  if (callback) {
    const createdAt = Number(BigInt(callback[1] as string) >> 22n) + DISCORD_EPOCH;
    return { key: `i:${callback[2]}`, route: `${method} /interactions/:id/:token/callback`, callbackCreatedAt: createdAt };
  }
  const webhook = /\/webhooks\/(\d+)\/([^/]+)(\/.*)?$/.exec(path);
  if (webhook) {
    const rest = (webhook[3] ?? '').replace(/\/messages\/(?!@original)[^/]+/, '/messages/:id');
    return { key: `i:${webhook[2]}`, route: `${method} /webhooks/:app/:token${rest}` };
  }
  const route = path.replace(/^\/api(\/v\d+)?/, '').replace(/\d{16,20}/g, ':id');
  return { key: `u:${method} ${path}`, route: `${method} ${route}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The REST options that bound retries and time, with `makeRequest` wrapped as described above.
 *
 * @example
 * new Client({ rest: { ...restPolicy(logger), api } })
 */
export function restPolicy(logger: Logger, options: RestPolicyOptions = {}): Partial<RESTOptions> {
  const settings = { ...REST_POLICY_DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  const log = logger.child({ component: 'rest' });
  const budgets = new Map<string, Budget>();
  const base = options.makeRequest ?? DefaultRestOptions.makeRequest;
  // Times of invalid responses in the last 10 minutes, oldest first.
  const invalid: number[] = [];
  let pausedSince: number | null = null;
  const invalidCount = (at: number) => {
    while (invalid.length > 0 && (invalid[0] as number) < at - INVALID_WINDOW_MS) invalid.shift();
    return invalid.length;
  };
  /** Failed attempts allowed now: one (no retries) while invalid responses pile up. */
  const allowedFailures = (at: number) => {
    const paused = invalidCount(at) >= settings.pauseRetriesAfterInvalid;
    if (paused && pausedSince === null) {
      pausedSince = at;
      log.warn(
        { invalidIn10Minutes: invalid.length },
        'many invalid requests (Discord bans at 10,000 in 10 minutes): no more retries for now',
      );
    } else if (!paused && pausedSince !== null) {
      pausedSince = null;
      log.info({ invalidIn10Minutes: invalid.length }, 'invalid requests back down: retrying again');
    }
    return paused ? 1 : settings.maxFailures;
  };

  const prune = (at: number) => {
    for (const [key, budget] of budgets) {
      if (at - budget.firstAt < BUDGET_TTL_MS) break; // insertion order: the rest are younger
      budgets.delete(key);
    }
  };

  const callbackDeadline = (target: RequestTarget, budget: Budget, margin = CALLBACK_MARGIN_MS): number => {
    // How long the interaction had waited at our first attempt, corrected for the offset
    // between Discord's clock and ours (a server clock a few seconds off must not drop all).
    const waited = target.callbackCreatedAt === undefined ? 0 : interactionClock().waited(target.callbackCreatedAt, budget.firstAt);
    return budget.firstAt - waited + settings.callbackDeadlineMs - margin;
  };

  const logGiveUp = (target: RequestTarget, budget: Budget, reason: RequestAbandoned['reason']): void => {
    log.warn(
      { route: target.route, attempt: budget.attempts, failures: budget.failures, reason },
      reason === 'past-deadline'
        ? 'interaction callback dropped: it can no longer reach Discord within 3 seconds'
        : 'REST request given up: too many failed attempts',
    );
  };

  const giveUp = (target: RequestTarget, budget: Budget, reason: RequestAbandoned['reason']): never => {
    logGiveUp(target, budget, reason);
    throw new RequestAbandoned(target.route, reason, budget.attempts);
  };

  const makeRequest: RESTOptions['makeRequest'] = async (url, init) => {
    const at = now();
    if (budgets.size > 1_000) prune(at);
    const target = requestTarget(url, String(init.method ?? 'GET').toUpperCase());
    let budget = budgets.get(target.key);
    if (!budget) {
      budget = { firstAt: at, failures: 0, attempts: 0, lastFailure: 'none' };
      budgets.set(target.key, budget);
    }
    if (budget.failures >= allowedFailures(at)) giveUp(target, budget, 'too-many-failures');
    let wait = 0;
    if (budget.lastFailure === 'backoff') {
      wait = Math.min(settings.maxBackoffMs, settings.baseBackoffMs * 2 ** (budget.failures - 1));
    }
    // A first attempt past the deadline would only be refused (10062 Unknown interaction); a
    // retry needs a margin to arrive in time.
    if (
      target.callbackCreatedAt !== undefined &&
      at + wait > callbackDeadline(target, budget, budget.attempts > 0 ? CALLBACK_MARGIN_MS : 0)
    ) {
      giveUp(target, budget, 'past-deadline');
    }
    if (wait > 0) await sleep(wait);
    budget.attempts += 1;
    const attempt = budget.attempts;
    let response: Awaited<ReturnType<RESTOptions['makeRequest']>>;
    try {
      response = await base(url, init);
    } catch (error) {
      budget.failures += 1;
      budget.lastFailure = 'backoff';
      log.warn({ route: target.route, attempt, err: error }, 'REST request failed on the network');
      throw error;
    }
    const status = response.status;
    if (status === 401 || status === 403 || status === 429) invalid.push(now());
    if (status === 429) {
      budget.failures += 1;
      const retryAfter = response.headers.get('retry-after');
      budget.lastFailure = retryAfter !== null && Number(retryAfter) > 0 ? 'retry-after' : 'backoff';
      log.warn(
        {
          route: target.route,
          status,
          attempt,
          retryAfterMs: retryAfter !== null ? Math.round(Number(retryAfter) * 1000) : null,
          global: response.headers.get('x-ratelimit-global') !== null,
          scope: response.headers.get('x-ratelimit-scope'),
        },
        'rate limited by Discord',
      );
    } else if (status >= 500) {
      budget.failures += 1;
      budget.lastFailure = 'backoff';
      log.warn({ route: target.route, status, attempt }, 'Discord server error');
    } else if (target.key.startsWith('u:')) {
      budgets.delete(target.key);
    } else {
      budget.lastFailure = 'none';
    }
    return response;
  };

  /**
   * Called by discord.js on a 429 before it waits out `Retry-After`: true stops the request now
   * (a RateLimitError) instead of after a wait that would miss the deadline or the budget.
   */
  const rejectOnRateLimit = (data: RateLimitData): boolean => {
    const target = requestTarget(data.url, data.method.toUpperCase());
    const budget = budgets.get(target.key);
    if (!budget) return false;
    if (budget.failures >= allowedFailures(now())) {
      logGiveUp(target, budget, 'too-many-failures');
      return true;
    }
    if (target.callbackCreatedAt !== undefined && now() + data.retryAfter > callbackDeadline(target, budget)) {
      logGiveUp(target, budget, 'past-deadline');
      return true;
    }
    return false;
  };

  return {
    makeRequest,
    rejectOnRateLimit,
    // A 5xx or a network error is retried at most this often by discord.js (our budget may stop it sooner).
    retries: settings.maxFailures,
    timeout: settings.timeoutMs,
    // Warn in the log long before Discord's 10,000 invalid requests in 10 minutes.
    invalidRequestWarningInterval: 500,
  };
}
