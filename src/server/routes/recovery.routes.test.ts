import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueMessage } from '../../domain/messages/outbox.ts';
import type { Role } from '../../shared/contract/index.ts';
import { makeWorkspace, signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

const HOUR = 3_600_000;
let people = 0;

/** A signed-in user of the test workspace with `role`. */
async function userWith(role: Role): Promise<ApiClient> {
  const n = ++people;
  const email = `${role}${n}@acme.example`;
  const password = 'correct horse battery';
  const store = t.services.deps.store;
  const id = `user-${role}-${n}`;
  const createdAt = t.clock.now().toISOString();
  await store.users.create({
    id,
    name: `${role} ${n}`,
    email,
    passwordHash: await t.services.deps.crypto.hashPassword(password),
    createdAt,
  });
  await store.users.addMembership(t.owner.actor.workspaceId, id, role, createdAt);
  return signedInClient(t.app, email, password);
}

/** A signed-in owner of another workspace. */
async function outsider(): Promise<ApiClient> {
  const other = await makeWorkspace(t.services, 'Other Studio');
  return signedInClient(t.app, other.email, other.password);
}

async function ok(method: string, url: string, body?: unknown, api: ApiClient = t.api) {
  const r = await api.request(method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A key client with a doctor, a billing contact and a contact without an honorific. */
async function spa(tier: 'key' | 'standard' = 'key', name = 'Serenity Day Spas') {
  const client = await ok('POST', '/api/clients', { name, tier, value: { amountMinor: 1_200_000, currency: 'USD' } });
  const okafor = await ok('POST', `/api/clients/${client.id}/contacts`, {
    fullName: 'Amara Okafor',
    honorific: 'Dr',
    email: 'amara@serenity.example',
  });
  const carter = await ok('POST', `/api/clients/${client.id}/contacts`, {
    fullName: 'Lynn Carter',
    honorific: 'Ms',
    email: 'billing@serenity.example',
    isBilling: true,
  });
  const reyes = await ok('POST', `/api/clients/${client.id}/contacts`, {
    fullName: 'Samuel Reyes',
    preferredName: 'Sam',
    honorific: 'none',
    email: 'sam@serenity.example',
  });
  const nomail = await ok('POST', `/api/clients/${client.id}/contacts`, { fullName: 'Pat Nomail', honorific: 'Mx' });
  return { client, okafor, carter, reyes, nomail };
}

async function mistake(clientId: string, over: Record<string, unknown> = {}) {
  return ok('POST', '/api/mistakes', {
    clientId,
    title: 'Wrong short code on the spa posters',
    description: 'We sent 55132 to the printer instead of 55123.',
    severity: 'critical',
    category: 'wrong_fact',
    impact: { amountMinor: 24_000, currency: 'USD' },
    ...over,
  });
}

const key = (label: string) => `${label}-0123456789`;

/** Records that the client was told by phone, so an accounting notice is not held. */
async function told(mistakeId: string) {
  return ok('POST', `/api/mistakes/${mistakeId}/acknowledgments`, { channel: 'phone', recipient: 'Front desk' });
}

describe('acknowledgment composer', () => {
  it('addresses the draft by honorific and surname, or by preferred name when the honorific is none', async () => {
    const s = await spa();
    const m = await mistake(s.client.id);
    const dr = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    expect(dr.salutation).toBe('Dr Okafor');
    expect(dr.body.startsWith('Dear Dr Okafor,\n')).toBe(true);
    expect(dr.toName).toBe('Amara Okafor');
    expect(dr.toAddress).toBe('amara@serenity.example');
    const ms = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.carter.id}`);
    expect(ms.body.startsWith('Dear Ms Carter,\n')).toBe(true);
    const none = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.reyes.id}`);
    expect(none.salutation).toBe('Sam');
    expect(none.body).not.toMatch(/\b(Mr|Ms|Mx|Dr)\b/);
    const first = await ok('POST', `/api/clients/${s.client.id}/contacts`, { fullName: 'Jo Park', honorific: 'none' });
    expect((await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${first.id}`)).salutation).toBe('Jo');
  });

  it('builds the draft from the facts: what went wrong, the fix date, the remedy issued, the prevention step', async () => {
    const s = await spa();
    const m = await mistake(s.client.id);
    const plain = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    expect(plain.fixDueAt).toBeNull();
    // The title is an internal note: what went wrong is said by category, then in the description's words.
    expect(plain.body.toLowerCase()).not.toContain('wrong short code on the spa posters');
    expect(plain.body).toContain('I made a mistake in a detail of something I sent you.');
    expect(plain.body).toContain('We sent 55132 to the printer instead of 55123.');
    expect(plain.body).toContain('within 24 hours');
    // No preventive action recorded yet: it promises the plan by a date, not a prevention step it has not decided.
    // A one-person workspace speaks as "I".
    expect(plain.body).toContain('I will send you my plan to stop it happening again by Monday, March 9, 2026');
    expect(plain.body).toContain('This was my error, and I am sorry. Putting it right is now my priority.');
    expect(plain.body).not.toContain('To make sure this does not happen again');
    expect(plain.body).not.toContain('credit');

    await ok('POST', `/api/mistakes/${m.id}/fix-commitment`, {
      title: 'Reprint the posters with 55123',
      dueAt: '2026-03-03T17:00:00Z',
    });
    await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 30_000,
      currency: 'USD',
      idempotencyKey: key('draft'),
    });
    const full = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    expect(full.fixDueAt).toBe('2026-03-03T17:00:00.000Z');
    expect(full.body).toContain('Tuesday, March 3, 2026');
    expect(full.body).toContain('reprint the posters with 55123');
    expect(full.body).toContain('a credit of $300.00');
    expect(full.subject).toBe('My mistake in a detail of something I sent you, and how I am putting it right');
  });

  it('speaks as "we" once the workspace has a second member, or when the voice setting says so', async () => {
    const s = await spa();
    const m = await mistake(s.client.id);
    const draftOf = async () => ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    await ok('PATCH', '/api/settings', { voice: 'we' });
    const agency = await draftOf();
    expect(agency.subject).toBe('Our mistake in a detail of something we sent you, and how we are putting it right');
    expect(agency.body).toContain('I want you to hear this from us first: we made a mistake in a detail of something we sent you.');
    expect(agency.body).toContain('This was our error, and I am sorry.');
    await ok('PATCH', '/api/settings', { voice: 'auto' });
    expect((await draftOf()).body).toContain('I want you to hear this from me first: I made a mistake');
    // A second member (added through the API, leaving the userWith numbering of later tests alone).
    await ok('POST', '/api/members', { name: 'Jo Park', email: 'jo.park@acme.example', password: 'temporary pass 123', role: 'member' });
    expect((await draftOf()).body).toContain('I want you to hear this from us first: we made a mistake');
    await ok('PATCH', '/api/settings', { voice: 'i' });
    expect((await draftOf()).body).toContain('This was my error, and I am sorry. Putting it right is now my priority.');
    const bad = await t.api.request('PATCH', '/api/settings', { voice: 'they' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('voice');
  });

  it('passes its own analyser and guard: sending the draft unchanged has no error findings', async () => {
    const s = await spa();
    const m = await mistake(s.client.id);
    await ok('POST', `/api/mistakes/${m.id}/fix-commitment`, {
      title: 'Reprint the posters with 55123',
      dueAt: '2026-03-03T17:00:00Z',
    });
    const draft = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    const sent = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft.subject,
      body: draft.body,
    });
    expect(sent.status).toBe(201);
    expect(sent.body.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(sent.body.overridden).toBe(false);
  });

  it('drafts that pass the analyser and guard for every category, finder and severity', async () => {
    const s = await spa();
    const categories = [
      'communication',
      'deliverable_quality',
      'deadline',
      'billing',
      'requirements',
      'wrong_fact',
      'other',
    ];
    const finders = ['us', 'client', 'third_party'];
    let i = 0;
    for (const category of categories) {
      const foundBy = finders[i % finders.length];
      const severity = ['minor', 'major', 'critical'][i % 3];
      i++;
      const m = await mistake(s.client.id, {
        category,
        foundBy,
        severity,
        title: `Missed the ${category.replace('_', ' ')} check`,
        // What happened, in words for the client: the draft says it (the title stays internal).
        description: `We missed the ${category.replace('_', ' ')} check before the posters went to print.`,
      });
      const draft = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.carter.id}`);
      const sent = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
        contactId: s.carter.id,
        subject: draft.subject,
        body: draft.body,
      });
      expect({ category, status: sent.status }).toEqual({ category, status: 201 });
      expect(sent.body.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
    }
  });

  it('never pastes the title when there is no description: the analyser asks for what went wrong (a warning, not a block)', async () => {
    const s = await spa();
    const m = await mistake(s.client.id, {
      category: 'communication',
      title: 'forgot the feature assignment for the spring launch',
      description: null,
    });
    const draft = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    expect(`${draft.subject}\n${draft.body}`.toLowerCase()).not.toContain('feature assignment');
    expect(draft.body).toContain('I made a mistake in a message I sent you.');
    const sent = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft.subject,
      body: draft.body,
    });
    expect(sent.status).toBe(201);
    const notInfo = sent.body.findings.filter((f: { severity: string }) => f.severity !== 'info');
    expect(notInfo.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([['unnamed_mistake', 'warning']]);
  });

  it('writes dates the British way for an en-GB workspace, and still passes the guard', async () => {
    await ok('PATCH', '/api/settings', { locale: 'en-GB' });
    const s = await spa();
    const m = await mistake(s.client.id, { severity: 'minor' });
    const before = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    expect(before.body).toContain('within 7 days');
    await ok('POST', `/api/mistakes/${m.id}/fix-commitment`, {
      title: 'Reprint the posters with 55123',
      dueAt: '2026-03-03T17:00:00Z',
    });
    const draft = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    expect(draft.body).toContain('17:00 UTC on Tuesday, 3 March 2026');
    // The guard does read the date: the wrong weekday would have been blocked.
    const wrongDay = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft.subject,
      body: draft.body.replace('Tuesday, 3 March', 'Wednesday, 3 March'),
    });
    expect(wrongDay.status).toBe(422);
    expect(wrongDay.body.error.details.blocking.map((f: { rule: string }) => f.rule)).toEqual(['weekday_mismatch']);
    const sent = await ok('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft.subject,
      body: draft.body,
    });
    expect(sent.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('answers 404 for a contact of another client and 400 naming contactId when it is missing', async () => {
    const s = await spa();
    const other = await spa('standard', 'Blue Harbor Dental');
    const m = await mistake(s.client.id);
    const wrong = await t.api.request('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${other.okafor.id}`);
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('contact_not_found');
    const missing = await t.api.request('GET', `/api/mistakes/${m.id}/acknowledgment-draft`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues[0].field).toBe('querystring.contactId');
  });
});

describe('sending an acknowledgment', () => {
  it('blocks a wrong honorific with 422 and the findings, queues nothing, and sends once fixed', async () => {
    const s = await spa();
    const m = await mistake(s.client.id);
    const draft = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    const wrong = draft.body.replace('Dear Dr Okafor', 'Dear Mr Okafor');
    const blocked = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft.subject,
      body: wrong,
    });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('blocking_findings');
    const honorific = blocked.body.error.details.blocking.find((f: { rule: string }) => f.rule === 'honorific');
    expect(honorific).toMatchObject({ source: 'guard', field: 'body', severity: 'error', replacement: 'Dr Okafor' });
    expect(wrong.slice(honorific.start, honorific.end)).toBe('Mr Okafor');
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}`)).items).toEqual([]);
    expect((await ok('GET', `/api/mistakes/${m.id}`)).stage).toBe('found');

    const fixed = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft.subject,
      body: draft.body,
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body.stage).toBe('acknowledged');
    expect(fixed.body.message).toMatchObject({
      kind: 'acknowledgment',
      status: 'queued',
      toAddress: 'amara@serenity.example',
    });
    expect(fixed.body.acknowledgment).toMatchObject({
      channel: 'email',
      contactId: s.okafor.id,
      messageId: fixed.body.message.id,
    });
  });

  it('blocks an apology analyser error (a conditional apology) unless an override reason is given, and records the override', async () => {
    const s = await spa();
    const m = await mistake(s.client.id);
    const body =
      'Dear Dr Okafor,\n\nWe are sorry if you were upset by the posters. We will reprint them by Friday.\n\nDana';
    const blocked = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: 'The posters',
      body,
    });
    expect(blocked.status).toBe(422);
    expect(
      blocked.body.error.details.blocking.map((f: { source: string; rule: string }) => `${f.source}:${f.rule}`),
    ).toContain('apology:conditional_apology');
    const sent = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: 'The posters',
      body,
      overrideReason: 'Dr Okafor asked for this exact wording on the phone',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.overridden).toBe(true);
    const timeline = (await ok('GET', `/api/mistakes/${m.id}/timeline`)).items;
    const override = timeline.find((e: { type: string }) => e.type === 'message.override');
    expect(override.summary).toContain('Dr Okafor asked for this exact wording on the phone');
    expect(override.data.messageId).toBe(sent.body.message.id);
  });

  it('reports time to acknowledge against the target for the severity', async () => {
    const s = await spa();
    const critical = await mistake(s.client.id, { severity: 'critical' });
    const major = await mistake(s.client.id, { severity: 'major', title: 'Brochure proof late' });
    t.clock.advance(90 * 60_000);
    const draft = await ok('GET', `/api/mistakes/${critical.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    const late = await ok('POST', `/api/mistakes/${critical.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft.subject,
      body: draft.body,
    });
    expect(late).toMatchObject({
      timeToAcknowledgeSeconds: 5400,
      targetMinutes: 60,
      withinTarget: false,
      sentAt: '2026-03-02T10:30:00.000Z',
    });
    const draft2 = await ok('GET', `/api/mistakes/${major.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    const inTime = await ok('POST', `/api/mistakes/${major.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft2.subject,
      body: draft2.body,
    });
    expect(inTime).toMatchObject({ timeToAcknowledgeSeconds: 5400, targetMinutes: 240, withinTarget: true });
    await ok('PATCH', '/api/settings', {
      targets: {
        critical: { acknowledgeMinutes: 120, fixHours: 24 },
        major: { acknowledgeMinutes: 30, fixHours: 72 },
        minor: { acknowledgeMinutes: 1440, fixHours: 168 },
      },
    });
    const summary = await ok('GET', `/api/mistakes/${major.id}/recovery`);
    expect(summary.acknowledgment).toMatchObject({
      targetMinutes: 30,
      withinTarget: false,
      timeToAcknowledgeSeconds: 5400,
    });
  });

  it('says whether we told the client before they noticed', async () => {
    const s = await spa();
    const send = async (id: string) => {
      const d = await ok('GET', `/api/mistakes/${id}/acknowledgment-draft?contactId=${s.okafor.id}`);
      return ok('POST', `/api/mistakes/${id}/acknowledgment/send`, {
        contactId: s.okafor.id,
        subject: d.subject,
        body: d.body,
      });
    };
    const ours = await mistake(s.client.id);
    expect((await send(ours.id)).toldBeforeNoticed).toBe(true);
    const theirs = await mistake(s.client.id, { foundBy: 'client', title: 'Invoice total wrong' });
    expect((await send(theirs.id)).toldBeforeNoticed).toBe(false);
    const noticed = await mistake(s.client.id, { title: 'Logo stretched on the banner' });
    t.clock.advance(10 * 60_000);
    const notice = await ok('POST', `/api/mistakes/${noticed.id}/client-noticed`, {});
    expect(notice.clientNoticedAt).toBe('2026-03-02T09:10:00.000Z');
    t.clock.advance(10 * 60_000);
    expect((await send(noticed.id)).toldBeforeNoticed).toBe(false);
    expect((await ok('GET', `/api/mistakes/${noticed.id}/recovery`)).clientNoticedAt).toBe('2026-03-02T09:10:00.000Z');
  });

  it('refuses a contact without an email with 400 naming contactId, and empty text naming the field', async () => {
    const s = await spa();
    const m = await mistake(s.client.id);
    const r = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.nomail.id,
      subject: 'Hello',
      body: 'We made a mistake.',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('contactId');
    const empty = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: 'Hello',
      body: '  ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.issues[0].field).toBe('body.body');
  });
});

describe('account sweep', () => {
  it("lists the client's open commitments, other open mistakes, unsent messages and remedies awaiting approval", async () => {
    const s = await spa();
    const other = await spa('standard', 'Blue Harbor Dental');
    const m = await mistake(s.client.id);
    const older = await mistake(s.client.id, {
      title: 'Brochure proof late',
      severity: 'minor',
      impact: { amountMinor: 1_000, currency: 'USD' },
    });
    await mistake(other.client.id, { title: 'Not this client' });
    const commitment = await ok('POST', `/api/clients/${s.client.id}/commitments`, {
      title: 'Deliver the spring campaign',
      dueAt: '2026-03-10T17:00:00Z',
    });
    const done = await ok('POST', `/api/clients/${s.client.id}/commitments`, {
      title: 'Already done',
      dueAt: '2026-03-04T17:00:00Z',
    });
    await ok('POST', `/api/commitments/${done.id}/complete`);
    const store = t.services.deps.store;
    const ws = t.owner.actor.workspaceId;
    const draft = {
      kind: 'update' as const,
      clientId: s.client.id,
      mistakeId: null,
      fromName: 'Acme',
      toName: 'Lynn Carter',
      toAddress: 'lynn@serenity.example',
      subject: 'Spring campaign',
      body: 'Hello',
    };
    const queued = await queueMessage(t.services.deps, ws, draft);
    const failing = await queueMessage(t.services.deps, ws, { ...draft, subject: 'Invoice' });
    const claimed = await store.messages.claimDue(ws, t.clock.now().toISOString(), 'test', 3_600_000, 10);
    for (const c of claimed) {
      if (c.id === failing.id) await store.messages.markFailed(ws, c.id, 'test', 1, '550 mailbox unavailable');
      else await store.messages.release(ws, c.id, 'test');
    }
    const pending = await ok('POST', `/api/mistakes/${older.id}/remedies`, {
      kind: 'refund',
      amountMinor: 90_000,
      currency: 'USD',
      idempotencyKey: key('sweep'),
    });
    expect(pending.entry.status).toBe('pending_approval');

    const sweep = await ok('GET', `/api/mistakes/${m.id}/sweep`);
    const kinds = sweep.items.map((i: { kind: string; id: string }) => `${i.kind}:${i.id}`);
    expect(kinds.sort()).toEqual(
      [
        `commitment:${commitment.id}`,
        `mistake:${older.id}`,
        `message:${queued.id}`,
        `message:${failing.id}`,
        `remedy:${pending.entry.id}`,
      ].sort(),
    );
    expect(sweep.items.find((i: { id: string }) => i.id === failing.id).detail).toBe('failed: 550 mailbox unavailable');
    expect(sweep.items.find((i: { id: string }) => i.id === older.id).label).toBe(`${older.ref} Brochure proof late`);
    expect(sweep.lastSweep).toBeNull();
  });

  it("records a sweep on the mistake's and the client's timeline, and refuses items not on the list with 400", async () => {
    const s = await spa();
    const other = await spa('standard', 'Blue Harbor Dental');
    const m = await mistake(s.client.id);
    const c1 = await ok('POST', `/api/clients/${s.client.id}/commitments`, {
      title: 'Deliver the spring campaign',
      dueAt: '2026-03-10T17:00:00Z',
    });
    const c2 = await ok('POST', `/api/clients/${s.client.id}/commitments`, {
      title: 'Send the April plan',
      dueAt: '2026-03-12T17:00:00Z',
    });
    const foreign = await ok('POST', `/api/clients/${other.client.id}/commitments`, {
      title: 'Other client work',
      dueAt: '2026-03-12T17:00:00Z',
    });

    const bad = await t.api.request('POST', `/api/mistakes/${m.id}/sweep`, {
      checked: [
        { kind: 'commitment', id: c1.id },
        { kind: 'commitment', id: foreign.id },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('checked.1');
    const self = await t.api.request('POST', `/api/mistakes/${m.id}/sweep`, {
      checked: [{ kind: 'mistake', id: m.id }],
    });
    expect(self.status).toBe(400);
    const badKind = await t.api.request('POST', `/api/mistakes/${m.id}/sweep`, {
      checked: [{ kind: 'invoice', id: c1.id }],
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details.issues[0].field).toBe('body.checked.0.kind');

    const recorded = await t.api.request('POST', `/api/mistakes/${m.id}/sweep`, {
      checked: [{ kind: 'commitment', id: c1.id }],
      note: 'April plan is on track',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.checked.map((i: { id: string }) => i.id)).toEqual([c1.id]);
    expect(recorded.body.unchecked.map((i: { id: string }) => i.id)).toEqual([c2.id]);
    const mistakeEvents = (await ok('GET', `/api/mistakes/${m.id}/timeline`)).items.filter(
      (e: { type: string }) => e.type === 'account.swept',
    );
    const clientEvents = (await ok('GET', `/api/clients/${s.client.id}/timeline`)).items.filter(
      (e: { type: string }) => e.type === 'account.swept',
    );
    expect(mistakeEvents).toHaveLength(1);
    expect(clientEvents).toHaveLength(1);
    expect(mistakeEvents[0].summary).toContain('1 of 2 open items checked');
    expect((await ok('GET', `/api/mistakes/${m.id}/sweep`)).lastSweep.id).toBe(recorded.body.id);
  });
});

describe('remedy policy', () => {
  it('proposes impact × 200% for a key client and says approval is needed above the 150% cap, with the loyalty warning', async () => {
    const s = await spa('key');
    const m = await mistake(s.client.id, { impact: { amountMinor: 20_000, currency: 'USD' } });
    const p = await ok('GET', `/api/mistakes/${m.id}/remedy-proposal`);
    expect(p).toMatchObject({
      tier: 'key',
      multiplierPercent: 200,
      proposed: { amountMinor: 40_000, currency: 'USD' },
      capPercent: 150,
      capAmountMinor: 30_000,
      approvalThresholdMinor: 50_000,
    });
    expect(p.assessment.requiresApproval).toBe(true);
    expect(p.assessment.percentOfImpact).toBe(200);
    expect(p.assessment.reasons.map((r: { code: string }) => r.code)).toEqual(['above_cap']);
    expect(p.assessment.warning).toMatch(/150%/);
  });

  it('proposes impact × 100% for a standard client, needing approval only above the threshold', async () => {
    const s = await spa('standard');
    const small = await mistake(s.client.id, { impact: { amountMinor: 20_000, currency: 'USD' } });
    const p = await ok('GET', `/api/mistakes/${small.id}/remedy-proposal`);
    expect(p.proposed.amountMinor).toBe(20_000);
    expect(p.assessment).toMatchObject({ requiresApproval: false, reasons: [], warning: null });
    const big = await mistake(s.client.id, { impact: { amountMinor: 60_000, currency: 'USD' } });
    const q = await ok('GET', `/api/mistakes/${big.id}/remedy-proposal`);
    expect(q.assessment.reasons.map((r: { code: string }) => r.code)).toEqual(['above_threshold']);
    expect(q.assessment.warning).toBeNull();
    const asked = await ok('GET', `/api/mistakes/${small.id}/remedy-proposal?amountMinor=30001`);
    expect(asked.assessment.reasons.map((r: { code: string }) => r.code)).toEqual(['above_cap']);
    const exactlyCap = await ok('GET', `/api/mistakes/${small.id}/remedy-proposal?amountMinor=30000`);
    expect(exactlyCap.assessment.requiresApproval).toBe(false);
    const euros = await ok('GET', `/api/mistakes/${small.id}/remedy-proposal?amountMinor=100&currency=EUR`);
    expect(euros.assessment.reasons.map((r: { code: string }) => r.code)).toEqual(['currency_differs']);
    const bad = await t.api.request('GET', `/api/mistakes/${small.id}/remedy-proposal?amountMinor=1.5`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('querystring.amountMinor');
  });

  it('answers a proposal for the largest impact without overflowing (capped at the largest remedy)', async () => {
    await ok('PATCH', '/api/settings', {
      remedyPolicy: {
        multipliers: {
          key: { minor: 1000, major: 1000, critical: 1000 },
          standard: { minor: 100, major: 100, critical: 100 },
        },
        capPercent: 1000,
        approvalThresholdMinor: 50_000,
      },
    });
    const s = await spa('key');
    const m = await mistake(s.client.id, { impact: { amountMinor: 1_000_000_000_000_000, currency: 'USD' } });
    const p = await t.api.request('GET', `/api/mistakes/${m.id}/remedy-proposal`);
    expect(p.status).toBe(200);
    expect(p.body.proposed.amountMinor).toBe(1_000_000_000_000);
    expect(p.body.capAmountMinor).toBe(Number.MAX_SAFE_INTEGER);
    expect(p.body.assessment.reasons.map((r: { code: string }) => r.code)).toEqual(['above_threshold']);
  });

  it('follows the multipliers and cap in the workspace settings', async () => {
    await ok('PATCH', '/api/settings', {
      remedyPolicy: {
        multipliers: {
          key: { minor: 300, major: 250, critical: 175 },
          standard: { minor: 50, major: 100, critical: 120 },
        },
        capPercent: 180,
        approvalThresholdMinor: 1_000_000,
      },
    });
    const s = await spa('key');
    const m = await mistake(s.client.id, { severity: 'major', impact: { amountMinor: 10_001, currency: 'USD' } });
    const p = await ok('GET', `/api/mistakes/${m.id}/remedy-proposal`);
    expect(p.multiplierPercent).toBe(250);
    expect(p.proposed.amountMinor).toBe(25_003);
    expect(p.capPercent).toBe(180);
    expect(p.assessment.reasons.map((r: { code: string }) => r.code)).toEqual(['above_cap']);
  });
});

describe('remedy ledger', () => {
  it('issues a remedy within policy at once: reaches remedied and queues a separate accounting notice to the billing contact', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    await told(m.id);
    const r = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 24_000,
      currency: 'USD',
      note: 'Full value of the reprint',
      idempotencyKey: key('issue'),
    });
    expect(r.status).toBe(201);
    expect(r.body.entry).toMatchObject({
      kind: 'credit',
      amountMinor: 24_000,
      currency: 'USD',
      status: 'issued',
      requiresApproval: false,
      approval: null,
      mistakeRef: m.ref,
    });
    expect(r.body.stage).toBe('remedied');
    expect(r.body.accountingMessage).toMatchObject({
      kind: 'accounting',
      fromName: 'Accounting',
      toName: 'Lynn Carter',
      toAddress: 'billing@serenity.example',
      status: 'queued',
    });
    expect(r.body.accountingMessage.body).toContain('Dear Ms Carter,');
    expect(r.body.accountingMessage.body).toContain('$240.00');
    expect(r.body.entry.accountingMessageId).toBe(r.body.accountingMessage.id);
    const messages = (await ok('GET', `/api/messages?mistakeId=${m.id}`)).items;
    expect(messages.map((x: { kind: string }) => x.kind)).toEqual(['accounting']);
  });

  it('uses the accounting sender name from settings, and says why no notice went out without a billing contact', async () => {
    await ok('PATCH', '/api/settings', { accountingSenderName: 'Acme Accounts' });
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    await told(m.id);
    const r = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'discount',
      amountMinor: 1_000,
      currency: 'USD',
      idempotencyKey: key('sender'),
    });
    expect(r.accountingMessage.fromName).toBe('Acme Accounts');
    const bare = await ok('POST', '/api/clients', { name: 'No Billing Ltd', tier: 'standard' });
    const m2 = await mistake(bare.id);
    await told(m2.id);
    const r2 = await ok('POST', `/api/mistakes/${m2.id}/remedies`, {
      kind: 'credit',
      amountMinor: 1_000,
      currency: 'USD',
      idempotencyKey: key('nobilling'),
    });
    expect(r2.accountingMessage).toBeNull();
    expect(r2.noticeSkippedReason).toMatch(/no billing contact/);
    expect(r2.stage).toBe('remedied');
    const timeline = (await ok('GET', `/api/mistakes/${m2.id}/timeline`)).items;
    expect(timeline.map((e: { type: string }) => e.type)).toContain('remedy.accounting_notice_skipped');
  });

  it('holds a remedy above the cap for approval; a member cannot approve (403), an owner or admin can', async () => {
    const s = await spa('key');
    const m = await mistake(s.client.id, { impact: { amountMinor: 20_000, currency: 'USD' } });
    await told(m.id);
    const member = await userWith('member');
    const admin = await userWith('admin');
    const r = await ok(
      'POST',
      `/api/mistakes/${m.id}/remedies`,
      { kind: 'credit', amountMinor: 40_000, currency: 'USD', idempotencyKey: key('pending') },
      member,
    );
    expect(r.entry.status).toBe('pending_approval');
    expect(r.entry.approvalReasons.map((x: { code: string }) => x.code)).toEqual(['above_cap']);
    expect(r.accountingMessage).toBeNull();
    expect(r.stage).toBe('acknowledged');
    const refused = await member.request('POST', `/api/remedies/${r.entry.id}/approve`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const viewer = await userWith('viewer');
    expect((await viewer.request('POST', `/api/remedies/${r.entry.id}/approve`, {})).status).toBe(403);
    const approved = await admin.request('POST', `/api/remedies/${r.entry.id}/approve`, {
      note: 'Key account: double as in our policy',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.entry.status).toBe('issued');
    expect(approved.body.entry.approval).toMatchObject({
      note: 'Key account: double as in our policy',
      by: { name: 'admin 2' },
    });
    expect(approved.body.accountingMessage.kind).toBe('accounting');
    expect(approved.body.stage).toBe('remedied');
    const again = await t.api.request('POST', `/api/remedies/${r.entry.id}/approve`);
    expect(again.status).toBe(200);
    expect(again.body.accountingMessage.id).toBe(approved.body.accountingMessage.id);
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}&kind=accounting`)).items).toHaveLength(1);
    const other = await mistake(s.client.id, { title: 'Another one' });
    const notPending = await ok('POST', `/api/mistakes/${other.id}/remedies`, {
      kind: 'gift',
      amountMinor: 100,
      currency: 'USD',
      idempotencyKey: key('small'),
    });
    expect((await t.api.request('POST', `/api/remedies/${notPending.entry.id}/approve`, {})).body.error.code).toBe(
      'remedy_not_pending',
    );
  });

  it('answers a retry with the same idempotency key with the same entry, and a different body with 409', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    await told(m.id);
    const body = { kind: 'credit', amountMinor: 5_000, currency: 'USD', idempotencyKey: key('retry') };
    const first = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, body);
    const second = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.entry.id).toBe(first.body.entry.id);
    expect(second.body.accountingMessage.id).toBe(first.body.accountingMessage.id);
    const changed = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, { ...body, amountMinor: 5_001 });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency_key_reused');
    const elsewhere = await mistake(s.client.id, { title: 'Another one' });
    await told(elsewhere.id);
    expect((await t.api.request('POST', `/api/mistakes/${elsewhere.id}/remedies`, body)).status).toBe(409);
    expect((await ok('GET', `/api/remedies?mistakeId=${m.id}`)).items).toHaveLength(1);
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}&kind=accounting`)).items).toHaveLength(1);
  });

  it('makes exactly one ledger entry from 50 parallel identical requests with one idempotency key', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    await told(m.id);
    const body = { kind: 'credit', amountMinor: 12_345, currency: 'USD', idempotencyKey: key('parallel') };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => t.api.request('POST', `/api/mistakes/${m.id}/remedies`, body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([...Array(49).fill(200), 201]);
    expect(new Set(results.map((r) => r.body.entry.id)).size).toBe(1);
    const ledger = (await ok('GET', `/api/remedies?mistakeId=${m.id}`)).items;
    expect(ledger).toHaveLength(1);
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}&kind=accounting`)).items).toHaveLength(1);
    const events = (await ok('GET', `/api/mistakes/${m.id}/timeline`)).items.filter(
      (e: { type: string }) => e.type === 'remedy.issued',
    );
    expect(events).toHaveLength(1);
  });

  it('reverses an entry with a linked negative entry, once; the original is unchanged', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    const issued = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 7_500,
      currency: 'USD',
      idempotencyKey: key('orig'),
    });
    const body = { reason: 'Credited the wrong account', idempotencyKey: key('rev') };
    const rev = await t.api.request('POST', `/api/remedies/${issued.entry.id}/reverse`, body);
    expect(rev.status).toBe(201);
    expect(rev.body.entry).toMatchObject({
      amountMinor: -7_500,
      currency: 'USD',
      reversesId: issued.entry.id,
      status: 'reversal',
      note: 'Credited the wrong account',
    });
    const retry = await t.api.request('POST', `/api/remedies/${issued.entry.id}/reverse`, body);
    expect(retry.status).toBe(200);
    expect(retry.body.entry.id).toBe(rev.body.entry.id);
    const twice = await t.api.request('POST', `/api/remedies/${issued.entry.id}/reverse`, {
      reason: 'again',
      idempotencyKey: key('rev2'),
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('remedy_already_reversed');
    const ofReversal = await t.api.request('POST', `/api/remedies/${rev.body.entry.id}/reverse`, {
      reason: 'undo',
      idempotencyKey: key('rev3'),
    });
    expect(ofReversal.status).toBe(409);
    expect(ofReversal.body.error.code).toBe('remedy_not_reversible');
    const original = await ok('GET', `/api/remedies/${issued.entry.id}`);
    expect(original).toMatchObject({ amountMinor: 7_500, status: 'reversed', reversedById: rev.body.entry.id });
    const totals = await ok('GET', `/api/remedies/totals?mistakeId=${m.id}`);
    expect(totals.items).toEqual([
      { currency: 'USD', issuedMinor: '7500', reversedMinor: '7500', netMinor: '0', pendingMinor: '0', count: 1 },
    ]);
    const missingReason = await t.api.request('POST', `/api/remedies/${issued.entry.id}/reverse`, {
      idempotencyKey: key('rev4'),
    });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.error.details.issues[0].field).toBe('body.reason');
  });

  it('accepts one reversal out of 10 parallel ones with different keys; the rest answer 409', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    const issued = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 2_000,
      currency: 'USD',
      idempotencyKey: key('par-orig'),
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.api.request('POST', `/api/remedies/${issued.entry.id}/reverse`, {
          reason: 'duplicate credit',
          idempotencyKey: key(`par-rev-${i}`),
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'remedy_already_reversed')).toBe(
      true,
    );
    expect((await ok('GET', `/api/remedies?mistakeId=${m.id}`)).items).toHaveLength(2);
  });

  it('withdraws a pending remedy by reversing it: it never counts, and can no longer be approved', async () => {
    const s = await spa('key');
    const m = await mistake(s.client.id, { impact: { amountMinor: 20_000, currency: 'USD' } });
    const pending = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 40_000,
      currency: 'USD',
      idempotencyKey: key('wd'),
    });
    const rev = await ok('POST', `/api/remedies/${pending.entry.id}/reverse`, {
      reason: 'Client preferred rework',
      idempotencyKey: key('wd-rev'),
    });
    expect(rev.entry.amountMinor).toBe(-40_000);
    const approve = await t.api.request('POST', `/api/remedies/${pending.entry.id}/approve`, {});
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe('remedy_already_reversed');
    const totals = await ok('GET', `/api/remedies/totals?mistakeId=${m.id}`);
    expect(totals.items).toEqual([
      { currency: 'USD', issuedMinor: '0', reversedMinor: '0', netMinor: '0', pendingMinor: '0', count: 1 },
    ]);
    expect((await ok('GET', `/api/mistakes/${m.id}`)).stage).toBe('found');
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}`)).items).toEqual([]);
  });

  it('totals per currency for a client, never mixing currencies', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    const m2 = await mistake(s.client.id, { title: 'Second', impact: { amountMinor: 5_000, currency: 'EUR' } });
    await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 10_000,
      currency: 'USD',
      idempotencyKey: key('t1'),
    });
    await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'refund',
      amountMinor: 2_500,
      currency: 'USD',
      idempotencyKey: key('t2'),
    });
    await ok('POST', `/api/mistakes/${m2.id}/remedies`, {
      kind: 'credit',
      amountMinor: 4_000,
      currency: 'EUR',
      idempotencyKey: key('t3'),
    });
    const totals = await ok('GET', `/api/remedies/totals?clientId=${s.client.id}`);
    expect(totals.items).toEqual([
      { currency: 'EUR', issuedMinor: '4000', reversedMinor: '0', netMinor: '4000', pendingMinor: '0', count: 1 },
      { currency: 'USD', issuedMinor: '12500', reversedMinor: '0', netMinor: '12500', pendingMinor: '0', count: 2 },
    ]);
    const list = await ok('GET', `/api/remedies?clientId=${s.client.id}`);
    expect(list.items.map((e: { amountMinor: number }) => e.amountMinor)).toEqual([10_000, 2_500, 4_000]);
  });

  it('computes rework as hours × rate and refuses a mismatched amount or missing hours with 400 naming the field', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id, { impact: { amountMinor: 100_000, currency: 'USD' } });
    const r = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'rework',
      hours: 3.5,
      rateMinor: 12_000,
      currency: 'USD',
      idempotencyKey: key('rw'),
    });
    expect(r.entry).toMatchObject({ kind: 'rework', amountMinor: 42_000, hours: 3.5, rateMinor: 12_000 });
    const mismatch = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'rework',
      hours: 2,
      rateMinor: 12_000,
      amountMinor: 20_000,
      currency: 'USD',
      idempotencyKey: key('rw2'),
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.details.field).toBe('amountMinor');
    const noHours = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'rework',
      rateMinor: 12_000,
      currency: 'USD',
      idempotencyKey: key('rw3'),
    });
    expect(noHours.status).toBe(400);
    expect(noHours.body.error.details.issues.map((i: { field: string }) => i.field)).toContain('body.hours');
    const floaty = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 10.5,
      currency: 'USD',
      idempotencyKey: key('rw4'),
    });
    expect(floaty.status).toBe(400);
    expect(floaty.body.error.details.issues[0].field).toBe('body.amountMinor');
    const badKind = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'voucher',
      amountMinor: 10,
      currency: 'USD',
      idempotencyKey: key('rw5'),
    });
    expect(badKind.body.error.details.issues[0].field).toBe('body.kind');
    const noKey = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 10,
      currency: 'USD',
    });
    expect(noKey.body.error.details.issues[0].field).toBe('body.idempotencyKey');
    const badCurrency = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 10,
      currency: 'usd',
      idempotencyKey: key('rw6'),
    });
    expect(badCurrency.body.error.details.issues[0].field).toBe('body.currency');
  });

  it('declines a remedy with a reason: reaches remedied without money', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    const missing = await t.api.request('POST', `/api/mistakes/${m.id}/remedies/decline`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues[0].field).toBe('body.reason');
    const d = await t.api.request('POST', `/api/mistakes/${m.id}/remedies/decline`, {
      reason: 'Caught before any poster was printed',
    });
    expect(d.status).toBe(201);
    expect(d.body.stage).toBe('remedied');
    expect((await ok('GET', `/api/remedies?mistakeId=${m.id}`)).items).toEqual([]);
    const summary = await ok('GET', `/api/mistakes/${m.id}/recovery`);
    expect(summary.remedyDecline.reason).toBe('Caught before any poster was printed');
    expect(summary.totals).toEqual([]);
  });
});

describe('progress updates', () => {
  it('shows the next update due while a critical or major mistake is unfixed, and sending an update moves it', async () => {
    const s = await spa();
    const m = await mistake(s.client.id, { severity: 'critical' });
    expect((await ok('GET', `/api/mistakes/${m.id}/recovery`)).nextUpdateDueAt).toBe('2026-03-03T09:00:00.000Z');
    t.clock.advance(5 * HOUR);
    const u = await t.api.request('POST', `/api/mistakes/${m.id}/updates`, {
      contactId: s.okafor.id,
      subject: 'Posters: reprint under way',
      body: 'Dear Dr Okafor,\n\nThe reprint with 55123 is at the printer now and ships tonight.\n\nDana',
    });
    expect(u.status).toBe(201);
    expect(u.body.message).toMatchObject({ kind: 'update', status: 'queued', toAddress: 'amara@serenity.example' });
    expect(u.body.nextUpdateDueAt).toBe('2026-03-03T14:00:00.000Z');
    expect((await ok('GET', `/api/mistakes/${m.id}/recovery`)).nextUpdateDueAt).toBe('2026-03-03T14:00:00.000Z');
    const fix = await ok('POST', `/api/mistakes/${m.id}/fix-commitment`, {
      title: 'Reprint',
      dueAt: '2026-03-03T17:00:00Z',
    });
    await ok('POST', `/api/commitments/${fix.id}/complete`);
    expect((await ok('GET', `/api/mistakes/${m.id}/recovery`)).nextUpdateDueAt).toBeNull();
    const minor = await mistake(s.client.id, { severity: 'minor', title: 'Typo in footer' });
    expect((await ok('GET', `/api/mistakes/${minor.id}/recovery`)).nextUpdateDueAt).toBeNull();
  });

  it('follows the update interval in settings', async () => {
    await ok('PATCH', '/api/settings', { updateIntervalHours: 6 });
    const s = await spa();
    const m = await mistake(s.client.id, { severity: 'major' });
    const summary = await ok('GET', `/api/mistakes/${m.id}/recovery`);
    expect(summary.nextUpdateDueAt).toBe('2026-03-02T15:00:00.000Z');
    expect(summary.updateIntervalHours).toBe(6);
  });

  it('blocks an update with a guard error (wrong honorific) unless overridden', async () => {
    const s = await spa();
    const m = await mistake(s.client.id);
    const body = {
      contactId: s.carter.id,
      subject: 'Reprint update',
      body: 'Dear Mrs Carter,\n\nThe reprint ships tonight.\n\nDana',
    };
    const blocked = await t.api.request('POST', `/api/mistakes/${m.id}/updates`, body);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.details.blocking[0]).toMatchObject({ rule: 'honorific', source: 'guard' });
    const sent = await t.api.request('POST', `/api/mistakes/${m.id}/updates`, {
      ...body,
      overrideReason: 'She asked to be called Mrs Carter',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.overridden).toBe(true);
  });
});

describe('workspace isolation and validation', () => {
  it("answers 404 for every recovery endpoint given another workspace's mistake or remedy", async () => {
    const s = await spa('key');
    const m = await mistake(s.client.id, { impact: { amountMinor: 20_000, currency: 'USD' } });
    const r = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 40_000,
      currency: 'USD',
      idempotencyKey: key('iso'),
    });
    const them = await outsider();
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`],
      ['POST', `/api/mistakes/${m.id}/acknowledgment/send`, { contactId: s.okafor.id, subject: 'x', body: 'y' }],
      ['POST', `/api/mistakes/${m.id}/client-noticed`, {}],
      ['GET', `/api/mistakes/${m.id}/sweep`],
      ['POST', `/api/mistakes/${m.id}/sweep`, { checked: [] }],
      ['GET', `/api/mistakes/${m.id}/remedy-proposal`],
      [
        'POST',
        `/api/mistakes/${m.id}/remedies`,
        { kind: 'credit', amountMinor: 1, currency: 'USD', idempotencyKey: key('iso2') },
      ],
      ['POST', `/api/mistakes/${m.id}/remedies/decline`, { reason: 'no' }],
      ['GET', `/api/remedies?mistakeId=${m.id}`],
      ['GET', `/api/remedies?clientId=${s.client.id}`],
      ['GET', `/api/remedies/totals?clientId=${s.client.id}`],
      ['GET', `/api/remedies/${r.entry.id}`],
      ['POST', `/api/remedies/${r.entry.id}/approve`, {}],
      ['POST', `/api/remedies/${r.entry.id}/reverse`, { reason: 'x', idempotencyKey: key('iso3') }],
      ['POST', `/api/mistakes/${m.id}/updates`, { contactId: s.okafor.id, subject: 'x', body: 'y' }],
      ['GET', `/api/mistakes/${m.id}/recovery`],
    ];
    for (const [method, url, body] of calls) {
      const res = await them.request(method, url, body);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
    }
    expect((await them.request('GET', '/api/remedies')).body.items).toEqual([]);
    expect((await ok('GET', `/api/remedies/${r.entry.id}`)).status).toBe('pending_approval');
  });

  it('answers 400 naming the field for malformed ids and bodies, never 5xx', async () => {
    const s = await spa();
    const m = await mistake(s.client.id);
    const cases: [string, string, unknown, string][] = [
      ['GET', '/api/mistakes/bad%20id/recovery', undefined, 'params.mistakeId'],
      ['GET', `/api/remedies?clientId=${'x'.repeat(65)}`, undefined, 'querystring.clientId'],
      ['POST', `/api/mistakes/${m.id}/sweep`, { checked: 'all' }, 'body.checked'],
      ['POST', `/api/mistakes/${m.id}/updates`, { contactId: s.okafor.id, subject: '', body: 'x' }, 'body.subject'],
      ['POST', `/api/mistakes/${m.id}/client-noticed`, { at: 'yesterday' }, 'body.at'],
      [
        'POST',
        `/api/mistakes/${m.id}/remedies`,
        { kind: 'credit', amountMinor: -5, currency: 'USD', idempotencyKey: key('neg') },
        'body.amountMinor',
      ],
      [
        'POST',
        `/api/mistakes/${m.id}/remedies`,
        { kind: 'credit', amountMinor: 5, currency: 'USD', idempotencyKey: 'short' },
        'body.idempotencyKey',
      ],
      [
        'POST',
        `/api/mistakes/${m.id}/acknowledgment/send`,
        { contactId: s.okafor.id, subject: 'x', body: 'y', extra: 1 },
        'body',
      ],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await t.api.request(method, url, body);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
  });
});

describe('full recovery flow', () => {
  it('key client mistake → sweep → draft → send (blocked, fixed) → remedy 2× → owner approves → accounting notice → fix done → timeline', async () => {
    const s = await spa('key');
    const member = await userWith('member');
    const commitment = await ok('POST', `/api/clients/${s.client.id}/commitments`, {
      title: 'Spring campaign launch',
      dueAt: '2026-03-20T17:00:00Z',
    });
    const m = await ok(
      'POST',
      '/api/mistakes',
      {
        clientId: s.client.id,
        title: 'Wrong short code on the spa posters',
        description: 'We sent 55132 to the printer instead of 55123.',
        severity: 'critical',
        category: 'wrong_fact',
        impact: { amountMinor: 240_000, currency: 'USD' },
        foundBy: 'us',
      },
      member,
    );

    // Check the whole account first.
    const sweep = await ok('GET', `/api/mistakes/${m.id}/sweep`, undefined, member);
    expect(sweep.items.map((i: { id: string }) => i.id)).toEqual([commitment.id]);
    await ok(
      'POST',
      `/api/mistakes/${m.id}/sweep`,
      { checked: [{ kind: 'commitment', id: commitment.id }], note: 'Launch unaffected' },
      member,
    );

    // Promise the fix, then own it: draft, a wrong honorific is blocked, the fixed text goes out.
    const fix = await ok(
      'POST',
      `/api/mistakes/${m.id}/fix-commitment`,
      { title: 'Reprint and overnight the posters with 55123', dueAt: '2026-03-03T17:00:00Z' },
      member,
    );
    t.clock.advance(25 * 60_000);
    const draft = await ok(
      'GET',
      `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`,
      undefined,
      member,
    );
    const blocked = await member.request('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft.subject,
      body: draft.body.replace('Dr Okafor', 'Mrs Okafor'),
    });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.details.blocking.map((f: { rule: string }) => f.rule)).toEqual(['honorific']);
    const sent = await ok(
      'POST',
      `/api/mistakes/${m.id}/acknowledgment/send`,
      { contactId: s.okafor.id, subject: draft.subject, body: draft.body },
      member,
    );
    expect(sent).toMatchObject({
      withinTarget: true,
      toldBeforeNoticed: true,
      timeToAcknowledgeSeconds: 1500,
      targetMinutes: 60,
      stage: 'acknowledged',
    });

    // Over-respond: the policy proposes 2× for a key client, which needs approval above 150%.
    const proposal = await ok('GET', `/api/mistakes/${m.id}/remedy-proposal`, undefined, member);
    expect(proposal.proposed).toEqual({ amountMinor: 480_000, currency: 'USD' });
    expect(proposal.assessment.requiresApproval).toBe(true);
    const remedy = await ok(
      'POST',
      `/api/mistakes/${m.id}/remedies`,
      {
        kind: 'credit',
        amountMinor: proposal.proposed.amountMinor,
        currency: 'USD',
        note: 'Double the value, as promised',
        idempotencyKey: key('flow'),
      },
      member,
    );
    expect(remedy.entry.status).toBe('pending_approval');
    expect((await member.request('POST', `/api/remedies/${remedy.entry.id}/approve`, {})).status).toBe(403);
    t.clock.advance(10 * 60_000);
    const approved = await ok('POST', `/api/remedies/${remedy.entry.id}/approve`, { note: 'Key account' });
    expect(approved.entry.status).toBe('issued');
    expect(approved.stage).toBe('remedied');
    expect(approved.accountingMessage).toMatchObject({ kind: 'accounting', toAddress: 'billing@serenity.example' });
    expect(approved.accountingMessage.body).toContain('$4,800.00');

    // Fix it on time.
    t.clock.advance(HOUR);
    await ok('POST', `/api/commitments/${fix.id}/complete`, undefined, member);

    const summary = await ok('GET', `/api/mistakes/${m.id}/recovery`);
    expect(summary.stage).toBe('fixed');
    expect(summary.acknowledgment).toMatchObject({
      withinTarget: true,
      toldBeforeNoticed: true,
      recipient: 'Amara Okafor',
    });
    expect(summary.fixCommitment).toMatchObject({ id: fix.id, status: 'done' });
    expect(summary.totals).toEqual([
      { currency: 'USD', issuedMinor: '480000', reversedMinor: '0', netMinor: '480000', pendingMinor: '0', count: 1 },
    ]);
    expect(summary.nextUpdateDueAt).toBeNull();
    expect(summary.messages.map((x: { kind: string }) => x.kind).sort()).toEqual(['accounting', 'acknowledgment']);
    expect(summary.lastSweep.note).toBe('Launch unaffected');

    const timeline = (await ok('GET', `/api/mistakes/${m.id}/timeline`)).items.map((e: { type: string }) => e.type);
    expect(timeline).toEqual([
      'mistake.logged',
      'account.swept',
      'commitment.made',
      'mistake.acknowledged',
      'remedy.proposed',
      'remedy.approved',
      'remedy.accounting_notice_queued',
      'commitment.done',
      // The fix done schedules the rebuild check-ins (issue 11 B) in the same step.
      'check_in.scheduled',
    ]);
  });
});
