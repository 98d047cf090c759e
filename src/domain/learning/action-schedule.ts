import type { ActionRecord } from './ports.ts';

// When the scheduler speaks about an action, as a due-queue: `next_reminder_at` holds the next
// instant, and each reminder has a slot name that is claimed once across instances.
//   before:      24 hours before due, to the owner;
//   due:         at due, to the owner;
//   overdue:N:   N days after due (N ≥ 1), to the owner and every owner and admin, daily until done;
//   check:       when a done preventive action's effectiveness check is due, to the owner.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const REMIND_BEFORE_MS = DAY;

export type ActionSlot = { slot: string; kind: 'before' | 'due' | 'overdue' | 'check'; day: number };

/** The reminder that is due for an action at `now`, if any (the latest one whose time has come). */
export function dueSlot(
  a: Pick<ActionRecord, 'status' | 'dueAt' | 'checkDueAt' | 'checkResult'>,
  now: Date,
): ActionSlot | null {
  const t = now.getTime();
  if (a.status === 'open') {
    const due = Date.parse(a.dueAt);
    if (t >= due + DAY) {
      const day = Math.floor((t - due) / DAY);
      return { slot: `overdue:${day}`, kind: 'overdue', day };
    }
    if (t >= due) return { slot: 'due', kind: 'due', day: 0 };
    if (t >= due - REMIND_BEFORE_MS) return { slot: 'before', kind: 'before', day: 0 };
    return null;
  }
  if (a.status === 'done' && a.checkDueAt && a.checkResult === null && t >= Date.parse(a.checkDueAt)) {
    return { slot: 'check', kind: 'check', day: 0 };
  }
  return null;
}

/** The next instant after `now` at which the action has a reminder (null: none left). */
export function nextReminderAt(
  a: Pick<ActionRecord, 'status' | 'dueAt' | 'checkDueAt' | 'checkResult'>,
  now: Date,
): string | null {
  const t = now.getTime();
  if (a.status === 'open') {
    const due = Date.parse(a.dueAt);
    const before = due - REMIND_BEFORE_MS;
    if (t < before) return new Date(before).toISOString();
    if (t < due) return new Date(due).toISOString();
    const day = Math.floor((t - due) / DAY) + 1;
    return new Date(due + day * DAY).toISOString();
  }
  if (a.status === 'done' && a.checkDueAt && a.checkResult === null) {
    const at = Date.parse(a.checkDueAt);
    return t < at ? a.checkDueAt : null;
  }
  return null;
}

/** The queue position right after a change at `now`: the next reminder, or now if one is due already. */
export function queueAfterChange(
  a: Pick<ActionRecord, 'status' | 'dueAt' | 'checkDueAt' | 'checkResult'>,
  now: Date,
): string | null {
  return dueSlot(a, now) ? now.toISOString() : nextReminderAt(a, now);
}
