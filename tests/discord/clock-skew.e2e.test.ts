/**
 * End to end: a server whose clock is 5 s ahead of Discord's. Every interaction then looks 5 s
 * old; only how much longer one waited than the promptest counts, so nothing is dropped as late
 * and deferral still works. (Its own file: the bot learns the offset once per process.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slowCommand, startHarness, type Harness } from '../support/harness.js';

const SKEW_MS = 5_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ extraCommands: [slowCommand] });
});
afterAll(async () => {
  await h?.close();
});

describe("a server clock 5 s ahead of Discord's", () => {
  it('answers every interaction, none dropped as past the deadline', async () => {
    for (let i = 0; i < 3; i++) {
      const sent = h.fake.chatInput('help', [], { createdAgoMs: SKEW_MS });
      expect((await h.fake.callbackFor(sent)).body.type).toBe(4);
    }
    const autocomplete = h.fake.autocomplete('actor', [{ name: 'name', type: 3, value: 'rus', focused: true }], { createdAgoMs: SKEW_MS });
    expect((await h.fake.callbackFor(autocomplete)).body.type).toBe(8);
    expect(h.logs().filter((l) => /dropped|not answered|too late/.test(l.msg))).toEqual([]);
  });

  it('answers slow work that is done in time directly, and defers it when it really waited 1.5 s more', async () => {
    const prompt = h.fake.chatInput('slow', [], { createdAgoMs: SKEW_MS });
    expect((await h.fake.callbackFor(prompt)).body.type).toBe(4);
    const queued = h.fake.chatInput('slow', [], { createdAgoMs: SKEW_MS + 1_500 });
    expect((await h.fake.callbackFor(queued)).body.type).toBe(5);
  });
});
