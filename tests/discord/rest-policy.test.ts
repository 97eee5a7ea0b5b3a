import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RequestAbandoned, requestTarget, restPolicy } from '../../src/discord/rest-policy.js';
import { createLogger } from '../../src/logger.js';

function capture() {
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk)
        .split('\n')
        .filter((l) => l !== ''))
        lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

const webhook = (token: string) => `http://127.0.0.1:1/api/v10/webhooks/1000000000000000001/${token}/messages/@original`;

describe('requestTarget', () => {
  it("gives an interaction's callback, edits and follow-ups one budget, and routes without ids or tokens", () => {
    const callback = requestTarget('https://discord.com/api/v10/interactions/1300000000000000000/tok3n/callback', 'POST');
    const edit = requestTarget('https://discord.com/api/v10/webhooks/1000000000000000001/tok3n/messages/@original', 'PATCH');
    const followUp = requestTarget('https://discord.com/api/v10/webhooks/1000000000000000001/tok3n', 'POST');
    expect(new Set([callback.key, edit.key, followUp.key]).size).toBe(1);
    expect(callback.route).toBe('POST /interactions/:id/:token/callback');
    expect(edit.route).toBe('PATCH /webhooks/:app/:token/messages/@original');
    expect(JSON.stringify([callback, edit, followUp].map((t) => t.route))).not.toContain('tok3n');
    // The interaction id carries its creation time (a snowflake).
    expect(callback.callbackCreatedAt).toBe(Number(1300000000000000000n >> 22n) + 1_420_070_400_000);
  });
});

describe('restPolicy', () => {
  it('stops retrying altogether once invalid responses pile up, whatever interaction they come from', async () => {
    const { logger, lines } = capture();
    let sent = 0;
    const policy = restPolicy(logger, {
      pauseRetriesAfterInvalid: 3,
      baseBackoffMs: 10,
      makeRequest: async () => {
        sent += 1;
        return new Response(JSON.stringify({ message: 'You are being rate limited.' }), { status: 429 });
      },
    });
    const request = policy.makeRequest!;
    // Interaction A: three attempts, then given up.
    for (let i = 0; i < 3; i++) expect((await request(webhook('a'), { method: 'PATCH' })).status).toBe(429);
    await expect(request(webhook('a'), { method: 'PATCH' })).rejects.toBeInstanceOf(RequestAbandoned);
    expect(sent).toBe(3);
    // Interaction B, after three invalid responses in 10 minutes: one attempt only.
    expect((await request(webhook('b'), { method: 'PATCH' })).status).toBe(429);
    await expect(request(webhook('b'), { method: 'PATCH' })).rejects.toBeInstanceOf(RequestAbandoned);
    expect(sent).toBe(4);
    expect(lines.filter((l) => /no more retries/.test(l.msg))).toHaveLength(1);
  });

  it('waits longer before each retry when Discord gives no Retry-After', async () => {
    const { logger } = capture();
    const at: number[] = [];
    const policy = restPolicy(logger, {
      baseBackoffMs: 40,
      makeRequest: async () => {
        at.push(performance.now());
        return new Response('{}', { status: 502 });
      },
    });
    for (let i = 0; i < 3; i++) await policy.makeRequest!(webhook('c'), { method: 'PATCH' });
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(35);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(75);
  });
});
