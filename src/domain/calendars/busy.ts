import { findCalendarConflicts, type BusyInterval, type Finding } from '../../engine/index.ts';
import type { Actor, Deps, Store } from '../ports.ts';

// The sender's busy time for the guard: calendar_conflict findings on a text, from the occurrences
// stored for the acting member's calendars (none for the CLI acting without a member).

/** How far ahead a proposed time is looked up (the stored window). */
const AHEAD_MS = 120 * 86_400_000;

/** The member's busy time between two instants. */
export async function busyFor(
  store: Store,
  workspaceId: string,
  userId: string,
  from: Date,
  to: Date,
): Promise<BusyInterval[]> {
  const occurrences = await store.calendars.occurrences(workspaceId, userId, from.toISOString(), to.toISOString());
  return occurrences
    .filter((o) => o.busy)
    .map((o) => ({ start: o.start, end: o.end, title: o.title, ...(o.allDay && { allDay: true }) }));
}

/** calendar_conflict findings: times the text proposes that fall in the acting member's busy time. */
export async function calendarFindings(
  deps: Deps,
  actor: Actor,
  text: string,
  timeZone: string,
  locale: 'en-US' | 'en-GB',
): Promise<Finding[]> {
  if (!actor.userId) return [];
  const now = deps.clock.now();
  const busy = await busyFor(deps.store, actor.workspaceId, actor.userId, now, new Date(now.getTime() + AHEAD_MS));
  return findCalendarConflicts(text, { busy, timeZone, now, locale });
}
