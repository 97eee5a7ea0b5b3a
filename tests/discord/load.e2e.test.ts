/**
 * End to end: the bot under load. A 20,000-passage reload runs off the main thread while every
 * interaction is answered once and in time from the last good knowledge; an interaction that
 * already waited is deferred at once; `/kb status` shows the event-loop delay.
 */
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import { PERMISSIONS, type RecordedRequest, type SentInteraction } from '../support/fake-discord.js';
import { sleep, slowCommand, startHarness, str, type Harness } from '../support/harness.js';
import { writeLargeKnowledge } from '../support/large-knowledge.js';

const TEACHER = { id: '100000000000000009', username: 'guru' };
const isCallback = (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith('/callback');

describe('a 20,000-passage reload', () => {
  let h: Harness;
  let large: ReturnType<typeof writeLargeKnowledge>;
  beforeAll(async () => {
    large = writeLargeKnowledge(20_000);
    h = await startHarness({ knowledgeFrom: large.dir });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    large?.remove();
  });

  it('answers every interaction sent meanwhile exactly once, within 3 s, from the last good knowledge', async () => {
    const before = h.bot.knowledge.current;
    // A changed source: nothing can come from the saved state, the whole folder is derived again.
    appendFileSync(large.firstSource.replace(large.dir, h.knowledgeDir), '\n\nParagraf tambahan untuk memaksa pembangunan ulang.\n');
    const reload = h.fake.chatInput('kb', [{ name: 'reload', type: 1 }], { user: TEACHER, permissions: PERMISSIONS.moderator });
    const sent: SentInteraction[] = [];
    const started = performance.now();
    while (h.bot.knowledge.current === before && performance.now() - started < 60_000) {
      sent.push(
        h.fake.chatInput('search', [str('query', 'perundingan damai')], {
          user: { id: `2000000000000${sent.length}`.padEnd(18, '0'), username: 's' },
        }),
      );
      await sleep(100);
    }
    expect(h.bot.knowledge.current).not.toBe(before); // the reload finished and was swapped in
    expect((await h.fake.editFor(reload, 10_000)).body.embeds[0].title).toBe('Knowledge reloaded');
    expect(sent.length).toBeGreaterThan(10); // the reload took a while: the test measured something
    await sleep(500);
    const late: string[] = [];
    for (const s of sent) {
      const callbacks = h.fake.requestsFor(s).filter(isCallback);
      expect(callbacks).toHaveLength(1);
      const waited = callbacks[0]!.receivedAt - s.sentAt;
      if (waited >= 3_000) late.push(`${Math.round(waited)} ms`);
    }
    expect(late).toEqual([]);
  }, 90_000);
});

describe('deferral counts from when Discord created the interaction', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ extraCommands: [slowCommand] });
    await h.ask('help'); // a prompt interaction: the bot learns how its clock stands to Discord's
    await sleep(1_100); // the loop delay of start-up is no longer recent
  });
  afterAll(async () => {
    await h?.close();
  });

  it('defers at once slow work on an interaction that already waited 1.5 s in a queue', async () => {
    const sent = h.fake.chatInput('slow', [], { createdAgoMs: 1_500 });
    const callback = await h.fake.callbackFor(sent);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(callback.receivedAt - sent.sentAt).toBeLessThan(300); // not after the 400 ms of work
    const edit = await h.fake.editFor(sent);
    expect(edit.body.embeds[0].title).toBe(answer(h.bot.knowledge.current, 'help', {}, 'en').title);
  });

  it('defers slow work when 1.5 s have passed since creation, counting the time queued (here 1.3 s)', async () => {
    const sent = h.fake.chatInput('slow', [], { createdAgoMs: 1_300 });
    const callback = await h.fake.callbackFor(sent);
    expect(callback.body.type).toBe(5);
    expect(callback.receivedAt - sent.sentAt).toBeLessThan(390);
  });

  it('answers slow work directly when it is done in time (fresh interaction)', async () => {
    const { callback } = await h.ask('slow');
    expect(callback.body.type).toBe(4);
  });

  it('answers instant work directly even when it waited (one request, not a deferral and an edit)', async () => {
    const sent = h.fake.chatInput('help', [], { createdAgoMs: 2_000 });
    expect((await h.fake.callbackFor(sent)).body.type).toBe(4);
    await sleep(100);
    expect(h.fake.requestsFor(sent)).toHaveLength(1);
  });

  it('drops, without working it out, an interaction that waited 3 s before reaching the bot', async () => {
    const sent = h.fake.chatInput('search', [str('query', 'gencatan senjata')], { createdAgoMs: 3_000 });
    await sleep(300);
    expect(h.fake.requestsFor(sent)).toEqual([]); // no request Discord would refuse anyway
    expect(
      h
        .logs()
        .filter((l) => l.interactionId === sent.id)
        .map((l) => l.msg),
    ).toEqual(['interaction dropped: it waited too long to be answered in time']);
  });

  it('shows the event-loop delay on /kb status', async () => {
    const { callback } = await h.ask('kb', [{ name: 'status', type: 1 }], { user: TEACHER, permissions: PERMISSIONS.moderator });
    const field = callback.body.data.embeds[0].fields.find((f: { name: string }) => f.name === 'Event-loop delay');
    expect(field?.value).toMatch(/^p50 [\d.]+ ms · p99 [\d.]+ ms · max [\d.]+ ms \(last \d+ s\)$/);
    const id = await h.ask('kb', [{ name: 'status', type: 1 }], { user: TEACHER, permissions: PERMISSIONS.moderator, locale: 'id' });
    expect(id.callback.body.data.embeds[0].fields.some((f: { name: string }) => f.name === 'Jeda event loop')).toBe(true);
  });
});
