import type { FastifyInstance } from 'fastify';
import { createServices, type Services } from '../src/bootstrap/index.ts';
import { nodeCrypto } from '../src/bootstrap/system.ts';
import type { Actor } from '../src/domain/ports.ts';
import { createWorkspace } from '../src/domain/workspaces/workspaces.ts';
import { buildApp } from '../src/server/app.ts';
import { fakeClock, sequentialIds, type FakeClock } from './clock.ts';
import { freshDatabase } from './database.ts';

/** Services on a fresh database with a fake clock, sequential ids and cheap hashing. */
export async function testServices(): Promise<{ services: Services; clock: FakeClock; cleanup(): Promise<void> }> {
  const { target, drop } = await freshDatabase();
  const clock = fakeClock();
  const services = await createServices(
    { databaseUrl: undefined, dataDir: '/nonexistent' },
    { clock, ids: sequentialIds(), crypto: nodeCrypto({ fast: true }) },
    target,
  );
  return {
    services,
    clock,
    cleanup: async () => {
      await services.close();
      await drop();
    },
  };
}

let workspaceCounter = 0;

/** A new workspace with its owner; returns the owner as an actor and the credentials. */
export async function makeWorkspace(
  services: Services,
  name = `Workspace ${++workspaceCounter}`,
): Promise<{ actor: Actor; email: string; password: string }> {
  const email = `owner${++workspaceCounter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'correct horse battery';
  const { workspaceId, userId } = await createWorkspace(services.deps, {
    workspaceName: name,
    ownerName: `Owner of ${name}`,
    email,
    password,
  });
  return { actor: { workspaceId, userId, name: `Owner of ${name}`, role: 'owner' }, email, password };
}

/** A signed-in API client: inject() with the session cookie and CSRF header filled in. */
export interface ApiClient {
  request(method: string, url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  csrfToken: string;
  cookie: string;
}

/** Signs in through the API and returns a client bound to that session. */
export async function signedInClient(app: FastifyInstance, email: string, password: string): Promise<ApiClient> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'mg_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `mg_session=${setCookie.value}`;
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie,
    csrfToken,
    async request(method, url, body) {
      const r = await app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrfToken },
        ...(body !== undefined && { payload: body as object }),
      });
      return { status: r.statusCode, body: r.body ? safeJson(r.body) : null, headers: r.headers };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Everything an API test needs: app, services, clock and a signed-in owner of a fresh workspace. */
export async function testApi() {
  const { services, clock, cleanup } = await testServices();
  const app = await buildApp(services);
  const owner = await makeWorkspace(services, 'Acme Studio');
  const api = await signedInClient(app, owner.email, owner.password);
  return {
    app,
    services,
    clock,
    owner,
    api,
    async close() {
      await app.close();
      await cleanup();
    },
  };
}
