import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './database.ts';
import { toInt } from './dialect.ts';

// The table level of the workspace archive (export and restore): which tables exist (read from the
// database itself, so a table added later is seen), how each one is archived, keyset-paged reads of
// one workspace's rows and raw inserts that keep ids, numbers and timestamps.

/** One archived value as it goes into JSON: text, a number, or null (timestamps as ISO-8601 UTC). */
export type ArchiveValue = string | number | null;
/** One row of an archived table. */
export type ArchiveRow = Record<string, ArchiveValue>;

/** A table as the database describes it. */
export interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  /** Primary-key columns (the keyset order of the reads). */
  key: string[];
  /** Tables this one references by foreign key (other than itself). */
  references: string[];
}

/** How one table goes into the archive. */
export type TablePolicy =
  | {
      /** workspace: rows with its workspace_id; workspace-row: the workspace itself; members: its users. */
      kind: 'workspace' | 'workspace-row' | 'members';
      about: string;
      /** Columns never exported (secrets); a restore fills them (see bootstrap/archive.ts). */
      omit?: string[];
    }
  | { kind: 'skip'; reason: string };

/**
 * Every table of the database and how it is archived. The round-trip test fails on a table that is
 * not listed here, so a new table has to decide whether (and how) it is exported.
 */
export const ARCHIVE_POLICY: Record<string, TablePolicy> = {
  workspaces: { kind: 'workspace-row', about: 'the workspace: name, time zone, settings, guard version' },
  users: { kind: 'members', about: 'the members (name, email), never their password hashes', omit: ['password_hash'] },
  memberships: { kind: 'workspace', about: 'who is a member, with which role' },
  mistake_counters: { kind: 'workspace', about: 'the next MG number' },
  clients: { kind: 'workspace', about: 'clients' },
  contacts: { kind: 'workspace', about: 'client contacts' },
  facts: { kind: 'workspace', about: 'facts about clients and the workspace' },
  mistakes: { kind: 'workspace', about: 'mistakes' },
  commitments: { kind: 'workspace', about: 'commitments to clients' },
  acknowledgments: { kind: 'workspace', about: 'acknowledgments sent' },
  events: { kind: 'workspace', about: 'the timelines of mistakes and clients' },
  guard_rules: { kind: 'workspace', about: 'guard rules' },
  vocabulary_words: { kind: 'workspace', about: 'the spelling vocabulary' },
  remedies: { kind: 'workspace', about: 'the remedy ledger' },
  remedy_approvals: { kind: 'workspace', about: 'remedy approvals' },
  remedy_notices: { kind: 'workspace', about: 'accounting notices of remedies' },
  remedy_declines: { kind: 'workspace', about: 'decisions to give no remedy' },
  sweeps: { kind: 'workspace', about: 'account sweeps' },
  client_notices: { kind: 'workspace', about: 'when clients noticed a mistake' },
  messages: { kind: 'workspace', about: 'the outbox: messages to clients and accounting' },
  notifications: { kind: 'workspace', about: 'in-app notifications' },
  commitment_reminders: { kind: 'workspace', about: 'commitment reminders sent' },
  missed_commitments: { kind: 'workspace', about: 'missed commitments' },
  update_due_flags: { kind: 'workspace', about: 'progress updates due' },
  root_causes: { kind: 'workspace', about: 'root causes' },
  learning_decisions: { kind: 'workspace', about: 'decisions to skip prevention or a plan' },
  actions: { kind: 'workspace', about: 'corrective and preventive actions with their checks' },
  action_reminders: { kind: 'workspace', about: 'action reminders sent' },
  mistake_repeats: { kind: 'workspace', about: 'mistakes marked as repeats' },
  lessons: { kind: 'workspace', about: 'lessons' },
  lesson_checks: { kind: 'workspace', about: 'the checks lessons became' },
  lesson_hits: { kind: 'workspace', about: 'catches of lesson checks in drafts' },
  webhook_endpoints: {
    kind: 'workspace',
    about: 'webhook endpoints (URL, events), without their signing secrets: a restore gives each a new one',
    omit: ['secret'],
  },
  webhook_deliveries: {
    kind: 'workspace',
    about: 'the webhook delivery log (ids kept, so receivers still de-duplicate)',
  },
  relay_messages: {
    kind: 'workspace',
    about: 'mail submitted through the SMTP relay: held, warned or relayed, with its findings and raw bytes',
  },
  calendars: {
    kind: 'skip',
    reason: "members' calendar subscriptions: a private feed URL is a credential; members connect them again",
  },
  calendar_events: { kind: 'skip', reason: 'derived: occurrences read from the calendars, read again when reconnected' },
  calendar_conflict_notices: {
    kind: 'skip',
    reason: 'which bookings were told, keyed by hashes of calendar occurrences that are not exported either',
  },
  check_ins: {
    kind: 'workspace',
    about: 'rebuild check-ins after fixes: due dates, how each was done or why skipped, reminders claimed',
  },
  satisfaction_requests: {
    kind: 'workspace',
    about: 'satisfaction requests and answers, without their link token hashes (a restored link no longer works)',
    omit: ['token_hash'],
  },
  client_health: { kind: 'workspace', about: 'each client\'s current health score with the lines that explain it' },
  client_health_history: { kind: 'workspace', about: 'every change of a client\'s health score, with why it moved' },
  health_alerts: { kind: 'workspace', about: 'cluster and threshold alerts of client health, and what was decided' },
  api_tokens: { kind: 'skip', reason: 'API tokens are credentials: members create new ones after a restore' },
  invitations: { kind: 'skip', reason: 'invitation links are credentials: invite again after a restore' },
  password_resets: { kind: 'skip', reason: 'password-reset links are credentials' },
  message_secrets: { kind: 'skip', reason: 'one-time link tokens of unsent invitation and reset mails: credentials' },
  csv_uploads: {
    kind: 'skip',
    reason: 'CSV files waiting for an import preview: transient, the import itself is in the tables',
  },
  installation: { kind: 'skip', reason: 'written by the restore itself (the install this workspace is restored into)' },
  sessions: { kind: 'skip', reason: 'sign-in sessions: credentials, and meaningless on another install' },
  throttle_counters: { kind: 'skip', reason: 'installation-wide sign-in and rate-limit counters, not workspace data' },
  mistake_search: { kind: 'skip', reason: 'derived full-text index, rebuilt from the mistakes on restore' },
  lesson_search: { kind: 'skip', reason: 'derived full-text index, rebuilt from the lessons on restore' },
  metrics_rollup: {
    kind: 'skip',
    reason: 'derived metrics rollup, rebuilt from the mistakes on the first metrics read after a restore',
  },
  metrics_mistakes: { kind: 'skip', reason: "derived: each mistake's share of the metrics rollup, rebuilt with it" },
  metrics_state: { kind: 'skip', reason: 'marks a built metrics rollup; absent after a restore, so it is rebuilt' },
};

/** Tables of the migration machinery and SQLite internals: never data. */
function isInternal(name: string): boolean {
  return name.startsWith('kysely_') || name.startsWith('sqlite_');
}

/** The policy of a table; a table not listed is exported by workspace when it has workspace_id. */
export function policyOf(table: TableInfo): TablePolicy {
  const listed = ARCHIVE_POLICY[table.name];
  if (listed) return listed;
  return table.columns.some((c) => c.name === 'workspace_id')
    ? { kind: 'workspace', about: table.name }
    : { kind: 'skip', reason: 'not workspace data' };
}

/**
 * Every data table of the database with its columns, key and references, ordered so that a table
 * comes after every table it references (the insert order of a restore).
 */
export async function describeTables(db: Kysely<any>, dialect: Database['capabilities']['name']): Promise<TableInfo[]> {
  const tables = dialect === 'postgres' ? await describePostgres(db) : await describeSqlite(db);
  return topologicalOrder(tables);
}

async function describeSqlite(db: Kysely<any>): Promise<TableInfo[]> {
  const { rows: master } = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'table' order by name`.execute(db);
  const virtual = master.filter((t) => /^create virtual table/i.test(t.sql ?? '')).map((t) => t.name);
  // FTS5 keeps each virtual table in shadow tables named after it (_data, _idx, _content, …).
  const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
  const out: TableInfo[] = [];
  for (const { name } of master) {
    if (isInternal(name) || shadow(name)) continue;
    const { rows: cols } = await sql<{ name: string; type: string; pk: number }>`
      select name, type, pk from pragma_table_info(${name}) order by cid`.execute(db);
    const { rows: fks } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(
      db,
    );
    out.push({
      name,
      columns: cols.map((c) => ({ name: c.name, type: c.type.toLowerCase() })),
      key: cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      references: [...new Set(fks.map((f) => f.table).filter((t) => t !== name))],
    });
  }
  return out;
}

async function describePostgres(db: Kysely<any>): Promise<TableInfo[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const { rows: cols } = await sql<{ table: string; name: string; type: string }>`
    select table_name as "table", column_name as name, data_type as type from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const { rows: keys } = await sql<{ table: string; name: string }>`
    select tc.table_name as "table", kcu.column_name as name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
    order by tc.table_name, kcu.ordinal_position`.execute(db);
  const { rows: fks } = await sql<{ table: string; target: string }>`
    select distinct tc.table_name as "table", ccu.table_name as target
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.table_schema = current_schema() and tc.constraint_type = 'FOREIGN KEY'`.execute(db);
  return tables
    .filter((t) => !isInternal(t.name))
    .map((t) => ({
      name: t.name,
      columns: cols.filter((c) => c.table === t.name).map((c) => ({ name: c.name, type: c.type.toLowerCase() })),
      key: keys.filter((k) => k.table === t.name).map((k) => k.name),
      references: [...new Set(fks.filter((f) => f.table === t.name && f.target !== t.name).map((f) => f.target))],
    }));
}

function topologicalOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const r of t.references) {
      const target = byName.get(r);
      if (target) visit(target, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

/** A driver value as it goes into the archive: Date → ISO text, pg bigint text → number. */
export function archiveValue(value: unknown, type: string): ArchiveValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return toInt(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  // pg returns bigint (int8) and numeric as text; keep text if it would not be a safe integer.
  if (typeof value === 'string' && (type === 'bigint' || type === 'integer') && /^-?\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  }
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return JSON.stringify(value);
}

/** The columns of a table as archived (the policy's omitted columns removed). */
export function archivedColumns(table: TableInfo): string[] {
  const policy = policyOf(table);
  const omit = policy.kind === 'skip' ? [] : (policy.omit ?? []);
  return table.columns.map((c) => c.name).filter((c) => !omit.includes(c));
}

/**
 * One workspace's rows of a table in keyset pages (by primary key), so a big workspace is never
 * read at once. Run inside one read transaction for a consistent export.
 */
export async function* readWorkspaceRows(
  db: Kysely<any>,
  dialect: 'sqlite' | 'postgres',
  table: TableInfo,
  workspaceId: string,
  pageSize = 500,
): AsyncGenerator<ArchiveRow[]> {
  const policy = policyOf(table);
  if (policy.kind === 'skip') return;
  const columns = archivedColumns(table);
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const key = table.key.length > 0 ? table.key : columns;
  const t = policy.kind === 'members' ? 'u' : 't';
  const ref = (c: string) => sql.ref(`${t}.${c}`);
  let after: unknown[] | null = null;
  for (;;) {
    const where: RawBuilder<unknown>[] = [];
    // SQLite: the unary + keeps the planner off the workspace indexes (which would fetch and sort
    // every row of the workspace for each page) and on the primary key, which the pages walk.
    if (policy.kind === 'workspace') {
      where.push(dialect === 'sqlite' ? sql`+t.workspace_id = ${workspaceId}` : sql`t.workspace_id = ${workspaceId}`);
    }
    if (policy.kind === 'workspace-row') where.push(sql`t.id = ${workspaceId}`);
    if (policy.kind === 'members') where.push(sql`m.workspace_id = ${workspaceId}`);
    if (after) {
      // Row-value comparison (both dialects): the next page starts after the last key read.
      where.push(sql`(${sql.join(key.map(ref))}) > (${sql.join(after.map((v) => sql`${v}`))})`);
    }
    const from =
      policy.kind === 'members'
        ? sql`${sql.table(table.name)} u join memberships m on m.user_id = u.id`
        : sql`${sql.table(table.name)} t`;
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(columns.map(ref))} from ${from}
      where ${sql.join(where, sql` and `)} order by ${sql.join(key.map(ref))} limit ${pageSize}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map((row) => Object.fromEntries(columns.map((c) => [c, archiveValue(row[c], types.get(c) ?? '')])));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = key.map((k) => last[k]);
  }
}

/** Whether the install has no workspace, user or installation row (what a restore needs). */
export async function isEmptyInstall(db: Kysely<any>): Promise<boolean> {
  for (const table of ['installation', 'workspaces', 'users']) {
    const { rows } = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    if (toInt(rows[0]?.n ?? 0) > 0) return false;
  }
  return true;
}

/** Inserts archived rows as they are (ids, numbers, timestamps kept), a few hundred per statement. */
export async function insertRows(db: Kysely<any>, table: string, rows: ArchiveRow[]): Promise<void> {
  const chunk = 100;
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}

/** Rebuilds the mistakes' full-text index of a workspace (as its migration backfills it). */
export async function rebuildMistakeSearch(
  db: Kysely<any>,
  dialect: 'sqlite' | 'postgres',
  workspaceId: string,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`insert into mistake_search (mistake_id, workspace_id, document)
      select id, workspace_id, setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')
      from mistakes where workspace_id = ${workspaceId}`.execute(db);
  } else {
    await sql`insert into mistake_search (rowid, mistake_id, workspace_id, title, body)
      select rowid, id, workspace_id, title, coalesce(description, '') from mistakes where workspace_id = ${workspaceId}`.execute(
      db,
    );
  }
}

/** The installation row a restore writes: this install now holds the restored workspace. */
export async function writeInstallation(db: Kysely<any>, workspaceId: string, createdAt: string): Promise<void> {
  await db
    .insertInto('installation')
    .values({ id: 'singleton', workspace_id: workspaceId, created_at: createdAt })
    .execute();
}

/** Workspaces of the install (id and name), to pick the one to export. */
export async function listWorkspaces(db: Kysely<any>): Promise<{ id: string; name: string }[]> {
  const { rows } = await sql<{
    id: string;
    name: string;
  }>`select id, name from workspaces order by created_at, id`.execute(db);
  return rows;
}
