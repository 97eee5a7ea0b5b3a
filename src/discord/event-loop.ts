/**
 * How busy this process is: event-loop delay (`perf_hooks.monitorEventLoopDelay`) and the
 * interactions being handled. The dispatcher defers at once when either says a reply could miss
 * Discord's 3 seconds; `/kb status` shows the delay to moderators.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export type EventLoopDelay = {
  /** Milliseconds, over the window. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** The window the figures cover, in seconds. */
  readonly windowSeconds: number;
};

const RESOLUTION_MS = 10;
/** A recent loop delay past this means replies are queueing: defer at once. */
const BUSY_DELAY_MS = 200;
/** An interaction that already waited this long (Discord's clock to ours) is deferred at once. */
const BUSY_AGE_MS = 1_000;
/** More interactions in hand than this: defer the next ones at once. */
const BUSY_IN_FLIGHT = 16;
const WINDOW_MS = 60_000;
/** The loop delay that counts as recent: this window, reset as it ends. */
const SHORT_WINDOW_MS = 1_000;

const ms = (nanoseconds: number) => Math.round((nanoseconds / 1e6) * 10) / 10;

/** One per process: there is one event loop. */
class EventLoopMonitor {
  private readonly long: IntervalHistogram;
  private readonly short: IntervalHistogram;
  private longStarted = Date.now();
  private previous: EventLoopDelay | null = null;
  inFlight = 0;

  constructor() {
    this.long = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.short = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.long.enable();
    this.short.enable();
    setInterval(() => this.short.reset(), SHORT_WINDOW_MS).unref();
    setInterval(() => {
      this.previous = this.figures();
      this.long.reset();
      this.longStarted = Date.now();
    }, WINDOW_MS).unref();
  }

  private figures(): EventLoopDelay {
    return {
      p50Ms: ms(this.long.percentile(50)),
      p99Ms: ms(this.long.percentile(99)),
      maxMs: ms(this.long.max),
      windowSeconds: Math.max(1, Math.round((Date.now() - this.longStarted) / 1000)),
    };
  }

  /** The last full minute, or since start-up in the first minute. */
  delay(): EventLoopDelay {
    return this.previous ?? this.figures();
  }

  /** Whether an interaction that has waited `waitedMs` already should be deferred at once. */
  isBusy(waitedMs: number): boolean {
    return waitedMs > BUSY_AGE_MS || this.inFlight > BUSY_IN_FLIGHT || ms(this.short.max) > BUSY_DELAY_MS;
  }
}

let monitor: EventLoopMonitor | undefined;

/** The process's monitor, started on first use. */
export function eventLoop(): EventLoopMonitor {
  monitor ??= new EventLoopMonitor();
  return monitor;
}
