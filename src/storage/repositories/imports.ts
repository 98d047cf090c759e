import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import type { ImportRepositories } from '../../domain/imports/ports.ts';
import type { ImportEncoding } from '../../shared/contract/index.ts';
import { toIso } from '../dialect.ts';
import type { DB } from '../schema.ts';
import type { ImportTables } from '../schema-imports.ts';

// CSV uploads and the bulk writes of an import. The bulk inserts write the same columns as the
// single-row creates in store.ts (clients.create, contacts.create, facts.create, events.append),
// many rows per statement: an import of 10,000 rows is a few dozen statements per table, not
// 10,000 round trips.

/** Rows per INSERT: 11 columns × 200 stays far below SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_INSERT = 200;

/** A unique-constraint violation (SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

async function inBatches<T>(items: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += ROWS_PER_INSERT) await write(items.slice(i, i + ROWS_PER_INSERT));
}

/** The import repositories over a Kysely handle (the store's, which follows the open transaction). */
export function createImportRepositories(handle: Kysely<DB>): ImportRepositories {
  // A type-only widening: the handle stays the store's transaction-following proxy.
  const db = handle as unknown as Kysely<DB & ImportTables>;
  return {
    csvUploads: {
      async save(workspaceId, u) {
        await db
          .insertInto('csv_uploads')
          .values({
            id: u.id,
            workspace_id: workspaceId,
            created_by: u.createdBy,
            file_name: u.fileName,
            encoding: u.encoding,
            text: u.text,
            created_at: u.createdAt,
          })
          .execute();
      },
      async get(workspaceId, id) {
        const row = await db
          .selectFrom('csv_uploads')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row
          ? {
              id: row.id,
              createdBy: row.created_by,
              fileName: row.file_name,
              encoding: row.encoding as ImportEncoding,
              text: row.text,
              createdAt: toIso(row.created_at),
            }
          : null;
      },
      async deleteOlderThan(workspaceId, before) {
        const result = await db
          .deleteFrom('csv_uploads')
          .where('workspace_id', '=', workspaceId)
          .where('created_at', '<', before)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      },
    },

    importWrites: {
      async insertClients(workspaceId, clients) {
        // Two imports of the same names at once: the second one's transaction loses the race on the
        // unique name and is rolled back with a clear answer instead of an internal error.
        await inBatches(clients, (batch) =>
          db
            .insertInto('clients')
            .values(
              batch.map((c) => ({
                id: c.id,
                workspace_id: workspaceId,
                name: c.name,
                // As clients.create keys it (the unique name per workspace).
                name_key: c.name.toLowerCase(),
                aliases: JSON.stringify(c.aliases),
                tier: c.tier,
                status: c.status,
                value_minor: c.value.amountMinor,
                value_currency: c.value.currency,
                owner_id: c.ownerId,
                created_at: c.createdAt,
                updated_at: c.updatedAt,
              })),
            )
            .execute()
            .catch((error: unknown) => {
              if (!isUniqueViolation(error)) throw error;
              throw new DomainError(
                'client_name_taken',
                'Another change added a client of the same name while this import ran; import the file again (it picks up where this one stopped).',
                { field: 'client.name' },
              );
            }),
        );
      },
      async insertContacts(workspaceId, contacts) {
        await inBatches(contacts, (batch) =>
          db
            .insertInto('contacts')
            .values(
              batch.map((c) => ({
                id: c.id,
                workspace_id: workspaceId,
                client_id: c.clientId,
                full_name: c.fullName,
                preferred_name: c.preferredName,
                honorific: c.honorific,
                pronouns: c.pronouns,
                pronunciation: c.pronunciation,
                email: c.email,
                is_billing: c.isBilling ? 1 : 0,
                created_at: c.createdAt,
              })),
            )
            .execute(),
        );
      },
      async insertFacts(workspaceId, facts) {
        await inBatches(facts, (batch) =>
          db
            .insertInto('facts')
            .values(
              batch.map((f) => ({
                id: f.id,
                workspace_id: workspaceId,
                client_id: f.clientId,
                kind: f.kind,
                value: f.value,
                label: f.label,
                created_at: f.createdAt,
              })),
            )
            .execute(),
        );
      },
      async updateFact(workspaceId, id, patch) {
        await db
          .updateTable('facts')
          .set({ value: patch.value, label: patch.label })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      },
      async appendEvents(workspaceId, events) {
        await inBatches(events, (batch) =>
          db
            .insertInto('events')
            .values(
              batch.map((e) => ({
                id: e.id,
                workspace_id: workspaceId,
                mistake_id: e.mistakeId,
                client_id: e.clientId,
                actor_id: e.actor?.id ?? null,
                actor_name: e.actor?.name ?? null,
                type: e.type,
                summary: e.summary,
                data: JSON.stringify(e.data),
                at: e.at,
              })),
            )
            .execute(),
        );
      },
    },
  };
}
