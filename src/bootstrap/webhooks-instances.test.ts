import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, sequentialIds } from '../../test/clock.ts';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { createClient } from '../domain/clients/clients.ts';
import { logMistake } from '../domain/mistakes/mistakes.ts';
import { createWebhook } from '../domain/webhooks/webhooks.ts';
import type { DatabaseTarget } from '../storage/database.ts';
import { createServices, type Services } from './index.ts';
import { createScheduler } from './scheduler.ts';
import { nodeCrypto } from './system.ts';
import { createWebhookRuntime } from './webhooks.ts';

// Two app instances on one database (a SQLite file, or one PostgreSQL database), each with its own
// scheduler: every webhook delivery reaches the receiver exactly once, verified by standardwebhooks.

const runtime = () => createWebhookRuntime({ allowPrivate: ['127.0.0.0/8'], allowHttp: true, timeoutMs: 5_000 });

let dir: string;
let target: DatabaseTarget;
let drop: () => Promise<void>;
const open: Services[] = [];
let server: Server;
const hits: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'makegood-webhooks-'));
  if (testDialect === 'sqlite') {
    target = { sqliteFile: join(dir, 'makegood.sqlite') };
    drop = async () => {};
  } else {
    const db = await freshDatabase();
    target = db.target;
    drop = db.drop;
  }
  hits.length = 0;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('webhooks across app instances', () => {
  it(`two instances deliver each webhook exactly once (${testDialect === 'postgres' ? 'concurrently' : 'one writer: interleaved'})`, async () => {
    const clock = fakeClock();
    // One after the other: the second finds the database migrated.
    const start = (prefix: string) =>
      createServices(
        { databaseUrl: undefined, dataDir: dir },
        { clock, ids: sequentialIds(prefix), crypto: nodeCrypto({ fast: true }), webhooks: runtime() },
        target,
      );
    const a = await start('a');
    open.push(a);
    const b = await start('b');
    open.push(b);
    const { actor } = await makeWorkspace(a, 'Twin Studio');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const { secret } = await createWebhook(a.deps, a.webhooks, actor, {
      url,
      description: '',
      events: ['mistake.logged'],
      enabled: true,
    });
    const client = await createClient(b.deps, actor, {
      name: 'Serenity Day Spas',
      aliases: [],
      tier: 'key',
      status: 'active',
      value: { amountMinor: 100_000, currency: 'USD' },
      ownerId: null,
    });
    // Logged on both instances: each queues its own deliveries in its own transactions.
    for (let i = 0; i < 40; i++) {
      await logMistake((i % 2 === 0 ? a : b).deps, actor, {
        clientId: client.id,
        title: `Mistake ${i}`,
        description: null,
        category: 'wrong_fact',
        severity: 'major',
        foundBy: 'us',
        happenedAt: null,
        ownerId: null,
      });
    }
    const schedulerA = createScheduler(a.deps, a.mailer, { claimant: 'A', webhooks: a.webhooks });
    const schedulerB = createScheduler(b.deps, b.mailer, { claimant: 'B', webhooks: b.webhooks });
    const ticks =
      testDialect === 'postgres'
        ? await Promise.all([schedulerA.runDue(), schedulerB.runDue()])
        : [await schedulerA.runDue(), await schedulerB.runDue()];
    expect(ticks.flatMap((t) => t.errors)).toEqual([]);
    expect(ticks.reduce((n, t) => n + t.webhooks.delivered, 0)).toBe(40);
    expect(hits).toHaveLength(40);
    expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(40);
    const titles = hits.map((h) => {
      const payload = new Webhook(secret).verify(h.body, {
        'webhook-id': String(h.headers['webhook-id']),
        'webhook-timestamp': String(h.headers['webhook-timestamp']),
        'webhook-signature': String(h.headers['webhook-signature']),
      }) as { data: { mistake: { title: string } } };
      return payload.data.mistake.title;
    });
    expect(new Set(titles).size).toBe(40);
    // Nothing left for either instance.
    expect((await schedulerA.runDue()).webhooks.delivered + (await schedulerB.runDue()).webhooks.delivered).toBe(0);
  });
});
