import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Mailer } from '../domain/messages/ports.ts';
import type { Deps } from '../domain/ports.ts';
import type { WebhookRuntime } from '../domain/webhooks/ports.ts';
import type { IcsFetcher } from '../domain/calendars/ports.ts';
import { syncDueCalendars } from '../domain/calendars/calendars.ts';
import { humanTime } from '../domain/scheduler/recipients.ts';
import { runDueJobs, type TickResult } from '../domain/scheduler/run-due.ts';

/** The in-process scheduler: one tick of due work on demand, or a loop that ticks on its own. */
export interface Scheduler {
  /** This instance's claim name (host, pid and a random part), written on every claimed row. */
  readonly claimant: string;
  /** Runs every due job once at `now` (default: the injected clock's now). Tests call this. */
  runDue(now?: Date): Promise<TickResult>;
  /** Starts ticking every `intervalMs` (never two ticks at once). */
  start(): void;
  /** Stops the loop and waits for a running tick to finish. */
  stop(): Promise<void>;
}

/** How the loop behaves. */
export interface SchedulerOptions {
  intervalMs?: number;
  /** Delay before the first tick after start (default 1 s). */
  firstTickMs?: number;
  claimant?: string;
  /** Sends webhook deliveries too (the server passes services.webhooks). */
  webhooks?: WebhookRuntime;
  /** Fetches due calendar subscriptions too (the server passes services.calendars). */
  calendars?: IcsFetcher;
  /** Called with each tick's result (for logs). */
  onTick?: (result: TickResult) => void;
  onError?: (error: unknown) => void;
}

/**
 * The scheduler over composed deps and a mailer. Time comes only from deps.clock, so tests drive it
 * with a fake clock through runDue(now); the loop is plain timers and is started only by `serve`.
 */
export function createScheduler(deps: Deps, mailer: Mailer, options: SchedulerOptions = {}): Scheduler {
  const claimant = options.claimant ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const intervalMs = options.intervalMs ?? 30_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  const runDue = async (now: Date = deps.clock.now()) => {
    const result = await runDueJobs(deps, mailer, { now, claimant, webhooks: options.webhooks });
    // Calendar subscriptions due for their hourly fetch (a few per tick), then their new conflicts.
    if (options.calendars) await syncDueCalendars(deps, options.calendars);
    return result;
  };

  const loop = () => {
    timer = null;
    if (stopped) return;
    running = runDue()
      .then((result) => options.onTick?.(result))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };

  return {
    claimant,
    runDue,
    start() {
      if (!stopped) return;
      stopped = false;
      // Load ICU time-zone data now, at start-up, not inside the first tick (~90 ms once).
      humanTime(new Date(0).toISOString(), 'UTC');
      // First tick soon after start: picks up whatever came due while the app was down.
      timer = setTimeout(loop, options.firstTickMs ?? 1_000);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}
