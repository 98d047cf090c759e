import type { Kysely } from 'kysely';

// Frozen: indexes the hot queries were missing (found with EXPLAIN; src/storage/explain.test.ts
// keeps them honest). Acknowledgments and commitments by mistake; mistakes by severity and stage;
// the mistakes list and the client timeline on their keyset sort keys (found_at, number) and
// (at, id), replacing the shorter indexes they extend. Written against Kysely<any>.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('acknowledgments_mistake')
    .on('acknowledgments')
    .columns(['workspace_id', 'mistake_id', 'at'])
    .execute();
  await db.schema
    .createIndex('commitments_mistake')
    .on('commitments')
    .columns(['workspace_id', 'mistake_id'])
    .execute();
  await db.schema
    .createIndex('mistakes_severity_stage')
    .on('mistakes')
    .columns(['workspace_id', 'severity', 'stage'])
    .execute();
  await db.schema.createIndex('mistakes_list').on('mistakes').columns(['workspace_id', 'found_at', 'number']).execute();
  await db.schema.dropIndex('mistakes_found').execute();
  await db.schema
    .createIndex('mistakes_client_list')
    .on('mistakes')
    .columns(['workspace_id', 'client_id', 'found_at', 'number'])
    .execute();
  await db.schema.dropIndex('mistakes_client').execute();
  await db.schema
    .createIndex('events_client_page')
    .on('events')
    .columns(['workspace_id', 'client_id', 'at', 'id'])
    .execute();
  await db.schema.dropIndex('events_client').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_client').on('events').columns(['workspace_id', 'client_id', 'at']).execute();
  await db.schema.dropIndex('events_client_page').execute();
  await db.schema.createIndex('mistakes_client').on('mistakes').columns(['workspace_id', 'client_id']).execute();
  await db.schema.dropIndex('mistakes_client_list').execute();
  await db.schema.createIndex('mistakes_found').on('mistakes').columns(['workspace_id', 'found_at']).execute();
  await db.schema.dropIndex('mistakes_list').execute();
  await db.schema.dropIndex('mistakes_severity_stage').execute();
  await db.schema.dropIndex('commitments_mistake').execute();
  await db.schema.dropIndex('acknowledgments_mistake').execute();
}
