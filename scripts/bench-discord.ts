/**
 * The Discord edge over loopback: the real bot (discord.js client, commands, core) against the
 * test server in tests/support/fake-discord.ts, both in this process.
 *
 * - latency: interaction-in (gateway frame written) to callback-out (callback request received),
 *   one interaction at a time, over 1,000 interactions;
 * - bursts: 1,000 and 5,000 interactions sent at once; interactions per second until the last
 *   callback, how many were lost (no callback within 30 s), how many were deferred (type 5);
 * - reload: event-loop delay while a 20,000-passage folder is rebuilt (off the main thread),
 *   with a question every 50 ms meanwhile.
 *
 * `npm run bench` prints it; `npx tsx scripts/bench-discord.ts [burst size]` runs it alone.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../src/config.js';
import { startBot } from '../src/discord/bot.js';
import { createLogger } from '../src/logger.js';
import { FakeDiscord, TEST_TOKEN, type CommandOption, type SentInteraction } from '../tests/support/fake-discord.js';
import { writeLargeKnowledge } from '../tests/support/large-knowledge.js';

export type BurstFigures = {
  readonly interactions: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Neither answered within 30 s nor dropped on purpose. */
  readonly lost: number;
  /** Not answered on purpose: past Discord's 3 s (callbacks and autocomplete), as logged. */
  readonly dropped: number;
  /** Answered within Discord's 3 s. */
  readonly inTime: number;
  /** Answered with a deferral (type 5) first, then an edit. */
  readonly deferred: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Warning lines logged during the burst, by message (rate limits, dropped callbacks, ...). */
  readonly log: Readonly<Record<string, number>>;
};

export type ReloadFigures = {
  readonly passages: number;
  readonly reloadSeconds: number;
  readonly eventLoopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly questionsMeanwhile: number;
  readonly questionLatencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly late: number;
};

export type DiscordBenchResult = {
  readonly interactions: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly bursts: readonly BurstFigures[];
  readonly reload?: ReloadFigures;
  readonly note: string;
};

export type DiscordBenchOptions = {
  readonly interactions?: number;
  readonly bursts?: readonly number[];
  readonly knowledgeDir?: string;
  /** Passages of the generated folder whose reload is measured; 0 skips it. */
  readonly reloadPassages?: number;
};

/** A mix of what a class asks, autocomplete included. */
const MIX: readonly { readonly kind: 'command' | 'autocomplete'; readonly name: string; readonly options: readonly CommandOption[] }[] = [
  { kind: 'command', name: 'actor', options: [{ name: 'name', type: 3, value: 'russia' }] },
  { kind: 'command', name: 'quote', options: [{ name: 'speaker', type: 3, value: 'aliyev' }] },
  { kind: 'command', name: 'search', options: [{ name: 'query', type: 3, value: 'gencatan senjata' }] },
  { kind: 'command', name: 'scenario', options: [] },
  { kind: 'command', name: 'source', options: [{ name: 'id', type: 3, value: 'nagorno-karabakh-2020#5' }] },
  { kind: 'command', name: 'help', options: [] },
  { kind: 'autocomplete', name: 'actor', options: [{ name: 'name', type: 3, value: 'rus', focused: true }] },
  { kind: 'autocomplete', name: 'quote', options: [{ name: 'speaker', type: 3, value: 'ali', focused: true }] },
];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function benchDiscord(options: DiscordBenchOptions = {}): Promise<DiscordBenchResult> {
  const total = options.interactions ?? 1_000;
  const burstSizes = options.bursts ?? [1_000, 5_000];
  const knowledge = mkdtempSync(path.join(tmpdir(), 'sumber-bench-kb-'));
  cpSync(options.knowledgeDir ?? path.resolve(import.meta.dirname, '../knowledge'), knowledge, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.cache`),
  });
  const fake = await FakeDiscord.start();
  const parsed = parseConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    KNOWLEDGE_DIR: knowledge,
    COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'warn',
    BUTTON_SECRET: 'bench-button-secret-0123456789abcdef0123456789',
  });
  if (!parsed.ok) throw new Error('bench config is invalid');
  const warnings = new Map<string, number>();
  const sink = new Writable({
    write: (chunk, _encoding, done) => {
      for (const line of String(chunk)
        .split('\n')
        .filter((l) => l !== '')) {
        const msg = (JSON.parse(line) as { msg?: string }).msg ?? '?';
        warnings.set(msg, (warnings.get(msg) ?? 0) + 1);
      }
      done();
    },
  });
  const started = await startBot(parsed.config, createLogger({ level: 'warn', destination: sink }), { handleSignals: false });
  if (!started.ok) throw new Error(started.message);

  const pending = new Map<string, { sentAt: number; resolve: (at: number) => void }>();
  let deferred = 0;
  const unsubscribe = fake.subscribe((request) => {
    if (request.method !== 'POST' || !request.path.endsWith('/callback')) return;
    const id = request.path.split('/')[4] ?? '';
    const waiting = pending.get(id);
    if (waiting) {
      pending.delete(id);
      if (request.body?.type === 5) deferred += 1;
      answeredCount += 1;
      waiting.resolve(request.receivedAt);
    }
  });
  let user = 0;
  const send = (i: number): { sent: SentInteraction; done: Promise<number> } => {
    const ask = MIX[i % MIX.length]!;
    // A different student each time: the cooldown is per user and off here anyway.
    const origin = { user: { id: String(200000000000000000n + BigInt(user++)), username: 'siswa' } };
    const sent = ask.kind === 'command' ? fake.chatInput(ask.name, ask.options, origin) : fake.autocomplete(ask.name, ask.options, origin);
    const done = new Promise<number>((resolve) =>
      pending.set(sent.id, { sentAt: sent.sentAt, resolve: (at) => resolve(at - sent.sentAt) }),
    );
    return { sent, done };
  };

  let stopped = false;
  let answeredCount = 0;
  /** Resolves once every interaction of the burst is either answered or logged as dropped. */
  const allButDropped = (size: number) =>
    new Promise<'timeout'>((resolve) => {
      const check = setInterval(() => {
        const dropped =
          (warnings.get('interaction not answered') ?? 0) +
          (warnings.get('autocomplete skipped: too late for Discord') ?? 0) +
          (warnings.get('interaction dropped: it waited too long to be answered in time') ?? 0);
        if (answeredCount + dropped >= size) {
          clearInterval(check);
          resolve('timeout');
        }
      }, 50);
      check.unref();
    });
  try {
    for (let i = 0; i < 100; i++) await send(i).done; // warm-up: JIT, connection pool
    fake.clearRequests();

    const latencies: number[] = [];
    for (let i = 0; i < total; i++) latencies.push(await send(i).done);
    fake.clearRequests();
    latencies.sort((a, b) => a - b);

    const bursts: BurstFigures[] = [];
    for (const burstSize of burstSizes) {
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // let the previous burst's edits drain
      fake.clearRequests();
      deferred = 0;
      warnings.clear();
      answeredCount = 0;
      const t0 = performance.now();
      const inFlight = Array.from({ length: burstSize }, (_, i) => send(i).done);
      // Dropped ones never get a callback: stop waiting once the others are in (or after 30 s).
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000).unref());
      const settled = await Promise.all(inFlight.map((p) => Promise.race([p, timeout, allButDropped(burstSize)])));
      const answered = settled.filter((x): x is number => x !== 'timeout').sort((a, b) => a - b);
      const seconds = (performance.now() - t0) / 1000;
      const dropped =
        (warnings.get('interaction not answered') ?? 0) +
        (warnings.get('autocomplete skipped: too late for Discord') ?? 0) +
        (warnings.get('interaction dropped: it waited too long to be answered in time') ?? 0);
      bursts.push({
        interactions: burstSize,
        seconds: round(seconds),
        perSecond: Math.round(answered.length / seconds),
        lost: burstSize - answered.length - dropped,
        dropped,
        inTime: answered.filter((ms) => ms < 3_000).length,
        deferred,
        p50Ms: round(percentile(answered, 50)),
        p99Ms: round(percentile(answered, 99)),
        maxMs: round(answered.at(-1) ?? NaN),
        log: Object.fromEntries(warnings),
      });
      pending.clear();
    }

    unsubscribe();
    await started.bot.stop();
    stopped = true;
    const reloadPassages = options.reloadPassages ?? 20_000;
    return {
      interactions: total,
      latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? NaN) },
      bursts,
      ...(reloadPassages > 0 ? { reload: await benchReload(reloadPassages) } : {}),
      note: 'bot and test server share one process and the loopback interface; the mix is /actor, /quote, /search, /scenario, /source, /help and autocomplete',
    };
  } finally {
    if (!stopped) {
      unsubscribe();
      await started.bot.stop();
    }
    await fake.close();
    rmSync(knowledge, { recursive: true, force: true });
  }
}

/**
 * Event-loop delay while the bot reloads a generated folder of `passages` passages (one source
 * changed, so everything is derived again), with a question every 50 ms meanwhile.
 */
export async function benchReload(passages = 20_000): Promise<ReloadFigures> {
  const large = writeLargeKnowledge(passages);
  const fake = await FakeDiscord.start();
  const parsed = parseConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    KNOWLEDGE_DIR: large.dir,
    COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'warn',
    BUTTON_SECRET: 'bench-button-secret-0123456789abcdef0123456789',
  });
  if (!parsed.ok) throw new Error('bench config is invalid');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const started = await startBot(parsed.config, createLogger({ level: 'warn', destination: sink }), { handleSignals: false });
  if (!started.ok) throw new Error(started.message);
  const latencies: number[] = [];
  try {
    appendFileSync(large.firstSource, '\n\nOne more paragraph, so nothing comes from the saved state.\n');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const t0 = performance.now();
    const reload = started.bot.knowledge.reload();
    let done = false;
    void reload.then(() => (done = true));
    const asked: Promise<void>[] = [];
    while (!done) {
      const sent = fake.chatInput('search', [{ name: 'query', type: 3, value: 'perundingan damai' }]);
      asked.push(fake.callbackFor(sent, 30_000).then((callback) => void latencies.push(callback.receivedAt - sent.sentAt)));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const outcome = await reload;
    const reloadSeconds = (performance.now() - t0) / 1000;
    await Promise.allSettled(asked);
    histogram.disable();
    if (!outcome.ok) throw new Error('the generated folder did not reload');
    latencies.sort((a, b) => a - b);
    const ms = (ns: number) => round(ns / 1e6);
    return {
      passages: outcome.stats.passages,
      reloadSeconds: round(reloadSeconds),
      eventLoopDelayMs: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) },
      questionsMeanwhile: latencies.length,
      questionLatencyMs: {
        p50: round(percentile(latencies, 50)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? NaN),
      },
      late: latencies.filter((l) => l >= 3_000).length,
    };
  } finally {
    await started.bot.stop();
    await fake.close();
    large.remove();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const burst = process.argv[2] !== undefined ? Number(process.argv[2]) : undefined;
  console.log(JSON.stringify(await benchDiscord(burst !== undefined && burst > 0 ? { bursts: [burst] } : {}), null, 2));
}
