/**
 * How long an interaction has waited since Discord created it, by our clock. The creation time
 * comes from Discord's clock (the snowflake id); a server whose clock is a few seconds off would
 * otherwise think every interaction late (and drop it) or early. The offset is estimated as the
 * smallest `now - created` seen recently: the fastest delivery is close to no wait at all.
 */
const WINDOW_MS = 5 * 60_000;

class InteractionClock {
  private current = Infinity;
  private previous = Infinity;
  private windowStarted = 0;

  /** Records an interaction as it arrives; returns how long it waited (ms, at least 0). */
  observe(createdAt: number, now: number = Date.now()): number {
    if (now - this.windowStarted > WINDOW_MS) {
      this.previous = this.current;
      this.current = Infinity;
      this.windowStarted = now;
    }
    this.current = Math.min(this.current, now - createdAt);
    return this.waited(createdAt, now);
  }

  /** How long an interaction created at `createdAt` (Discord's clock) has waited, by ours. */
  waited(createdAt: number, now: number = Date.now()): number {
    const offset = Math.min(this.current, this.previous);
    return Math.max(0, now - createdAt - (Number.isFinite(offset) ? offset : 0));
  }
}

let clock: InteractionClock | undefined;

/** The process's clock for interactions (one offset to Discord per process). */
export function interactionClock(): InteractionClock {
  clock ??= new InteractionClock();
  return clock;
}
