import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, sequentialIds, type FakeClock } from '../../../test/clock.ts';
import { freshDatabase, testDialect } from '../../../test/database.ts';
import { makeWorkspace } from '../../../test/factories.ts';
import { createServices, type Services } from '../../bootstrap/index.ts';
import { nodeCrypto } from '../../bootstrap/system.ts';
import { perAccountRule, perAddressRule } from '../../domain/workspaces/sign-in-throttle.ts';
import type { DatabaseTarget } from '../../storage/database.ts';
import { buildApp } from '../app.ts';

// Sign-in throttle (issue 12 C/D): per address across accounts, per account across addresses, a
// growing delay, the same answers for known and unknown emails, and counters in the database that
// every instance on it shares. The clock is injected; nothing sleeps.

let dir: string;
let clock: FakeClock;
let target: DatabaseTarget;
let drop: () => Promise<void>;
const open: { services: Services; app: FastifyInstance }[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'makegood-throttle-'));
  clock = fakeClock('2026-03-02T09:00:00.000Z');
  const db =
    testDialect === 'sqlite'
      ? { target: { sqliteFile: join(dir, 'makegood.sqlite') }, drop: async () => {} }
      : await freshDatabase();
  target = db.target;
  drop = db.drop;
});
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.app.close();
    await o.services.close();
  }
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

/** One app instance on the shared database. */
async function instance(prefix: string): Promise<{ services: Services; app: FastifyInstance }> {
  const services = await createServices(
    { databaseUrl: undefined, dataDir: dir },
    { clock, ids: sequentialIds(prefix), crypto: nodeCrypto({ fast: true }) },
    target,
  );
  const app = await buildApp(services);
  const o = { services, app };
  open.push(o);
  return o;
}

function signIn(app: FastifyInstance, email: string, password: string, ip = '203.0.113.7') {
  return app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress: ip });
}

const code = (r: LightMyRequestResponse) => r.json<{ error?: { code: string } }>().error?.code;

/** What an attacker can compare between two answers: status, body without the request id, headers that matter. */
function observable(r: LightMyRequestResponse) {
  const body = r.json<{ error?: Record<string, unknown> }>();
  const { requestId: _id, ...error } = body.error ?? {};
  return {
    status: r.statusCode,
    error,
    retryAfter: r.headers['retry-after'],
    setCookie: r.headers['set-cookie'],
    contentType: r.headers['content-type'],
  };
}

describe('sign-in throttle', () => {
  it(`one address trying ${2 * perAddressRule.limit} different emails: ${perAddressRule.limit} × 401, then 429 with Retry-After`, async () => {
    const { app, services } = await instance('a');
    await makeWorkspace(services, 'Acme Studio');
    const answers: number[] = [];
    for (let i = 0; i < 2 * perAddressRule.limit; i++) {
      answers.push((await signIn(app, `person${i}@acme.example`, 'wrong password guess')).statusCode);
    }
    expect(answers.slice(0, perAddressRule.limit)).toEqual(Array.from({ length: perAddressRule.limit }, () => 401));
    expect(answers.slice(perAddressRule.limit)).toEqual(Array.from({ length: perAddressRule.limit }, () => 429));
    const refused = await signIn(app, 'yet-another@acme.example', 'wrong password guess');
    expect(code(refused)).toBe('rate_limited');
    expect(refused.headers['retry-after']).toBe('60');
    // Another address is not affected.
    expect((await signIn(app, 'person0@acme.example', 'wrong password guess', '198.51.100.9')).statusCode).toBe(401);
  });

  it('one account tried from many addresses: 429 after the per-account limit, even with the right password', async () => {
    const { app, services } = await instance('a');
    const { email, password } = await makeWorkspace(services, 'Acme Studio');
    for (let i = 0; i < perAccountRule.limit; i++) {
      expect((await signIn(app, email, `wrong guess ${i}`, `10.0.${i}.1`)).statusCode).toBe(401);
    }
    const next = await signIn(app, email.toUpperCase(), 'another wrong guess', '10.9.9.9');
    expect(next.statusCode).toBe(429);
    expect(next.headers['retry-after']).toBe('60');
    // While the account waits, its owner (from a fresh address) waits too: nothing is checked.
    expect((await signIn(app, email, password, '192.0.2.1')).statusCode).toBe(429);
    clock.advance(60_000);
    const ok = await signIn(app, email, password, '192.0.2.1');
    expect(ok.statusCode).toBe(200);
    // A success clears the account's counter: the next wrong password is a plain 401 again.
    expect((await signIn(app, email, 'wrong again', '10.0.0.1')).statusCode).toBe(401);
  });

  it('the delay grows: after each wait one attempt goes ahead, and the next waits twice as long', async () => {
    const { app, services } = await instance('a');
    const { email } = await makeWorkspace(services, 'Acme Studio');
    for (let i = 0; i < perAccountRule.limit; i++) await signIn(app, email, `wrong ${i}`, `10.1.${i}.1`);
    const waits: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await signIn(app, email, 'wrong again', '10.2.0.1');
      expect(r.statusCode).toBe(429);
      waits.push(String(r.headers['retry-after']));
      // Asking again before the wait is over neither lengthens it nor gets through.
      clock.advance(1000);
      const early = await signIn(app, email, 'wrong again', '10.2.0.2');
      expect([early.statusCode, Number(early.headers['retry-after'])]).toEqual([429, Number(waits.at(-1)) - 1]);
      clock.advance(Number(waits.at(-1)) * 1000 - 1000);
      // The wait is over: one attempt is checked (a wrong password: 401).
      expect((await signIn(app, email, 'wrong once more', '10.2.0.3')).statusCode).toBe(401);
    }
    expect(waits).toEqual(['60', '120', '240', '480']);
  });

  it('answers a known and an unknown email identically: 401 alike, then 429 alike', async () => {
    const { app, services } = await instance('a');
    const { email } = await makeWorkspace(services, 'Acme Studio');
    const unknown = 'nobody@acme.example';
    for (let i = 0; i < perAccountRule.limit; i++) {
      const known = await signIn(app, email, `wrong ${i}`, `10.3.${i}.1`);
      const stranger = await signIn(app, unknown, `wrong ${i}`, `10.4.${i}.1`);
      expect(observable(known)).toEqual(observable(stranger));
      expect(known.statusCode).toBe(401);
    }
    const known = await signIn(app, email, 'wrong', '10.5.0.1');
    const stranger = await signIn(app, unknown, 'wrong', '10.6.0.1');
    expect(known.statusCode).toBe(429);
    expect(observable(known)).toEqual(observable(stranger));
  });

  it('two app instances on one database share the counters (address and account)', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const { email } = await makeWorkspace(a.services, 'Acme Studio');
    // The per-address limit, split across both instances (alternating): no 2× allowance.
    const answers: number[] = [];
    for (let i = 0; i < perAddressRule.limit + 2; i++) {
      const app = i % 2 ? b.app : a.app;
      answers.push((await signIn(app, `person${i}@acme.example`, 'wrong guess', '203.0.113.50')).statusCode);
    }
    expect(answers.filter((s) => s === 401)).toHaveLength(perAddressRule.limit);
    expect(answers.slice(perAddressRule.limit)).toEqual([429, 429]);
    // The per-account limit, concurrently from both instances.
    const attempts = await Promise.all(
      Array.from({ length: perAccountRule.limit + 4 }, (_, i) =>
        signIn(i % 2 ? b.app : a.app, email, `wrong ${i}`, `10.7.${i}.1`),
      ),
    );
    const statuses = attempts.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(perAccountRule.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
  });

  it('the setup route limit (10 a minute per address) holds across two instances', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await (i % 2 ? b.app : a.app).inject({
        method: 'POST',
        url: '/api/setup',
        payload: { workspaceName: 'x' },
        remoteAddress: '203.0.113.80',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 400));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // A minute later (on the injected clock) the window has passed.
    clock.advance(60_000);
    const later = await b.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { workspaceName: 'x' },
      remoteAddress: '203.0.113.80',
    });
    expect(later.statusCode).toBe(400);
  });
});
