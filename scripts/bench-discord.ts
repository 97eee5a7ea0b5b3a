/**
 * The Discord edge over loopback: the real bot (discord.js client, commands, core) against the
 * test server in tests/support/fake-discord.ts, both in this process.
 *
 * - latency: interaction-in (gateway frame written) to callback-out (callback request received),
 *   one interaction at a time, over 1,000 interactions;
 * - throughput: 1,000 interactions sent at once; interactions per second until the last callback,
 *   and how many were lost (no callback within 30 s).
 *
 * `npm run bench` prints it; `npx tsx scripts/bench-discord.ts [burst size]` runs it alone.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../src/config.js';
import { startBot } from '../src/discord/bot.js';
import { createLogger } from '../src/logger.js';
import { FakeDiscord, TEST_TOKEN, type CommandOption, type SentInteraction } from '../tests/support/fake-discord.js';

export type DiscordBenchResult = {
  readonly interactions: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly burst: {
    readonly interactions: number;
    readonly seconds: number;
    readonly perSecond: number;
    readonly lost: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly maxMs: number;
  };
  readonly note: string;
};

export type DiscordBenchOptions = {
  readonly interactions?: number;
  readonly burst?: number;
  readonly knowledgeDir?: string;
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
  const burstSize = options.burst ?? 1_000;
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
  });
  if (!parsed.ok) throw new Error('bench config is invalid');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const started = await startBot(parsed.config, createLogger({ level: 'warn', destination: sink }), { handleSignals: false });
  if (!started.ok) throw new Error(started.message);

  const pending = new Map<string, { sentAt: number; resolve: (at: number) => void }>();
  const unsubscribe = fake.subscribe((request) => {
    if (request.method !== 'POST' || !request.path.endsWith('/callback')) return;
    const id = request.path.split('/')[4] ?? '';
    const waiting = pending.get(id);
    if (waiting) {
      pending.delete(id);
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

  try {
    for (let i = 0; i < 100; i++) await send(i).done; // warm-up: JIT, connection pool
    fake.clearRequests();

    const latencies: number[] = [];
    for (let i = 0; i < total; i++) latencies.push(await send(i).done);
    fake.clearRequests();
    latencies.sort((a, b) => a - b);

    const t0 = performance.now();
    const inFlight = Array.from({ length: burstSize }, (_, i) => send(i).done);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000).unref());
    const settled = await Promise.all(inFlight.map((p) => Promise.race([p, timeout])));
    const answered = settled.filter((x): x is number => x !== 'timeout').sort((a, b) => a - b);
    const seconds = (performance.now() - t0) / 1000;

    return {
      interactions: total,
      latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? NaN) },
      burst: {
        interactions: burstSize,
        seconds: round(seconds),
        perSecond: Math.round(answered.length / seconds),
        lost: burstSize - answered.length,
        p50Ms: round(percentile(answered, 50)),
        p99Ms: round(percentile(answered, 99)),
        maxMs: round(answered.at(-1) ?? NaN),
      },
      note: 'bot and test server share one process and the loopback interface; the mix is /actor, /quote, /search, /scenario, /source, /help and autocomplete',
    };
  } finally {
    unsubscribe();
    await started.bot.stop();
    await fake.close();
    rmSync(knowledge, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const burst = process.argv[2] !== undefined ? Number(process.argv[2]) : undefined;
  console.log(JSON.stringify(await benchDiscord(burst !== undefined && burst > 0 ? { burst } : {}), null, 2));
}
