import type { Kysely, Selectable } from 'kysely';
import type {
  ClaimedWebhookDelivery,
  WebhookAttemptLog,
  WebhookEndpointRecord,
  WebhookRepositories,
} from '../../domain/webhooks/ports.ts';
import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookDeliveryType,
  WebhookEventType,
} from '../../shared/contract/index.ts';
import type { DialectCapabilities } from '../dialect.ts';
import { toBool, toInt, toIso, toIsoOrNull } from '../dialect.ts';
import type { DB } from '../schema.ts';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../schema-webhooks.ts';
import { compiledQuery } from './compiled.ts';
import { claimLeased } from './lease.ts';
import { parseJson } from './rows.ts';

// Runs inside every recorded timeline event (see domain/webhooks/events.ts): compiled once, and an
// index-only probe of webhook_endpoints_by_workspace when the workspace has no endpoints.
const enabledEndpoints = compiledQuery((db: Kysely<DB>, workspaceId: string, enabled: number) =>
  db
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', enabled),
);

function toEvents(value: string): WebhookEventType[] {
  const parsed = parseJson<unknown>(value, []);
  return Array.isArray(parsed) ? parsed.filter((e): e is WebhookEventType => typeof e === 'string') : [];
}

function toEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: toEvents(row.events),
    enabled: toBool(row.enabled),
    secret: row.secret,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : toInt(value);
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    type: row.type as WebhookDeliveryType,
    eventId: row.event_id,
    status: row.status as WebhookDeliveryStatus,
    attempts: toInt(row.attempts),
    nextAttemptAt: toIsoOrNull(row.next_attempt_at),
    responseCode: intOrNull(row.response_code),
    lastError: row.last_error,
    durationMs: intOrNull(row.duration_ms),
    deliveredAt: toIsoOrNull(row.delivered_at),
    createdAt: toIso(row.created_at),
    body: row.body,
  };
}

function logColumns(log: WebhookAttemptLog) {
  return {
    attempts: log.attempts,
    response_code: log.responseCode,
    last_error: log.error,
    duration_ms: log.durationMs === null ? null : Math.round(log.durationMs),
  };
}

/** The webhook repositories over a Kysely handle (the database or one open transaction). */
export function createWebhookRepositories(db: Kysely<DB>, capabilities: DialectCapabilities): WebhookRepositories {
  /** Only a row this claimant holds while sending moves on. */
  const held = (workspaceId: string, id: string, claimant: string) =>
    db
      .updateTable('webhook_deliveries')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('claimed_by', '=', claimant)
      .where('status', '=', 'sending');
  return {
    webhookEndpoints: {
      async create(workspaceId, e) {
        await db
          .insertInto('webhook_endpoints')
          .values({
            id: e.id,
            workspace_id: workspaceId,
            url: e.url,
            description: e.description,
            events: JSON.stringify(e.events),
            enabled: e.enabled ? 1 : 0,
            secret: e.secret,
            created_at: e.createdAt,
            updated_at: e.updatedAt,
          })
          .execute();
      },
      async get(workspaceId, id) {
        const row = await db
          .selectFrom('webhook_endpoints')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toEndpoint(row) : null;
      },
      async list(workspaceId) {
        const rows = await db
          .selectFrom('webhook_endpoints')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        return rows.map(toEndpoint);
      },
      async count(workspaceId) {
        const row = await db
          .selectFrom('webhook_endpoints')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow();
        return toInt(row.n);
      },
      async update(workspaceId, id, patch, updatedAt) {
        await db
          .updateTable('webhook_endpoints')
          .set({
            ...(patch.url !== undefined && { url: patch.url }),
            ...(patch.description !== undefined && { description: patch.description }),
            ...(patch.events !== undefined && { events: JSON.stringify(patch.events) }),
            ...(patch.enabled !== undefined && { enabled: patch.enabled ? 1 : 0 }),
            ...(patch.secret !== undefined && { secret: patch.secret }),
            updated_at: updatedAt,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      },
      async delete(workspaceId, id) {
        await db
          .deleteFrom('webhook_deliveries')
          .where('workspace_id', '=', workspaceId)
          .where('endpoint_id', '=', id)
          .execute();
        const result = await db
          .deleteFrom('webhook_endpoints')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      },
      async subscriptions(workspaceId) {
        const rows = await enabledEndpoints(db, workspaceId, 1);
        return rows.map((row) => ({ id: row.id, events: toEvents(row.events) }));
      },
    },

    webhookDeliveries: {
      async create(workspaceId, deliveries) {
        if (deliveries.length === 0) return;
        await db
          .insertInto('webhook_deliveries')
          .values(
            deliveries.map((d) => ({
              id: d.id,
              workspace_id: workspaceId,
              endpoint_id: d.endpointId,
              event_id: d.eventId,
              type: d.type,
              body: d.body,
              status: 'queued',
              attempts: 0,
              next_attempt_at: d.createdAt,
              created_at: d.createdAt,
            })),
          )
          .execute();
      },
      async get(workspaceId, endpointId, id) {
        const row = await db
          .selectFrom('webhook_deliveries')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('endpoint_id', '=', endpointId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toDelivery(row) : null;
      },
      async list(workspaceId, endpointId, query) {
        let q = db
          .selectFrom('webhook_deliveries')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('endpoint_id', '=', endpointId);
        if (query.status) q = q.where('status', '=', query.status);
        const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
        return rows.map(toDelivery);
      },
      async claimDue(workspaceId, now, claimant, leaseMs, limit) {
        const rows = await claimLeased(db, capabilities, 'webhook_deliveries', {
          workspaceId,
          now,
          claimant,
          leaseMs,
          limit,
        });
        if (rows.length === 0) return [];
        const endpointIds = [...new Set(rows.map((r) => r.endpoint_id))];
        const endpoints = await db
          .selectFrom('webhook_endpoints')
          .select(['id', 'url', 'secret'])
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', endpointIds)
          .execute();
        const byId = new Map(endpoints.map((e) => [e.id, e]));
        const claimed: ClaimedWebhookDelivery[] = [];
        for (const row of rows) {
          const endpoint = byId.get(row.endpoint_id);
          // An endpoint deleted meanwhile takes its deliveries with it (cascade); nothing to send.
          if (endpoint) claimed.push({ ...toDelivery(row), url: endpoint.url, secret: endpoint.secret });
        }
        return claimed.sort(
          (a, b) => (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? '') || a.id.localeCompare(b.id),
        );
      },
      async markDelivered(workspaceId, id, claimant, log, at) {
        const result = await held(workspaceId, id, claimant)
          .set({
            ...logColumns(log),
            status: 'delivered',
            delivered_at: at,
            next_attempt_at: null,
            claimed_by: null,
            claimed_until: null,
          })
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async reschedule(workspaceId, id, claimant, log, nextAttemptAt) {
        const result = await held(workspaceId, id, claimant)
          .set({
            ...logColumns(log),
            status: 'queued',
            next_attempt_at: nextAttemptAt,
            claimed_by: null,
            claimed_until: null,
          })
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async markFailed(workspaceId, id, claimant, log) {
        const result = await held(workspaceId, id, claimant)
          .set({ ...logColumns(log), status: 'failed', next_attempt_at: null, claimed_by: null, claimed_until: null })
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async release(workspaceId, id, claimant) {
        const result = await held(workspaceId, id, claimant)
          .set({ status: 'queued', claimed_by: null, claimed_until: null })
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async requeue(workspaceId, endpointId, id, now) {
        const result = await db
          .updateTable('webhook_deliveries')
          .set({ status: 'queued', attempts: 0, next_attempt_at: now, claimed_by: null, claimed_until: null })
          .where('workspace_id', '=', workspaceId)
          .where('endpoint_id', '=', endpointId)
          .where('id', '=', id)
          .where('status', 'in', ['delivered', 'failed'])
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
    },
  };
}
