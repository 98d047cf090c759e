import type { Message, Mistake } from '../../shared/contract/index.ts';
import type { Deps } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { humanTime, loadRecipients, notifyMember } from './recipients.ts';

const clientUpdates: ReadonlySet<Message['kind']> = new Set(['acknowledgment', 'update']);

/**
 * When the next progress update to the client is due for a critical or major unfixed mistake:
 * `updateIntervalHours` after the last acknowledgment or update sent (or queued), else after it was
 * found. Null for a minor, fixed or closed mistake.
 */
export function nextUpdateDue(mistake: Mistake, messages: readonly Message[], intervalHours: number): string | null {
  if (mistake.severity === 'minor' || mistake.reached.fixed || mistake.reached.closed) return null;
  let last = Date.parse(mistake.foundAt);
  if (mistake.reached.acknowledged) last = Math.max(last, Date.parse(mistake.reached.acknowledged));
  for (const m of messages) {
    if (!clientUpdates.has(m.kind) || m.status === 'failed' || m.status === 'draft') continue;
    last = Math.max(last, Date.parse(m.sentAt ?? m.createdAt));
  }
  return new Date(last + intervalHours * 3_600_000).toISOString();
}

/** Rows one scheduler batch reads; the job yields to the event loop between batches. */
export const schedulerBatchSize = 100;

/** Lets timers, I/O and requests run between batches (better-sqlite3 is synchronous). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Time a job may hold the event loop before it yields mid-batch (each row is a transaction). */
export const schedulerSliceMs = 10;

/**
 * A pacer for per-row work: awaiting it yields to the event loop once `sliceMs` of real time has
 * passed since the last yield, so a batch of slow rows never blocks requests for long.
 */
export function pacer(sliceMs = schedulerSliceMs): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < sliceMs) return;
    await yieldToEventLoop();
    last = performance.now();
  };
}

/**
 * Flags, once per mistake and due time, that a progress update to the client is due: an in-app
 * notification to the mistake's owner (or the workspace owner). Reads only the due-queue
 * (`update_anchor_at <= now - interval`, indexed) in bounded batches and yields between them; a
 * flagged mistake leaves the queue until an update is sent or it is edited. The (mistake, due)
 * claim row keeps it exactly once across instances, whatever their clocks say.
 */
export async function flagUpdatesDue(
  deps: Deps,
  workspaceId: string,
  options: { batchSize?: number } = {},
): Promise<{ flagged: number }> {
  const batchSize = options.batchSize ?? schedulerBatchSize;
  const settings = await loadSettings(deps.store, workspaceId);
  const now = deps.clock.now();
  const intervalMs = settings.updateIntervalHours * 3_600_000;
  const cutoff = new Date(now.getTime() - intervalMs).toISOString();
  let flagged = 0;
  let recipients: Awaited<ReturnType<typeof loadRecipients>> | null = null;
  let after: { anchorAt: string; id: string } | null = null;
  const pace = pacer();
  for (;;) {
    const batch = await deps.store.scheduling.mistakesUpdateDue(workspaceId, cutoff, after, batchSize);
    for (const entry of batch) {
      const due = new Date(Date.parse(entry.anchorAt) + intervalMs).toISOString();
      recipients ??= await loadRecipients(deps.store, workspaceId);
      const who = recipients;
      const won = await deps.store.transaction(async (store) => {
        const claimed = await store.scheduling.claimUpdateDue(workspaceId, entry.id, due, now.toISOString());
        // Won or lost, this due time is handled: off the queue until the clock moves again.
        await store.scheduling.clearUpdateAnchor(workspaceId, entry.id, entry.anchorAt);
        if (!claimed) return false;
        const mistake = await store.mistakes.get(workspaceId, entry.id);
        if (!mistake) return false;
        const member = (mistake.ownerId ? who.members.get(mistake.ownerId) : undefined) ?? who.owner;
        if (!member) return true;
        await notifyMember(
          { ...deps, store },
          store,
          workspaceId,
          member,
          {
            id: deps.ids.id(),
            kind: 'update_due',
            title: `Update due to ${mistake.clientName} on ${mistake.ref}`.slice(0, 300),
            body: `${mistake.ref} (${mistake.title}) is ${mistake.severity} and not fixed yet; a progress update to ${mistake.clientName} was due ${humanTime(due, who.timezone)}.`,
            clientId: mistake.clientId,
            mistakeId: mistake.id,
            commitmentId: null,
          },
          null,
        );
        return true;
      });
      if (won) flagged++;
      await pace();
    }
    const last = batch[batch.length - 1];
    if (!last || batch.length < batchSize) break;
    after = last;
    await yieldToEventLoop();
  }
  return { flagged };
}
