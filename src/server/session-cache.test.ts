import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../bootstrap/index.ts';
import { nodeCrypto } from '../bootstrap/system.ts';
import type { DatabaseTarget } from '../storage/database.ts';
import { SESSION_CACHE_TTL_MS } from '../storage/repositories/sessions.ts';
import { fakeClock, sequentialIds, type FakeClock } from '../../test/clock.ts';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { makeWorkspace, signedInClient, type ApiClient } from '../../test/factories.ts';
import { buildApp } from './app.ts';

// Sessions are resolved in one query and cached per instance for SESSION_CACHE_TTL_MS. Sign-out,
// removal and role change take effect at once on the instance that made them, and on another
// instance over the same database within the TTL (the clock is injected and shared).

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sharedTarget(): Promise<DatabaseTarget> {
  if (testDialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'makegood-sessions-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return { sqliteFile: join(dir, 'makegood.sqlite') };
  }
  const { target, drop } = await freshDatabase();
  cleanups.push(drop);
  return target;
}

async function instance(target: DatabaseTarget, clock: FakeClock, prefix: string) {
  const services: Services = await createServices(
    { databaseUrl: undefined, dataDir: '/nonexistent' },
    { clock, ids: sequentialIds(prefix), crypto: nodeCrypto({ fast: true }) },
    target,
  );
  const app: FastifyInstance = await buildApp(services);
  cleanups.push(async () => {
    await app.close();
    await services.close();
  });
  return { services, app };
}

/** The same session (cookie and CSRF token) sent to another instance. */
function on(app: FastifyInstance, client: ApiClient): ApiClient {
  return {
    ...client,
    async request(method, url, body) {
      const r = await app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
        ...(body !== undefined && { payload: body as object }),
      });
      return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null, headers: r.headers };
    },
  };
}

async function setup() {
  const clock = fakeClock();
  const target = await sharedTarget();
  const a = await instance(target, clock, 'a');
  const b = await instance(target, clock, 'b');
  const owner = await makeWorkspace(a.services, 'Acme');
  const ownerApi = await signedInClient(a.app, owner.email, owner.password);
  const email = `jo-${Math.random().toString(36).slice(2, 8)}@acme.example`;
  const password = 'temporary pass 123';
  const added = await ownerApi.request('POST', '/api/members', { name: 'Jo', email, password, role: 'member' });
  expect(added.status).toBe(201);
  const jo = await signedInClient(a.app, email, password);
  return { clock, a, b, ownerApi, jo, joOnB: on(b.app, jo), joId: added.body.id as string };
}

describe('session cache', () => {
  it('resolves the session in one query and serves repeats from the cache', async () => {
    const { a, jo } = await setup();
    const queries: string[] = [];
    const original = a.services.database.db.getExecutor();
    const spy = original.executeQuery.bind(original);
    original.executeQuery = ((compiled: { sql: string }, ...rest: unknown[]) => {
      queries.push(compiled.sql);
      return (spy as (...args: unknown[]) => unknown)(compiled, ...rest);
    }) as typeof original.executeQuery;
    // The cache was filled at sign-in on this instance.
    expect((await jo.request('GET', '/api/session')).status).toBe(200);
    expect(queries.filter((q) => /from "sessions"/.test(q))).toHaveLength(0);
    // A fresh lookup after the TTL is a single joined query.
    queries.length = 0;
    const session = await a.services.deps.store.sessions.resolve('unknown', a.services.deps.clock.now());
    expect(session).toBeNull();
    expect(queries.filter((q) => /from "sessions"/.test(q))).toHaveLength(1);
    expect(queries[0]).toMatch(/join "users".*join "workspaces".*join "memberships"/s);
  });

  it('sign-out takes effect at once here and within the TTL on another instance', async () => {
    const { clock, a, jo, joOnB } = await setup();
    expect((await joOnB.request('GET', '/api/session')).status).toBe(200); // cached on B
    expect((await jo.request('DELETE', '/api/session')).status).toBeLessThan(300);
    expect((await on(a.app, jo).request('GET', '/api/mistakes')).status).toBe(401);
    // B may still answer from its entry, but no longer than the TTL.
    clock.advance(SESSION_CACHE_TTL_MS);
    expect((await joOnB.request('GET', '/api/mistakes')).status).toBe(401);
  });

  it('removal takes effect at once here and within the TTL on another instance', async () => {
    const { clock, ownerApi, jo, joOnB, joId } = await setup();
    expect((await jo.request('GET', '/api/mistakes')).status).toBe(200);
    expect((await joOnB.request('GET', '/api/mistakes')).status).toBe(200);
    expect((await ownerApi.request('DELETE', `/api/members/${joId}`)).status).toBe(204);
    expect((await jo.request('GET', '/api/mistakes')).status).toBe(401);
    clock.advance(SESSION_CACHE_TTL_MS - 1);
    const stale = await joOnB.request('GET', '/api/mistakes');
    expect([200, 401]).toContain(stale.status); // still within the TTL: either is allowed
    clock.advance(1);
    expect((await joOnB.request('GET', '/api/mistakes')).status).toBe(401);
  });

  it('a role change takes effect at once here and within the TTL on another instance', async () => {
    const { clock, ownerApi, jo, joOnB, joId } = await setup();
    expect((await jo.request('GET', '/api/session')).body.role).toBe('member');
    expect((await joOnB.request('GET', '/api/session')).body.role).toBe('member');
    expect((await ownerApi.request('PATCH', `/api/members/${joId}`, { role: 'viewer' })).status).toBe(200);
    expect((await jo.request('GET', '/api/session')).body.role).toBe('viewer');
    clock.advance(SESSION_CACHE_TTL_MS);
    expect((await joOnB.request('GET', '/api/session')).body.role).toBe('viewer');
  });

  it('an API token is resolved in one query by its hash; its revocation applies at once here and within the TTL there', async () => {
    const { clock, a, b, jo } = await setup();
    const created = await jo.request('POST', '/api/tokens', { name: 'CI', scope: 'read' });
    expect(created.status).toBe(201);
    const headers = { authorization: `Bearer ${created.body.token as string}` };
    const queries: string[] = [];
    const original = a.services.database.db.getExecutor();
    const spy = original.executeQuery.bind(original);
    original.executeQuery = ((compiled: { sql: string }, ...rest: unknown[]) => {
      queries.push(compiled.sql);
      return (spy as (...args: unknown[]) => unknown)(compiled, ...rest);
    }) as typeof original.executeQuery;
    expect((await a.app.inject({ url: '/api/session', headers })).statusCode).toBe(200);
    const lookups = queries.filter((q) => /from "api_tokens"/.test(q));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatch(/join "users".*join "workspaces".*join "memberships".*"token_hash" = /s);
    queries.length = 0;
    expect((await a.app.inject({ url: '/api/session', headers })).statusCode).toBe(200);
    expect(queries.filter((q) => /from "api_tokens"/.test(q))).toHaveLength(0); // cached
    expect((await b.app.inject({ url: '/api/mistakes', headers })).statusCode).toBe(200); // cached on B
    expect((await jo.request('DELETE', `/api/tokens/${created.body.apiToken.id as string}`)).status).toBe(204);
    expect((await a.app.inject({ url: '/api/mistakes', headers })).statusCode).toBe(401);
    clock.advance(SESSION_CACHE_TTL_MS);
    expect((await b.app.inject({ url: '/api/mistakes', headers })).statusCode).toBe(401);
  });

  it('an expired session is refused even while cached', async () => {
    const { clock, jo } = await setup();
    expect((await jo.request('GET', '/api/session')).status).toBe(200);
    clock.advance(30 * 86_400_000);
    expect((await jo.request('GET', '/api/mistakes')).status).toBe(401);
  });
});
