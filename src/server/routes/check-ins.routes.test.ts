import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';
import { deliverWorkspaceOutbox } from '../../domain/messages/deliver.ts';
import type { Mailer } from '../../domain/messages/ports.ts';
import { runDueJobs } from '../../domain/scheduler/run-due.ts';
import type { Message } from '../../shared/contract/index.ts';

// Issue 11 B and C over HTTP: check-ins scheduled when the fix is done, sent / recorded / skipped,
// the scheduler's reminder and overdue mark; the satisfaction request, its public page and answers.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function ok(method: string, url: string, body?: unknown, api: ApiClient = t.api) {
  const r = await api.request(method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A key client with a contact, a mistake with internal words in it, and its fix done now. */
async function fixedMistake(api: ApiClient = t.api) {
  const client = await ok('POST', '/api/clients', { name: 'Serenity Day Spas', tier: 'key' }, api);
  const okafor = await ok(
    'POST',
    `/api/clients/${client.id}/contacts`,
    { fullName: 'Amara Okafor', honorific: 'Dr', email: 'amara@serenity.example' },
    api,
  );
  const m = await ok(
    'POST',
    '/api/mistakes',
    {
      clientId: client.id,
      title: 'Wrong short code on the posters',
      description: 'Internal: the intern skipped the proof step because he was rushed.',
      severity: 'major',
      category: 'wrong_fact',
    },
    api,
  );
  const fix = await ok(
    'POST',
    `/api/mistakes/${m.id}/fix-commitment`,
    { title: 'Reprint the posters', dueAt: new Date(t.clock.now().getTime() + 48 * HOUR).toISOString() },
    api,
  );
  await ok('POST', `/api/commitments/${fix.id}/complete`, undefined, api);
  return { client, okafor, m, fix, fixedAt: t.clock.now().toISOString() };
}

async function checkInsOf(mistakeId: string, api: ApiClient = t.api) {
  return (await ok('GET', `/api/mistakes/${mistakeId}/check-ins`, undefined, api)).items as {
    id: string;
    dueAt: string;
    state: string;
    status: string;
    offsetDays: number;
    remindedAt: string | null;
  }[];
}

async function timeline(mistakeId: string) {
  return (await ok('GET', `/api/mistakes/${mistakeId}/timeline`)).items as { type: string; summary: string }[];
}

/** The raw token of a satisfaction mail still waiting in the outbox (as the mailer would put it in). */
async function tokenOf(messageId: string): Promise<string> {
  const token = await t.services.deps.store.messageSecrets.get(t.owner.actor.workspaceId, messageId);
  if (!token) throw new Error('no token waiting');
  return token;
}

function tick(now: Date) {
  return runDueJobs(t.services.deps, t.services.mailer, { now, claimant: 'test' });
}

describe('check-ins', () => {
  it('completing the fix schedules check-ins after 7, 30 and 90 days in the same step, on the timeline', async () => {
    const { m, fixedAt } = await fixedMistake();
    const items = await checkInsOf(m.id);
    expect(items.map((c) => c.offsetDays)).toEqual([7, 30, 90]);
    expect(items.map((c) => c.dueAt)).toEqual(
      [7, 30, 90].map((d) => new Date(Date.parse(fixedAt) + d * DAY).toISOString()),
    );
    expect(items.every((c) => c.state === 'pending' && c.status === 'pending')).toBe(true);
    expect((await timeline(m.id)).map((e) => e.type)).toContain('check_in.scheduled');
  });

  it('uses the workspace setting for the offsets and refuses a bad one naming the field', async () => {
    const bad = await t.api.request('PATCH', '/api/settings', { checkIns: { offsetsDays: [7, 7] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('checkIns');
    const zero = await t.api.request('PATCH', '/api/settings', { checkIns: { offsetsDays: [0] } });
    expect(zero.status).toBe(400);
    await ok('PATCH', '/api/settings', { checkIns: { offsetsDays: [14, 3] } });
    const { m } = await fixedMistake();
    expect((await checkInsOf(m.id)).map((c) => c.offsetDays)).toEqual([3, 14]);
  });

  it('drafts a check-in from client-safe fields and sends it through the outbox: done on time, counted in health', async () => {
    const { okafor, m, client } = await fixedMistake();
    const [first] = await checkInsOf(m.id);
    if (!first) throw new Error('no check-in');
    t.clock.advance(7 * DAY + HOUR);
    const draft = await ok('GET', `/api/check-ins/${first.id}/draft?contactId=${okafor.id}`);
    expect(draft.body.startsWith('Dear Dr Okafor,\n')).toBe(true);
    expect(draft.body).toContain(
      'It has been a week since we put right our mistake — wrong short code on the posters.',
    );
    expect(`${draft.subject}\n${draft.body}`).not.toMatch(/intern|proof|rushed|Internal/iu);
    const check = await ok('POST', '/api/check', { text: draft.body, clientId: client.id });
    expect(check.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);

    const sent = await t.api.request('POST', `/api/check-ins/${first.id}/send`, {
      contactId: okafor.id,
      subject: draft.subject,
      body: draft.body,
    });
    expect(sent.status).toBe(200);
    expect(sent.body.checkIn).toMatchObject({ status: 'done', method: 'message', state: 'on_time' });
    expect(sent.body.message).toMatchObject({
      kind: 'follow_up',
      status: 'queued',
      toAddress: 'amara@serenity.example',
    });
    expect(sent.body.checkIn.messageId).toBe(sent.body.message.id);
    const again = await t.api.request('POST', `/api/check-ins/${first.id}/send`, {
      contactId: okafor.id,
      subject: draft.subject,
      body: draft.body,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('check_in_not_pending');
    // The refused second send queued nothing.
    const messages = (await ok('GET', `/api/messages?mistakeId=${m.id}&kind=follow_up`)).items;
    expect(messages).toHaveLength(1);
    expect((await timeline(m.id)).map((e) => e.type)).toContain('check_in.sent');
    const health = await ok('GET', `/api/clients/${client.id}/health`);
    expect(JSON.stringify(health)).toContain('check_in');
  });

  it('blocks a check-in message with an error finding unless overridden, and puts the override on the timeline', async () => {
    const { okafor, m } = await fixedMistake();
    const [first] = await checkInsOf(m.id);
    if (!first) throw new Error('no check-in');
    const draft = await ok('GET', `/api/check-ins/${first.id}/draft?contactId=${okafor.id}`);
    const wrong = draft.body.replace('Dear Dr Okafor', 'Dear Mr Okafor');
    const input = { contactId: okafor.id, subject: draft.subject, body: wrong };
    const blocked = await t.api.request('POST', `/api/check-ins/${first.id}/send`, input);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('blocking_findings');
    expect((await checkInsOf(m.id))[0]?.status).toBe('pending');
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}&kind=follow_up`)).items).toHaveLength(0);
    const overridden = await ok('POST', `/api/check-ins/${first.id}/send`, {
      ...input,
      overrideReason: 'She asked for Mr',
    });
    expect(overridden.overridden).toBe(true);
    const override = (await timeline(m.id)).find((e) => e.type === 'message.override');
    expect(override?.summary).toContain('She asked for Mr');
  });

  it('records a call or meeting and skips with a reason; a missing reason or method is a 400 naming the field', async () => {
    const { m } = await fixedMistake();
    const [first, second, third] = await checkInsOf(m.id);
    if (!first || !second || !third) throw new Error('no check-ins');
    const noMethod = await t.api.request('POST', `/api/check-ins/${first.id}/record`, { method: 'pigeon' });
    expect(noMethod.status).toBe(400);
    expect(JSON.stringify(noMethod.body)).toContain('method');
    const recorded = await ok('POST', `/api/check-ins/${first.id}/record`, { method: 'call', note: 'All good now' });
    expect(recorded).toMatchObject({ status: 'done', method: 'call', note: 'All good now' });
    const noReason = await t.api.request('POST', `/api/check-ins/${second.id}/skip`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const skipped = await ok('POST', `/api/check-ins/${second.id}/skip`, { reason: 'They asked for no more contact' });
    expect(skipped).toMatchObject({
      status: 'skipped',
      state: 'skipped',
      skipReason: 'They asked for no more contact',
    });
    const twice = await t.api.request('POST', `/api/check-ins/${second.id}/record`, { method: 'meeting' });
    expect(twice.status).toBe(409);
    const types = (await timeline(m.id)).map((e) => e.type);
    expect(types).toContain('check_in.recorded');
    expect(types).toContain('check_in.skipped');
    const clientList = (await ok('GET', `/api/clients/${m.clientId}/check-ins`)).items as { status: string }[];
    expect(clientList.map((c) => c.status)).toEqual(['done', 'skipped', 'pending']);
  });

  it('reminds the client owner once when a check-in falls due (in-app and email with the draft), and marks it overdue once after the grace', async () => {
    const { m } = await fixedMistake();
    const [first] = await checkInsOf(m.id);
    if (!first) throw new Error('no check-in');
    const before = await tick(new Date(Date.parse(first.dueAt) - HOUR));
    expect(before.checkIns).toEqual({ reminded: 0, overdue: 0 });
    const due = await tick(new Date(Date.parse(first.dueAt) + HOUR));
    expect(due.errors).toEqual([]);
    expect(due.checkIns.reminded).toBe(1);
    expect((await tick(new Date(Date.parse(first.dueAt) + 2 * HOUR))).checkIns.reminded).toBe(0);
    const notes = (await ok('GET', '/api/notifications')).items as {
      kind: string;
      title: string;
      body: string;
      messageId: string | null;
    }[];
    const reminder = notes.filter((n) => n.kind === 'check_in_due');
    expect(reminder).toHaveLength(1);
    expect(reminder[0]?.title).toContain(m.ref);
    expect(reminder[0]?.body).toContain('Dear Dr Okafor,');
    expect(reminder[0]?.messageId).not.toBeNull();
    const email = (await ok('GET', `/api/messages?kind=reminder`)).items as { id: string; body: string }[];
    expect(email.find((x) => x.id === reminder[0]?.messageId)?.body).toContain('Checking in:');
    t.clock.set(new Date(Date.parse(first.dueAt) + HOUR).toISOString());
    expect((await checkInsOf(m.id))[0]?.state).toBe('due');

    const late = await tick(new Date(Date.parse(first.dueAt) + 3 * DAY + HOUR));
    expect(late.checkIns.overdue).toBe(1);
    expect((await tick(new Date(Date.parse(first.dueAt) + 4 * DAY))).checkIns.overdue).toBe(0);
    t.clock.set(new Date(Date.parse(first.dueAt) + 4 * DAY).toISOString());
    const after = await checkInsOf(m.id);
    expect(after[0]).toMatchObject({ state: 'overdue', status: 'pending' });
    expect((await timeline(m.id)).filter((e) => e.type === 'check_in.overdue')).toHaveLength(1);
    const health = await ok('GET', `/api/clients/${m.clientId}/health`);
    expect(JSON.stringify(health)).toContain('overdue');
  });

  it('answers 400 for malformed ids and 404 for unknown ones and for another workspace', async () => {
    const { m, okafor } = await fixedMistake();
    const [first] = await checkInsOf(m.id);
    if (!first) throw new Error('no check-in');
    expect((await t.api.request('GET', '/api/check-ins/bad%20id/draft?contactId=x')).status).toBe(400);
    expect((await t.api.request('GET', `/api/check-ins/${first.id}/draft`)).status).toBe(400);
    expect((await t.api.request('POST', '/api/check-ins/nope/skip', { reason: 'x' })).status).toBe(404);
    expect((await t.api.request('POST', `/api/check-ins/${first.id}/skip`, { reason: 'x', extra: 1 })).status).toBe(
      400,
    );

    const other = await makeWorkspace(t.services, 'Other Studio');
    const b = await signedInClient(t.app, other.email, other.password);
    const miss = async (method: string, url: string, body?: unknown) => {
      const r = await b.request(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(404);
    };
    await miss('GET', `/api/mistakes/${m.id}/check-ins`);
    await miss('GET', `/api/clients/${m.clientId}/check-ins`);
    await miss('GET', `/api/check-ins/${first.id}/draft?contactId=${okafor.id}`);
    await miss('POST', `/api/check-ins/${first.id}/send`, { contactId: okafor.id, subject: 'Hi', body: 'Hello' });
    await miss('POST', `/api/check-ins/${first.id}/record`, { method: 'call' });
    await miss('POST', `/api/check-ins/${first.id}/skip`, { reason: 'x' });
    await miss('GET', `/api/mistakes/${m.id}/satisfaction`);
    await miss('GET', `/api/clients/${m.clientId}/satisfaction`);
    await miss('POST', `/api/mistakes/${m.id}/satisfaction`, { contactId: okafor.id });
    // B's own contact does not open A's mistake either.
    const bClient = await ok('POST', '/api/clients', { name: 'Other client', tier: 'standard' }, b);
    const bContact = await ok(
      'POST',
      `/api/clients/${bClient.id}/contacts`,
      { fullName: 'Bo Other', email: 'bo@other.example' },
      b,
    );
    const cross = await t.api.request('GET', `/api/check-ins/${first.id}/draft?contactId=${bContact.id}`);
    expect(cross.status).toBe(404);
    expect(cross.body.error.code).toBe('contact_not_found');
    // A's check-in is untouched.
    expect((await checkInsOf(m.id))[0]?.status).toBe('pending');
  });
});

describe('satisfaction check', () => {
  it('is refused before the fix is done, and for a contact without email', async () => {
    const client = await ok('POST', '/api/clients', { name: 'Acme Bakery', tier: 'standard' });
    const noEmail = await ok('POST', `/api/clients/${client.id}/contacts`, { fullName: 'No Mail' });
    const m = await ok('POST', '/api/mistakes', {
      clientId: client.id,
      title: 'Misspelled name in the brief',
      severity: 'minor',
      category: 'communication',
    });
    const early = await t.api.request('POST', `/api/mistakes/${m.id}/satisfaction`, { contactId: noEmail.id });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('mistake_not_fixed');
    const bad = await t.api.request('POST', `/api/mistakes/${m.id}/satisfaction`, {});
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('contactId');
  });

  it('mails the question with single-use links whose token is never stored in the body; the client answers, changes once, then it is final', async () => {
    const { okafor, m, client } = await fixedMistake();
    const request = await ok('POST', `/api/mistakes/${m.id}/satisfaction`, { contactId: okafor.id });
    expect(request).toMatchObject({ contactName: 'Amara Okafor', answer: null, expired: false });
    expect(Date.parse(request.expiresAt) - t.clock.now().getTime()).toBe(30 * DAY);
    const message = await ok('GET', `/api/messages/${request.messageId}`);
    const token = await tokenOf(request.messageId);
    expect(message.body).toContain('How well did we put this right?');
    expect(message.body).toContain('/satisfaction/[hidden: only the recipient gets this link]?answer=4');
    expect(message.body).not.toContain(token);
    expect(JSON.stringify(request)).not.toContain(token);
    // The stored row holds the hash only.
    const row = await t.services.deps.store.satisfaction.get(t.owner.actor.workspaceId, request.id);
    expect(row?.tokenHash).toBe(t.services.deps.crypto.sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const page = await t.app.inject({ method: 'GET', url: `/api/public/satisfaction/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      question: 'How well did we put this right?',
      from: 'Acme Studio',
      contactName: 'Amara Okafor',
      answer: null,
      canAnswer: true,
      canChange: false,
    });
    // Opening the page changed nothing.
    expect((await ok('GET', `/api/mistakes/${m.id}/satisfaction`)).items[0].answer).toBeNull();

    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/public/satisfaction/${token}`,
      payload: { answer: 3, comment: 'Took a while' },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ answer: 3, comment: 'Took a while', canAnswer: true, canChange: true });
    t.clock.advance(HOUR);
    const changed = await t.app.inject({
      method: 'POST',
      url: `/api/public/satisfaction/${token}`,
      payload: { answer: 4 },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ answer: 4, comment: null, canAnswer: false });
    const reused = await t.app.inject({
      method: 'POST',
      url: `/api/public/satisfaction/${token}`,
      payload: { answer: 1 },
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('satisfaction_answer_final');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/satisfaction/${token}` })).statusCode).toBe(410);

    const list = await ok('GET', `/api/mistakes/${m.id}/satisfaction`);
    expect(list.average).toBe(4);
    expect(list.items[0]).toMatchObject({ answer: 4, changedAt: t.clock.now().toISOString() });
    const perClient = await ok('GET', `/api/clients/${client.id}/satisfaction`);
    expect(perClient.items.map((i: { id: string }) => i.id)).toEqual([request.id]);
    const types = (await timeline(m.id)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['satisfaction.requested', 'satisfaction.answered', 'satisfaction.changed']),
    );
    const health = await ok('GET', `/api/clients/${client.id}/health`);
    expect(JSON.stringify(health)).toContain('satisfaction');
  });

  it('gives forged, malformed, expired and other-workspace tokens a 4xx, never a 5xx', async () => {
    const { okafor, m } = await fixedMistake();
    const request = await ok('POST', `/api/mistakes/${m.id}/satisfaction`, { contactId: okafor.id });
    const token = await tokenOf(request.messageId);

    const forged = randomBytes(32).toString('base64url');
    const f = await t.app.inject({ method: 'POST', url: `/api/public/satisfaction/${forged}`, payload: { answer: 5 } });
    expect(f.statusCode).toBe(404);
    expect(f.json().error.code).toBe('satisfaction_token_invalid');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/satisfaction/${forged}` })).statusCode).toBe(404);
    // A token with one character changed is forged too.
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await t.app.inject({ method: 'GET', url: `/api/public/satisfaction/${flipped}` })).statusCode).toBe(404);
    for (const bad of ['short', `${token}x`, `${token.slice(0, 42)}!`, '%00']) {
      const r = await t.app.inject({ method: 'GET', url: `/api/public/satisfaction/${encodeURIComponent(bad)}` });
      expect(r.statusCode, bad).toBe(400);
    }
    const badAnswer = await t.app.inject({
      method: 'POST',
      url: `/api/public/satisfaction/${token}`,
      payload: { answer: 6 },
    });
    expect(badAnswer.statusCode).toBe(400);
    expect(JSON.stringify(badAnswer.json())).toContain('answer');
    const notJson = await t.app.inject({
      method: 'POST',
      url: `/api/public/satisfaction/${token}`,
      payload: 'answer=5',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.statusCode).toBeGreaterThanOrEqual(400);
    expect(notJson.statusCode).toBeLessThan(500);

    // Another workspace's token answers that workspace's request only.
    const other = await makeWorkspace(t.services, 'Other Studio');
    const b = await signedInClient(t.app, other.email, other.password);
    const theirs = await fixedMistake(b);
    const theirRequest = await ok(
      'POST',
      `/api/mistakes/${theirs.m.id}/satisfaction`,
      { contactId: theirs.okafor.id },
      b,
    );
    const theirToken = await t.services.deps.store.messageSecrets.get(other.actor.workspaceId, theirRequest.messageId);
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/public/satisfaction/${theirToken ?? ''}`,
      payload: { answer: 1 },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().from).toBe('Other Studio');
    expect((await ok('GET', `/api/mistakes/${m.id}/satisfaction`)).items[0].answer).toBeNull();
    expect((await ok('GET', `/api/mistakes/${theirs.m.id}/satisfaction`, undefined, b)).items[0].answer).toBe(1);
    // A's member cannot read B's request through A's routes.
    expect((await t.api.request('GET', `/api/mistakes/${theirs.m.id}/satisfaction`)).status).toBe(404);

    // Expired: 30 days later the link answers 410 and records nothing.
    t.clock.advance(30 * DAY);
    const expired = await t.app.inject({
      method: 'POST',
      url: `/api/public/satisfaction/${token}`,
      payload: { answer: 5 },
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('satisfaction_token_expired');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/satisfaction/${token}` })).statusCode).toBe(410);
    // (The owner's session has lapsed by now too: sign in again to look.)
    const again = await signedInClient(t.app, t.owner.email, t.owner.password);
    expect((await ok('GET', `/api/mistakes/${m.id}/satisfaction`, undefined, again)).items[0]).toMatchObject({
      answer: null,
      expired: true,
    });
  });

  it('limits each address to 30 tries of the public page in 15 minutes (429, never a 5xx)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const forged = randomBytes(32).toString('base64url');
      statuses.push((await t.app.inject({ method: 'GET', url: `/api/public/satisfaction/${forged}` })).statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('the mailer puts the token into the links, and the outbox and export never show it', async () => {
    const { okafor, m } = await fixedMistake();
    const request = await ok('POST', `/api/mistakes/${m.id}/satisfaction`, { contactId: okafor.id });
    const token = await tokenOf(request.messageId);
    const outbox = await ok('GET', `/api/messages?mistakeId=${m.id}`);
    expect(JSON.stringify(outbox)).not.toContain(token);
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/export',
      headers: { cookie: t.api.cookie, 'x-csrf-token': t.api.csrfToken },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.includes(Buffer.from(token))).toBe(false);
    expect(exported.rawPayload.includes(Buffer.from(t.services.deps.crypto.sha256(token)))).toBe(false);

    // The mailer gets the five real links; once sent, the raw token leaves the database.
    const delivered: Message[] = [];
    const mailer: Mailer = {
      description: 'memory',
      send: async (mail) => {
        delivered.push(mail);
      },
      close: async () => {},
    };
    await deliverWorkspaceOutbox(t.services.deps, mailer, t.owner.actor.workspaceId, { claimant: 'test' });
    const mail = delivered.find((d) => d.kind === 'satisfaction');
    for (const n of [1, 2, 3, 4, 5]) expect(mail?.body).toContain(`/satisfaction/${token}?answer=${n}`);
    expect(await t.services.deps.store.messageSecrets.get(t.owner.actor.workspaceId, request.messageId)).toBeNull();
    const stored = await ok('GET', `/api/messages/${request.messageId}`);
    expect(stored.status).toBe('sent');
    expect(stored.body).not.toContain(token);
    // The link in the mail still works.
    expect((await t.app.inject({ method: 'GET', url: `/api/public/satisfaction/${token}` })).statusCode).toBe(200);
  });

  it('with the automatic setting, mails the satisfaction check once the last check-in is settled', async () => {
    await ok('PATCH', '/api/settings', { satisfaction: { mode: 'automatic' }, checkIns: { offsetsDays: [7, 30] } });
    const { m } = await fixedMistake();
    const [first, second] = await checkInsOf(m.id);
    if (!first || !second) throw new Error('no check-ins');
    await ok('POST', `/api/check-ins/${first.id}/record`, { method: 'call' });
    expect((await ok('GET', `/api/mistakes/${m.id}/satisfaction`)).items).toHaveLength(0);
    await ok('POST', `/api/check-ins/${second.id}/record`, { method: 'meeting' });
    const after = (await ok('GET', `/api/mistakes/${m.id}/satisfaction`)).items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ contactName: 'Amara Okafor' });
  });
});
