import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendActionReminders } from '../../domain/scheduler/actions.ts';
import { markMissedCommitments } from '../../domain/scheduler/missed.ts';
import { makeWorkspace, signedInClient, testApi } from '../../../test/factories.ts';

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
const inDays = (d: number) => new Date(t.clock.now().getTime() + d * DAY).toISOString();

async function ok(method: string, url: string, body?: unknown, status = method === 'POST' ? 201 : 200) {
  const r = await t.api.request(method, url, body);
  if (r.status !== status) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Seed 001: a key client whose posters went out with the wrong short code. */
async function seed() {
  const client = await ok('POST', '/api/clients', {
    name: 'Serenity Day Spas',
    tier: 'key',
    value: { amountMinor: 1_200_000, currency: 'USD' },
  });
  const contact = await ok('POST', `/api/clients/${client.id}/contacts`, {
    fullName: 'Lynn Carter',
    honorific: 'Ms',
    email: 'lynn@serenity.example',
  });
  await ok('POST', `/api/clients/${client.id}/facts`, { kind: 'short_code', value: '55123', label: 'SMS short code' });
  const mistake = await ok('POST', '/api/mistakes', {
    clientId: client.id,
    title: 'Wrong short code on the posters',
    description: 'The posters went to print with the short code 55132.',
    category: 'wrong_fact',
    severity: 'major',
  });
  const owner = t.owner.actor.userId as string;
  return { client, contact, mistake, owner };
}

const rootCause = {
  whySteps: [
    'The posters had the wrong short code',
    'Nobody compared the proof with the client facts',
    'The proof review has no facts check',
  ],
  category: 'process',
  escapePoint: { kind: 'no_check', where: 'proof review: the proof was never checked against the client facts card' },
  summary: 'Our proof review did not compare the posters against the details you gave us.',
};

describe('learning API: root cause, actions, checks, improvement plan', () => {
  it('reaches learned, verified and closed only from recorded facts, and a not-effective check takes it back', async () => {
    const { contact, mistake, owner } = await seed();
    const base = `/api/mistakes/${mistake.id}`;

    let learning = await ok('PUT', `${base}/root-cause`, rootCause, 200);
    expect(learning.stage).toBe('found');
    expect(learning.missing.learned).toEqual(['Add a preventive action, or record why none is needed.']);

    const corrective = await ok('POST', `${base}/actions`, {
      kind: 'corrective',
      title: 'Reprint the posters',
      ownerId: owner,
      dueAt: inDays(2),
    });
    learning = await ok('GET', `${base}/learning`);
    expect(learning.stage).toBe('found');

    const check = await ok('POST', `${base}/actions`, {
      kind: 'preventive',
      title: 'Collateral check before print',
      ownerId: owner,
      dueAt: inDays(7),
    });
    const manager = await ok('POST', `${base}/actions`, {
      kind: 'preventive',
      title: 'New account manager',
      ownerId: owner,
      dueAt: inDays(3),
    });
    learning = await ok('GET', `${base}/learning`);
    expect(learning.stage).toBe('learned');
    expect(learning.actions).toHaveLength(3);

    await ok('POST', `/api/actions/${corrective.id}/done`, undefined, 200);
    const doneCheck = await ok('POST', `/api/actions/${check.id}/done`, undefined, 200);
    expect(doneCheck.checkDueAt).toBe(inDays(30));
    await ok('POST', `/api/actions/${manager.id}/done`, undefined, 200);
    await ok(
      'POST',
      `/api/actions/${check.id}/check`,
      { result: 'effective', note: 'Three proofs checked, no errors' },
      200,
    );
    learning = await ok('GET', `${base}/learning`);
    expect(learning.stage).toBe('learned');
    expect(learning.missing.verified).toEqual(['Record the effectiveness check of “New account manager”.']);

    await ok('POST', `/api/actions/${manager.id}/check`, { result: 'effective' }, 200);
    learning = await ok('GET', `${base}/learning`);
    expect(learning.stage).toBe('verified');

    const draft = await ok('GET', `${base}/improvement-plan/draft?contactId=${contact.id}`);
    expect(draft.body).toContain('Collateral check before print');
    expect(draft.body).toContain('New account manager');
    expect(draft.body).toContain(rootCause.summary);
    for (const step of rootCause.whySteps) expect(draft.body).not.toContain(step);
    const sent = await ok('POST', `${base}/improvement-plan`, {
      contactId: contact.id,
      subject: draft.subject,
      body: draft.body,
    });
    expect(sent.stage).toBe('closed');
    expect(sent.message.kind).toBe('improvement_plan');

    // A check that says "not effective" takes the mistake back from verified and closed.
    await ok(
      'POST',
      `/api/actions/${manager.id}/check`,
      { result: 'not_effective', note: 'Another proof slipped through' },
      200,
    );
    const back = await ok('GET', base);
    expect(back.stage).toBe('learned');
    expect(back.reached.verified).toBeNull();
    expect(back.reached.closed).toBeNull();

    const timeline = (await ok('GET', `${base}/timeline`)).items.map((e: { type: string; summary: string }) => e.type);
    for (const type of [
      'root_cause.recorded',
      'action.added',
      'action.done',
      'action.checked',
      'mistake.learned',
      'mistake.verified',
      'mistake.plan_sent',
      'mistake.closed',
      'mistake.stage_lost',
    ]) {
      expect(timeline).toContain(type);
    }
    const lost = (await ok('GET', `${base}/timeline`)).items.find(
      (e: { type: string }) => e.type === 'mistake.stage_lost',
    );
    expect(lost.summary).toContain('not effective');
    // The why-steps never reach the timeline or any message.
    const everything =
      JSON.stringify(await ok('GET', `${base}/timeline`)) +
      JSON.stringify(await ok('GET', `/api/messages?mistakeId=${mistake.id}`));
    for (const step of rootCause.whySteps) expect(everything).not.toContain(step);
  });

  it('accepts recorded reasons in place of a preventive action and of the plan', async () => {
    const { mistake } = await seed();
    const base = `/api/mistakes/${mistake.id}`;
    await ok('PUT', `${base}/root-cause`, { ...rootCause, category: 'other' }, 200);
    let l = await ok('PATCH', `${base}/learning`, { noPreventionReason: 'One-off print vendor outage' }, 200);
    expect(l.stage).toBe('verified');
    l = await ok('PATCH', `${base}/learning`, { noPlanReason: 'Client asked for no further mail' }, 200);
    expect(l.stage).toBe('closed');
    l = await ok('PATCH', `${base}/learning`, { noPreventionReason: null }, 200);
    expect(l.stage).toBe('found');
    expect(l.noPlanReason).toBe('Client asked for no further mail');
  });

  it('advises a blameless phrasing when a why-step puts the cause on a named person', async () => {
    const { mistake } = await seed();
    const l = await ok(
      'PUT',
      `/api/mistakes/${mistake.id}/root-cause`,
      {
        whySteps: [
          'The code was wrong',
          'Lynn Carter sent us an old file',
          `Because ${t.owner.actor.name.split(' ')[0]} forgot to check it`,
        ],
        category: 'process',
      },
      200,
    );
    expect(l.advisories.map((a: { field: string }) => a.field)).toEqual(['whySteps.2']);
    expect(l.advisories[0].message).toContain('puts the cause on');
    const clean = await ok('PUT', `/api/mistakes/${mistake.id}/root-cause`, rootCause, 200);
    expect(clean.advisories).toEqual([]);
  });

  it('refuses bad input with the field named, and another workspace’s records with 404', async () => {
    const { mistake, owner } = await seed();
    const base = `/api/mistakes/${mistake.id}`;
    const bad = async (method: string, url: string, body: unknown, status: number, field?: string) => {
      const r = await t.api.request(method, url, body);
      expect(r.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
      if (field) expect(JSON.stringify(r.body.error)).toContain(field);
      return r;
    };
    await bad('PUT', `${base}/root-cause`, { ...rootCause, whySteps: ['fine', '  '] }, 400, 'whySteps');
    await bad('PUT', `${base}/root-cause`, { ...rootCause, whySteps: ['1', '2', '3', '4', '5', '6'] }, 400, 'whySteps');
    await bad('PUT', `${base}/root-cause`, { ...rootCause, whySteps: [] }, 400, 'whySteps');
    await bad('PUT', `${base}/root-cause`, { ...rootCause, category: 'gremlins' }, 400, 'category');
    await bad(
      'POST',
      `${base}/actions`,
      { kind: 'preventive', title: 'x', ownerId: owner, dueAt: inDays(-1) },
      400,
      'dueAt',
    );
    await bad(
      'POST',
      `${base}/actions`,
      { kind: 'sideways', title: 'x', ownerId: owner, dueAt: inDays(1) },
      400,
      'kind',
    );
    await bad('POST', `${base}/actions`, { kind: 'preventive', title: 'x', dueAt: inDays(1) }, 400, 'ownerId');

    const other = await makeWorkspace(t.services, 'Other Studio');
    const otherApi = await signedInClient(t.app, other.email, other.password);
    await bad(
      'POST',
      `${base}/actions`,
      { kind: 'preventive', title: 'x', ownerId: other.actor.userId, dueAt: inDays(1) },
      404,
    );

    const corrective = await ok('POST', `${base}/actions`, {
      kind: 'corrective',
      title: 'Reprint',
      ownerId: owner,
      dueAt: inDays(1),
    });
    const preventive = await ok('POST', `${base}/actions`, {
      kind: 'preventive',
      title: 'Facts check',
      ownerId: owner,
      dueAt: inDays(1),
    });
    await bad('POST', `/api/actions/${preventive.id}/cancel`, {}, 400, 'reason');
    await bad('POST', `/api/actions/${preventive.id}/check`, { result: 'effective' }, 409, 'action_not_done');
    await ok('POST', `/api/actions/${corrective.id}/done`, undefined, 200);
    await bad('POST', `/api/actions/${corrective.id}/check`, { result: 'effective' }, 409, 'action_not_preventive');
    await bad('POST', `/api/actions/${corrective.id}/done`, undefined, 409, 'action_not_open');
    await bad('POST', `/api/actions/${preventive.id}/check`, { result: 'maybe' }, 400, 'result');
    const cancelled = await ok(
      'POST',
      `/api/actions/${preventive.id}/cancel`,
      { reason: 'Replaced by a better check' },
      200,
    );
    expect(cancelled.status).toBe('cancelled');

    // Another workspace sees none of it.
    for (const [method, url, body] of [
      ['GET', `${base}/learning`, undefined],
      ['PUT', `${base}/root-cause`, rootCause],
      ['POST', `${base}/actions`, { kind: 'preventive', title: 'x', ownerId: other.actor.userId, dueAt: inDays(1) }],
      ['GET', `/api/actions/${corrective.id}`, undefined],
      ['POST', `/api/actions/${corrective.id}/check`, { result: 'effective' }],
      ['PATCH', `/api/actions/${corrective.id}`, { title: 'mine now' }],
    ] as const) {
      const r = await otherApi.request(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(404);
    }
    expect((await otherApi.request('GET', '/api/actions?status=all')).body.items).toEqual([]);
  });

  it('lists open and overdue actions across the workspace, by owner', async () => {
    const { mistake, owner } = await seed();
    const base = `/api/mistakes/${mistake.id}`;
    await ok('POST', `${base}/actions`, { kind: 'preventive', title: 'Soon', ownerId: owner, dueAt: inDays(1) });
    await ok('POST', `${base}/actions`, { kind: 'corrective', title: 'Later', ownerId: owner, dueAt: inDays(5) });
    t.clock.advance(2 * DAY);
    const open = await ok('GET', '/api/actions');
    expect(open.items.map((a: { title: string }) => a.title)).toEqual(['Soon', 'Later']);
    const overdue = await ok('GET', '/api/actions?status=overdue');
    expect(
      overdue.items.map((a: { title: string; overdue: boolean; mistakeRef: string }) => [
        a.title,
        a.overdue,
        a.mistakeRef,
      ]),
    ).toEqual([['Soon', true, 'MG-1']]);
    expect((await ok('GET', `/api/actions?ownerId=${owner}`)).items).toHaveLength(2);
  });
});

describe('the OpenAPI document', () => {
  it('lists every learning route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    for (const route of [
      'GET /api/mistakes/{mistakeId}/learning',
      'PUT /api/mistakes/{mistakeId}/root-cause',
      'PATCH /api/mistakes/{mistakeId}/learning',
      'POST /api/mistakes/{mistakeId}/actions',
      'GET /api/actions',
      'GET /api/actions/{actionId}',
      'PATCH /api/actions/{actionId}',
      'POST /api/actions/{actionId}/done',
      'POST /api/actions/{actionId}/cancel',
      'POST /api/actions/{actionId}/check',
      'GET /api/mistakes/{mistakeId}/improvement-plan/draft',
      'POST /api/mistakes/{mistakeId}/improvement-plan',
    ]) {
      expect(routes).toContain(route);
    }
  });
});

describe('acknowledgment draft after learning', () => {
  it('names the wrong value beside the right one, and the guard lets it through without an override', async () => {
    const { contact, mistake } = await seed();
    const draft = await ok('GET', `/api/mistakes/${mistake.id}/acknowledgment-draft?contactId=${contact.id}`);
    expect(draft.body).toContain('55132');
    expect(draft.body).toMatch(/the right SMS short code is 55123/u);
    expect(draft.body).toMatch(/will send you my plan/u); // a one-person workspace speaks as "I"
    const sent = await t.api.request('POST', `/api/mistakes/${mistake.id}/acknowledgment/send`, {
      contactId: contact.id,
      subject: draft.subject,
      body: draft.body,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.overridden).toBe(false);
  });

  it('names the recorded preventive actions instead of a canned promise', async () => {
    const { contact, mistake, owner } = await seed();
    await ok('POST', `/api/mistakes/${mistake.id}/actions`, {
      kind: 'preventive',
      title: 'Collateral check before print',
      ownerId: owner,
      dueAt: inDays(7),
    });
    const draft = await ok('GET', `/api/mistakes/${mistake.id}/acknowledgment-draft?contactId=${contact.id}`);
    expect(draft.body).toContain('collateral check before print');
    expect(draft.body).not.toMatch(/will send you (?:my|our) plan/u);
  });
});

describe('commitments with a due time in the past', () => {
  it('are refused unless recorded after the fact, and then never become a missed-commitment mistake', async () => {
    const { client } = await seed();
    const past = new Date(t.clock.now().getTime() - HOUR).toISOString();
    const refused = await t.api.request('POST', `/api/clients/${client.id}/commitments`, {
      title: 'Send the proofs',
      dueAt: past,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.error)).toContain('dueAt');
    const recorded = await ok('POST', `/api/clients/${client.id}/commitments`, {
      title: 'Send the proofs',
      dueAt: past,
      recordedAfterTheFact: true,
    });
    expect(recorded.recordedLate).toBe(true);
    const { missed } = await markMissedCommitments(t.services.deps, t.owner.actor.workspaceId);
    expect(missed).toBe(0);
    expect((await ok('GET', '/api/mistakes')).total).toBe(1);
  });
});

describe('action reminders and escalation', () => {
  it('reminds the owner before and at due, escalates daily to owners and admins, once per slot across instances', async () => {
    const { mistake, owner } = await seed();
    const admin = await ok('POST', '/api/members', {
      name: 'Avery Admin',
      email: 'avery@acme.example',
      password: 'a long and unusual passphrase 42',
      role: 'admin',
    });
    await ok('POST', `/api/mistakes/${mistake.id}/actions`, {
      kind: 'preventive',
      title: 'Collateral check before print',
      ownerId: owner,
      dueAt: inDays(3),
    });
    const ws = t.owner.actor.workspaceId;
    const store = t.services.deps.store;
    const tickBoth = async () => {
      const [a, b] = await Promise.all([
        sendActionReminders(t.services.deps, ws, { claimant: 'instance-a' }),
        sendActionReminders(t.services.deps, ws, { claimant: 'instance-b' }),
      ]);
      return a.sent + b.sent;
    };
    const kinds = async (userId: string) =>
      (await store.notifications.list(ws, userId, { limit: 100 })).map((n) => n.kind).sort();

    expect(await tickBoth()).toBe(0);
    t.clock.advance(2 * DAY + HOUR); // 23 hours before due
    expect(await tickBoth()).toBe(1);
    expect(await tickBoth()).toBe(0);
    t.clock.advance(23 * HOUR); // at due
    expect(await tickBoth()).toBe(1);
    t.clock.advance(DAY + HOUR); // a day overdue
    expect(await tickBoth()).toBe(1);
    t.clock.advance(2 * HOUR);
    expect(await tickBoth()).toBe(0);
    t.clock.advance(DAY); // two days overdue
    expect(await tickBoth()).toBe(1);
    expect(await kinds(owner)).toEqual(['action_due', 'action_due', 'action_overdue', 'action_overdue']);
    expect(await kinds(admin.id)).toEqual(['action_overdue', 'action_overdue']);
  });
});
