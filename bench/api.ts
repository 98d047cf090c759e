// `npm run bench:api [-- --json] [--mistakes-large=N] [--mistakes-small=N] [--duration=S] [--rounds=N] [--soak=S]`
//
// The API benchmark (issue 16, section E). Generates a SQLite workspace of 10,000 mistakes and one
// of 1,000,000 (bulk insert beside the app's own migrations and setup), starts the app on each, and
// the two floors (a bare Fastify hello; a bare route with one prepared SELECT + INSERT on the WAL
// database of the large workspace), each in its own process, then runs autocannon rounds (-c 50)
// interleaved — every target once per round, medians of the rounds. With PG_BENCH_URL (a
// PostgreSQL URL whose user may create databases) the small workspace is also loaded into a fresh
// PostgreSQL database for the by-id and write figures. Then the scheduler stall figure
// (bench/scheduler-stall.ts, on the large size) and the app's resident memory: idle, after the
// rounds, after a mixed soak. With --json the last line is one JSON object (see the issue).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createServices } from '../src/bootstrap/index.ts';
import { nodeCrypto, systemClock, timeOrderedIds } from '../src/bootstrap/system.ts';
import { createClient } from '../src/domain/clients/clients.ts';
import { createWorkspace } from '../src/domain/workspaces/workspaces.ts';
import type { DatabaseTarget } from '../src/storage/database.ts';

// autocannon ships no types: the part used here.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const args = process.argv.slice(2);
const json = args.includes('--json');
const opt = (name: string, fallback: number) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const SMALL = opt('mistakes-small', 10_000);
const LARGE = opt('mistakes-large', 1_000_000);
const DURATION = opt('duration', 4);
const ROUNDS = opt('rounds', 3);
const SOAK = opt('soak', 45);
const CONNECTIONS = opt('connections', 50);
const CLIENTS = 200;
const PASSWORD = 'correct horse battery staple';
const log = (line: string) => process.stderr.write(`${line}\n`);
const here = fileURLToPath(new URL('.', import.meta.url));

interface Dataset {
  label: string;
  size: number;
  target: string;
  email: string;
  /** A mistake in the middle of the set (by id), and its client. */
  mistakeId: string;
  /** Another mistake, the write floor's target (its events must not pile onto the timeline read). */
  floorMistakeId: string;
  clientId: string;
}

/** The app's migrations and setup, then mistakes and their events by bulk insert (50k rows per transaction). */
export async function buildSqlite(dir: string, label: string, size: number): Promise<Dataset> {
  const file = join(dir, `${label}.sqlite`);
  const email = `bench-${label}@example.com`;
  const services = await createServices(
    { databaseUrl: undefined, dataDir: dir },
    { clock: systemClock, ids: timeOrderedIds(), crypto: nodeCrypto({ fast: true }) },
    { sqliteFile: file, synchronous: 'normal' },
  );
  const { workspaceId, clientIds } = await seedWorkspace(services, email);
  await services.close();
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const insertMistake = raw.prepare(
    `insert into mistakes (id, workspace_id, number, client_id, title, description, category, severity,
      impact_minor, impact_currency, found_by, happened_at, found_at, stage, acknowledged_at, remedied_at,
      fixed_at, learned_at, verified_at, closed_at, owner_id, created_at, updated_at, update_anchor_at)
     values (?, ?, ?, ?, ?, ?, 'deliverable_quality', ?, 0, 'USD', 'us', null, ?, ?, ?, null, ?, null, null, null, null, ?, ?, null)`,
  );
  const insertEvent = raw.prepare(
    `insert into events (id, workspace_id, mistake_id, client_id, actor_id, actor_name, type, summary, data, at)
     values (?, ?, ?, ?, null, 'Bench', 'mistake.logged', ?, '{}', ?)`,
  );
  const rows = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = mistakeRow(i, size);
      const client = clientIds[i % clientIds.length]!;
      const fixed = r.severity !== 'minor' ? r.foundAt : null;
      insertMistake.run(
        r.id,
        workspaceId,
        i + 1,
        client,
        r.title,
        r.description,
        r.severity,
        r.foundAt,
        fixed ? 'fixed' : 'found',
        fixed,
        fixed,
        r.foundAt,
        r.foundAt,
      );
      insertEvent.run(`ev-${r.id}`, workspaceId, r.id, client, `MG-${i + 1} logged: ${r.title}`, r.foundAt);
    }
  };
  const many = raw.transaction(rows);
  for (let from = 0; from < size; from += 50_000) many(from, Math.min(size, from + 50_000));
  raw.prepare('insert or replace into mistake_counters (workspace_id, seq) values (?, ?)').run(workspaceId, size);
  // The list's full-text index, as the repository keeps it (bulk inserts bypass the repository).
  raw.exec(
    `insert into mistake_search (rowid, mistake_id, workspace_id, title, body)
     select rowid, id, workspace_id, title, coalesce(description, '') from mistakes`,
  );
  raw.exec('analyze');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const middle = Math.floor(size / 2);
  return {
    label,
    size,
    target: file,
    email,
    mistakeId: mistakeRow(middle, size).id,
    floorMistakeId: mistakeRow(middle + 1, size).id,
    clientId: clientIds[middle % CLIENTS]!,
  };
}

/** The same small workspace in a fresh PostgreSQL database (multi-row inserts). */
async function buildPostgres(adminUrl: string, size: number): Promise<{ dataset: Dataset; drop(): Promise<void> }> {
  const name = `makegood_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = url.toString();
  const email = 'bench-pg@example.com';
  const services = await createServices(
    { databaseUrl: target, dataDir: '/nonexistent' },
    { clock: systemClock, ids: timeOrderedIds(), crypto: nodeCrypto({ fast: true }) },
    { postgresUrl: target } satisfies DatabaseTarget,
  );
  const { workspaceId, clientIds } = await seedWorkspace(services, email);
  const db = services.database.db;
  for (let from = 0; from < size; from += 1000) {
    const mistakes = [];
    const events = [];
    for (let i = from; i < Math.min(size, from + 1000); i++) {
      const r = mistakeRow(i, size);
      const client = clientIds[i % clientIds.length]!;
      const fixed = r.severity !== 'minor' ? r.foundAt : null;
      mistakes.push({
        id: r.id,
        workspace_id: workspaceId,
        number: i + 1,
        client_id: client,
        title: r.title,
        description: r.description,
        category: 'deliverable_quality',
        severity: r.severity,
        impact_minor: 0,
        impact_currency: 'USD',
        found_by: 'us',
        happened_at: null,
        found_at: r.foundAt,
        stage: fixed ? 'fixed' : 'found',
        acknowledged_at: fixed,
        remedied_at: null,
        fixed_at: fixed,
        learned_at: null,
        verified_at: null,
        closed_at: null,
        owner_id: null,
        created_at: r.foundAt,
        updated_at: r.foundAt,
        update_anchor_at: null,
      });
      events.push({
        id: `ev-${r.id}`,
        workspace_id: workspaceId,
        mistake_id: r.id,
        client_id: client,
        actor_id: null,
        actor_name: 'Bench',
        type: 'mistake.logged',
        summary: `MG-${i + 1} logged: ${r.title}`,
        data: '{}',
        at: r.foundAt,
      });
    }
    await db.insertInto('mistakes').values(mistakes).execute();
    await db.insertInto('events').values(events).execute();
  }
  await db
    .insertInto('mistake_counters')
    .values({ workspace_id: workspaceId, seq: size })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ seq: size }))
    .execute();
  // The list's full-text index, as the repository keeps it (bulk inserts bypass the repository).
  await sql`insert into mistake_search (mistake_id, workspace_id, document)
    select id, workspace_id, setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')
    from mistakes`.execute(db);
  await services.close();
  const a = new pg.Client({ connectionString: target });
  await a.connect();
  await a.query('vacuum analyze');
  await a.end();
  const middle = Math.floor(size / 2);
  return {
    dataset: {
      label: 'pg-small',
      size,
      target,
      email,
      mistakeId: mistakeRow(middle, size).id,
      floorMistakeId: mistakeRow(middle + 1, size).id,
      clientId: clientIds[middle % CLIENTS]!,
    },
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function seedWorkspace(services: Awaited<ReturnType<typeof createServices>>, email: string) {
  const { workspaceId, userId } = await createWorkspace(services.deps, {
    workspaceName: 'Bench Studio',
    ownerName: 'Bench Owner',
    email,
    password: PASSWORD,
  });
  const actor = { workspaceId, userId, name: 'Bench Owner', role: 'owner' as const };
  const clientIds: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const c = await createClient(services.deps, actor, {
      name: `Client ${i}`,
      aliases: [],
      tier: 'standard',
      status: 'active',
      value: { amountMinor: 100_000, currency: 'USD' },
      ownerId: null,
    });
    clientIds.push(c.id);
  }
  return { workspaceId, clientIds };
}

const WORDS = [
  'invoice',
  'deadline',
  'brochure',
  'newsletter',
  'shortcode',
  'pricing',
  'contract',
  'delivery',
  'typo',
  'refund',
];
/** One generated mistake: a spread of found times over a year, one in ten titles says "invoice". */
function mistakeRow(i: number, size: number) {
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');
  const foundAt = new Date(t0 + Math.floor((i / size) * 330 * 86_400_000) + (i % 1000)).toISOString();
  return {
    id: `bench-${String(i).padStart(8, '0')}`,
    title: `Bench mistake ${i} ${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`,
    description: i % 3 === 0 ? `Generated description ${i}` : null,
    severity: (['minor', 'minor', 'major', 'critical'] as const)[i % 4]!,
    foundAt,
  };
}

interface Server {
  child: ChildProcess;
  url: string;
}

async function startServer(mode: 'app' | 'hello' | 'floor', target?: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'api-server.ts'), mode, ...(target ? [target] : [])],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  child.stdout.resume();
  return { child, url: `http://127.0.0.1:${port}` };
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface Session {
  headers: Record<string, string>;
}

async function signIn(server: Server, email: string): Promise<Session> {
  const r = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`sign-in ${r.status}: ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': csrfToken } };
}

interface Target {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}
interface Figure {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function round(t: Target): Promise<Figure> {
  const r = await autocannon({
    url: t.url,
    connections: CONNECTIONS,
    duration: DURATION,
    method: t.method ?? 'GET',
    headers: { ...(t.body ? { 'content-type': 'application/json' } : {}), ...t.headers },
    ...(t.body ? { body: t.body } : {}),
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx + r.errors,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'makegood-bench-api-'));
  const servers: Server[] = [];
  let dropPg: (() => Promise<void>) | undefined;
  try {
    log(`building ${SMALL.toLocaleString('en-US')} and ${LARGE.toLocaleString('en-US')} mistakes (SQLite)…`);
    const b0 = performance.now();
    const small = await buildSqlite(dir, 'small', SMALL);
    const large = await buildSqlite(dir, 'large', LARGE);
    log(`  built in ${Math.round((performance.now() - b0) / 1000)} s`);
    let pgSmall: Dataset | undefined;
    if (process.env.PG_BENCH_URL) {
      log(`building ${SMALL.toLocaleString('en-US')} mistakes (PostgreSQL)…`);
      const built = await buildPostgres(process.env.PG_BENCH_URL, SMALL);
      pgSmall = built.dataset;
      dropPg = built.drop;
    }

    const hello = await startServer('hello');
    const floor = await startServer('floor', large.target);
    const appSmall = await startServer('app', small.target);
    const appLarge = await startServer('app', large.target);
    const appPg = pgSmall ? await startServer('app', pgSmall.target) : undefined;
    servers.push(hello, floor, appSmall, appLarge, ...(appPg ? [appPg] : []));
    const sSmall = await signIn(appSmall, small.email);
    const sLarge = await signIn(appLarge, large.email);
    const sPg = appPg && pgSmall ? await signIn(appPg, pgSmall.email) : undefined;
    // Idle memory: up, signed in, one warm-up request of each kind below.
    const post = (d: Dataset) => JSON.stringify({ clientId: d.clientId, title: 'Bench write', severity: 'minor' });
    const reads = (label: string, server: Server, s: Session, d: Dataset): Target[] => [
      { name: `byId ${label}`, url: `${server.url}/api/mistakes/${d.mistakeId}`, headers: s.headers },
      { name: `list ${label}`, url: `${server.url}/api/mistakes?limit=50`, headers: s.headers },
      { name: `search ${label}`, url: `${server.url}/api/mistakes?limit=50&q=invoice`, headers: s.headers },
      { name: `clientTimeline ${label}`, url: `${server.url}/api/clients/${d.clientId}/timeline`, headers: s.headers },
      {
        name: `mistakeTimeline ${label}`,
        url: `${server.url}/api/mistakes/${d.mistakeId}/timeline`,
        headers: s.headers,
      },
    ];
    const targets: Target[] = [
      { name: 'hello floor', url: `${hello.url}/` },
      ...reads('10k', appSmall, sSmall, small),
      ...reads('1M', appLarge, sLarge, large),
      {
        name: 'post floor',
        url: `${floor.url}/floor`,
        method: 'POST',
        body: JSON.stringify({ id: large.floorMistakeId, title: 'Bench write' }),
      },
      {
        name: 'post 10k',
        url: `${appSmall.url}/api/mistakes`,
        method: 'POST',
        headers: sSmall.headers,
        body: post(small),
      },
      {
        name: 'post 1M',
        url: `${appLarge.url}/api/mistakes`,
        method: 'POST',
        headers: sLarge.headers,
        body: post(large),
      },
      ...(appPg && sPg && pgSmall
        ? [
            { name: 'byId pg', url: `${appPg.url}/api/mistakes/${pgSmall.mistakeId}`, headers: sPg.headers },
            {
              name: 'post pg',
              url: `${appPg.url}/api/mistakes`,
              method: 'POST' as const,
              headers: sPg.headers,
              body: post(pgSmall),
            },
          ]
        : []),
    ];
    for (const t of targets) {
      const r = await fetch(t.url, {
        method: t.method ?? 'GET',
        headers: { ...(t.body ? { 'content-type': 'application/json' } : {}), ...t.headers },
        ...(t.body ? { body: t.body } : {}),
      });
      if (r.status >= 300) throw new Error(`${t.name}: ${r.status} ${(await r.text()).slice(0, 200)}`);
    }
    const idleMb = rssMb(appLarge.child);

    const figures = new Map<string, Figure[]>();
    for (let i = 0; i < ROUNDS; i++) {
      log(`round ${i + 1} of ${ROUNDS} (${targets.length} targets × ${DURATION} s)…`);
      for (const t of targets) {
        const f = await round(t);
        figures.set(t.name, [...(figures.get(t.name) ?? []), f]);
      }
    }
    const afterLoadMb = rssMb(appLarge.child);
    const med = (name: string): Figure => {
      const fs = figures.get(name) ?? [];
      return {
        rps: median(fs.map((f) => f.rps)),
        p50: median(fs.map((f) => f.p50)),
        p99: median(fs.map((f) => f.p99)),
        max: Math.max(...fs.map((f) => f.max)),
        non2xx: fs.reduce((n, f) => n + f.non2xx, 0),
      };
    };

    // Soak: mixed reads and writes on the large app, then memory again.
    log(`soak ${SOAK} s on the 1M app…`);
    const soakTargets = targets.filter((t) => t.url.startsWith(appLarge.url));
    const soakEnd = performance.now() + SOAK * 1000;
    for (let i = 0; performance.now() < soakEnd; i++) {
      const t = soakTargets[i % soakTargets.length]!;
      await autocannon({
        url: t.url,
        connections: 20,
        duration: Math.min(3, Math.max(1, (soakEnd - performance.now()) / 1000)),
        method: t.method ?? 'GET',
        headers: { ...(t.body ? { 'content-type': 'application/json' } : {}), ...t.headers },
        ...(t.body ? { body: t.body } : {}),
      });
    }
    await new Promise((r) => setTimeout(r, 2000));
    const afterSoakMb = rssMb(appLarge.child);
    for (const s of servers) s.child.kill('SIGTERM');
    servers.length = 0;

    log(`scheduler stall on ${LARGE.toLocaleString('en-US')} mistakes…`);
    const { schedulerStall } = await import('./scheduler-stall.ts');
    const stall = await schedulerStall(LARGE);

    const helloF = med('hello floor');
    const postFloor = med('post floor');
    const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
    // Latency ratio large/small (p50; autocannon reports whole ms, so a 0 ms p50 counts as 0.5 ms).
    const scale = (name: string) => {
      const a = med(`${name} 1M`);
      const b = med(`${name} 10k`);
      if (a.rps === 0 || b.rps === 0) return null;
      return ratio(a.p50 || 0.5, b.p50 || 0.5);
    };
    const rows: [string, Figure, string][] = [];
    for (const t of targets) {
      const f = med(t.name);
      const vs =
        t.name === 'hello floor' || t.name === 'post floor'
          ? 'floor'
          : t.method === 'POST'
            ? `${Math.round((f.rps / postFloor.rps) * 1000) / 10}% of post floor`
            : `${Math.round((f.rps / helloF.rps) * 1000) / 10}% of hello`;
      rows.push([t.name, f, vs]);
    }
    const pad = (s: string, n: number) => s.padEnd(n);
    const lines = [
      `API benchmark: "10k" = ${SMALL.toLocaleString('en-US')}, "1M" = ${LARGE.toLocaleString('en-US')} mistakes, ${CLIENTS} clients, -c ${CONNECTIONS}, ${ROUNDS} interleaved rounds of ${DURATION} s (medians)`,
      `${pad('target', 22)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('non-2xx', 9)}vs floor`,
      ...rows.map(
        ([n, f, vs]) =>
          `${pad(n, 22)}${pad(String(Math.round(f.rps)), 10)}${pad(String(f.p50), 9)}${pad(String(f.p99), 9)}${pad(String(f.max), 9)}${pad(String(f.non2xx), 9)}${vs}`,
      ),
      `1M / 10k p50: byId ${scale('byId')}×, list ${scale('list')}×, search ${scale('search')}×, client timeline ${scale('clientTimeline')}×, mistake timeline ${scale('mistakeTimeline')}×`,
      `scheduler: max stall ${stall.maxStallMs} ms (idle noise ${stall.idleMaxStallMs} ms; backlog tick ${stall.backlogTickMs} ms, steady ${stall.steadyTickMs} ms)`,
      `memory (1M app, RSS): idle ${idleMb} MB, after the rounds ${afterLoadMb} MB, after a ${SOAK} s soak ${afterSoakMb} MB`,
      `total ${Math.round((performance.now() - started) / 1000)} s`,
    ];
    const result = {
      sizes: { small: SMALL, large: LARGE },
      sqlite: {
        readByIdVsHello: ratio(med('byId 10k').rps, helloF.rps),
        readByIdP99Ms: med('byId 10k').p99,
        postVsFloor: ratio(med('post 10k').rps, postFloor.rps),
        postP99Ms: med('post 10k').p99,
        scale1mVs10k: {
          byId: scale('byId'),
          list: scale('list'),
          search: scale('search'),
          clientTimeline: scale('clientTimeline'),
          mistakeTimeline: scale('mistakeTimeline'),
        },
        schedulerMaxStallMs: stall.maxStallMs,
      },
      postgres: appPg
        ? {
            readByIdVsHello: ratio(med('byId pg').rps, helloF.rps),
            readByIdP99Ms: med('byId pg').p99,
            postVsSqliteFloor: ratio(med('post pg').rps, postFloor.rps),
            postP99Ms: med('post pg').p99,
          }
        : null,
      memory: { idleMb, afterLoadMb, afterSoakMb },
      figures: Object.fromEntries(targets.map((t) => [t.name, med(t.name)])),
    };
    process.stdout.write(`${lines.join('\n')}\n`);
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await dropPg?.().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
