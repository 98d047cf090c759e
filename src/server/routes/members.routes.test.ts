import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

const PASSWORD = 'temporary pass 123';
let people = 0;

async function ok(method: string, url: string, body?: unknown, api: ApiClient = t.api) {
  const r = await api.request(method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Adds a member through the API (as the owner unless `by` is given) and signs them in. */
async function added(role: 'admin' | 'member' | 'viewer', by: ApiClient = t.api) {
  const n = ++people;
  const email = `${role}${n}@acme.example`;
  const member = await ok('POST', '/api/members', { name: `${role} ${n}`, email, password: PASSWORD, role }, by);
  return { member, api: await signedInClient(t.app, email, PASSWORD) };
}

const ownerId = () => t.owner.actor.userId!;

describe('adding members', () => {
  it('adds a person who can then sign in with the password they were told, with the given role', async () => {
    const r = await t.api.request('POST', '/api/members', {
      name: '  Jo Park ',
      email: 'Jo@Acme.example',
      password: PASSWORD,
      role: 'member',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'Jo Park', email: 'jo@acme.example', role: 'member' });
    expect(r.body.since).toBe(t.clock.now().toISOString());

    const jo = await signedInClient(t.app, 'jo@acme.example', PASSWORD);
    const session = await ok('GET', '/api/session', undefined, jo);
    expect(session.user.id).toBe(r.body.id);
    expect(session.role).toBe('member');
    expect(session.workspace.id).toBe(t.owner.actor.workspaceId);

    const list = await ok('GET', '/api/members');
    expect(list.items.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort()).toEqual(
      [`${t.owner.email}:owner`, 'jo@acme.example:member'].sort(),
    );

    const events = await t.services.database.db
      .selectFrom('events')
      .select(['type', 'workspace_id'])
      .where('type', '=', 'member.added')
      .execute();
    expect(events).toEqual([{ type: 'member.added', workspace_id: t.owner.actor.workspaceId }]);
  });

  it('lets an admin add people, but not a member or a viewer (403 forbidden)', async () => {
    const admin = await added('admin');
    const viaAdmin = await added('viewer', admin.api);
    expect(viaAdmin.member.role).toBe('viewer');
    const member = await added('member');
    for (const who of [member.api, viaAdmin.api]) {
      const r = await who.request('POST', '/api/members', {
        name: 'Sneaky',
        email: `sneaky${++people}@acme.example`,
        password: PASSWORD,
        role: 'member',
      });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
  });

  it('answers 409 email_taken naming email for an email already used, in any workspace', async () => {
    const other = await makeWorkspace(t.services, 'Other Studio');
    for (const email of [t.owner.email, other.email.toUpperCase()]) {
      const r = await t.api.request('POST', '/api/members', { name: 'Dup', email, password: PASSWORD, role: 'member' });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('email_taken');
      expect(r.body.error.details.field).toBe('email');
    }
    expect((await ok('GET', '/api/members')).items).toHaveLength(1);
  });

  it('answers one of two simultaneous adds of the same email with 409, never a 5xx', async () => {
    const body = { name: 'Twin', email: 'twin@acme.example', password: PASSWORD, role: 'member' };
    const results = await Promise.all([
      t.api.request('POST', '/api/members', body),
      t.api.request('POST', '/api/members', body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('email_taken');
    expect((await ok('GET', '/api/members')).items).toHaveLength(2);
  });

  it('answers 400 naming the field for a bad email, a short password, a missing name or an owner role', async () => {
    const good = { name: 'Jo', email: 'jo@acme.example', password: PASSWORD, role: 'member' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...good, email: 'not-an-email' }, 'body.email'],
      [{ ...good, password: 'short' }, 'body.password'],
      [{ ...good, name: '   ' }, 'body.name'],
      [{ ...good, role: 'owner' }, 'body.role'],
      [{ ...good, role: undefined }, 'body.role'],
    ];
    for (const [body, field] of cases) {
      const r = await t.api.request('POST', '/api/members', body);
      expect({ field, status: r.status }).toEqual({ field, status: 400 });
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect((await ok('GET', '/api/members')).items).toHaveLength(1);
  });
});

describe('roles', () => {
  it('holds a remedy above the cap; a member cannot approve it (403), an admin can (200)', async () => {
    const client = await ok('POST', '/api/clients', { name: 'Serenity Day Spas', tier: 'key' });
    const mistake = await ok('POST', '/api/mistakes', {
      clientId: client.id,
      title: 'Wrong short code on the posters',
      severity: 'critical',
      category: 'wrong_fact',
      impact: { amountMinor: 20_000, currency: 'USD' },
    });
    const remedy = await ok('POST', `/api/mistakes/${mistake.id}/remedies`, {
      kind: 'credit',
      amountMinor: 40_000,
      currency: 'USD',
      idempotencyKey: 'members-pending-0001',
    });
    expect(remedy.entry.status).toBe('pending_approval');

    const member = await added('member');
    const refused = await member.api.request('POST', `/api/remedies/${remedy.entry.id}/approve`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await ok('GET', `/api/remedies/${remedy.entry.id}`)).status).toBe('pending_approval');

    const admin = await added('admin');
    const approved = await admin.api.request('POST', `/api/remedies/${remedy.entry.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect((await ok('GET', `/api/remedies/${remedy.entry.id}`)).status).not.toBe('pending_approval');
  });

  it('refuses a viewer on writes (403) while letting them read', async () => {
    const viewer = await added('viewer');
    const write = await viewer.api.request('POST', '/api/clients', { name: 'Viewer Client', tier: 'standard' });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('forbidden');
    expect((await ok('GET', '/api/clients', undefined, viewer.api)).items).toEqual([]);

    // Promoted to member, the same write goes through.
    await ok('PATCH', `/api/members/${viewer.member.id}`, { role: 'member' });
    expect((await viewer.api.request('POST', '/api/clients', { name: 'Viewer Client', tier: 'standard' })).status).toBe(
      201,
    );
  });
});

describe('changing roles', () => {
  it('changes a role (owner or admin) and the new role applies to the open session', async () => {
    const jo = await added('member');
    const r = await t.api.request('PATCH', `/api/members/${jo.member.id}`, { role: 'admin' });
    expect(r.status).toBe(200);
    expect(r.body.role).toBe('admin');
    expect((await ok('GET', '/api/session', undefined, jo.api)).role).toBe('admin');

    const sam = await added('viewer');
    expect((await ok('PATCH', `/api/members/${sam.member.id}`, { role: 'member' }, jo.api)).role).toBe('member');
  });

  it("protects the owner: nobody changes the owner's role, and owner is not a role anyone can be given", async () => {
    const admin = await added('admin');
    for (const [who, role] of [
      [t.api, 'admin'],
      [admin.api, 'member'],
      [admin.api, 'viewer'],
    ] as const) {
      const r = await who.request('PATCH', `/api/members/${ownerId()}`, { role });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('owner_role_locked');
    }
    const promote = await t.api.request('PATCH', `/api/members/${admin.member.id}`, { role: 'owner' });
    expect(promote.status).toBe(400);
    expect(promote.body.error.details.issues.map((i: { field: string }) => i.field)).toContain('body.role');
    const roles = (await ok('GET', '/api/members')).items.map((m: { role: string }) => m.role).sort();
    expect(roles).toEqual(['admin', 'owner']);
  });

  it('refuses a member or viewer changing roles (403)', async () => {
    const member = await added('member');
    const viewer = await added('viewer');
    const r = await member.api.request('PATCH', `/api/members/${viewer.member.id}`, { role: 'admin' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    const self = await viewer.api.request('PATCH', `/api/members/${viewer.member.id}`, { role: 'admin' });
    expect(self.status).toBe(403);
  });
});

describe('removing members', () => {
  it('removes a member and ends their sessions; they can no longer sign in', async () => {
    const jo = await added('member');
    expect((await jo.api.request('GET', '/api/session')).status).toBe(200);
    const r = await t.api.request('DELETE', `/api/members/${jo.member.id}`);
    expect(r.status).toBe(204);
    expect((await jo.api.request('GET', '/api/session')).status).toBe(401);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: jo.member.email, password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(401);
    expect((await ok('GET', '/api/members')).items.map((m: { id: string }) => m.id)).toEqual([ownerId()]);
    expect((await t.api.request('DELETE', `/api/members/${jo.member.id}`)).status).toBe(404);
  });

  it('adds a removed person again: same user, the new password; the old one no longer works', async () => {
    const jo = await added('member');
    await ok('DELETE', `/api/members/${jo.member.id}`);
    const again = await t.api.request('POST', '/api/members', {
      name: 'Jo Park-Lee',
      email: jo.member.email,
      password: 'a brand new secret',
      role: 'viewer',
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: jo.member.id, name: 'Jo Park-Lee', role: 'viewer' });
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: jo.member.email, password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    const back = await signedInClient(t.app, jo.member.email, 'a brand new secret');
    expect(await ok('GET', '/api/session', undefined, back)).toMatchObject({
      role: 'viewer',
      user: { id: jo.member.id, name: 'Jo Park-Lee' },
    });
    const twice = await t.api.request('POST', '/api/members', {
      name: 'Jo',
      email: jo.member.email,
      password: PASSWORD,
      role: 'member',
    });
    expect(twice.status).toBe(409);
  });

  it('never removes the owner, nor yourself; a member cannot remove anyone', async () => {
    const admin = await added('admin');
    const member = await added('member');
    const owner = await admin.api.request('DELETE', `/api/members/${ownerId()}`);
    expect(owner.status).toBe(409);
    expect(owner.body.error.code).toBe('owner_role_locked');
    const self = await admin.api.request('DELETE', `/api/members/${admin.member.id}`);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('cannot_remove_self');
    const byMember = await member.api.request('DELETE', `/api/members/${admin.member.id}`);
    expect(byMember.status).toBe(403);
    expect((await ok('GET', '/api/members')).items).toHaveLength(3);
  });
});

describe('across workspaces', () => {
  it("answers 404 for another workspace's user, and changes nothing there", async () => {
    const other = await makeWorkspace(t.services, 'Other Studio');
    const them = await signedInClient(t.app, other.email, other.password);
    const theirs = await ok(
      'POST',
      '/api/members',
      { name: 'Theirs', email: 'theirs@other.example', password: PASSWORD, role: 'member' },
      them,
    );
    const mine = await added('member');
    for (const [api, id] of [
      [t.api, theirs.id],
      [t.api, other.actor.userId!],
      [them, mine.member.id],
      [them, ownerId()],
    ] as const) {
      const patch = await api.request('PATCH', `/api/members/${id}`, { role: 'viewer' });
      expect(patch.status).toBe(404);
      expect(patch.body.error.code).toBe('user_not_found');
      expect((await api.request('DELETE', `/api/members/${id}`)).status).toBe(404);
    }
    expect(
      (await ok('GET', '/api/members', undefined, them)).items.map((m: { role: string }) => m.role).sort(),
    ).toEqual(['member', 'owner']);
    expect((await ok('GET', '/api/session', undefined, mine.api)).role).toBe('member');
  });

  it('answers 400 naming userId for a malformed id', async () => {
    const r = await t.api.request('PATCH', '/api/members/not%20an%20id', { role: 'viewer' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues.map((i: { field: string }) => i.field)).toContain('params.userId');
  });
});
