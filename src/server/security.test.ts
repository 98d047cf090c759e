import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspace, testServices } from '../../test/factories.ts';
import { nodeCrypto } from '../bootstrap/system.ts';
import { buildApp, loggerOptions } from './app.ts';

// Security basics: CSRF on cookie-authenticated changes (forged forms and text/plain posts are
// refused), session cookie flags, login rate limit, password hashing, and logs without secrets.

type Services = Awaited<ReturnType<typeof testServices>>;
let s: Services | null = null;

afterEach(async () => {
  await s?.cleanup();
  s = null;
});

async function setUp(options: { secureCookies?: boolean; logLines?: string[] } = {}) {
  s = await testServices();
  const lines = options.logLines;
  const loggerInstance = lines
    ? pino(
        loggerOptions('trace'),
        new Writable({
          write(chunk: Buffer, _enc, done) {
            lines.push(chunk.toString());
            done();
          },
        }),
      )
    : undefined;
  const app = await buildApp(s.services, {
    secureCookies: options.secureCookies ?? false,
    ...(loggerInstance && { loggerInstance }),
  });
  const owner = await makeWorkspace(s.services, 'Acme Studio');
  return { app, owner };
}

async function signIn(app: Awaited<ReturnType<typeof setUp>>['app'], email: string, password: string) {
  const r = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  expect(r.statusCode).toBe(200);
  const cookie = r.cookies.find((c) => c.name === 'mg_session');
  if (!cookie) throw new Error('no session cookie');
  return { raw: r.headers['set-cookie'], cookie, token: cookie.value, csrf: r.json<{ csrfToken: string }>().csrfToken };
}

describe('CSRF', () => {
  it('refuses a cookie-authenticated change without the CSRF header, with a wrong one, and as a form or text/plain post', async () => {
    const { app, owner } = await setUp();
    const session = await signIn(app, owner.email, owner.password);
    const cookie = `mg_session=${session.token}`;
    const attempts = [
      { headers: { cookie, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'Forged' }) },
      {
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': 'guess' },
        payload: JSON.stringify({ name: 'Forged' }),
      },
      { headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=Forged' },
      { headers: { cookie, 'content-type': 'text/plain' }, payload: '{"name":"Forged"}' },
      {
        headers: { cookie, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nForged\r\n--x--',
      },
    ];
    for (const attempt of attempts) {
      const r = await app.inject({ method: 'POST', url: '/api/clients', ...attempt });
      expect(r.statusCode).toBe(403);
      expect(r.json<{ error: { code: string } }>().error.code).toBe('csrf_failed');
    }
    // Even with the right token, only JSON is accepted as a body.
    const plain = await app.inject({
      method: 'POST',
      url: '/api/clients',
      headers: { cookie, 'content-type': 'text/plain', 'x-csrf-token': session.csrf },
      payload: '{"name":"Forged"}',
    });
    expect(plain.statusCode).toBe(415);
    const list = await app.inject({ method: 'GET', url: '/api/clients', headers: { cookie } });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/clients',
      headers: { cookie, 'x-csrf-token': session.csrf },
      payload: { name: 'Real' },
    });
    expect(ok.statusCode).toBe(201);
    await app.close();
  });

  it('refuses anonymous changes before reading the body', async () => {
    const { app } = await setUp();
    const r = await app.inject({ method: 'POST', url: '/api/clients', payload: { name: 1234 } });
    expect(r.statusCode).toBe(401);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('unauthenticated');
    await app.close();
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax, not Secure over plain http', async () => {
    const { app, owner } = await setUp();
    const { cookie, raw } = await signIn(app, owner.email, owner.password);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(String(raw)).toContain('Path=/');
    await app.close();
  });

  it('is Secure when served over https', async () => {
    const { app, owner } = await setUp({ secureCookies: true });
    const { cookie } = await signIn(app, owner.email, owner.password);
    expect(cookie.secure).toBe(true);
    await app.close();
  });

  it('signing out ends the session on the server, not only in the browser', async () => {
    const { app, owner } = await setUp();
    const session = await signIn(app, owner.email, owner.password);
    const cookie = `mg_session=${session.token}`;
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, 'x-csrf-token': session.csrf },
    });
    expect(out.statusCode).toBeLessThan(300);
    const after = await app.inject({ method: 'GET', url: '/api/clients', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    await app.close();
  });
});

describe('sign-in', () => {
  it('is rate limited: after 10 attempts a minute the 11th answers 429, even with the right password', async () => {
    const { app, owner } = await setUp();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: owner.email, password: `wrong ${i}` },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.every((x) => x === 401)).toBe(true);
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: owner.email, password: owner.password },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
    await app.close();
  });

  it('limits per account: guessing at one account does not lock out another from the same address', async () => {
    const { app, owner } = await setUp();
    const other = await makeWorkspace(s!.services, 'Other Studio');
    for (let i = 0; i < 11; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: owner.email, password: `wrong ${i}` },
      });
    }
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: owner.email, password: owner.password },
    });
    expect(blocked.statusCode).toBe(429);
    const fine = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: other.email, password: other.password },
    });
    expect(fine.statusCode).toBe(200);
    await app.close();
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const { app, owner } = await setUp();
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody@example.com', password: 'whatever you like' },
    });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: owner.email, password: 'not the password' },
    });
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json<{ error: { code: string; message: string } }>().error.code).toBe(
      wrong.json<{ error: { code: string } }>().error.code,
    );
    await app.close();
  });
});

describe('passwords', () => {
  it('are stored as argon2id hashes, never in clear', async () => {
    s = await testServices();
    const owner = await makeWorkspace(s.services, 'Hashing Co');
    const rows = await sql<{
      password_hash: string;
    }>`select password_hash from users where email = ${owner.email}`.execute(s.services.database.db);
    const hash = rows.rows[0]?.password_hash ?? '';
    expect(hash).not.toContain(owner.password);
    // The test services use cheap parameters; the production crypto must use argon2id.
    const production = nodeCrypto();
    const real = await production.hashPassword('correct horse battery');
    expect(real.startsWith('$argon2id$')).toBe(true);
    expect(await production.verifyPassword(real, 'correct horse battery')).toBe(true);
    expect(await production.verifyPassword(real, 'correct horse batterY')).toBe(false);
  });
});

describe('logs', () => {
  it('never contain passwords, session tokens, CSRF tokens or cookies', async () => {
    const lines: string[] = [];
    const { app, owner } = await setUp({ logLines: lines });
    await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: owner.email, password: 'a wrong password' },
    });
    const session = await signIn(app, owner.email, owner.password);
    const headers = {
      cookie: `mg_session=${session.token}`,
      'x-csrf-token': session.csrf,
      authorization: 'Bearer sekrit-bearer',
    };
    await app.inject({ method: 'GET', url: '/api/clients', headers });
    await app.inject({ method: 'POST', url: '/api/clients', headers, payload: { name: 'Serenity' } });
    await app.inject({ method: 'POST', url: '/api/clients', headers, payload: { name: 42 } });
    // A careless log call with the request and a body is still censored.
    app.log.info(
      {
        req: { headers },
        password: owner.password,
        body: { password: owner.password },
        csrfToken: session.csrf,
        token: session.token,
      },
      'debugging',
    );
    await app.close();
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [owner.password, 'a wrong password', session.token, session.csrf, 'sekrit-bearer']) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('[redacted]');
  });
});
