import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';
import { deliverWorkspaceOutbox } from '../../domain/messages/deliver.ts';
import type { Mailer } from '../../domain/messages/ports.ts';
import { messageToSend } from '../../domain/messages/secret-links.ts';
import type { Message } from '../../shared/contract/index.ts';

// Invitations by email and password reset by email (issue 14 B), on SQLite and PostgreSQL.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

const PASSWORD = 'lantern orchard whistle';
const DAY = 86_400_000;

const fields = (body: { error: { details?: { issues?: { field: string }[] } } }) =>
  (body.error.details?.issues ?? []).map((i) => i.field);

/** Every mail of one kind in the workspace's outbox as stored, newest first. */
async function rawMails(kind: Message['kind'], workspaceId = t.owner.actor.workspaceId): Promise<Message[]> {
  return t.services.deps.store.messages.list(workspaceId, { kind, limit: 100 });
}

/** The token in the newest mail of a kind, as the mailer would send it (`/invite/<token>`, `/reset/<token>`). */
async function tokenFromMail(kind: 'invitation' | 'password_reset', workspaceId = t.owner.actor.workspaceId) {
  const [mail] = await rawMails(kind, workspaceId);
  if (!mail) throw new Error(`no ${kind} mail`);
  const sent = await messageToSend(t.services.deps.store, workspaceId, mail);
  const match = /\/(?:invite|reset)\/([A-Za-z0-9_-]{20,})/u.exec(sent.body);
  if (!match?.[1]) throw new Error(`no link in ${JSON.stringify(sent.body)}`);
  return match[1];
}

/** Everything the database holds, as text (every table, every row). */
async function wholeDatabase(): Promise<string> {
  const db = t.services.database.db;
  const tables = await db.introspection.getTables();
  const out: unknown[] = [];
  for (const table of tables) {
    if (table.name === 'message_secrets') continue;
    out.push(
      await db
        .selectFrom(table.name as 'messages')
        .selectAll()
        .execute(),
    );
  }
  return JSON.stringify(out, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** The workspace export (GET /api/export) as the owner downloads it: every file's text. */
async function exported(): Promise<string> {
  const r = await t.app.inject({ method: 'GET', url: '/api/export', headers: { cookie: t.api.cookie } });
  expect(r.statusCode).toBe(200);
  return Object.values(unzipSync(new Uint8Array(r.rawPayload)))
    .map((f) => strFromU8(f))
    .join('\n');
}

async function invite(email: string, role = 'member', api: ApiClient = t.api) {
  const r = await api.request('POST', '/api/invitations', { email, role });
  if (r.status !== 201) throw new Error(`invite → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; email: string; role: string; expiresAt: string };
}

async function accept(token: string, name = 'Jo Park', password = PASSWORD) {
  const r = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name, password } });
  return { status: r.statusCode, body: r.json(), cookie: r.cookies.find((c) => c.name === 'mg_session') };
}

async function sessionOf(cookie: string) {
  const r = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  return { status: r.statusCode, body: r.statusCode === 200 ? r.json() : null };
}

async function addMember(email: string, role: 'admin' | 'member' | 'viewer') {
  const r = await t.api.request('POST', '/api/members', {
    name: `Sam ${role}`,
    email,
    password: 'temporary pass 123',
    role,
  });
  expect(r.status).toBe(201);
  return signedInClient(t.app, email, 'temporary pass 123');
}

async function eventTypes(): Promise<string[]> {
  const rows = await t.services.database.db
    .selectFrom('events')
    .select('type')
    .where('workspace_id', '=', t.owner.actor.workspaceId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.type);
}

describe('inviting by email', () => {
  it('invite → the mail has a link → accept with a chosen name and password → signed in with the invited role', async () => {
    const invitation = await invite('Jo@Acme.example', 'admin');
    expect(invitation).toMatchObject({ email: 'jo@acme.example', role: 'admin', expired: false });
    expect(Date.parse(invitation.expiresAt) - t.clock.now().getTime()).toBe(7 * DAY);
    expect(JSON.stringify(invitation)).not.toMatch(/token/i);

    const [mail] = await rawMails('invitation');
    expect(mail).toMatchObject({ toAddress: 'jo@acme.example', status: 'queued', clientId: null, mistakeId: null });
    expect(mail!.subject).toContain('Acme Studio');
    const token = await tokenFromMail('invitation');
    // The stored body shows the link with its token hidden; the mailer puts it in.
    expect(mail!.body).toContain('http://localhost:3000/invite/[hidden');
    expect(mail!.body).not.toContain(token);
    // Only the hash is stored.
    const stored = await t.services.database.db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(t.services.deps.crypto.sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/accept/${token}` });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      email: 'jo@acme.example',
      role: 'admin',
      workspaceName: 'Acme Studio',
      invitedByName: 'Owner of Acme Studio',
      expiresAt: invitation.expiresAt,
    });

    const accepted = await accept(token, '  Jo Park ');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      user: { name: 'Jo Park', email: 'jo@acme.example' },
      role: 'admin',
      workspace: { id: t.owner.actor.workspaceId },
    });
    expect(accepted.cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const cookie = `mg_session=${accepted.cookie!.value}`;
    expect((await sessionOf(cookie)).body).toMatchObject({ role: 'admin', user: { email: 'jo@acme.example' } });
    // The CSRF token of the answer works for changes.
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/clients',
      headers: { cookie, 'x-csrf-token': accepted.body.csrfToken },
      payload: { name: 'Joined Client' },
    });
    expect(change.statusCode).toBe(201);

    // They can sign in again with the password they chose; the pending list is empty.
    await signedInClient(t.app, 'jo@acme.example', PASSWORD);
    expect((await t.api.request('GET', '/api/invitations')).body.items).toEqual([]);
    const members = (await t.api.request('GET', '/api/members')).body.items as { email: string; role: string }[];
    expect(members.find((m) => m.email === 'jo@acme.example')?.role).toBe('admin');
    expect(await eventTypes()).toEqual(expect.arrayContaining(['member.invited', 'member.joined']));
  });

  it('a link works once: the second accept is 410 invitation_used and changes nothing', async () => {
    await invite('jo@acme.example');
    const token = await tokenFromMail('invitation');
    expect((await accept(token)).status).toBe(200);
    const again = await accept(token, 'Mallory', 'another strong passphrase 9');
    expect([again.status, again.body.error.code]).toEqual([410, 'invitation_used']);
    expect(again.cookie).toBeUndefined();
    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/accept/${token}` });
    expect([preview.statusCode, preview.json().error.code]).toEqual([410, 'invitation_used']);
    // The first password still signs in; the second does not.
    await signedInClient(t.app, 'jo@acme.example', PASSWORD);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'jo@acme.example', password: 'another strong passphrase 9' },
    });
    expect(r.statusCode).toBe(401);
  });

  it('two accepts of one link at once: exactly one signs in', async () => {
    await invite('jo@acme.example');
    const token = await tokenFromMail('invitation');
    const results = await Promise.all([accept(token, 'Jo One'), accept(token, 'Jo Two')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    const users = await t.services.database.db
      .selectFrom('users')
      .select('name')
      .where('email', '=', 'jo@acme.example')
      .execute();
    expect(users).toHaveLength(1);
  });

  it('a link expires after 7 days (410 invitation_expired); a resend brings a fresh one', async () => {
    const invitation = await invite('jo@acme.example');
    const token = await tokenFromMail('invitation');
    t.clock.advance(7 * DAY);
    const late = await accept(token);
    expect([late.status, late.body.error.code]).toEqual([410, 'invitation_expired']);
    const listed = (await t.api.request('GET', '/api/invitations')).body.items;
    expect(listed).toMatchObject([{ id: invitation.id, expired: true }]);

    const resent = await t.api.request('POST', `/api/invitations/${invitation.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: invitation.id, expired: false });
    const fresh = await tokenFromMail('invitation');
    expect(fresh).not.toBe(token);
    expect((await accept(fresh)).status).toBe(200);
  });

  it('resend kills the old link: the old token is 404 invitation_token_invalid, the new one works', async () => {
    const invitation = await invite('jo@acme.example', 'viewer');
    const old = await tokenFromMail('invitation');
    const r = await t.api.request('POST', `/api/invitations/${invitation.id}/resend`);
    expect(r.status).toBe(200);
    expect(await rawMails('invitation')).toHaveLength(2);
    const fresh = await tokenFromMail('invitation');
    expect(fresh).not.toBe(old);
    const stale = await accept(old);
    expect([stale.status, stale.body.error.code]).toEqual([404, 'invitation_token_invalid']);
    const ok = await accept(fresh);
    expect([ok.status, ok.body.role]).toEqual([200, 'viewer']);
    expect(await eventTypes()).toEqual(expect.arrayContaining(['invitation.resent']));
  });

  it('revoke: the link stops working (410 invitation_revoked), the invitation leaves the list, revoking again is 409', async () => {
    const invitation = await invite('jo@acme.example');
    const token = await tokenFromMail('invitation');
    const r = await t.api.request('DELETE', `/api/invitations/${invitation.id}`);
    expect(r.status).toBe(204);
    const late = await accept(token);
    expect([late.status, late.body.error.code]).toEqual([410, 'invitation_revoked']);
    expect((await t.api.request('GET', '/api/invitations')).body.items).toEqual([]);
    const again = await t.api.request('DELETE', `/api/invitations/${invitation.id}`);
    expect([again.status, again.body.error.code]).toEqual([409, 'invitation_not_pending']);
    const resend = await t.api.request('POST', `/api/invitations/${invitation.id}/resend`);
    expect([resend.status, resend.body.error.code]).toEqual([409, 'invitation_not_pending']);
    expect(await eventTypes()).toEqual(expect.arrayContaining(['invitation.revoked']));
    // A new invitation for the same email is possible after a revoke.
    await invite('jo@acme.example');
  });

  it('a member or viewer cannot invite, resend or revoke (403); an admin can', async () => {
    const invitation = await invite('jo@acme.example');
    for (const role of ['member', 'viewer'] as const) {
      const api = await addMember(`${role}@acme.example`, role);
      const r = await api.request('POST', '/api/invitations', { email: `x-${role}@acme.example`, role: 'member' });
      expect([r.status, r.body.error.code], role).toEqual([403, 'forbidden']);
      expect((await api.request('POST', `/api/invitations/${invitation.id}/resend`)).status, role).toBe(403);
      expect((await api.request('DELETE', `/api/invitations/${invitation.id}`)).status, role).toBe(403);
    }
    expect(await rawMails('invitation')).toHaveLength(1);
    const admin = await addMember('admin@acme.example', 'admin');
    expect((await admin.request('POST', '/api/invitations', { email: 'new@acme.example', role: 'admin' })).status).toBe(
      201,
    );
  });

  it('bad email or role is 400 naming the field; the owner role cannot be given', async () => {
    for (const [body, field] of [
      [{ email: 'not an email', role: 'member' }, 'body.email'],
      [{ email: 'jo@acme.example', role: 'owner' }, 'body.role'],
      [{ email: 'jo@acme.example', role: 'boss' }, 'body.role'],
      [{ role: 'member' }, 'body.email'],
      [{ email: 'jo@acme.example' }, 'body.role'],
    ] as const) {
      const r = await t.api.request('POST', '/api/invitations', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(fields(r.body), JSON.stringify(body)).toContain(field);
    }
    expect(await rawMails('invitation')).toEqual([]);
  });

  it('an email that is already a member is 409 already_member; one with a pending invitation is 409 invitation_pending', async () => {
    const member = await t.api.request('POST', '/api/invitations', { email: t.owner.email, role: 'member' });
    expect([member.status, member.body.error.code]).toEqual([409, 'already_member']);
    const first = await invite('jo@acme.example');
    const second = await t.api.request('POST', '/api/invitations', { email: 'JO@acme.example', role: 'admin' });
    expect([second.status, second.body.error.code]).toEqual([409, 'invitation_pending']);
    expect(second.body.error.details).toMatchObject({ field: 'email', invitationId: first.id });
    // Someone in another workspace: the same answer as adding them with a password.
    const other = await makeWorkspace(t.services, 'Elsewhere');
    const taken = await t.api.request('POST', '/api/invitations', { email: other.email, role: 'member' });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'email_taken']);
  });

  it('accepting with a weak password or no name is 400 naming the field, and the link still works', async () => {
    await invite('jo@acme.example');
    const token = await tokenFromMail('invitation');
    for (const weak of ['aaaaaaaaaaaa', 'password123', 'jo@acme.example']) {
      const r = await accept(token, 'Jo Park', weak);
      expect([r.status, fields(r.body)], weak).toEqual([400, ['password']]);
    }
    const short = await accept(token, 'Jo Park', 'short');
    expect([short.status, fields(short.body)]).toEqual([400, ['body.password']]);
    const noName = await accept(token, '   ');
    expect([noName.status, fields(noName.body)]).toEqual([400, ['body.name']]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/invitations/accept/not%20a%20token' });
    expect([bad.statusCode, fields(bad.json())]).toEqual([400, ['params.token']]);
    const unknown = await accept('x'.repeat(43));
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'invitation_token_invalid']);
    expect((await accept(token)).status).toBe(200);
  });

  it('a removed person can be invited back: same user, the name and password they choose now', async () => {
    const api = await addMember('jo@acme.example', 'member');
    const me = (await api.request('GET', '/api/session')).body.user.id;
    expect((await t.api.request('DELETE', `/api/members/${me}`)).status).toBe(204);
    await invite('jo@acme.example', 'viewer');
    const r = await accept(await tokenFromMail('invitation'), 'Jo Again');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ user: { id: me, name: 'Jo Again' }, role: 'viewer' });
    await signedInClient(t.app, 'jo@acme.example', PASSWORD);
  });

  it('the invitation token is never readable through the outbox API, an export or the stored messages', async () => {
    await invite('jo@acme.example');
    const token = await tokenFromMail('invitation');
    const list = await t.api.request('GET', '/api/messages');
    expect(list.status).toBe(200);
    const listed = (list.body.items as Message[]).find((m) => m.kind === 'invitation');
    expect(listed).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(listed!.body).toContain('/invite/[hidden');
    const one = await t.api.request('GET', `/api/messages/${listed!.id}`);
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).not.toContain(token);
    const filtered = await t.api.request('GET', '/api/messages?kind=invitation&status=queued');
    expect(JSON.stringify(filtered.body)).not.toContain(token);
    // Not in any table but the secrets one (which no route reads), and not in the export.
    expect(await wholeDatabase()).not.toContain(token);
    expect(await exported()).not.toContain(token);

    // The mailer gets the real link; once sent, the token leaves the database.
    const delivered: Message[] = [];
    const mailer: Mailer = {
      description: 'memory',
      send: async (m) => {
        delivered.push(m);
      },
      close: async () => {},
    };
    const result = await deliverWorkspaceOutbox(t.services.deps, mailer, t.owner.actor.workspaceId, {
      claimant: 'test',
    });
    expect(result.sent).toBe(1);
    expect(delivered[0]!.body).toContain(`http://localhost:3000/invite/${token}`);
    const [stored] = await rawMails('invitation');
    expect(stored!.status).toBe('sent');
    expect(stored!.body).not.toContain(token);
    expect(await t.services.database.db.selectFrom('message_secrets').selectAll().execute()).toEqual([]);
    // The link in the mail still works.
    expect((await accept(token)).status).toBe(200);
  });
});

describe('password reset by email', () => {
  async function requestReset(email: string) {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    return { status: r.statusCode, body: r.json() };
  }
  async function confirm(token: string, newPassword = 'quartz meadow lantern 9') {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, newPassword },
    });
    return { status: r.statusCode, body: r.json(), cookie: r.cookies.find((c) => c.name === 'mg_session') };
  }
  async function resetRows() {
    return t.services.database.db.selectFrom('password_resets').selectAll().orderBy('created_at').execute();
  }

  it('answers the same 202 for a member and for an unknown email, and only the member gets a mail', async () => {
    const known = await requestReset(t.owner.email.toUpperCase());
    const unknown = await requestReset('nobody@nowhere.example');
    expect(known.status).toBe(202);
    expect(unknown).toEqual(known);
    const mails = await rawMails('password_reset');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: t.owner.email, clientId: null, mistakeId: null });
    // Both did the same work: a stored request with a hashed token each (the unknown one unusable).
    const rows = await resetRows();
    expect(rows.map((r) => [r.email, r.user_id !== null])).toEqual([
      [t.owner.email, true],
      ['nobody@nowhere.example', false],
    ]);
    for (const row of rows) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the link sets a new password, ends every other session, signs this browser in and works once', async () => {
    const otherBrowser = await signedInClient(t.app, t.owner.email, t.owner.password);
    await requestReset(t.owner.email);
    const token = await tokenFromMail('password_reset');
    const [row] = await resetRows();
    expect(row!.token_hash).toBe(t.services.deps.crypto.sha256(token));
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${token}` })).statusCode).toBe(200);

    const done = await confirm(token);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ user: { email: t.owner.email }, role: 'owner' });
    expect((await sessionOf(`mg_session=${done.cookie!.value}`)).status).toBe(200);
    expect((await sessionOf(otherBrowser.cookie)).status).toBe(401);
    expect((await sessionOf(t.api.cookie)).status).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: t.owner.email, password: t.owner.password },
    });
    expect(old.statusCode).toBe(401);
    await signedInClient(t.app, t.owner.email, 'quartz meadow lantern 9');

    const again = await confirm(token, 'another fine passphrase 7');
    expect([again.status, again.body.error.code]).toEqual([410, 'reset_token_used']);
    const events = await eventTypes();
    expect(events).toEqual(expect.arrayContaining(['member.password_reset_requested', 'member.password_reset']));
  });

  it('a link expires after an hour; a newer link voids the older one; bad tokens are clear 4xx', async () => {
    await requestReset(t.owner.email);
    const first = await tokenFromMail('password_reset');
    t.clock.advance(61 * 60_000);
    const late = await confirm(first);
    expect([late.status, late.body.error.code]).toEqual([410, 'reset_token_expired']);
    const preview = await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${first}` });
    expect([preview.statusCode, preview.json().error.code]).toEqual([410, 'reset_token_expired']);

    await requestReset(t.owner.email);
    const second = await tokenFromMail('password_reset');
    await requestReset(t.owner.email);
    const third = await tokenFromMail('password_reset');
    const voided = await confirm(second);
    expect([voided.status, voided.body.error.code]).toEqual([410, 'reset_token_used']);
    const unknown = await confirm('y'.repeat(43));
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'reset_token_invalid']);
    const malformed = await confirm('not a token!');
    expect([malformed.status, fields(malformed.body)]).toEqual([400, ['body.token']]);
    expect((await confirm(third)).status).toBe(200);
  });

  it('an unknown email’s stored request can never be used', async () => {
    await requestReset('nobody@nowhere.example');
    // Its token was never mailed; even its hash in the table leads nowhere through the API.
    const [row] = await resetRows();
    expect(row!.user_id).toBeNull();
    const r = await confirm(row!.token_hash.slice(0, 43));
    expect(r.status).toBe(404);
  });

  it('a weak new password is 400 naming newPassword, and the link still works', async () => {
    await requestReset(t.owner.email);
    const token = await tokenFromMail('password_reset');
    const weak = await confirm(token, 'password1234');
    expect([weak.status, fields(weak.body)]).toEqual([400, ['newPassword']]);
    const short = await confirm(token, 'short');
    expect([short.status, fields(short.body)]).toEqual([400, ['body.newPassword']]);
    const bad = await requestReset('not an email');
    expect([bad.status, fields(bad.body)]).toEqual([400, ['body.email']]);
    expect((await confirm(token)).status).toBe(200);
  });

  it('mails at most 3 links an hour per email but answers alike; per address it is 429 after 10 requests', async () => {
    for (let i = 0; i < 5; i++) expect((await requestReset(t.owner.email)).status).toBe(202);
    expect(await rawMails('password_reset')).toHaveLength(3);
    for (let i = 0; i < 5; i++) expect((await requestReset(`nobody${i}@nowhere.example`)).status).toBe(202);
    const limited = await requestReset('someone@nowhere.example');
    expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited']);
  });

  it('the reset token is never readable through the outbox API, an export or the stored messages', async () => {
    await requestReset(t.owner.email);
    const token = await tokenFromMail('password_reset');
    const list = await t.api.request('GET', '/api/messages?kind=password_reset');
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body.items[0].body).toContain('/reset/[hidden');
    const one = await t.api.request('GET', `/api/messages/${list.body.items[0].id}`);
    expect(JSON.stringify(one.body)).not.toContain(token);
    expect(await wholeDatabase()).not.toContain(token);
    expect(await exported()).not.toContain(token);
  });
});
