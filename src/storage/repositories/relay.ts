import type { Kysely, Selectable } from 'kysely';
import type { ClaimedRelayMessage, RelayRepositories, RelayRow } from '../../domain/relay/ports.ts';
import type { FindingDto, RelayDecision, RelayStatus } from '../../shared/contract/index.ts';
import type { DialectCapabilities } from '../dialect.ts';
import { toInt, toIso, toIsoOrNull } from '../dialect.ts';
import type { RelayMessagesTable } from '../schema-relay.ts';
import type { DB } from '../schema.ts';
import { claimLeased } from './lease.ts';
import { parseJson } from './rows.ts';

// Relay messages (table relay_messages): the raw bytes as base64 text (identical on both dialects,
// and in the JSON archive), a durable queue claimed through lease.ts.

function toAddresses(text: string): string[] {
  const parsed = parseJson<unknown>(text, []);
  return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
}

function toFindings(text: string): FindingDto[] {
  const parsed = parseJson<unknown>(text, []);
  return Array.isArray(parsed) ? (parsed as FindingDto[]) : [];
}

function toClaimed(row: Selectable<RelayMessagesTable>): ClaimedRelayMessage {
  return {
    id: row.id,
    userId: row.user_id,
    envelopeFrom: row.envelope_from,
    envelopeTo: toAddresses(row.envelope_to),
    raw: new Uint8Array(Buffer.from(row.raw_base64, 'base64')),
    subject: row.subject,
    clientId: row.client_id,
    attempts: toInt(row.attempts),
  };
}

/** The relay repository over the store's transaction-aware handle. */
export function createRelayRepositories(db: Kysely<DB>, capabilities: DialectCapabilities): RelayRepositories {
  function listed() {
    return db
      .selectFrom('relay_messages')
      .innerJoin('users as sender', 'sender.id', 'relay_messages.user_id')
      .leftJoin('clients', (join) =>
        join
          .onRef('clients.id', '=', 'relay_messages.client_id')
          .onRef('clients.workspace_id', '=', 'relay_messages.workspace_id'),
      )
      .leftJoin('users as resolver', 'resolver.id', 'relay_messages.resolved_by')
      .select([
        'relay_messages.id',
        'relay_messages.workspace_id',
        'relay_messages.user_id',
        'relay_messages.envelope_from',
        'relay_messages.envelope_to',
        'relay_messages.size_bytes',
        'relay_messages.subject',
        'relay_messages.text_body',
        'relay_messages.attachments',
        'relay_messages.client_id',
        'relay_messages.findings',
        'relay_messages.decision',
        'relay_messages.status',
        'relay_messages.attempts',
        'relay_messages.next_attempt_at',
        'relay_messages.last_error',
        'relay_messages.relayed_at',
        'relay_messages.resolved_by',
        'relay_messages.resolved_at',
        'relay_messages.created_at',
        'sender.name as sender_name',
        'clients.name as client_name',
        'resolver.name as resolver_name',
      ]);
  }
  type Listed = Awaited<ReturnType<ReturnType<typeof listed>['execute']>>[number];
  const toRow = (r: Listed): RelayRow => ({
    id: r.id,
    workspaceId: r.workspace_id,
    userId: r.user_id,
    envelopeFrom: r.envelope_from,
    envelopeTo: toAddresses(r.envelope_to),
    sizeBytes: toInt(r.size_bytes),
    subject: r.subject,
    text: r.text_body,
    attachments: toInt(r.attachments),
    clientId: r.client_id,
    findings: toFindings(r.findings),
    decision: r.decision as RelayDecision,
    status: r.status as RelayStatus,
    attempts: toInt(r.attempts),
    nextAttemptAt: toIsoOrNull(r.next_attempt_at),
    lastError: r.last_error,
    relayedAt: toIsoOrNull(r.relayed_at),
    resolvedBy: r.resolved_by,
    resolvedAt: toIsoOrNull(r.resolved_at),
    createdAt: toIso(r.created_at),
    senderName: r.sender_name,
    clientName: r.client_name,
    resolvedByName: r.resolver_name,
  });
  const held = (workspaceId: string, id: string, claimant: string) =>
    db
      .updateTable('relay_messages')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('claimed_by', '=', claimant)
      .where('status', '=', 'sending');
  const updated = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) > 0;

  return {
    relay: {
      async create(m) {
        await db
          .insertInto('relay_messages')
          .values({
            id: m.id,
            workspace_id: m.workspaceId,
            user_id: m.userId,
            envelope_from: m.envelopeFrom,
            envelope_to: JSON.stringify(m.envelopeTo),
            raw_base64: Buffer.from(m.raw.buffer, m.raw.byteOffset, m.raw.byteLength).toString('base64'),
            size_bytes: m.sizeBytes,
            subject: m.subject,
            text_body: m.text,
            attachments: m.attachments,
            client_id: m.clientId,
            findings: JSON.stringify(m.findings),
            decision: m.decision,
            status: m.status,
            attempts: m.attempts,
            next_attempt_at: m.nextAttemptAt,
            last_error: m.lastError,
            relayed_at: m.relayedAt,
            resolved_by: m.resolvedBy,
            resolved_at: m.resolvedAt,
            created_at: m.createdAt,
          })
          .execute();
      },
      async get(workspaceId, id) {
        const row = await listed()
          .where('relay_messages.workspace_id', '=', workspaceId)
          .where('relay_messages.id', '=', id)
          .executeTakeFirst();
        return row ? toRow(row) : null;
      },
      async list(workspaceId, query) {
        let q = listed().where('relay_messages.workspace_id', '=', workspaceId);
        if (query.status) q = q.where('relay_messages.status', '=', query.status);
        if (query.userId !== undefined) q = q.where('relay_messages.user_id', '=', query.userId);
        const rows = await q
          .orderBy('relay_messages.created_at', 'desc')
          .orderBy('relay_messages.id', 'desc')
          .limit(query.limit)
          .execute();
        return rows.map(toRow);
      },
      async claimDue(workspaceId, now, claimant, leaseMs, limit) {
        const rows = await claimLeased(db, capabilities, 'relay_messages', {
          workspaceId,
          now,
          claimant,
          leaseMs,
          limit,
        });
        return rows.map(toClaimed).sort((a, b) => a.id.localeCompare(b.id));
      },
      async markRelayed(workspaceId, id, claimant, attempts, at) {
        return updated(
          await held(workspaceId, id, claimant)
            .set({
              status: 'relayed',
              attempts,
              relayed_at: at,
              next_attempt_at: null,
              last_error: null,
              claimed_by: null,
              claimed_until: null,
            })
            .executeTakeFirst(),
        );
      },
      async reschedule(workspaceId, id, claimant, attempts, nextAttemptAt, error) {
        return updated(
          await held(workspaceId, id, claimant)
            .set({
              status: 'queued',
              attempts,
              next_attempt_at: nextAttemptAt,
              last_error: error,
              claimed_by: null,
              claimed_until: null,
            })
            .executeTakeFirst(),
        );
      },
      async markFailed(workspaceId, id, claimant, attempts, error) {
        return updated(
          await held(workspaceId, id, claimant)
            .set({
              status: 'failed',
              attempts,
              next_attempt_at: null,
              last_error: error,
              claimed_by: null,
              claimed_until: null,
            })
            .executeTakeFirst(),
        );
      },
      async releaseClaim(workspaceId, id, claimant) {
        return updated(
          await held(workspaceId, id, claimant)
            .set({ status: 'queued', claimed_by: null, claimed_until: null })
            .executeTakeFirst(),
        );
      },
      async resolveHeld(workspaceId, id, outcome, userId, at) {
        return updated(
          await db
            .updateTable('relay_messages')
            .set(
              outcome === 'released'
                ? { status: 'queued', decision: 'released', next_attempt_at: at, resolved_by: userId, resolved_at: at }
                : { status: 'discarded', resolved_by: userId, resolved_at: at },
            )
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', id)
            .where('status', '=', 'held')
            .executeTakeFirst(),
        );
      },
      async workspacesWithQueue() {
        const rows = await db
          .selectFrom('relay_messages')
          .select('workspace_id')
          .distinct()
          .where('status', 'in', ['queued', 'sending'])
          .execute();
        return rows.map((r) => r.workspace_id);
      },
    },
  };
}
