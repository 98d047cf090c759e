import type { Kysely, Selectable } from 'kysely';
import type {
  InvitationRecord,
  InvitationRepositories,
  PasswordResetRecord,
} from '../../domain/workspaces/invitation-ports.ts';
import type { AssignableRole } from '../../shared/contract/index.ts';
import { toIso, toIsoOrNull } from '../dialect.ts';
import type { DB } from '../schema.ts';
import type { InvitationsTable, PasswordResetsTable } from '../schema-invitations.ts';

function toInvitation(r: Selectable<InvitationsTable>): InvitationRecord {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    email: r.email,
    role: r.role as AssignableRole,
    tokenHash: r.token_hash,
    invitedBy: { id: r.invited_by_id, name: r.invited_by_name },
    createdAt: toIso(r.created_at),
    sentAt: toIso(r.sent_at),
    expiresAt: toIso(r.expires_at),
    acceptedAt: toIsoOrNull(r.accepted_at),
    acceptedUserId: r.accepted_user_id,
    revokedAt: toIsoOrNull(r.revoked_at),
  };
}

function toReset(r: Selectable<PasswordResetsTable>): PasswordResetRecord {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    userId: r.user_id,
    email: r.email,
    createdAt: toIso(r.created_at),
    expiresAt: toIso(r.expires_at),
    usedAt: toIsoOrNull(r.used_at),
  };
}

/** Invitations (tenant rows: every method but the token lookup filters by workspace) and password resets. */
export function createInvitationRepositories(db: Kysely<DB>): InvitationRepositories {
  return {
    invitations: {
      async create(i) {
        await db
          .insertInto('invitations')
          .values({
            id: i.id,
            workspace_id: i.workspaceId,
            email: i.email,
            role: i.role,
            token_hash: i.tokenHash,
            invited_by_id: i.invitedBy.id,
            invited_by_name: i.invitedBy.name,
            created_at: i.createdAt,
            sent_at: i.sentAt,
            expires_at: i.expiresAt,
            accepted_at: i.acceptedAt,
            accepted_user_id: i.acceptedUserId,
            revoked_at: i.revokedAt,
          })
          .execute();
      },
      async get(workspaceId, id) {
        const row = await db
          .selectFrom('invitations')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toInvitation(row) : null;
      },
      async findByTokenHash(tokenHash) {
        // The one lookup across workspaces: the token (a 256-bit secret) is what says which one.
        const row = await db
          .selectFrom('invitations')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst();
        return row ? toInvitation(row) : null;
      },
      async findOpen(workspaceId, email) {
        const row = await db
          .selectFrom('invitations')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('email', '=', email)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        return row ? toInvitation(row) : null;
      },
      async listOpen(workspaceId) {
        const rows = await db
          .selectFrom('invitations')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(500)
          .execute();
        return rows.map(toInvitation);
      },
      async renew(workspaceId, id, tokenHash, sentAt, expiresAt) {
        const result = await db
          .updateTable('invitations')
          .set({ token_hash: tokenHash, sent_at: sentAt, expires_at: expiresAt })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async revoke(workspaceId, id, at) {
        const result = await db
          .updateTable('invitations')
          .set({ revoked_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async markAccepted(workspaceId, id, tokenHash, userId, at) {
        // One conditional UPDATE: of two accepts at once, the second finds accepted_at set (on
        // PostgreSQL it waits for the first's row lock, then re-checks the condition).
        const result = await db
          .updateTable('invitations')
          .set({ accepted_at: at, accepted_user_id: userId })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('token_hash', '=', tokenHash)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', at)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
    },

    passwordResets: {
      async create(r) {
        await db
          .insertInto('password_resets')
          .values({
            id: r.id,
            token_hash: r.tokenHash,
            user_id: r.userId,
            email: r.email,
            created_at: r.createdAt,
            expires_at: r.expiresAt,
            used_at: r.usedAt,
          })
          .execute();
      },
      async findByTokenHash(tokenHash) {
        const row = await db
          .selectFrom('password_resets')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst();
        return row ? toReset(row) : null;
      },
      async markUsed(id, at) {
        const result = await db
          .updateTable('password_resets')
          .set({ used_at: at })
          .where('id', '=', id)
          .where('used_at', 'is', null)
          .where('user_id', 'is not', null)
          .where('expires_at', '>', at)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async voidForUser(userId, at) {
        const result = await db
          .updateTable('password_resets')
          .set({ used_at: at })
          .where('user_id', '=', userId)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows);
      },
      async deleteExpired(before) {
        const result = await db.deleteFrom('password_resets').where('expires_at', '<', before).executeTakeFirst();
        return Number(result.numDeletedRows);
      },
    },

    messageSecrets: {
      async put(workspaceId, messageId, secret, createdAt) {
        await db
          .insertInto('message_secrets')
          .values({ message_id: messageId, workspace_id: workspaceId, secret, created_at: createdAt })
          .execute();
      },
      async get(workspaceId, messageId) {
        const row = await db
          .selectFrom('message_secrets')
          .select('secret')
          .where('workspace_id', '=', workspaceId)
          .where('message_id', '=', messageId)
          .executeTakeFirst();
        return row?.secret ?? null;
      },
      async delete(workspaceId, messageId) {
        await db
          .deleteFrom('message_secrets')
          .where('workspace_id', '=', workspaceId)
          .where('message_id', '=', messageId)
          .execute();
      },
    },
  };
}
