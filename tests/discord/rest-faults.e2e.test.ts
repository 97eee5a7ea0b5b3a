/**
 * End to end: REST faults injected by FakeDiscord (429 with and without Retry-After, 5xx) and
 * the bounds the bot keeps: a few attempts per interaction, backoff, a log line for each rate
 * limit and each give-up, and a callback that cannot meet the deadline dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type RecordedRequest, type SentInteraction } from '../support/fake-discord.js';
import { sleep, startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ bot: { autoDeferMs: 2_500 } });
});
afterAll(async () => {
  await h?.close();
});

const isCallback = (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith('/callback');
const callbacksOf = (sent: SentInteraction) => h.fake.requestsFor(sent).filter(isCallback);

/** Waits until no new request for `sent` has arrived for `quietMs`. */
async function settle(sent: SentInteraction, quietMs = 600, maxMs = 8_000): Promise<void> {
  let last = -1;
  for (let waited = 0; waited < maxMs; waited += quietMs) {
    await sleep(quietMs);
    const count = h.fake.requestsFor(sent).length;
    if (count === last) return;
    last = count;
  }
}

/** Once `sent` settles: two or three callback attempts, with backoff between them, not a tight loop. */
async function expectFewSpacedAttempts(sent: SentInteraction): Promise<RecordedRequest[]> {
  await settle(sent);
  const calls = callbacksOf(sent);
  expect(calls.length).toBeGreaterThanOrEqual(2);
  expect(calls.length).toBeLessThanOrEqual(3);
  for (let i = 1; i < calls.length; i++) expect(calls[i]!.receivedAt - calls[i - 1]!.receivedAt).toBeGreaterThanOrEqual(200);
  return calls;
}

describe('REST faults on the interaction callback', () => {
  it('a permanent 429 without Retry-After: a few attempts with growing gaps, each logged, then one give-up line', async () => {
    const before = h.logs().length;
    h.fake.failNext(isCallback, 429, { times: Infinity, body: { message: 'You are being rate limited.', global: false } });
    try {
      const sent = h.fake.chatInput('help');
      const calls = await expectFewSpacedAttempts(sent);
      const logs = h.logs().slice(before);
      const limited = logs.filter((l) => l.msg === 'rate limited by Discord');
      expect(limited).toHaveLength(calls.length);
      expect(limited[0]).toMatchObject({ route: 'POST /interactions/:id/:token/callback', status: 429, attempt: 1, retryAfterMs: null });
      const gaveUp = logs.filter((l) => l.route === 'POST /interactions/:id/:token/callback' && /dropped|given up/.test(l.msg));
      expect(gaveUp).toHaveLength(1);
      expect(logs.filter((l) => l.msg === 'interaction not answered' && l.interactionId === sent.id)).toHaveLength(1);
      expect(logs.filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      h.fake.clearFaults();
    }
  });

  it('a 429 whose Retry-After passes the 3-second deadline is dropped at once, not waited out', async () => {
    const before = h.logs().length;
    h.fake.failNext(isCallback, 429, {
      times: Infinity,
      headers: { 'retry-after': '30', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 30, global: false },
    });
    try {
      const sent = h.fake.chatInput('help');
      await settle(sent);
      expect(callbacksOf(sent)).toHaveLength(1);
      const logs = h.logs().slice(before);
      expect(logs.filter((l) => l.msg === 'rate limited by Discord')[0]).toMatchObject({ status: 429, attempt: 1, retryAfterMs: 30_000 });
      expect(logs.filter((l) => /dropped/.test(l.msg) && l.reason === 'past-deadline')).toHaveLength(1);
    } finally {
      h.fake.clearFaults();
    }
  });

  it('a lasting 5xx: at most three attempts, spaced out, each logged', async () => {
    const before = h.logs().length;
    h.fake.failNext(isCallback, 502, { times: Infinity, body: { message: 'Bad Gateway' } });
    try {
      const sent = h.fake.chatInput('help');
      const calls = await expectFewSpacedAttempts(sent);
      const logs = h.logs().slice(before);
      expect(logs.filter((l) => l.msg === 'Discord server error')).toHaveLength(calls.length);
      expect(logs.filter((l) => l.msg === 'Discord server error')[0]).toMatchObject({ status: 502, attempt: 1 });
    } finally {
      h.fake.clearFaults();
    }
  });

  it('one 5xx, then success: answered once, on the second attempt', async () => {
    h.fake.failNext(isCallback, 500, { times: 1 });
    const sent = h.fake.chatInput('help');
    await settle(sent);
    const calls = callbacksOf(sent);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body.type).toBe(4);
  });

  it('keeps answering other interactions normally afterwards', async () => {
    const { callback } = await h.ask('help');
    expect(callback.body.type).toBe(4);
  });
});

describe('REST faults on the edit of a deferred reply', () => {
  it('a permanent 429 without Retry-After on the edit: bounded, logged, and the process keeps serving', async () => {
    const before = h.logs().length;
    const isEdit = (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes('/messages/@original');
    h.fake.failNext(isEdit, 429, { times: Infinity, body: { message: 'You are being rate limited.', global: false } });
    try {
      const sent = h.fake.chatInput('kb', [{ name: 'reload', type: 1 }], { permissions: PERMISSIONS.moderator });
      await settle(sent, 800);
      const edits = h.fake.requestsFor(sent).filter(isEdit);
      expect(edits.length).toBeGreaterThanOrEqual(1);
      expect(edits.length).toBeLessThanOrEqual(3);
      const logs = h.logs().slice(before);
      expect(logs.filter((l) => l.msg === 'rate limited by Discord' && String(l.route).startsWith('PATCH /webhooks/'))).toHaveLength(
        edits.length,
      );
      expect(logs.filter((l) => l.msg === 'REST request given up: too many failed attempts')).toHaveLength(edits.length === 3 ? 1 : 0);
    } finally {
      h.fake.clearFaults();
    }
    const { callback } = await h.ask('help');
    expect(callback.body.type).toBe(4);
  });
});
