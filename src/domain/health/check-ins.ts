// Rebuild check-ins (seed 000's last step, "rebuild reputation"; seed 004: "follow through on your
// commitment"): when a mistake's fix is done, check in with the client after a week, a month and
// three months (a workspace setting). Pure: dates in, dates out.

/** Days after the fix; the defaults. */
export const DEFAULT_CHECK_IN_DAYS = [7, 30, 90] as const;

/** A check-in counts as on time within this many days after it fell due. */
export const CHECK_IN_GRACE_DAYS = 3;

const DAY_MS = 86_400_000;

/** The check-ins a fix done at `fixedAt` schedules: one per offset, earliest first, no repeats. */
export function checkInSchedule(fixedAt: string, offsetsDays: readonly number[] = DEFAULT_CHECK_IN_DAYS): string[] {
  const base = Date.parse(fixedAt);
  if (Number.isNaN(base)) throw new RangeError(`fixedAt: "${fixedAt}" is not an instant`);
  const days = [...new Set(offsetsDays)].filter((d) => Number.isInteger(d) && d > 0).sort((a, b) => a - b);
  return days.map((d) => new Date(base + d * DAY_MS).toISOString());
}

/** What a check-in due at `dueAt` counts as at `now`, given when it was done or skipped. */
export function checkInOutcome(
  dueAt: string,
  settled: { kind: 'done' | 'skipped'; at: string } | null,
  now: Date,
): 'pending' | 'on_time' | 'late' | 'skipped' | 'overdue' {
  const graceEnd = Date.parse(dueAt) + CHECK_IN_GRACE_DAYS * DAY_MS;
  if (settled?.kind === 'skipped') return 'skipped';
  if (settled?.kind === 'done') return Date.parse(settled.at) <= graceEnd ? 'on_time' : 'late';
  return now.getTime() > graceEnd ? 'overdue' : 'pending';
}
