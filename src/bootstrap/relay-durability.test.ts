import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { composeRaw, relayWorkspace, selfSignedCert, startUpstream, submissionClient } from '../../test/relay.ts';
import { loadConfig } from '../config/config.ts';
import { createServices, databaseTarget } from './index.ts';

// Issue 15 D: kill -9 between accept and relay. The relay (what `makegood relay` runs) is a child
// process whose upstream accepts TCP connections and never greets, so an accepted message is stuck
// mid-relay; on the first upstream connection, with writers still submitting, it is killed with SIGKILL. A new relay
// on the same database, now with a working upstream, delivers each accepted message exactly once
// (after the dead relay's claim — 2 s here — runs out). SQLite and PostgreSQL.

const root = fileURLToPath(new URL('../..', import.meta.url));
const WRITERS = 4;
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

const childScript = `
const { loadConfig } = await import(${JSON.stringify(join(root, 'src/config/config.ts'))});
const { startRelay } = await import(${JSON.stringify(join(root, 'src/bootstrap/relay.ts'))});
const relay = await startRelay(loadConfig(), { pollMs: 300 });
process.stdout.write('listening ' + relay.port + '\\n');
`;

function spawnRelay(env: NodeJS.ProcessEnv): { child: ChildProcess; port: Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', childScript], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let log = '';
  const port = new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /listening (\d+)/u.exec(log);
      if (m) resolve(Number(m[1]));
    });
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', () => reject(new Error(`relay exited (${child.exitCode ?? child.signalCode}):\n${log}`)));
  });
  port.catch(() => {});
  return { child, port };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`kill -9 between accept and relay (${testDialect})`, () => {
  it('delivers every accepted message exactly once after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'makegood-relay-durability-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const tls = selfSignedCert();
    cleanups.push(() => tls.cleanup());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MAKEGOOD_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      RELAY_PORT: '0',
      RELAY_TLS_KEY: tls.keyPath,
      RELAY_TLS_CERT: tls.certPath,
      RELAY_CLAIM_SECONDS: '2',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      TZ: 'UTC',
    };
    delete env['DATABASE_URL'];
    delete env['SMTP_URL'];
    if (testDialect === 'postgres') {
      const fresh = await freshDatabase();
      cleanups.push(fresh.drop);
      if (!('postgresUrl' in fresh.target)) throw new Error('expected a PostgreSQL target');
      env['DATABASE_URL'] = fresh.target.postgresUrl;
    }

    // The workspace, its client's contact and a token, written to the database the relays use.
    const config = loadConfig(env);
    const setup = await createServices(config, {}, databaseTarget(config));
    const owner = await makeWorkspace(setup, 'Durable Studio');
    const { token } = await relayWorkspace(setup, owner.actor);
    await setup.close();

    // An upstream that takes the connection and never says hello: the relay is stuck mid-relay.
    const sockets: Socket[] = [];
    let connected!: () => void;
    const firstConnection = new Promise<void>((resolve) => (connected = resolve));
    const blackHole = createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          blackHole.close(() => resolve());
        }),
    );
    const blackHolePort = (blackHole.address() as { port: number }).port;

    const first = spawnRelay({ ...env, RELAY_UPSTREAM_URL: `smtp://127.0.0.1:${blackHolePort}` });
    const firstPort = await first.port;
    // Writers submit until the relay dies; it is killed as soon as it first reaches for the upstream,
    // with the messages it has acknowledged (250) still in its queue or mid-relay.
    const acked: string[] = [];
    const attempted: string[] = [];
    let killed = false;
    const writer = async (w: number) => {
      const transport = submissionClient(firstPort, token, tls.cert);
      for (let n = 0; !killed && n < 50; n++) {
        const raw = await composeRaw({
          from: 'dana@studio.example',
          to: 'jane@lumen.example',
          subject: `Report ${w}-${n}`,
          text: `Dear Ms. Lee,\r\n\r\nReport ${w}-${n} is ready.\r\n`,
        });
        attempted.push(raw.toString('latin1'));
        try {
          const info = await transport.sendMail({
            envelope: { from: 'dana@studio.example', to: ['jane@lumen.example'] },
            raw,
          });
          if (/^250 /u.test(info.response)) acked.push(raw.toString('latin1'));
        } catch {
          break; // the relay died under this submission: not acknowledged
        }
      }
      transport.close();
    };
    const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await firstConnection;
    const exited = new Promise<void>((resolve) => first.child.once('exit', () => resolve()));
    first.child.kill('SIGKILL');
    killed = true;
    await exited;
    await writing;
    expect(acked.length).toBeGreaterThan(0);

    const upstream = await startUpstream();
    cleanups.push(() => upstream.close());
    const second = spawnRelay({ ...env, RELAY_UPSTREAM_URL: `smtp://127.0.0.1:${upstream.port}` });
    await second.port;
    const check = await createServices(config, {}, databaseTarget(config));
    cleanups.push(() => check.close());
    // Every committed row (each acknowledged message, perhaps one whose 250 was lost with the relay) relayed.
    let rows: Awaited<ReturnType<typeof check.deps.store.relay.list>> = [];
    await until(async () => {
      rows = await check.deps.store.relay.list(owner.actor.workspaceId, { limit: 500 });
      return rows.length >= acked.length && rows.every((r) => r.status === 'relayed');
    }, 'every accepted message relayed');
    const received = upstream.received.map((m) => m.raw.toString('latin1'));
    // Each acknowledged message arrived, none twice, and nothing arrived that was not submitted.
    for (const message of acked) expect(received.filter((r) => r === message)).toHaveLength(1);
    expect(new Set(received).size).toBe(received.length);
    expect(received.length).toBe(rows.length);
    for (const message of received) expect(attempted).toContain(message);
    second.child.kill('SIGKILL');
  }, 120_000);
});
