import type { CalendarOccurrence } from './ics.ts';

// Double and triple bookings: overlapping busy events in one member's calendars, and which
// clients they involve (an attendee is one of the client's contacts, or the client's name or an
// alias is in the event's title, description or location).

/** What identifies a client in a calendar event. */
export interface ClientMatcher {
  id: string;
  name: string;
  aliases: readonly string[];
  /** The client's contacts' addresses, lower-cased. */
  emails: readonly string[];
}

/** Overlapping events of one member, at least one of them with a client. */
export interface CalendarConflict {
  /** Stable for the same set of occurrences: a notice is sent once per key. */
  key: string;
  /** 2: double-booked; 3 or more: triple-booked. Most events at one moment. */
  depth: number;
  start: string;
  occurrences: CalendarOccurrence[];
  clientIds: string[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The clients an occurrence involves. */
export function clientsOf(occurrence: CalendarOccurrence, clients: readonly ClientMatcher[]): string[] {
  const haystack = `${occurrence.title}\n${occurrence.details}`;
  return clients
    .filter(
      (c) =>
        occurrence.attendees.some((a) => c.emails.includes(a)) ||
        [c.name, ...c.aliases]
          .filter((n) => n.trim().length >= 3)
          .some((n) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(n.trim())}($|[^\\p{L}\\p{N}])`, 'iu').test(haystack)),
    )
    .map((c) => c.id);
}

/** Most intervals overlapping at one moment. */
function depthOf(group: CalendarOccurrence[]): number {
  const edges = group.flatMap((o) => [
    { at: Date.parse(o.start), step: 1 },
    { at: Date.parse(o.end), step: -1 },
  ]);
  // Ends before starts at the same instant: back-to-back meetings do not overlap.
  edges.sort((a, b) => a.at - b.at || a.step - b.step);
  let depth = 0;
  let most = 0;
  for (const edge of edges) {
    depth += edge.step;
    most = Math.max(most, depth);
  }
  return most;
}

/**
 * The conflicts among a member's occurrences: runs of busy timed events that overlap one another
 * (all-day and free events are not bookings), kept when one of them involves a client.
 */
export function findConflicts(
  occurrences: readonly CalendarOccurrence[],
  clients: readonly ClientMatcher[],
): CalendarConflict[] {
  const timed = occurrences
    .filter((o) => o.busy && !o.allDay)
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  const groups: CalendarOccurrence[][] = [];
  let current: CalendarOccurrence[] = [];
  let reach = -Infinity;
  for (const occurrence of timed) {
    const start = Date.parse(occurrence.start);
    if (current.length > 0 && start < reach) current.push(occurrence);
    else {
      if (current.length > 1) groups.push(current);
      current = [occurrence];
      reach = -Infinity;
    }
    reach = Math.max(reach, Date.parse(occurrence.end));
  }
  if (current.length > 1) groups.push(current);
  const conflicts: CalendarConflict[] = [];
  for (const group of groups) {
    const clientIds = [...new Set(group.flatMap((o) => clientsOf(o, clients)))];
    if (clientIds.length === 0) continue;
    conflicts.push({
      key: group
        .map((o) => o.key)
        .sort()
        .join('\n'),
      depth: depthOf(group),
      start: group[0]!.start,
      occurrences: group,
      clientIds,
    });
  }
  return conflicts;
}
