import type { Kysely, Selectable } from 'kysely';
import type { CalendarRecord, CalendarRepositories } from '../../domain/calendars/ports.ts';
import type { CalendarOccurrence } from '../../domain/calendars/ics.ts';
import { toBool, toInt, toIso, toIsoOrNull } from '../dialect.ts';
import type { CalendarEventsTable, CalendarsTable } from '../schema-calendars.ts';
import type { DB } from '../schema.ts';
import { parseJson } from './rows.ts';

// Calendars, their occurrences and the conflict notices (tables calendars, calendar_events,
// calendar_conflict_notices). Every query is filtered by workspace_id, and by the member.

function toCalendar(row: Selectable<CalendarsTable>): CalendarRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    source: row.source === 'url' ? 'url' : 'file',
    url: row.url,
    lastSyncedAt: toIsoOrNull(row.last_synced_at),
    lastError: row.last_error,
    nextSyncAt: toIsoOrNull(row.next_sync_at),
    eventCount: toInt(row.event_count),
    createdAt: toIso(row.created_at),
  };
}

function toOccurrence(row: Selectable<CalendarEventsTable>): CalendarOccurrence {
  const attendees = parseJson<unknown>(row.attendees, []);
  return {
    key: row.occurrence_key,
    uid: row.uid,
    title: row.title,
    details: row.details,
    start: toIso(row.starts_at),
    end: toIso(row.ends_at),
    allDay: toBool(row.all_day),
    busy: toBool(row.busy),
    attendees: Array.isArray(attendees) ? attendees.filter((a): a is string => typeof a === 'string') : [],
  };
}

/** Rows per INSERT (well under SQLite's 32,766 bound parameters at 13 columns). */
const CHUNK = 500;

/** The calendar repository over the store's transaction-aware handle. */
export function createCalendarRepositories(db: Kysely<DB>): CalendarRepositories {
  return {
    calendars: {
      async create(workspaceId, c) {
        await db
          .insertInto('calendars')
          .values({
            id: c.id,
            workspace_id: workspaceId,
            user_id: c.userId,
            name: c.name,
            source: c.source,
            url: c.url,
            last_synced_at: c.lastSyncedAt,
            last_error: c.lastError,
            next_sync_at: c.nextSyncAt,
            event_count: c.eventCount,
            created_at: c.createdAt,
          })
          .execute();
      },
      async list(workspaceId, userId) {
        const rows = await db
          .selectFrom('calendars')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        return rows.map(toCalendar);
      },
      async get(workspaceId, userId, id) {
        const row = await db
          .selectFrom('calendars')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toCalendar(row) : null;
      },
      async delete(workspaceId, userId, id) {
        const owned = await db
          .selectFrom('calendars')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!owned) return false;
        await db
          .deleteFrom('calendar_events')
          .where('workspace_id', '=', workspaceId)
          .where('calendar_id', '=', id)
          .execute();
        await db.deleteFrom('calendars').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
        return true;
      },
      async replaceEvents(workspaceId, calendarId, occurrences, synced) {
        const calendar = await db
          .selectFrom('calendars')
          .select('user_id')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', calendarId)
          .executeTakeFirst();
        if (!calendar) return;
        await db
          .deleteFrom('calendar_events')
          .where('workspace_id', '=', workspaceId)
          .where('calendar_id', '=', calendarId)
          .execute();
        for (let i = 0; i < occurrences.length; i += CHUNK) {
          await db
            .insertInto('calendar_events')
            .values(
              occurrences.slice(i, i + CHUNK).map((o, j) => ({
                id: `${calendarId}:${i + j}`,
                workspace_id: workspaceId,
                calendar_id: calendarId,
                user_id: calendar.user_id,
                occurrence_key: o.key,
                uid: o.uid,
                title: o.title,
                details: o.details,
                starts_at: o.start,
                ends_at: o.end,
                all_day: o.allDay ? 1 : 0,
                busy: o.busy ? 1 : 0,
                attendees: JSON.stringify(o.attendees),
              })),
            )
            .execute();
        }
        await db
          .updateTable('calendars')
          .set({
            last_synced_at: synced.at,
            last_error: null,
            next_sync_at: synced.nextSyncAt,
            event_count: occurrences.length,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', calendarId)
          .execute();
      },
      async markFailed(workspaceId, calendarId, error, nextSyncAt) {
        await db
          .updateTable('calendars')
          .set({ last_error: error.slice(0, 500), next_sync_at: nextSyncAt })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', calendarId)
          .execute();
      },
      async due(now, limit) {
        const rows = await db
          .selectFrom('calendars')
          .select(['workspace_id', 'id', 'user_id', 'url'])
          .where('source', '=', 'url')
          .where('next_sync_at', '<=', now)
          .orderBy('next_sync_at')
          .limit(limit)
          .execute();
        return rows.flatMap((r) =>
          r.url ? [{ workspaceId: r.workspace_id, id: r.id, userId: r.user_id, url: r.url }] : [],
        );
      },
      async occurrences(workspaceId, userId, from, to) {
        // Events start at most a few days before they end (MAX span of a stored occurrence is not
        // bounded, so the start bound is a week back; the end filter does the rest).
        const earliest = new Date(Date.parse(from) - 7 * 86_400_000).toISOString();
        const rows = await db
          .selectFrom('calendar_events')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .where('starts_at', '<', to)
          .where('starts_at', '>=', earliest)
          .where('ends_at', '>', from)
          .orderBy('starts_at')
          .orderBy('id')
          .execute();
        return rows.map(toOccurrence);
      },
      async claimConflictNotice(workspaceId, userId, keyHash, at) {
        const rows = await db
          .insertInto('calendar_conflict_notices')
          .values({ workspace_id: workspaceId, user_id: userId, key_hash: keyHash, notified_at: at })
          // The primary key is the claim: one insert per conflict succeeds, on any instance.
          .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'key_hash']).doNothing())
          .returning('key_hash')
          .execute();
        return rows.length === 1;
      },
    },
  };
}
