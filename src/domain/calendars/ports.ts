import type { CalendarOccurrence } from './ics.ts';

// What the calendar check needs from storage and from the network.

/** A member's connected calendar (a subscription URL or an uploaded file). */
export interface CalendarRecord {
  id: string;
  userId: string;
  name: string;
  source: 'url' | 'file';
  /** The subscription URL (a private feed address is a secret: never shown in full). */
  url: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  nextSyncAt: string | null;
  eventCount: number;
  createdAt: string;
}

/** A calendar due for its scheduled fetch. */
export interface DueCalendar {
  workspaceId: string;
  id: string;
  userId: string;
  url: string;
}

export interface CalendarRepository {
  create(workspaceId: string, calendar: CalendarRecord): Promise<void>;
  /** A member's calendars (only their own). */
  list(workspaceId: string, userId: string): Promise<CalendarRecord[]>;
  get(workspaceId: string, userId: string, id: string): Promise<CalendarRecord | null>;
  /** Removes the calendar and its events; false when there is none. */
  delete(workspaceId: string, userId: string, id: string): Promise<boolean>;
  /** Swaps the calendar's stored occurrences for these (call inside a transaction). */
  replaceEvents(
    workspaceId: string,
    calendarId: string,
    occurrences: readonly CalendarOccurrence[],
    synced: { at: string; nextSyncAt: string | null },
  ): Promise<void>;
  /** A fetch failed: kept events stay, the error is shown, the next try is scheduled. */
  markFailed(workspaceId: string, calendarId: string, error: string, nextSyncAt: string): Promise<void>;
  /** Subscription calendars whose next fetch is due, oldest first. */
  due(now: string, limit: number): Promise<DueCalendar[]>;
  /** The member's occurrences (all of their calendars) overlapping [from, to). */
  occurrences(workspaceId: string, userId: string, from: string, to: string): Promise<CalendarOccurrence[]>;
  /** Records that a conflict was told to the member; true only the first time for this key. */
  claimConflictNotice(workspaceId: string, userId: string, keyHash: string, at: string): Promise<boolean>;
}

export interface CalendarRepositories {
  calendars: CalendarRepository;
}

/** Fetches an ICS subscription under the SSRF rules of webhooks (WEBHOOK_ALLOW_PRIVATE / WEBHOOK_ALLOW_HTTP). */
export interface IcsFetcher {
  /** Throws DomainError validation_failed (field `url`) for a URL that may not be fetched. */
  checkUrl(url: string): Promise<void>;
  fetch(url: string): Promise<{ ok: true; text: string } | { ok: false; error: string }>;
}
