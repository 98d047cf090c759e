import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, sequentialIds, type FakeClock } from '../../../test/clock.ts';
import { freshDatabase } from '../../../test/database.ts';
import { makeWorkspace, signedInClient, type ApiClient } from '../../../test/factories.ts';
import { createServices, type Services } from '../../bootstrap/index.ts';
import { createScheduler } from '../../bootstrap/scheduler.ts';
import { nodeCrypto } from '../../bootstrap/system.ts';
import { createWebhookRuntime } from '../../bootstrap/webhooks.ts';
import type { WebhookRuntime } from '../../domain/webhooks/ports.ts';
import { buildApp } from '../app.ts';

// Webhooks end to end on a real receiver on 127.0.0.1: the operator setting allows loopback for
// these tests (WEBHOOK_ALLOW_PRIVATE=127.0.0.0/8,::1/128 and http), and a second app over the same
// database with the default setting proves every refusal.

/** One request the receiver got. */
interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
  url: string;
}

/** A webhook receiver: records every request and answers with `respond` (204 by default). */
class Receiver {
  hits: Hit[] = [];
  respond: (res: ServerResponse, hit: Hit) => void = (res) => res.writeHead(204).end();
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), url: req.url ?? '' };
      this.hits.push(hit);
      this.respond(res, hit);
    });
  });
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const loopbackAllowed = { allowPrivate: ['127.0.0.0/8', '::1/128'], allowHttp: true, timeoutMs: 5_000 };

let services: Services;
let drop: () => Promise<void>;
let clock: FakeClock;
let app: FastifyInstance;
let strictApp: FastifyInstance;
let api: ApiClient;
let strict: ApiClient;
let receiver: Receiver;
let owner: Awaited<ReturnType<typeof makeWorkspace>>;

beforeAll(async () => {
  const db = await freshDatabase();
  drop = db.drop;
  clock = fakeClock();
  services = await createServices(
    { databaseUrl: undefined, dataDir: '/nonexistent' },
    {
      clock,
      ids: sequentialIds(),
      crypto: nodeCrypto({ fast: true }),
      webhooks: createWebhookRuntime(loopbackAllowed),
    },
    db.target,
  );
  app = await buildApp(services);
  // The same database with the operator setting off (the default): https only, public addresses only.
  strictApp = await buildApp({ ...services, webhooks: createWebhookRuntime() });
  owner = await makeWorkspace(services, 'Hooked Studio');
  api = await signedInClient(app, owner.email, owner.password);
  strict = await signedInClient(strictApp, owner.email, owner.password);
  receiver = await new Receiver().start();
}, 60_000);

afterAll(async () => {
  await receiver.close();
  await strictApp.close();
  await app.close();
  await services.close();
  await drop();
});

beforeEach(async () => {
  receiver.hits = [];
  receiver.respond = (res) => res.writeHead(204).end();
  // Every test starts with no endpoints in the workspace.
  for (const e of (await api.request('GET', '/api/webhooks')).body.items as { id: string }[])
    await api.request('DELETE', `/api/webhooks/${e.id}`);
});

async function ok(method: string, url: string, body?: unknown, status = method === 'POST' ? 201 : 200, as = api) {
  const r = await as.request(method, url, body);
  if (r.status !== status) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function endpoint(events: string[], url = receiver.url, extra: Record<string, unknown> = {}) {
  return (await ok('POST', '/api/webhooks', { url, events, ...extra })) as {
    endpoint: { id: string; url: string; secretHint: string };
    secret: string;
  };
}

function runDue(runtime: WebhookRuntime = services.webhooks, claimant = 'test') {
  return createScheduler(services.deps, services.mailer, { webhooks: runtime, claimant }).runDue();
}

async function deliveries(endpointId: string) {
  return (await ok('GET', `/api/webhooks/${endpointId}/deliveries`)).items as {
    id: string;
    type: string;
    status: string;
    attempts: number;
    responseCode: number | null;
    lastError: string | null;
    durationMs: number | null;
    nextAttemptAt: string | null;
    body: string;
  }[];
}

let clients = 0;
async function client(name = `Client ${++clients}`) {
  return ok('POST', '/api/clients', { name, tier: 'key', value: { amountMinor: 1_000_000, currency: 'USD' } });
}
async function mistake(clientId: string, title = 'Wrong date on the flyer') {
  return ok('POST', '/api/mistakes', { clientId, title, category: 'wrong_fact', severity: 'major' });
}

function verify(secret: string, hit: Hit): Record<string, unknown> {
  const headers = {
    'webhook-id': String(hit.headers['webhook-id']),
    'webhook-timestamp': String(hit.headers['webhook-timestamp']),
    'webhook-signature': String(hit.headers['webhook-signature']),
  };
  return new Webhook(secret).verify(hit.body, headers) as Record<string, unknown>;
}

describe('registering an endpoint', () => {
  it('answers the Standard Webhooks secret once and never again', async () => {
    const created = await endpoint(['mistake.logged']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/u);
    const listed = JSON.stringify(await ok('GET', '/api/webhooks'));
    const one = JSON.stringify(await ok('GET', `/api/webhooks/${created.endpoint.id}`));
    expect(listed).not.toContain(created.secret);
    expect(one).not.toContain(created.secret);
    expect(created.endpoint.secretHint).toBe(`${created.secret.slice(0, 10)}…`);
  });

  it.each([
    ['not a URL', 'not a url'],
    ['an ftp URL', 'ftp://hooks.example.com/x'],
    ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data'],
    ['the IPv6 metadata address', 'https://[fd00:ec2::254]/latest'],
    ['a mapped metadata address', 'https://[::ffff:169.254.169.254]/'],
    ['a private address', 'https://10.1.2.3/hooks'],
    ['carrier-grade NAT', 'https://100.100.100.200/'],
    ['the unspecified address', 'https://0.0.0.0/'],
    ['a multicast address', 'https://224.0.0.1/'],
    ['a URL with credentials', 'https://user:pw@93.184.215.14/'],
  ])('refuses %s with 400 naming url, even with loopback allowed', async (_what, url) => {
    const r = await api.request('POST', '/api/webhooks', { url, events: ['mistake.logged'] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details.issues.map((i: { field: string }) => i.field).join(' ')).toMatch(/url/u);
  });

  it.each([
    ['loopback', 'https://127.0.0.1/hooks', /127\.0\.0\.1 \(loopback\)/u],
    ['IPv6 loopback', 'https://[::1]/hooks', /::1 \(loopback\)/u],
    ['a name that resolves to loopback', 'https://localhost/hooks', /loopback/u],
    ['a private range', 'https://192.168.1.10/hooks', /private/u],
    ['plain http', `http://93.184.215.14/hooks`, /must start with https/u],
  ])('with the operator setting off refuses %s (400 naming url)', async (_what, url, reason) => {
    const r = await strict.request('POST', '/api/webhooks', { url, events: ['mistake.logged'] });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('url');
    expect(r.body.error.message).toMatch(reason);
  });

  it('refuses no event, an unknown event and an unknown field (400 naming the field)', async () => {
    const none = await api.request('POST', '/api/webhooks', { url: receiver.url, events: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/events/u);
    const unknown = await api.request('POST', '/api/webhooks', { url: receiver.url, events: ['mistake.deleted'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/events/u);
    const extra = await api.request('POST', '/api/webhooks', {
      url: receiver.url,
      events: ['mistake.logged'],
      secret: 'x',
    });
    expect(extra.status).toBe(400);
  });

  it('checks a changed URL like a new one', async () => {
    const { endpoint: e } = await endpoint(['mistake.logged']);
    const r = await api.request('PATCH', `/api/webhooks/${e.id}`, { url: 'https://169.254.169.254/' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('url');
    const changed = await ok('PATCH', `/api/webhooks/${e.id}`, { enabled: false, events: ['lesson.written'] });
    expect(changed).toMatchObject({ enabled: false, events: ['lesson.written'], url: receiver.url });
  });

  it('is for owners and admins: a member and a viewer get 403', async () => {
    const { endpoint: e } = await endpoint(['mistake.logged']);
    for (const role of ['member', 'viewer'] as const) {
      const email = `${role}-${Math.random().toString(36).slice(2, 8)}@hooked.example`;
      await ok('POST', '/api/members', { name: `A ${role}`, email, password: 'correct horse battery', role });
      const them = await signedInClient(app, email, 'correct horse battery');
      expect((await them.request('GET', '/api/webhooks')).status).toBe(403);
      expect(
        (await them.request('POST', '/api/webhooks', { url: receiver.url, events: ['mistake.logged'] })).status,
      ).toBe(403);
      expect((await them.request('GET', `/api/webhooks/${e.id}/deliveries`)).status).toBe(403);
      expect((await them.request('POST', `/api/webhooks/${e.id}/test`)).status).toBe(403);
    }
  });

  it('records the change on the workspace timeline without the secret', async () => {
    const created = await endpoint(['mistake.logged']);
    const rotated = await ok('POST', `/api/webhooks/${created.endpoint.id}/rotate-secret`, undefined, 200);
    const events = await services.database.db
      .selectFrom('events')
      .select(['type', 'data', 'summary'])
      .where('workspace_id', '=', owner.actor.workspaceId)
      .where('type', 'like', 'webhook.%')
      .execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['webhook.added', 'webhook.secret_rotated']));
    const text = JSON.stringify(events);
    expect(text).not.toContain(created.secret);
    expect(text).not.toContain(rotated.secret);
  });
});

describe('an event becomes deliveries', () => {
  it('queues exactly one delivery per subscribed, enabled endpoint, in the transaction of the event', async () => {
    const first = await endpoint(['mistake.logged', 'lesson.written']);
    const second = await endpoint(['mistake.logged']);
    const elsewhere = await endpoint(['lesson.written']);
    const disabled = await endpoint(['mistake.logged'], receiver.url, { enabled: false });
    const c = await client();
    const m = await mistake(c.id, 'Misspelt the client name in the header');

    const a = await deliveries(first.endpoint.id);
    const b = await deliveries(second.endpoint.id);
    const none = await deliveries(elsewhere.endpoint.id);
    const off = await deliveries(disabled.endpoint.id);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(none).toHaveLength(0);
    expect(off).toHaveLength(0);
    expect(a[0]).toMatchObject({ type: 'mistake.logged', status: 'queued', attempts: 0 });
    expect(a[0]!.id).not.toBe(b[0]!.id);

    const tick = await runDue();
    expect(tick.webhooks).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(receiver.hits).toHaveLength(2);
    for (const [created, log] of [
      [first, a],
      [second, b],
    ] as const) {
      const hit = receiver.hits.find((h) => h.headers['webhook-id'] === log[0]!.id);
      expect(hit).toBeDefined();
      // The maintained verifier accepts it with this endpoint's secret…
      const payload = verify(created.secret, hit!);
      expect(payload).toMatchObject({
        id: log[0]!.id,
        type: 'mistake.logged',
        data: { mistake: { id: m.id, ref: m.ref, title: 'Misspelt the client name in the header', clientId: c.id } },
      });
      expect(typeof payload.timestamp).toBe('string');
      expect(hit!.headers['content-type']).toBe('application/json');
      // …and refuses it with the other endpoint's.
      const other = created === first ? second : first;
      expect(() => verify(other.secret, hit!)).toThrow();
    }
    expect((await deliveries(first.endpoint.id))[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseCode: 204,
    });
    // Nothing is due any more: a second tick sends nothing.
    expect((await runDue()).webhooks.delivered).toBe(0);
    expect(receiver.hits).toHaveLength(2);
  });

  it('sends acknowledgment, remedy, client at risk and lesson events without internal notes', async () => {
    const all = await endpoint([
      'acknowledgment.sent',
      'remedy.issued',
      'remedy.approved',
      'client.at_risk',
      'lesson.written',
      'commitment.missed',
    ]);
    const c = await client();
    const m = await ok('POST', '/api/mistakes', {
      clientId: c.id,
      title: 'Sent the proof to the wrong contact',
      category: 'wrong_fact',
      severity: 'major',
      impact: { amountMinor: 100_000, currency: 'USD' },
    });
    await ok('POST', `/api/mistakes/${m.id}/acknowledgments`, {
      channel: 'phone',
      recipient: 'Dana',
      note: 'INTERNAL-ACK-NOTE she was upset',
    });
    await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 500,
      currency: 'USD',
      note: 'INTERNAL-RATIONALE keep them sweet',
      idempotencyKey: `hook-remedy-${m.id}`,
    });
    // Above the cap: proposed (no webhook), then approved.
    const proposed = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'refund',
      amountMinor: 90_000,
      currency: 'USD',
      note: 'INTERNAL-RATIONALE-2 a big one',
      idempotencyKey: `hook-remedy-2-${m.id}`,
    });
    expect(proposed.entry.status).not.toBe('issued');
    await ok('POST', `/api/remedies/${proposed.entry.id}/approve`, { note: 'INTERNAL-APPROVAL-NOTE fine' }, 200);
    await ok(
      'PUT',
      `/api/mistakes/${m.id}/root-cause`,
      { whySteps: ['INTERNAL-WHY nobody checked the list'], category: 'process' },
      200,
    );
    await ok('POST', `/api/mistakes/${m.id}/lessons`, {
      title: 'Check the contact before sending',
      learned: 'Proofs go to the named contact on the card.',
    });
    await ok('PATCH', `/api/clients/${c.id}`, { status: 'at_risk' }, 200);
    // A status change to anything else is no at-risk event.
    await ok('PATCH', `/api/clients/${c.id}`, { status: 'active' }, 200);

    const log = await deliveries(all.endpoint.id);
    const types = log.map((d) => d.type).sort();
    expect(types).toEqual([
      'acknowledgment.sent',
      'client.at_risk',
      'lesson.written',
      'remedy.approved',
      'remedy.issued',
    ]);
    await runDue();
    expect(receiver.hits).toHaveLength(5);
    for (const hit of receiver.hits) {
      verify(all.secret, hit);
      expect(hit.body).not.toMatch(/INTERNAL-/u);
    }
    const byType = Object.fromEntries(
      receiver.hits.map((h) => {
        const p = JSON.parse(h.body) as { type: string; data: Record<string, Record<string, unknown>> };
        return [p.type, p.data];
      }),
    );
    expect(byType['acknowledgment.sent']!.acknowledgment).toMatchObject({ channel: 'phone', recipient: 'Dana' });
    expect(byType['acknowledgment.sent']!.acknowledgment).not.toHaveProperty('note');
    expect(byType['remedy.issued']!.remedy).toMatchObject({ kind: 'credit', amountMinor: 500, currency: 'USD' });
    expect(byType['remedy.issued']!.remedy).not.toHaveProperty('note');
    expect(byType['remedy.approved']!.remedy).toMatchObject({ kind: 'refund', amountMinor: 90_000 });
    expect(byType['remedy.approved']!.remedy!.approvedAt).toEqual(expect.any(String));
    expect(byType['client.at_risk']!.client).toMatchObject({ id: c.id, status: 'at_risk' });
    expect(byType['lesson.written']!.lesson).toMatchObject({ title: 'Check the contact before sending' });
  });

  it('sends commitment.missed from the scheduler tick that marks it, in that same tick', async () => {
    const e = await endpoint(['commitment.missed']);
    const c = await client();
    const dueAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const promise = await ok('POST', `/api/clients/${c.id}/commitments`, { title: 'Send the revised proof', dueAt });
    clock.advance(2 * 3_600_000);
    const tick = await runDue();
    expect(tick.missed).toBe(1);
    expect(tick.webhooks.delivered).toBe(1);
    const payload = verify(e.secret, receiver.hits[0]!) as { type: string; data: Record<string, any> };
    expect(payload.type).toBe('commitment.missed');
    expect(payload.data.commitment).toMatchObject({
      id: promise.id,
      title: 'Send the revised proof',
      status: 'missed',
    });
    expect(payload.data.loggedMistake).toMatchObject({ clientId: c.id });
  });

  it('sends a test ping to the endpoint', async () => {
    const e = await endpoint(['mistake.logged']);
    const ping = await ok('POST', `/api/webhooks/${e.endpoint.id}/test`);
    expect(ping).toMatchObject({ type: 'ping', status: 'queued' });
    await runDue();
    expect(receiver.hits).toHaveLength(1);
    expect(verify(e.secret, receiver.hits[0]!)).toMatchObject({ id: ping.id, type: 'ping' });
  });

  it('signs with the new secret after a rotation, and the old one no longer verifies', async () => {
    const e = await endpoint(['mistake.logged']);
    const rotated = await ok('POST', `/api/webhooks/${e.endpoint.id}/rotate-secret`, undefined, 200);
    expect(rotated.secret).not.toBe(e.secret);
    await ok('POST', `/api/webhooks/${e.endpoint.id}/test`);
    await runDue();
    expect(verify(rotated.secret, receiver.hits[0]!)).toMatchObject({ type: 'ping' });
    expect(() => verify(e.secret, receiver.hits[0]!)).toThrow();
  });
});

describe('sending', () => {
  it('retries a 500 with backoff and delivers on the next attempt, with the same id', async () => {
    const e = await endpoint(['mistake.logged']);
    let calls = 0;
    receiver.respond = (res) => {
      calls++;
      if (calls === 1) res.writeHead(500).end('database down');
      else res.writeHead(200).end('ok');
    };
    await mistake((await client()).id);
    const first = await runDue();
    expect(first.webhooks).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const [after] = await deliveries(e.endpoint.id);
    expect(after).toMatchObject({ status: 'queued', attempts: 1, responseCode: 500 });
    expect(after!.lastError).toMatch(/HTTP 500: database down/u);
    expect(after!.durationMs).toEqual(expect.any(Number));
    expect(after!.nextAttemptAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    // Not due yet: nothing is sent.
    expect((await runDue()).webhooks).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(receiver.hits).toHaveLength(1);
    clock.advance(60_000);
    expect((await runDue()).webhooks).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(receiver.hits).toHaveLength(2);
    expect(receiver.hits[1]!.headers['webhook-id']).toBe(receiver.hits[0]!.headers['webhook-id']);
    expect(receiver.hits[1]!.body).toBe(receiver.hits[0]!.body);
    expect((await deliveries(e.endpoint.id))[0]).toMatchObject({ status: 'delivered', attempts: 2, responseCode: 200 });
  });

  it('retries a 429 and gives up on another 4xx after fewer attempts', async () => {
    const e = await endpoint(['mistake.logged']);
    receiver.respond = (res) => res.writeHead(410).end('gone');
    await mistake((await client()).id);
    expect((await runDue()).webhooks.retried).toBe(1);
    clock.advance(60_000);
    expect((await runDue()).webhooks.failed).toBe(1);
    expect((await deliveries(e.endpoint.id))[0]).toMatchObject({ status: 'failed', attempts: 2, responseCode: 410 });

    receiver.respond = (res) => res.writeHead(429).end();
    await mistake((await client()).id);
    expect((await runDue()).webhooks.retried).toBe(1);
  });

  it('does not follow a redirect: the delivery fails with that reason and the target is never called', async () => {
    const target = await new Receiver().start();
    try {
      const e = await endpoint(['mistake.logged']);
      receiver.respond = (res) => res.writeHead(302, { location: target.url }).end();
      await mistake((await client()).id);
      expect((await runDue()).webhooks).toEqual({ delivered: 0, retried: 0, failed: 1 });
      const [log] = await deliveries(e.endpoint.id);
      expect(log).toMatchObject({ status: 'failed', responseCode: 302 });
      expect(log!.lastError).toMatch(/redirects are not followed/u);
      expect(target.hits).toHaveLength(0);
      // Fixed on the receiver's side: a failed delivery is resent with its id and delivered.
      receiver.respond = (res) => res.writeHead(200).end();
      await ok('POST', `/api/webhooks/${e.endpoint.id}/deliveries/${log!.id}/resend`, undefined, 200);
      expect((await runDue()).webhooks.delivered).toBe(1);
      expect(receiver.hits.map((h) => h.headers['webhook-id'])).toEqual([log!.id, log!.id]);
      expect((await deliveries(e.endpoint.id))[0]).toMatchObject({ id: log!.id, status: 'delivered', lastError: null });
    } finally {
      await target.close();
    }
  });

  it('resends a delivered delivery with the same id and body', async () => {
    const e = await endpoint(['mistake.logged']);
    await mistake((await client()).id);
    await runDue();
    const [delivered] = await deliveries(e.endpoint.id);
    expect(delivered!.status).toBe('delivered');
    const queued = await ok(
      'POST',
      `/api/webhooks/${e.endpoint.id}/deliveries/${delivered!.id}/resend`,
      undefined,
      200,
    );
    expect(queued).toMatchObject({ id: delivered!.id, status: 'queued', attempts: 0 });
    // A queued one cannot be resent again until it has gone.
    const pending = await api.request('POST', `/api/webhooks/${e.endpoint.id}/deliveries/${delivered!.id}/resend`);
    expect(pending.status).toBe(409);
    await runDue();
    expect(receiver.hits).toHaveLength(2);
    expect(receiver.hits[1]!.headers['webhook-id']).toBe(delivered!.id);
    expect(verify(e.secret, receiver.hits[1]!)).toMatchObject({ id: delivered!.id });
    expect(receiver.hits[1]!.body).toBe(receiver.hits[0]!.body);
    expect(await deliveries(e.endpoint.id)).toHaveLength(1);
  });

  it('two schedulers running at once deliver each delivery exactly once', async () => {
    const e = await endpoint(['mistake.logged']);
    const c = await client();
    for (let i = 0; i < 30; i++) await mistake(c.id, `Mistake ${i}`);
    const [one, two] = await Promise.all([runDue(services.webhooks, 'A'), runDue(services.webhooks, 'B')]);
    expect(one.webhooks.delivered + two.webhooks.delivered).toBe(30);
    expect(receiver.hits).toHaveLength(30);
    expect(new Set(receiver.hits.map((h) => h.headers['webhook-id'])).size).toBe(30);
    expect((await deliveries(e.endpoint.id)).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
  });

  it('answers requests while a backlog is being delivered, in bounded batches', async () => {
    const e = await endpoint(['mistake.logged']);
    const c = await client();
    for (let i = 0; i < 45; i++) await mistake(c.id, `Backlog ${i}`);
    let finished = false;
    const tick = runDue().then((r) => {
      finished = true;
      return r;
    });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(finished).toBe(false);
    expect((await tick).webhooks.delivered).toBe(45);
    expect(receiver.hits).toHaveLength(45);
    expect((await deliveries(e.endpoint.id)).filter((d) => d.status === 'delivered')).toHaveLength(45);
  });

  it('checks the address again at send time: refused with the operator setting off, never connected', async () => {
    const e = await endpoint(['mistake.logged']);
    await mistake((await client()).id);
    expect((await runDue(createWebhookRuntime())).webhooks).toEqual({ delivered: 0, retried: 0, failed: 1 });
    expect(receiver.hits).toHaveLength(0);
    expect((await deliveries(e.endpoint.id))[0]!.lastError).toMatch(/refused/u);
  });

  it('connects to the address it checked, with the URL host as Host, so a rebinding name cannot move it', async () => {
    // A name that was public at registration and resolves to loopback at send time is refused…
    let answer = '93.184.215.14';
    const rebinding = createWebhookRuntime({ allowHttp: true, resolve: () => Promise.resolve([answer]) });
    await rebinding.checkUrl(`http://hooks.rebind.test:${receiver.port}/hooks`);
    answer = '127.0.0.1';
    const refused = await rebinding.send({
      url: `http://hooks.rebind.test:${receiver.port}/hooks`,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_1',
      body: '{}',
    });
    expect(refused).toMatchObject({ ok: false, failure: 'final' });
    expect(receiver.hits).toHaveLength(0);
    // …and an allowed one is reached at exactly the resolved address, with the name in Host.
    const pinned = createWebhookRuntime({ ...loopbackAllowed, resolve: () => Promise.resolve(['127.0.0.1']) });
    const sent = await pinned.send({
      url: `http://hooks.pinned.test:${receiver.port}/hooks`,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_2',
      body: '{"a":1}',
    });
    expect(sent).toMatchObject({ ok: true, status: 204 });
    expect(receiver.hits[0]!.headers.host).toBe(`hooks.pinned.test:${receiver.port}`);
  });

  it('stops reading a huge response body: the status decides, without waiting for its end', async () => {
    // 128 KB and then nothing, the response never ends: reading it to the end would hit the timeout.
    receiver.respond = (res) => {
      res.on('error', () => {});
      res.writeHead(200);
      res.write('x'.repeat(131_072));
    };
    const outcome = await services.webhooks.send({
      url: receiver.url,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_big',
      body: '{}',
    });
    expect(outcome).toMatchObject({ ok: true, status: 200 });
  });

  it('gives up on an endpoint that does not answer within the timeout, and retries it', async () => {
    const slow = createWebhookRuntime({ ...loopbackAllowed, timeoutMs: 200 });
    receiver.respond = () => {};
    const outcome = await slow.send({
      url: receiver.url,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_3',
      body: '{}',
    });
    expect(outcome).toMatchObject({ ok: false, failure: 'retry', status: null });
    expect(outcome.ok === false && outcome.error).toMatch(/timed out/u);
  });
});

describe('ids from another workspace or endpoint', () => {
  it('answers 404 for an unknown endpoint or delivery', async () => {
    const e = await endpoint(['mistake.logged']);
    expect((await api.request('GET', '/api/webhooks/nope')).status).toBe(404);
    expect((await api.request('POST', `/api/webhooks/${e.endpoint.id}/deliveries/nope/resend`)).status).toBe(404);
    const other = await endpoint(['mistake.logged']);
    const ping = await ok('POST', `/api/webhooks/${other.endpoint.id}/test`);
    // A delivery of another endpoint is not this endpoint's.
    expect((await api.request('POST', `/api/webhooks/${e.endpoint.id}/deliveries/${ping.id}/resend`)).status).toBe(404);
    expect((await api.request('DELETE', `/api/webhooks/${e.endpoint.id}`)).status).toBe(204);
    expect((await api.request('GET', `/api/webhooks/${e.endpoint.id}`)).status).toBe(404);
  });
});
