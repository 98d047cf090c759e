import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSteps } from '../../test/api-steps.ts';
import { makeWorkspace, signedInClient, testApi, testServices } from '../../test/factories.ts';
import { buildApp } from '../server/app.ts';
import { ARCHIVE_POLICY, archiveValue, describeTables, isEmptyInstall, type TableInfo } from '../storage/archive.ts';
import { testDialect } from '../../test/database.ts';
import {
  ARCHIVE_FORMAT_VERSION,
  ArchiveError,
  csvRows,
  exportWorkspaceArchive,
  NO_PASSWORD,
  restoreWorkspaceArchive,
  type ArchiveManifest,
} from './archive.ts';
import { createServices, type Services } from './index.ts';
import { nodeCrypto } from './system.ts';
import { createScheduler } from './scheduler.ts';
import { acceptRelayMessage } from '../domain/relay/relay.ts';

// Issue 14 D: the workspace archive. Workspace A gets a row in every exported table through the API
// (and the scheduler), workspace B lives beside it; A's archive is restored into a fresh empty
// database and every row of every table (listed from the database itself, not from a copy of the
// table list) must come back identical; B's data must be nowhere in it.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;
const ids: Record<string, string> = {};
let bWorkspaceId = '';
let bNames: string[] = [];
let zip: Uint8Array;
let manifest: ArchiveManifest;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function exportToBytes(services: Services, workspaceId: string, pageSize?: number) {
  const chunks: Uint8Array[] = [];
  const m = await exportWorkspaceArchive(services, workspaceId, (c) => void chunks.push(c), { pageSize });
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, manifest: m };
}

beforeAll(async () => {
  t = await testApi();
  const { ok } = apiSteps(() => t.api);
  const client = await ok('POST', '/api/clients', { name: 'Serenity Day Spas', aliases: ['Serenity'], tier: 'key' });
  ids.client = client.id;
  // Cells a spreadsheet would run: each must come out of the CSV prefixed, and raw in the JSON.
  ids.formulaClient = (await ok('POST', '/api/clients', { name: '=1+2', tier: 'standard' })).id;
  ids.contact = (
    await ok('POST', `/api/clients/${client.id}/contacts`, {
      fullName: 'Lynn Carter',
      honorific: 'Ms',
      email: 'lynn@serenity.example',
      isBilling: true,
    })
  ).id;
  await ok('POST', `/api/clients/${ids.formulaClient}/contacts`, { fullName: '+cmd|calc', email: 'x@formula.example' });
  await ok('POST', `/api/clients/${client.id}/facts`, { kind: 'short_code', value: '55123' });
  await ok('POST', `/api/clients/${ids.formulaClient}/facts`, { kind: 'term', value: '-2', label: 'Minus two' });
  await ok('POST', '/api/facts', { kind: 'term', value: 'Handwrytten' });
  const dueAt = new Date(t.clock.now().getTime() + 2 * HOUR).toISOString();
  await ok('POST', `/api/clients/${client.id}/commitments`, { title: 'Send the price list', dueAt });
  const first = await ok('POST', '/api/mistakes', {
    clientId: client.id,
    title: 'Wrong short code in the SMS blast',
    description: 'The kestrel poster went out with 55132.',
    severity: 'major',
  });
  ids.mistake = first.id;
  await ok('POST', '/api/mistakes', { clientId: ids.formulaClient, title: '@SUM(A1:A9)', severity: 'minor' });
  await ok('POST', `/api/mistakes/${first.id}/acknowledgments`, { channel: 'phone', contactId: ids.contact });
  await ok('POST', `/api/mistakes/${first.id}/client-noticed`, {}, 200);
  await ok('POST', `/api/mistakes/${first.id}/fix-commitment`, { title: 'Resend with 55123', dueAt });
  await ok('POST', '/api/guard-rules', {
    kind: 'forbidden',
    phrase: 'per my last email',
    message: 'Lesson MG-1',
    mistakeId: first.id,
  });
  await ok(
    'PUT',
    `/api/mistakes/${first.id}/root-cause`,
    { whySteps: ['No facts check on proofs'], category: 'process' },
    200,
  );
  const action = await ok('POST', `/api/mistakes/${first.id}/actions`, {
    kind: 'preventive',
    title: 'Facts check before print',
    ownerId: t.owner.actor.userId,
    dueAt,
  });
  ids.action = action.id;
  const lesson = await ok('POST', `/api/mistakes/${first.id}/lessons`, {
    title: 'Check the short code against the facts card',
    learned: 'Proofs went out unchecked.',
  });
  ids.lesson = lesson.id;
  await ok('POST', `/api/lessons/${lesson.id}/checks`, { kind: 'fact', factKind: 'short_code', value: '55123' }, 201);
  await ok(
    'POST',
    '/api/check',
    { clientId: client.id, draftId: 'proof-1', text: 'Text SPA to 55213 for 20% off.' },
    200,
  );
  await ok('POST', '/api/vocabulary', { word: 'Kestrelly' });
  ids.member = (
    await ok('POST', '/api/members', {
      name: 'Avery Member',
      email: 'avery@serenity-agency.example',
      password: 'temporary pass 123',
      role: 'member',
    })
  ).id;
  const credit = await ok('POST', `/api/mistakes/${first.id}/remedies`, {
    kind: 'credit',
    amountMinor: 5_000,
    currency: 'USD',
    idempotencyKey: 'archive-a-1',
  });
  await ok('POST', `/api/remedies/${credit.entry.id}/reverse`, {
    idempotencyKey: 'archive-a-1-reverse',
    reason: 'wrong amount',
  });
  const big = await ok('POST', `/api/mistakes/${first.id}/remedies`, {
    kind: 'refund',
    amountMinor: 9_000_000,
    currency: 'USD',
    idempotencyKey: 'archive-a-2',
    note: 'The whole campaign',
  });
  if (big.entry.status === 'pending_approval' || big.entry.requiresApproval) {
    await ok('POST', `/api/remedies/${big.entry.id}/approve`, { note: 'agreed' }, 200);
  }
  const second = await ok('POST', '/api/mistakes', {
    clientId: client.id,
    title: 'Short code wrong again',
    severity: 'minor',
  });
  await ok('POST', `/api/mistakes/${second.id}/remedies/decline`, { reason: 'Caught before it went out' });
  await ok('POST', `/api/mistakes/${second.id}/repeat-of`, { mistakeId: first.id }, 200);
  await ok('PATCH', `/api/mistakes/${second.id}/learning`, { noPreventionReason: 'Covered by MG-1' }, 200);
  await ok('POST', `/api/mistakes/${first.id}/sweep`, { checked: [], note: 'Nothing else open' });
  await ok('POST', `/api/mistakes/${first.id}/acknowledgment/send`, {
    contactId: ids.contact,
    subject: 'About the SMS code',
    body: 'Hi Lynn, I sent the wrong short code. I am sorry. The right code is 55123 and a corrected text goes out today.',
    overrideReason: 'test',
  });
  await ok('POST', `/api/actions/${action.id}/done`, {}, 200);
  // Check-ins (issue 11 B) and a satisfaction request (C): the second mistake's fix is done.
  const fix2 = await ok('POST', `/api/mistakes/${second.id}/fix-commitment`, { title: 'Correct the code', dueAt });
  await ok('POST', `/api/commitments/${fix2.id}/complete`, undefined, 200);
  await ok('POST', `/api/mistakes/${second.id}/satisfaction`, { contactId: ids.contact });
  // Reminders, missed commitments, update-due flags and action reminders come from the scheduler.
  t.clock.advance(3 * DAY);
  await createScheduler(t.services.deps, t.services.mailer).runDue();
  t.clock.advance(40 * DAY);
  await createScheduler(t.services.deps, t.services.mailer).runDue();

  // Webhook endpoints need a public address at registration (SSRF check); their rows go in by SQL.
  const db = t.services.database.db;
  const present = new Set((await describeTables(db, t.services.database.capabilities.name)).map((x) => x.name));
  const now = t.clock.now().toISOString();
  const ws = t.owner.actor.workspaceId;
  if (present.has('webhook_endpoints')) {
    await sql`insert into webhook_endpoints (id, workspace_id, url, description, events, enabled, secret, created_at, updated_at)
      values ('wh-1', ${ws}, 'https://hooks.example.com/makegood', 'CRM', '["mistake.logged"]', 1, 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=', ${now}, ${now})`.execute(
      db,
    );
  }
  if (present.has('webhook_deliveries')) {
    await sql`insert into webhook_deliveries (id, workspace_id, endpoint_id, event_id, type, body, status, attempts, created_at)
      values ('whd-1', ${ws}, 'wh-1', ${ids.mistake}, 'mistake.logged', '{}', 'delivered', 1, ${now})`.execute(db);
  }

  // A message submitted through the SMTP relay (issue 15 A), raw bytes and all.
  await acceptRelayMessage(
    t.services.deps,
    t.services.guards,
    { ...t.owner.actor, userId: t.owner.actor.userId!, email: t.owner.email },
    {
      envelopeFrom: t.owner.email,
      envelopeTo: ['someone@elsewhere.example'],
      raw: new TextEncoder().encode('Subject: Lunch\r\n\r\nSee you at noon.\r\n'),
      subject: 'Lunch',
      text: 'See you at noon.\n',
      attachments: 0,
    },
  );

  const other = await makeWorkspace(t.services, 'Rival Agency');
  bWorkspaceId = other.actor.workspaceId;
  const b = await signedInClient(t.app, other.email, other.password);
  const bClient = (await b.request('POST', '/api/clients', { name: 'Blue Harbor Dental' })).body;
  await b.request('POST', '/api/mistakes', { clientId: bClient.id, title: 'Late brochure for Blue Harbor' });
  bNames = ['Blue Harbor Dental', 'Late brochure for Blue Harbor', 'Rival Agency', other.email];

  ({ bytes: zip, manifest } = await exportToBytes(t.services, t.owner.actor.workspaceId, 2));
}, 120_000);

afterAll(async () => {
  await t.close();
});

/** Every row of a table (all workspaces), values as archived, in key order. */
async function rowsOf(services: Services, table: TableInfo, workspaceId: string | null) {
  const key = table.key.length > 0 ? table.key : table.columns.map((c) => c.name);
  const db = services.database.db;
  const filter =
    workspaceId === null
      ? sql`1 = 1`
      : table.name === 'workspaces'
        ? sql`id = ${workspaceId}`
        : table.name === 'users'
          ? sql`id in (select user_id from memberships where workspace_id = ${workspaceId})`
          : sql`workspace_id = ${workspaceId}`;
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)} where ${filter}
    order by ${sql.join(key.map((k) => sql.ref(k)))}`.execute(db);
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, archiveValue(v, types.get(k) ?? '')])),
  );
}

describe(`workspace archive (${testDialect})`, () => {
  it('has a policy for every table of the database, and every exported table has rows of workspace A', async () => {
    const tables = await describeTables(t.services.database.db, t.services.database.capabilities.name);
    const unlisted = tables.map((x) => x.name).filter((name) => !(name in ARCHIVE_POLICY));
    // A new table must say in storage/archive.ts whether and how it is exported.
    expect(unlisted).toEqual([]);
    const exported = tables.filter((x) => ARCHIVE_POLICY[x.name]?.kind !== 'skip').map((x) => x.name);
    expect(manifest.tables.map((x) => x.name).sort()).toEqual([...exported].sort());
    const empty = manifest.tables.filter((x) => x.rows === 0).map((x) => x.name);
    expect(empty).toEqual([]);
    expect(manifest).toMatchObject({
      formatVersion: ARCHIVE_FORMAT_VERSION,
      workspace: { id: t.owner.actor.workspaceId, name: 'Acme Studio' },
    });
  });

  it('holds nothing of workspace B', () => {
    const files = unzipSync(zip);
    for (const [name, bytes] of Object.entries(files)) {
      const text = strFromU8(bytes);
      expect(text.includes(bWorkspaceId), `${name} mentions B's workspace id`).toBe(false);
      for (const b of bNames) expect(text.includes(b), `${name} mentions ${b}`).toBe(false);
    }
    const users = JSON.parse(strFromU8(files['json/users.json']!)) as Record<string, unknown>[];
    expect(users.map((u) => u['id']).sort()).toEqual([ids.member, t.owner.actor.userId].sort());
    expect(users.every((u) => !('password_hash' in u))).toBe(true);
    expect(strFromU8(files['csv/users.csv']!)).not.toMatch(/argon2|password/);
  });

  it('prefixes every CSV cell a spreadsheet would run with a single quote, and nothing else', () => {
    const cells = ['=1+2', '+cmd|calc', '-2', '@SUM(A1)', '\tTab', '\rCR', 'plain', 'a=b', ''];
    const csv = csvRows(
      [Object.fromEntries(cells.map((c, i) => [`c${i}`, c]))],
      cells.map((_, i) => `c${i}`),
      false,
    );
    expect(csv).toBe(`'=1+2,'+cmd|calc,'-2,'@SUM(A1),'\tTab,"'\rCR",plain,a=b,\n`);
    // Numbers are numbers (a negative amount is not a formula) and stay unquoted.
    expect(csvRows([{ amount: -500, note: null }], ['amount', 'note'], true)).toBe('amount,note\n-500,\n');
  });

  it('neutralises formula cells in the CSV files and keeps them raw in the JSON', () => {
    const files = unzipSync(zip);
    const clientsCsv = strFromU8(files['csv/clients.csv']!);
    const contactsCsv = strFromU8(files['csv/contacts.csv']!);
    const factsCsv = strFromU8(files['csv/facts.csv']!);
    const mistakesCsv = strFromU8(files['csv/mistakes.csv']!);
    expect(clientsCsv).toContain(",'=1+2,");
    expect(contactsCsv).toContain(",'+cmd|calc,");
    expect(factsCsv).toContain(",'-2,");
    expect(mistakesCsv).toContain(",'@SUM(A1:A9),");
    for (const csv of [clientsCsv, contactsCsv, factsCsv, mistakesCsv]) {
      // No cell (after a comma or at a line start) begins with a formula character.
      expect(csv).not.toMatch(/(^|,)[=+\-@\t]/m);
    }
    const clients = JSON.parse(strFromU8(files['json/clients.json']!)) as { name: string }[];
    const facts = JSON.parse(strFromU8(files['json/facts.json']!)) as { value: string; label: string | null }[];
    expect(clients.map((c) => c.name)).toContain('=1+2');
    expect(facts.map((f) => f.value)).toContain('-2');
    // The header row names the columns.
    expect(clientsCsv.split('\n')[0]).toMatch(/^id,workspace_id,name,/);
  });

  it('restores into an empty database with every row of every table identical, and the app works on it', async () => {
    const target = await testServices();
    try {
      const result = await restoreWorkspaceArchive(target.services, zip, {
        ownerPassword: 'a fresh owner passphrase 42',
      });
      expect(result.workspace.id).toBe(t.owner.actor.workspaceId);
      const tables = await describeTables(t.services.database.db, t.services.database.capabilities.name);
      let compared = 0;
      for (const table of tables) {
        const policy = ARCHIVE_POLICY[table.name];
        if (!policy || policy.kind === 'skip') continue;
        const before = await rowsOf(t.services, table, t.owner.actor.workspaceId);
        const after = await rowsOf(target.services, table, null);
        // Secrets are not exported: the restore fills them anew (checked below), the rest is identical.
        const omit = policy.omit ?? [];
        const strip = (rows: Record<string, unknown>[]) =>
          rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !omit.includes(k))));
        expect(strip(after), table.name).toEqual(strip(before));
        if (table.name === 'users') {
          const hashes = after.map((u) => u['password_hash']);
          expect(hashes.filter((h) => h === NO_PASSWORD)).toHaveLength(after.length - 1);
          expect(hashes.filter((h) => String(h).startsWith('$argon2id$'))).toHaveLength(1);
        }
        if (table.name === 'satisfaction_requests') {
          // A link's hash is not exported: the restored one matches no token, so old links stay dead.
          expect(after.length).toBeGreaterThan(0);
          for (const r of after) expect(String(r['token_hash'])).toMatch(/^restored:/);
        }
        if (table.name === 'webhook_endpoints') {
          for (const [i, e] of after.entries()) {
            expect(String(e['secret'])).toMatch(/^whsec_/);
            expect(e['secret']).not.toBe(before[i]!['secret']);
          }
        }
        compared += before.length;
      }
      expect(compared).toBeGreaterThan(40);
      expect(Object.values(result.rows).reduce((n, r) => n + r, 0)).toBe(compared);

      // The restored install: the owner signs in with the new password, the member cannot yet;
      // the full-text indexes were rebuilt; the MG numbers go on where they stopped.
      const app = await buildApp(target.services);
      try {
        const owner = await signedInClient(app, t.owner.email, 'a fresh owner passphrase 42');
        const refused = await app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: 'avery@serenity-agency.example', password: 'temporary pass 123' },
        });
        expect(refused.statusCode).toBe(401);
        const found = await owner.request('GET', '/api/mistakes?q=kestrel');
        expect(found.body.items.map((m: { id: string }) => m.id)).toEqual([ids.mistake]);
        const lessons = await owner.request('GET', '/api/lessons?q=facts');
        expect(lessons.body.items.map((l: { id: string }) => l.id)).toEqual([ids.lesson]);
        const next = await owner.request('POST', '/api/mistakes', { clientId: ids.client, title: 'After the restore' });
        const numbers = (JSON.parse(strFromU8(unzipSync(zip)['json/mistakes.json']!)) as { number: number }[]).map(
          (m) => m.number,
        );
        expect(numbers.length).toBeGreaterThan(3);
        expect(next.body.ref).toBe(`MG-${Math.max(...numbers) + 1}`);
      } finally {
        await app.close();
      }
    } finally {
      await target.cleanup();
    }
  });

  it('restores into an embedded SQLite database from either database: exported again, every JSON file is the same', async () => {
    // On the PostgreSQL run this is the PostgreSQL → SQLite move; timestamps, bigints and flags
    // come out of both in the same form.
    const target = await createServices(
      { databaseUrl: undefined, dataDir: '/nonexistent' },
      { crypto: nodeCrypto({ fast: true }) },
      { sqliteFile: ':memory:' },
    );
    try {
      await restoreWorkspaceArchive(target, zip, { ownerPassword: 'a fresh owner passphrase 42' });
      const again = unzipSync((await exportToBytes(target, t.owner.actor.workspaceId)).bytes);
      const first = unzipSync(zip);
      const jsonFiles = Object.keys(first).filter((name) => name.startsWith('json/'));
      expect(jsonFiles.length).toBe(manifest.tables.length);
      for (const name of jsonFiles) expect(strFromU8(again[name]!), name).toBe(strFromU8(first[name]!));
    } finally {
      await target.close();
    }
  });

  it('refuses a non-empty install, and writes nothing there', async () => {
    await expect(restoreWorkspaceArchive(t.services, zip)).rejects.toThrow(/already has data/);
  });

  it('refuses a wrong format version, a corrupt zip, a damaged or invalid JSON file, and leaves the database empty', async () => {
    const target = await testServices();
    try {
      const files = unzipSync(zip);
      const withManifest = (change: (m: ArchiveManifest) => void, extra: Record<string, Uint8Array> = {}) => {
        const m = JSON.parse(strFromU8(files['manifest.json']!)) as ArchiveManifest;
        change(m);
        return zipSync({ ...files, ...extra, 'manifest.json': strToU8(JSON.stringify(m)) });
      };
      const attempts: [Uint8Array, RegExp][] = [
        [withManifest((m) => (m.formatVersion = 99)), /format version 99/],
        [strToU8('this is not a zip at all'), /not a readable zip/],
        [zip.slice(0, Math.floor(zip.length / 2)), /not a readable zip|no manifest/],
        [zipSync({ 'notes.txt': strToU8('hello') }), /no manifest\.json/],
        [
          zipSync({ ...files, 'manifest.json': strToU8('{"format": ') }),
          /manifest\.json in the archive is not valid JSON/,
        ],
        [zipSync({ ...files, 'json/clients.json': strToU8('[{"id": "changed"}]') }), /does not match the checksum/],
      ];
      // Invalid JSON with a matching checksum: the JSON parse names the file.
      const broken = strToU8('[{"id": ');
      const { createHash } = await import('node:crypto');
      attempts.push([
        withManifest(
          (m) => {
            const entry = m.tables.find((x) => x.name === 'clients')!;
            entry.sha256 = createHash('sha256').update(broken).digest('hex');
          },
          { 'json/clients.json': broken },
        ),
        /json\/clients\.json in the archive is not valid JSON/,
      ]);
      for (const [bytes, message] of attempts) {
        const error = await restoreWorkspaceArchive(target.services, bytes).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ArchiveError);
        expect((error as Error).message).toMatch(message);
      }
      // A row that breaks a reference late in the restore: the whole transaction rolls back.
      const hits = JSON.parse(strFromU8(files['json/lesson_hits.json']!)) as Record<string, unknown>[];
      const badHits = strToU8(
        JSON.stringify(hits.map((h) => ({ ...h, check_id: 'no-such-check', lesson_id: 'no-such-lesson' }))),
      );
      const late = withManifest(
        (m) => {
          const entry = m.tables.find((x) => x.name === 'lesson_hits')!;
          entry.sha256 = createHash('sha256').update(badHits).digest('hex');
        },
        { 'json/lesson_hits.json': badHits },
      );
      await expect(restoreWorkspaceArchive(target.services, late)).rejects.toThrow();
      expect(await isEmptyInstall(target.services.database.db)).toBe(true);
      const { rows } = await sql<{ n: unknown }>`select count(*) as n from clients`.execute(
        target.services.database.db,
      );
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await target.cleanup();
    }
  });
});
