import type { Kysely, Selectable } from 'kysely';
import type { MessagingRepositories, NotificationRecord } from '../../domain/messages/ports.ts';
import type { Message, Notification } from '../../shared/contract/index.ts';
import type { DialectCapabilities } from '../dialect.ts';
import { toInt, toIso, toIsoOrNull } from '../dialect.ts';
import type { DB } from '../schema.ts';
import type { MessagesTable, NotificationsTable } from '../schema-messaging.ts';
import { claimLeased } from './lease.ts';
import { toCommitment } from './rows.ts';
import { clientUpdateKinds, refreshUpdateAnchor, refreshUpdateAnchorOfMessage } from './update-anchor.ts';

function toMessage(row: Selectable<MessagesTable>): Message {
  return {
    id: row.id,
    clientId: row.client_id,
    mistakeId: row.mistake_id,
    kind: row.kind as Message['kind'],
    status: row.status as Message['status'],
    fromName: row.from_name,
    replyToName: row.reply_to_name ?? null,
    replyToAddress: row.reply_to_address ?? null,
    toName: row.to_name,
    toAddress: row.to_address,
    subject: row.subject,
    body: row.body,
    messageId: row.message_id,
    attempts: toInt(row.attempts),
    nextAttemptAt: toIsoOrNull(row.next_attempt_at),
    lastError: row.last_error,
    sentAt: toIsoOrNull(row.sent_at),
    createdAt: toIso(row.created_at),
  };
}

function toNotification(row: Selectable<NotificationsTable>): Notification {
  return {
    id: row.id,
    kind: row.kind as Notification['kind'],
    title: row.title,
    body: row.body,
    clientId: row.client_id,
    mistakeId: row.mistake_id,
    commitmentId: row.commitment_id,
    messageId: row.message_id,
    createdAt: toIso(row.created_at),
    readAt: toIsoOrNull(row.read_at),
  };
}

/** The messaging repositories over a Kysely handle (the database or one open transaction). */
export function createMessagingRepositories(db: Kysely<DB>, capabilities: DialectCapabilities): MessagingRepositories {
  return {
    messages: {
      async create(workspaceId, m) {
        await db
          .insertInto('messages')
          .values({
            id: m.id,
            workspace_id: workspaceId,
            client_id: m.clientId,
            mistake_id: m.mistakeId,
            kind: m.kind,
            status: m.status,
            from_name: m.fromName,
            reply_to_name: m.replyToName ?? null,
            reply_to_address: m.replyToAddress ?? null,
            to_name: m.toName,
            to_address: m.toAddress,
            subject: m.subject,
            body: m.body,
            message_id: m.messageId,
            attempts: m.attempts,
            next_attempt_at: m.nextAttemptAt,
            last_error: m.lastError,
            sent_at: m.sentAt,
            created_at: m.createdAt,
          })
          .execute();
        if ((clientUpdateKinds as readonly string[]).includes(m.kind))
          await refreshUpdateAnchor(db, workspaceId, m.mistakeId);
      },
      async get(workspaceId, id) {
        const row = await db
          .selectFrom('messages')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toMessage(row) : null;
      },
      async list(workspaceId, query) {
        let q = db.selectFrom('messages').selectAll().where('workspace_id', '=', workspaceId);
        if (query.clientId) q = q.where('client_id', '=', query.clientId);
        if (query.mistakeId) q = q.where('mistake_id', '=', query.mistakeId);
        if (query.status) q = q.where('status', '=', query.status);
        if (query.kind) q = q.where('kind', '=', query.kind);
        const rows = await q
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(query.limit ?? 100)
          .execute();
        return rows.map(toMessage);
      },
      async claimDue(workspaceId, now, claimant, leaseMs, limit) {
        const rows = await claimLeased(db, capabilities, 'messages', { workspaceId, now, claimant, leaseMs, limit });
        return rows
          .map(toMessage)
          .sort((a, b) => (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? '') || a.id.localeCompare(b.id));
      },
      async markSent(workspaceId, id, claimant, attempts, sentAt) {
        const result = await db
          .updateTable('messages')
          .set({
            status: 'sent',
            attempts,
            sent_at: sentAt,
            last_error: null,
            next_attempt_at: null,
            claimed_by: null,
            claimed_until: null,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('claimed_by', '=', claimant)
          .where('status', '=', 'sending')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) > 0) await refreshUpdateAnchorOfMessage(db, workspaceId, id);
        return Number(result.numUpdatedRows) > 0;
      },
      async reschedule(workspaceId, id, claimant, attempts, nextAttemptAt, error) {
        const result = await db
          .updateTable('messages')
          .set({
            status: 'queued',
            attempts,
            next_attempt_at: nextAttemptAt,
            last_error: error,
            claimed_by: null,
            claimed_until: null,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('claimed_by', '=', claimant)
          .where('status', '=', 'sending')
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async markFailed(workspaceId, id, claimant, attempts, error) {
        const result = await db
          .updateTable('messages')
          .set({
            status: 'failed',
            attempts,
            next_attempt_at: null,
            last_error: error,
            claimed_by: null,
            claimed_until: null,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('claimed_by', '=', claimant)
          .where('status', '=', 'sending')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) > 0) await refreshUpdateAnchorOfMessage(db, workspaceId, id);
        return Number(result.numUpdatedRows) > 0;
      },
      async release(workspaceId, id, claimant) {
        const result = await db
          .updateTable('messages')
          .set({ status: 'queued', claimed_by: null, claimed_until: null })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('claimed_by', '=', claimant)
          .where('status', '=', 'sending')
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async requeue(workspaceId, id, now) {
        const result = await db
          .updateTable('messages')
          .set({ status: 'queued', attempts: 0, next_attempt_at: now, claimed_by: null, claimed_until: null })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('status', '=', 'failed')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) > 0) await refreshUpdateAnchorOfMessage(db, workspaceId, id);
        return Number(result.numUpdatedRows) > 0;
      },
    },

    notifications: {
      async create(workspaceId, n: NotificationRecord) {
        await db
          .insertInto('notifications')
          .values({
            id: n.id,
            workspace_id: workspaceId,
            user_id: n.userId,
            kind: n.kind,
            title: n.title,
            body: n.body,
            client_id: n.clientId,
            mistake_id: n.mistakeId,
            commitment_id: n.commitmentId,
            message_id: n.messageId,
            created_at: n.createdAt,
            read_at: n.readAt,
          })
          .execute();
      },
      async list(workspaceId, userId, query) {
        let q = db
          .selectFrom('notifications')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId);
        if (query.unread === true) q = q.where('read_at', 'is', null);
        if (query.unread === false) q = q.where('read_at', 'is not', null);
        const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
        return rows.map(toNotification);
      },
      async countUnread(workspaceId, userId) {
        const row = await db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow();
        return toInt(row.n);
      },
      async get(workspaceId, userId, id) {
        const row = await db
          .selectFrom('notifications')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toNotification(row) : null;
      },
      async markRead(workspaceId, userId, id, at) {
        const existing = await db
          .selectFrom('notifications')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!existing) return false;
        await db
          .updateTable('notifications')
          .set({ read_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .where('read_at', 'is', null)
          .execute();
        return true;
      },
    },

    scheduling: {
      async openCommitmentsDueBefore(workspaceId, before, limit, after) {
        let q = db
          .selectFrom('commitments')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('status', '=', 'open')
          .where('due_at', '<=', before)
          // A commitment recorded after its due time is history, not a promise the scheduler can see broken.
          .where('recorded_late', '=', 0);
        if (after) {
          // Keyset on (due_at, id) over commitments_workspace_due: batches without OFFSET.
          q = q.where((eb) =>
            eb.or([eb('due_at', '>', after.dueAt), eb.and([eb('due_at', '=', after.dueAt), eb('id', '>', after.id)])]),
          );
        }
        const rows = await q.orderBy('due_at').orderBy('id').limit(limit).execute();
        return rows.map(toCommitment);
      },
      async remindersOf(workspaceId, commitmentIds) {
        const found = new Map<string, Set<number>>();
        // Chunked so the parameter list stays well under either driver's limit.
        for (let i = 0; i < commitmentIds.length; i += 500) {
          const chunk = commitmentIds.slice(i, i + 500);
          const rows = await db
            .selectFrom('commitment_reminders')
            .select(['commitment_id', 'offset_minutes'])
            .where('workspace_id', '=', workspaceId)
            .where('commitment_id', 'in', chunk)
            .execute();
          for (const row of rows) {
            const set = found.get(row.commitment_id) ?? new Set<number>();
            set.add(toInt(row.offset_minutes));
            found.set(row.commitment_id, set);
          }
        }
        return found;
      },
      async claimReminder(workspaceId, r) {
        // The (commitment_id, offset_minutes) primary key decides: on PostgreSQL a concurrent insert
        // of the same key waits for the first transaction, then does nothing.
        const rows = await db
          .insertInto('commitment_reminders')
          .values({
            commitment_id: r.commitmentId,
            offset_minutes: r.offsetMinutes,
            workspace_id: workspaceId,
            outcome: r.outcome,
            fire_at: r.fireAt,
            notification_id: r.notificationId,
            created_at: r.createdAt,
          })
          .onConflict((oc) => oc.columns(['commitment_id', 'offset_minutes']).doNothing())
          .returning('commitment_id')
          .execute();
        return rows.length > 0;
      },
      async markCommitmentMissed(workspaceId, commitmentId) {
        // Conditional on still being open: on PostgreSQL a second instance blocks on the row lock,
        // re-checks `status = 'open'` after the first commits, and updates nothing.
        const result = await db
          .updateTable('commitments')
          .set({ status: 'missed' })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', commitmentId)
          .where('status', '=', 'open')
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async recordMissed(workspaceId, m) {
        await db
          .insertInto('missed_commitments')
          .values({
            commitment_id: m.commitmentId,
            workspace_id: workspaceId,
            mistake_id: m.mistakeId,
            original_mistake_id: m.originalMistakeId,
            missed_at: m.missedAt,
          })
          .execute();
      },
      async missedMistakeOf(workspaceId, commitmentId) {
        const row = await db
          .selectFrom('missed_commitments')
          .select('mistake_id')
          .where('workspace_id', '=', workspaceId)
          .where('commitment_id', '=', commitmentId)
          .executeTakeFirst();
        return row?.mistake_id ?? null;
      },
      async claimUpdateDue(workspaceId, mistakeId, dueAt, createdAt) {
        const rows = await db
          .insertInto('update_due_flags')
          .values({ mistake_id: mistakeId, due_at: dueAt, workspace_id: workspaceId, created_at: createdAt })
          .onConflict((oc) => oc.columns(['mistake_id', 'due_at']).doNothing())
          .returning('mistake_id')
          .execute();
        return rows.length > 0;
      },
      async mistakesUpdateDue(workspaceId, cutoff, after, limit) {
        // Keyset on (update_anchor_at, id) over the mistakes_update_due index: no OFFSET, no count.
        let q = db
          .selectFrom('mistakes')
          .select(['id', 'update_anchor_at'])
          .where('workspace_id', '=', workspaceId)
          .where('update_anchor_at', 'is not', null)
          .where('update_anchor_at', '<=', cutoff);
        if (after) {
          q = q.where((eb) =>
            eb.or([
              eb('update_anchor_at', '>', after.anchorAt),
              eb.and([eb('update_anchor_at', '=', after.anchorAt), eb('id', '>', after.id)]),
            ]),
          );
        }
        const rows = await q.orderBy('update_anchor_at').orderBy('id').limit(limit).execute();
        return rows.map((r) => ({ id: r.id, anchorAt: toIso(r.update_anchor_at) }));
      },
      async clearUpdateAnchor(workspaceId, mistakeId, anchorAt) {
        // Conditional: an update sent meanwhile moved the anchor later, and that clock must keep running.
        await db
          .updateTable('mistakes')
          .set({ update_anchor_at: null })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', mistakeId)
          .where('update_anchor_at', '<=', anchorAt)
          .execute();
      },
    },
  };
}
