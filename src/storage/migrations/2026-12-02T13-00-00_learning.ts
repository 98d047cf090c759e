import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: root causes, learning decisions, corrective and preventive actions with effectiveness
// checks, and the claim rows that make action reminders happen once across app instances; plus the
// "recorded after the fact" flag on commitments. Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  // One root cause per mistake; why_steps and other_categories are JSON lists.
  await db.schema
    .createTable('root_causes')
    .addColumn('mistake_id', 'text', (c) => c.primaryKey().references('mistakes.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('why_steps', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('other_categories', 'text', (c) => c.notNull())
    .addColumn('escape_kind', 'text')
    .addColumn('escape_where', 'text')
    .addColumn('summary', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('root_causes_workspace')
    .on('root_causes')
    .columns(['workspace_id', 'mistake_id'])
    .execute();

  // Reasons recorded instead of a fact: no preventive action needed, no improvement plan to send.
  await db.schema
    .createTable('learning_decisions')
    .addColumn('mistake_id', 'text', (c) => c.primaryKey().references('mistakes.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('no_prevention_reason', 'text')
    .addColumn('no_plan_reason', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.notNull().references('mistakes.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('done_at', ts)
    .addColumn('check_due_at', ts)
    .addColumn('check_result', 'text')
    .addColumn('check_note', 'text')
    .addColumn('checked_by', 'text')
    .addColumn('checked_at', ts)
    // The due-queue: when the scheduler next has something to say about this action (null: nothing).
    .addColumn('next_reminder_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_mistake').on('actions').columns(['workspace_id', 'mistake_id']).execute();
  await db.schema.createIndex('actions_open').on('actions').columns(['workspace_id', 'status', 'due_at']).execute();
  await db.schema
    .createIndex('actions_reminder_due')
    .on('actions')
    .columns(['workspace_id', 'next_reminder_at'])
    .execute();

  // One row per action and reminder slot ("before", "due", "overdue:2026-03-04", "check"): the
  // instance whose insert wins sends it, so every reminder happens exactly once.
  await db.schema
    .createTable('action_reminders')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('action_reminders_pk', ['action_id', 'slot'])
    .execute();

  await db.schema
    .alterTable('commitments')
    .addColumn('recorded_late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('commitments').dropColumn('recorded_late').execute();
  for (const table of ['action_reminders', 'actions', 'learning_decisions', 'root_causes']) {
    await db.schema.dropTable(table).execute();
  }
}
