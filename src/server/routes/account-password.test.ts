import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';
import { passwordWeakness } from '../../domain/workspaces/password-policy.ts';
import { perAccountRule } from '../../domain/workspaces/sign-in-throttle.ts';

// Self-service password change (issue 12 C): POST /api/account/password for every member.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

const TEMPORARY = 'temporary pass 123';
const NEW = 'lantern orchard whistle';

async function member(role: 'admin' | 'member' | 'viewer', n = 1) {
  const email = `${role}${n}@acme.example`;
  const r = await t.api.request('POST', '/api/members', { name: `Sam ${role}`, email, password: TEMPORARY, role });
  expect(r.status).toBe(201);
  return { email, api: await signedInClient(t.app, email, TEMPORARY) };
}

const fields = (body: { error: { details?: { issues?: { field: string; message: string }[] } } }) =>
  (body.error.details?.issues ?? []).map((i) => i.field);

async function sessionStatus(cookie: string): Promise<number> {
  return (await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode;
}

describe('changing your own password', () => {
  it.each(['viewer', 'member', 'admin'] as const)(
    'a %s changes it: this browser stays signed in (new cookie), every other session of theirs ends',
    async (role) => {
      const { email, api } = await member(role);
      const otherBrowser = await signedInClient(t.app, email, TEMPORARY);
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/account/password',
        headers: { cookie: api.cookie, 'x-csrf-token': api.csrfToken },
        payload: { currentPassword: TEMPORARY, newPassword: NEW },
      });
      expect(r.statusCode).toBe(200);
      const session = r.json<{ user: { email: string }; role: string; csrfToken: string }>();
      expect(session).toMatchObject({ user: { email }, role });
      const fresh = r.cookies.find((c) => c.name === 'mg_session');
      expect(fresh?.value).toBeTruthy();
      expect(fresh).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(r.headers['cache-control']).toBe('no-store');
      // This browser: signed in with the new cookie (and its new CSRF token works for changes).
      const cookie = `mg_session=${fresh!.value}`;
      expect(await sessionStatus(cookie)).toBe(200);
      const change = await t.app.inject({
        method: 'POST',
        url: '/api/account/password',
        headers: { cookie, 'x-csrf-token': session.csrfToken },
        payload: { currentPassword: NEW, newPassword: 'quartz meadow lantern 9' },
      });
      expect(change.statusCode).toBe(200);
      // Every other session of this user is over, and so is the replaced one.
      expect(await sessionStatus(otherBrowser.cookie)).toBe(401);
      expect(await sessionStatus(api.cookie)).toBe(401);
      // The owner's session is untouched.
      expect(await sessionStatus(t.api.cookie)).toBe(200);
      // Old password refused, new one accepted.
      const old = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: TEMPORARY },
      });
      expect(old.statusCode).toBe(401);
      await signedInClient(t.app, email, 'quartz meadow lantern 9');
    },
  );

  it('a wrong current password is 400 naming currentPassword, and changes nothing', async () => {
    const { email, api } = await member('member');
    const r = await api.request('POST', '/api/account/password', {
      currentPassword: 'not my password',
      newPassword: NEW,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(fields(r.body)).toEqual(['currentPassword']);
    expect(await sessionStatus(api.cookie)).toBe(200);
    await signedInClient(t.app, email, TEMPORARY);
  });

  it("a guessable new password is 400 naming newPassword with the estimator's reason", async () => {
    const { api } = await member('member');
    for (const weak of ['aaaaaaaaaa', '1234567890', 'password12', 'acme.example']) {
      const r = await api.request('POST', '/api/account/password', { currentPassword: TEMPORARY, newPassword: weak });
      expect(r.status, weak).toBe(400);
      expect(fields(r.body), weak).toEqual(['newPassword']);
      const reason = passwordWeakness(weak, ['member1@acme.example', 'Sam member', 'Acme Studio']);
      expect(reason, weak).not.toBeNull();
      expect(r.body.error.details.issues[0].message).toBe(reason);
    }
    // Too short is refused by the contract, also naming it.
    const short = await api.request('POST', '/api/account/password', {
      currentPassword: TEMPORARY,
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(fields(short.body)).toEqual(['body.newPassword']);
    // The same password again is no change.
    const same = await api.request('POST', '/api/account/password', {
      currentPassword: TEMPORARY,
      newPassword: TEMPORARY,
    });
    expect([same.status, fields(same.body)]).toEqual([400, ['newPassword']]);
    expect(await sessionStatus(api.cookie)).toBe(200);
  });

  it('needs the CSRF header and a session', async () => {
    const { api } = await member('member');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: { cookie: api.cookie },
      payload: { currentPassword: TEMPORARY, newPassword: NEW },
    });
    expect(noCsrf.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: TEMPORARY, newPassword: NEW },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('wrong current passwords are throttled: 429 with Retry-After after the per-account limit', async () => {
    const { api }: { api: ApiClient } = await member('member');
    for (let i = 0; i < perAccountRule.limit; i++) {
      const r = await api.request('POST', '/api/account/password', { currentPassword: `guess ${i}`, newPassword: NEW });
      expect(r.status).toBe(400);
    }
    const refused = await api.request('POST', '/api/account/password', {
      currentPassword: TEMPORARY,
      newPassword: NEW,
    });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    t.clock.advance(60_000);
    const ok = await api.request('POST', '/api/account/password', { currentPassword: TEMPORARY, newPassword: NEW });
    expect(ok.status).toBe(200);
  });
});
