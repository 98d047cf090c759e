import { CompiledQuery, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../bootstrap/index.ts';
import { nodeCrypto } from '../bootstrap/system.ts';
import { runDueJobs } from '../domain/scheduler/run-due.ts';
import { buildApp } from '../server/app.ts';
import { fakeClock, sequentialIds } from '../../test/clock.ts';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { makeWorkspace, signedInClient, type ApiClient } from '../../test/factories.ts';
import type { FastifyInstance } from 'fastify';

// Every query the hot paths run (session, list and its filters, by id, both timelines,
// acknowledgments, commitments, logging a mistake, a scheduler tick) is captured as executed and
// explained on this database. A full scan of a tenant table fails: SQLite `EXPLAIN QUERY PLAN`
// "SCAN <table>"; PostgreSQL `EXPLAIN (FORMAT JSON)` "Seq Scan" with enable_seqscan off (without
// that, a planner on tiny tables rightly prefers a seq scan and the check would mean nothing).

/** Tables with a workspace_id column (read from the database after migrating). */
let tenant = new Set<string>();

let services: Services;
let app: FastifyInstance;
let drop: () => Promise<void>;
let api: ApiClient;
const captured = new Map<string, readonly unknown[]>();
let capturing = false;

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  const clock = fakeClock();
  services = await createServices(
    { databaseUrl: undefined, dataDir: '/nonexistent' },
    { clock, ids: sequentialIds('x'), crypto: nodeCrypto({ fast: true }) },
    {
      ...fresh.target,
      onQuery: (text, parameters) => {
        if (capturing && !captured.has(text)) captured.set(text, parameters);
      },
    },
  );
  app = await buildApp(services);
  const db = services.database.db as unknown as Kysely<unknown>;
  const tables =
    testDialect === 'sqlite'
      ? await sql<{ name: string }>`select m.name from sqlite_master m, pragma_table_info(m.name) c
          where m.type = 'table' and c.name = 'workspace_id'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.columns
          where column_name = 'workspace_id' and table_schema = current_schema()`.execute(db);
  tenant = new Set(tables.rows.map((r) => r.name));
  const owner = await makeWorkspace(services, 'Explain Studio');
  api = await signedInClient(app, owner.email, owner.password);
  const ok = async (method: string, url: string, body?: unknown) => {
    const r = await api.request(method, url, body);
    if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const client = await ok('POST', '/api/clients', { name: 'Serenity', tier: 'key' });
  const contact = await ok('POST', `/api/clients/${client.id}/contacts`, { fullName: 'Lynn Carter' });
  capturing = true;
  const m = await ok('POST', '/api/mistakes', { clientId: client.id, title: 'Wrong code', severity: 'major' });
  await ok('POST', '/api/mistakes', { clientId: client.id, title: 'Late invoice', severity: 'critical' });
  await ok('GET', '/api/session');
  await ok('GET', '/api/mistakes');
  const page = await ok('GET', '/api/mistakes?limit=1');
  if (page.nextCursor) await ok('GET', `/api/mistakes?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`);
  await ok('GET', '/api/mistakes?count=exact');
  await ok('GET', `/api/mistakes?clientId=${client.id}`);
  await ok('GET', '/api/mistakes?severity=critical');
  await ok('GET', '/api/mistakes?stage=found');
  await ok('GET', `/api/mistakes/${m.id}`);
  await ok('GET', `/api/mistakes/${m.id}/timeline`);
  await ok('POST', `/api/mistakes/${m.id}/acknowledgments`, { channel: 'email', contactId: contact.id });
  await ok('GET', `/api/mistakes/${m.id}/acknowledgments`);
  await ok('POST', `/api/mistakes/${m.id}/fix-commitment`, { title: 'Resend', dueAt: '2026-03-03T17:00:00Z' });
  await ok('GET', `/api/commitments?mistakeId=${m.id}`);
  await ok('GET', `/api/clients/${client.id}/timeline`);
  await ok('GET', `/api/clients/${client.id}`);
  // A bearer request: the token looked up by its hash (joined like a session), its last use written.
  const { token } = await ok('POST', '/api/tokens', { name: 'Explain', scope: 'read' });
  const viaToken = await app.inject({ url: '/api/mistakes', headers: { authorization: `Bearer ${token}` } });
  if (viaToken.statusCode !== 200) throw new Error(`bearer GET /api/mistakes → ${viaToken.statusCode}`);
  await ok('GET', '/api/tokens');
  clock.advance(3 * 86_400_000);
  await runDueJobs(services.deps, services.mailer, { now: clock.now(), claimant: 'explain' });
  capturing = false;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await services?.close();
  await drop?.();
});

async function sqliteScans(db: Kysely<unknown>, text: string, parameters: readonly unknown[]): Promise<string[]> {
  const plan = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${text}`, [...parameters]),
  );
  // A full-text (FTS5) virtual table is "SCAN t VIRTUAL TABLE INDEX n:<constraints>": with a rowid
  // (=, >, <) or MATCH constraint it is an index lookup; only an empty constraint list is a scan.
  return plan.rows
    .filter((r) => !/^SCAN \w+ VIRTUAL TABLE INDEX \d+:\S/.test(r.detail))
    .map((r) => /^SCAN (\w+)/.exec(r.detail)?.[1])
    .filter((table): table is string => table !== undefined && tenant.has(table));
}

async function postgresScans(db: Kysely<unknown>, text: string, parameters: readonly unknown[]): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`set enable_seqscan = off`.execute(conn);
    try {
      const result = await conn.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]),
      );
      const plan = result.rows[0]!['QUERY PLAN'];
      const found: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        if (n['Node Type'] === 'Seq Scan' && typeof n['Relation Name'] === 'string' && tenant.has(n['Relation Name'])) {
          found.push(n['Relation Name']);
        }
        for (const value of Object.values(n)) if (typeof value === 'object') walk(value);
      };
      walk(typeof plan === 'string' ? JSON.parse(plan) : plan);
      return found;
    } finally {
      await sql`reset enable_seqscan`.execute(conn);
    }
  });
}

describe(`hot queries use indexes (${testDialect})`, () => {
  it('captured the hot paths', () => {
    expect(tenant).toContain('mistakes');
    expect(tenant).toContain('events');
    expect(captured.size).toBeGreaterThan(20);
  });

  it('never scans a whole tenant table', async () => {
    const db = services.database.db as unknown as Kysely<unknown>;
    const offenders: string[] = [];
    for (const [text, parameters] of captured) {
      if (!/^\s*(select|update|delete|with)\b/i.test(text)) continue;
      const scans =
        testDialect === 'sqlite' ? await sqliteScans(db, text, parameters) : await postgresScans(db, text, parameters);
      if (scans.length > 0) offenders.push(`${scans.join(', ')} ← ${text}`);
    }
    expect(offenders).toEqual([]);
  });
});
