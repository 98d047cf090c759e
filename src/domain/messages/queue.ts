// The sending loop of a durable queue (the mail outbox, webhook deliveries): claim a bounded batch
// on a lease, hand each item to `deliver`, give back what the lease can no longer cover, and let
// the event loop run between items and batches. The claim itself is the repository's (one UPDATE;
// FOR UPDATE SKIP LOCKED on PostgreSQL; the lease on the database clock).

/** How one claimed batch is taken and given back. */
export interface LeasedQueue<T> {
  /** Claims up to `limit` items due at `now` for this claimant, leased for the queue's lease. */
  claim(now: Date, limit: number): Promise<T[]>;
  /** Gives an unsent claimed item back untouched. */
  release(item: T): Promise<unknown>;
}

/** Bounds of one drain: batch size, number of batches, the lease, items sent side by side. */
export interface DrainOptions {
  batchSize: number;
  maxBatches: number;
  leaseMs: number;
  /** Items delivered at once within a batch (default 1). */
  concurrency?: number;
}

/** Lets timers and requests run (better-sqlite3 and a file mailer never yield on their own). */
function yieldNow(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Drains due items, counting each `deliver` outcome into `tally`. Stops at an empty or short batch,
 * after maxBatches, or once half the lease has passed in real time since the claim (the rest is
 * released, so a slow transport never outlives its claim and another instance never takes over
 * an item being sent).
 */
export async function drainLeasedQueue<T, K extends string>(
  clock: { now(): Date },
  queue: LeasedQueue<T>,
  deliver: (item: T) => Promise<K>,
  tally: Record<K, number>,
  options: DrainOptions,
): Promise<void> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  let lastYield = performance.now();
  for (let batch = 0; batch < options.maxBatches; batch++) {
    const claimed = await queue.claim(clock.now(), options.batchSize);
    if (claimed.length === 0) return;
    // Real elapsed time, not the (possibly fixed) logical clock.
    const claimedAt = performance.now();
    for (let index = 0; index < claimed.length; index += concurrency) {
      if (performance.now() - claimedAt > options.leaseMs / 2) {
        for (const rest of claimed.slice(index)) await queue.release(rest);
        return;
      }
      const outcomes = await Promise.all(claimed.slice(index, index + concurrency).map((item) => deliver(item)));
      for (const outcome of outcomes) tally[outcome]++;
      // Yield at least every 10 ms of real time.
      if (performance.now() - lastYield > 10) {
        await yieldNow();
        lastYield = performance.now();
      }
    }
    if (claimed.length < options.batchSize) return;
    await yieldNow();
  }
}

/** When to try again after failed attempt `attempts` (1-based), from `delaysMinutes` (the last repeats). */
export function retryAt(now: Date, attempts: number, delaysMinutes: readonly number[]): string {
  const delay = delaysMinutes[attempts - 1] ?? delaysMinutes[delaysMinutes.length - 1] ?? 1;
  return new Date(now.getTime() + delay * 60_000).toISOString();
}
