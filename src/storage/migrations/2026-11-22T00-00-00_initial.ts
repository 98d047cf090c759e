import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: written against Kysely<any> and never importing app code, so it runs the same forever.
// Instants are timestamptz on PostgreSQL and ISO-8601 UTC text on SQLite; money is bigint minor units.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('mistake_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('guard_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('value_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('value_currency', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('clients_workspace_name_key', ['workspace_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('preferred_name', 'text')
    .addColumn('honorific', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('pronouns', 'text')
    .addColumn('pronunciation', 'text')
    .addColumn('email', 'text')
    .addColumn('is_billing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_client').on('contacts').columns(['workspace_id', 'client_id']).execute();

  await db.schema
    .createTable('facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('facts_client').on('facts').columns(['workspace_id', 'client_id']).execute();

  await db.schema
    .createTable('mistakes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('impact_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('impact_currency', 'text', (c) => c.notNull())
    .addColumn('found_by', 'text', (c) => c.notNull())
    .addColumn('happened_at', ts)
    .addColumn('found_at', ts, (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', ts)
    .addColumn('remedied_at', ts)
    .addColumn('fixed_at', ts)
    .addColumn('learned_at', ts)
    .addColumn('verified_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('owner_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('mistakes_workspace_number', ['workspace_id', 'number'])
    .execute();
  await db.schema.createIndex('mistakes_found').on('mistakes').columns(['workspace_id', 'found_at']).execute();
  await db.schema.createIndex('mistakes_client').on('mistakes').columns(['workspace_id', 'client_id']).execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.references('mistakes.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_fix', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner_id', 'text')
    .addColumn('completed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitments_due').on('commitments').columns(['status', 'due_at']).execute();
  await db.schema
    .createIndex('commitments_client')
    .on('commitments')
    .columns(['workspace_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('acknowledgments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.notNull().references('mistakes.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text')
    .addColumn('client_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_mistake').on('events').columns(['workspace_id', 'mistake_id', 'at']).execute();
  await db.schema.createIndex('events_client').on('events').columns(['workspace_id', 'client_id', 'at']).execute();

  await db.schema
    .createTable('guard_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.references('mistakes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('phrase', 'text')
    .addColumn('pattern', 'text')
    .addColumn('trigger', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guard_rules_workspace').on('guard_rules').columns(['workspace_id']).execute();

  await db.schema
    .createTable('vocabulary_words')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('vocabulary_words_pk', ['workspace_id', 'word'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'vocabulary_words',
    'guard_rules',
    'events',
    'acknowledgments',
    'commitments',
    'mistakes',
    'facts',
    'contacts',
    'clients',
    'sessions',
    'memberships',
    'users',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
