import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDialect } from '../../test/database.ts';

// Issue 12 E: kill -9 during concurrent writes loses no acknowledged row. The real server
// (startServer, what `makegood serve` runs) runs in a child process; writers POST mistakes and
// remedies (with idempotency keys) concurrently; the child is killed with SIGKILL at a random
// moment, restarted on the same database, and every write that got a 2xx must be there. On SQLite
// (20 cycles) the file must pass PRAGMA integrity_check; on PostgreSQL (MAKEGOOD_TEST_DB=pg) 5 cycles.
//
// To keep 20 restarts within a minute, the next server processes are spawned while the current one
// is being written to: they load the code (the slow part of a start) and wait; once the current one
// is killed the next is told to start, and only then opens the database and listens.

const root = fileURLToPath(new URL('../..', import.meta.url));
const CYCLES = testDialect === 'sqlite' ? 20 : 5;
const WRITERS = 6;

/** A server process that has loaded the code and starts on "go". */
interface Standby {
  child: ChildProcess;
  ready: Promise<void>;
  /** Starts the server; resolves with its URL once it listens. */
  go(): Promise<string>;
  output(): string;
}

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

const childScript = `
const { loadConfig } = await import(${JSON.stringify(join(root, 'src/config/config.ts'))});
const { startServer } = await import(${JSON.stringify(join(root, 'src/server/main.ts'))});
process.stdout.write('ready\\n');
process.stdin.once('data', async () => {
  const server = await startServer(loadConfig());
  process.stdout.write('listening ' + server.url + '\\n');
});
`;

function standby(env: NodeJS.ProcessEnv): Standby {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', childScript], {
    cwd: root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let log = '';
  const waitFor = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = log.match(re);
        if (m) {
          child.stdout?.off('data', check);
          child.off('exit', exited);
          resolve(m);
        }
      };
      const exited = () => reject(new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${log}`));
      child.stdout?.on('data', check);
      child.once('exit', exited);
      check();
    });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const ready = waitFor(/^ready$/m).then(() => undefined);
  ready.catch(() => {});
  return {
    child,
    ready,
    output: () => log,
    go: async () => {
      await ready;
      child.stdin?.write('go\n');
      return (await waitFor(/^listening (\S+)$/m))[1]!;
    },
  };
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`kill -9 during concurrent writes (${testDialect}, ${CYCLES} cycles)`, () => {
  it('loses no acknowledged mistake or remedy, keeps one entry per idempotency key, and leaves the database intact', async () => {
    const started = Date.now();
    const dataDir = mkdtempSync(join(tmpdir(), 'makegood-durability-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MAKEGOOD_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SCHEDULER: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      TZ: 'UTC',
    };
    delete env['DATABASE_URL'];
    if (testDialect === 'postgres') {
      const fresh = await freshDatabase();
      cleanups.push(fresh.drop);
      if (!('postgresUrl' in fresh.target)) throw new Error('expected a PostgreSQL target');
      env['DATABASE_URL'] = fresh.target.postgresUrl;
    }

    // Standby processes loading the code ahead of the cycles that will need them.
    const AHEAD = 2;
    const queue: Standby[] = Array.from({ length: AHEAD }, () => standby(env));
    let current = standby(env);
    let url = await current.go();

    // First-run setup and one client, then the session is reused across restarts.
    const setup = await fetch(`${url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        workspaceName: 'Durable Studio',
        ownerName: 'Dana Reyes',
        email: 'dana@durable.example',
        password: 'correct horse battery staple',
        timezone: 'UTC',
      }),
    });
    expect(setup.status).toBe(201);
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${url}/api${path}`, {
        method,
        headers: {
          cookie,
          ...(method !== 'GET' && { 'x-csrf-token': csrfToken }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
    };
    const client = await call('POST', '/clients', { name: 'Serenity Spa', tier: 'standard' });
    expect(client.status).toBe(201);

    const ackedMistakes = new Set<string>();
    const ackedRemedies = new Map<string, string>(); // remedy id → mistake id
    /** Every remedy sent, by idempotency key: the body (to retry it unchanged) and whether it was answered 2xx. */
    const remedyAttempts = new Map<string, { mistakeId: string; body: Record<string, unknown>; acked: boolean }>();
    let failedRequests = 0;
    const unexpected: string[] = [];

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      if (cycle + AHEAD <= CYCLES) queue.push(standby(env)); // loads the code while cycles write
      let stop = false;
      let acksThisCycle = 0;
      const writer = async (w: number) => {
        for (let n = 0; !stop; n++) {
          try {
            const m = await call('POST', '/mistakes', {
              clientId: client.body.id,
              title: `Cycle ${cycle} writer ${w} number ${n}`,
              severity: 'minor',
              category: 'other',
            });
            if (m.status !== 201) {
              unexpected.push(`POST /mistakes → ${m.status} ${JSON.stringify(m.body)}`);
              continue;
            }
            ackedMistakes.add(m.body.id as string);
            acksThisCycle++;
            const key = `durability-${cycle}-${w}-${n}-${randomBytes(4).toString('hex')}`;
            const body = { kind: 'credit', amountMinor: 500 + n, currency: 'USD', idempotencyKey: key };
            remedyAttempts.set(key, { mistakeId: m.body.id as string, body, acked: false });
            const r = await call('POST', `/mistakes/${m.body.id}/remedies`, body);
            if (r.status !== 201) {
              unexpected.push(`POST remedies → ${r.status} ${JSON.stringify(r.body)}`);
              continue;
            }
            ackedRemedies.set(r.body.entry.id as string, m.body.id as string);
            remedyAttempts.get(key)!.acked = true;
            acksThisCycle++;
          } catch {
            failedRequests++; // the connection died with the server: not acknowledged
            await sleep(5);
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
      // Kill at a random moment once writes are flowing.
      while (acksThisCycle < 4) await sleep(5);
      await sleep(Math.floor(Math.random() * 400));
      await killHard(current.child);
      stop = true;
      await Promise.all(writers);
      current = queue.shift()!;
      url = await current.go();
    }
    expect(unexpected).toEqual([]);

    // Remedies sent but not answered: retried with the same key, they are taken once (201 if the
    // killed server never committed them, 200 with the committed entry if it did).
    let retriedCommitted = 0;
    let retriedNew = 0;
    for (const [, attempt] of remedyAttempts) {
      if (attempt.acked) continue;
      const r = await call('POST', `/mistakes/${attempt.mistakeId}/remedies`, attempt.body);
      if (r.status === 200) retriedCommitted++;
      else if (r.status === 201) retriedNew++;
      else unexpected.push(`retry → ${r.status} ${JSON.stringify(r.body)}`);
    }
    expect(unexpected).toEqual([]);

    // Every acknowledged row is there, and every remedy key has exactly one entry.
    let lostMistakes = 0;
    for (const id of ackedMistakes) if ((await call('GET', `/mistakes/${id}`)).status !== 200) lostMistakes++;
    let lostRemedies = 0;
    for (const [id] of ackedRemedies) if ((await call('GET', `/remedies/${id}`)).status !== 200) lostRemedies++;
    const entriesPerMistake = new Map<string, number>();
    for (const attempt of remedyAttempts.values()) {
      const list = await call('GET', `/remedies?mistakeId=${attempt.mistakeId}`);
      entriesPerMistake.set(attempt.mistakeId, (list.body.items as unknown[]).length);
    }
    const notOne = [...entriesPerMistake.values()].filter((n) => n !== 1).length;
    await killHard(current.child);

    let integrity = 'n/a (PostgreSQL)';
    if (testDialect === 'sqlite') {
      const file = new Sqlite(join(dataDir, 'makegood.sqlite'), { readonly: true });
      try {
        integrity = (file.pragma('integrity_check') as { integrity_check: string }[])
          .map((r) => r.integrity_check)
          .join('; ');
      } finally {
        file.close();
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `durability (${testDialect}): ${CYCLES} kill -9 cycles in ${seconds} s; ${ackedMistakes.size} mistakes and ${ackedRemedies.size} remedies acknowledged, ` +
        `lost ${lostMistakes} + ${lostRemedies}; ${failedRequests} requests cut off by the kill; unanswered remedies retried: ` +
        `${retriedCommitted} had been committed, ${retriedNew} had not; keys with ≠ 1 entry: ${notOne}; integrity_check: ${integrity}\n`,
    );
    expect(ackedMistakes.size).toBeGreaterThan(CYCLES * 4);
    expect(lostMistakes).toBe(0);
    expect(lostRemedies).toBe(0);
    expect(notOne).toBe(0);
    if (testDialect === 'sqlite') expect(integrity).toBe('ok');
  }, 240_000); // ~55 s alone on 2 cores; more beside the rest of the suite
});
