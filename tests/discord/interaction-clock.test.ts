import { describe, expect, it } from 'vitest';
import { interactionClock } from '../../src/discord/interaction-clock.js';

describe('interactionClock', () => {
  it('measures waiting by the difference to the promptest delivery, so a server clock that is off does not count', () => {
    const clock = interactionClock();
    const skew = 7_000; // our clock is 7 s ahead of Discord's
    const now = 1_800_000_000_000;
    // Prompt deliveries: created just now by Discord's clock.
    expect(clock.observe(now - skew - 20, now)).toBe(0);
    expect(clock.observe(now - skew - 5, now)).toBe(0);
    // One that waited 1.5 s in a queue before reaching the bot.
    expect(clock.observe(now - skew - 1_505, now)).toBe(1_500);
    expect(clock.waited(now - skew - 3_005, now)).toBe(3_000);
  });
});
