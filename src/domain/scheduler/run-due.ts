import { deliverWorkspaceOutbox, type DeliveryResult } from '../messages/deliver.ts';
import type { Mailer } from '../messages/ports.ts';
import type { Deps } from '../ports.ts';
import { deliverWorkspaceWebhooks, type WebhookDeliveryResult } from '../webhooks/deliver.ts';
import type { WebhookRuntime } from '../webhooks/ports.ts';
import { runCheckIns } from '../check-ins/remind.ts';
import { sendActionReminders } from './actions.ts';
import { markMissedCommitments } from './missed.ts';
import { sendDueReminders, type ReminderResult } from './reminders.ts';
import { flagUpdatesDue, yieldToEventLoop } from './update-due.ts';

/** What one scheduler tick did, summed over workspaces. */
export interface TickResult {
  reminders: ReminderResult;
  missed: number;
  /** Action reminders, escalations and effectiveness-check reminders sent. */
  actionReminders: number;
  updatesDue: number;
  /** Check-in reminders sent and check-ins marked overdue. */
  checkIns: { reminded: number; overdue: number };
  delivery: DeliveryResult;
  /** Webhook deliveries (when the scheduler has a webhook runtime). */
  webhooks: WebhookDeliveryResult;
  errors: string[];
}

/**
 * One tick of scheduled work at `now`, across every workspace, in this order: commitment
 * reminders, missed commitments, progress-update flags, check-in reminders and overdue marks, then outbox delivery (so what the tick
 * queued goes out in the same tick), then webhook deliveries. Every step is claim-based and safe to run on several app
 * instances at once. A failing workspace does not stop the others; its error is reported.
 */
export async function runDueJobs(
  deps: Deps,
  mailer: Mailer,
  options: { now: Date; claimant: string; webhooks?: WebhookRuntime | undefined },
): Promise<TickResult> {
  // Every job of this tick sees the same instant.
  const tick: Deps = { ...deps, clock: { now: () => new Date(options.now.getTime()) } };
  const result: TickResult = {
    reminders: { sent: 0, skipped: 0 },
    missed: 0,
    actionReminders: 0,
    updatesDue: 0,
    checkIns: { reminded: 0, overdue: 0 },
    delivery: { sent: 0, retried: 0, failed: 0 },
    webhooks: { delivered: 0, retried: 0, failed: 0 },
    errors: [],
  };
  for (const workspaceId of await deps.store.workspaces.listIds()) {
    try {
      const reminders = await sendDueReminders(tick, workspaceId);
      result.reminders.sent += reminders.sent;
      result.reminders.skipped += reminders.skipped;
      result.missed += (await markMissedCommitments(tick, workspaceId)).missed;
      result.actionReminders += (await sendActionReminders(tick, workspaceId, { claimant: options.claimant })).sent;
      result.updatesDue += (await flagUpdatesDue(tick, workspaceId)).flagged;
      const checkIns = await runCheckIns(tick, workspaceId, { claimant: options.claimant });
      result.checkIns.reminded += checkIns.reminded;
      result.checkIns.overdue += checkIns.overdue;
      const delivery = await deliverWorkspaceOutbox(tick, mailer, workspaceId, { claimant: options.claimant });
      result.delivery.sent += delivery.sent;
      result.delivery.retried += delivery.retried;
      result.delivery.failed += delivery.failed;
      if (options.webhooks) {
        const hooks = await deliverWorkspaceWebhooks(tick, options.webhooks, workspaceId, {
          claimant: options.claimant,
        });
        result.webhooks.delivered += hooks.delivered;
        result.webhooks.retried += hooks.retried;
        result.webhooks.failed += hooks.failed;
      }
    } catch (error) {
      result.errors.push(`${workspaceId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    // One workspace at a time, then the event loop gets a turn.
    await yieldToEventLoop();
  }
  return result;
}
