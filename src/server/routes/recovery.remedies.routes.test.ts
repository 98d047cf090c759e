import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/contract/index.ts';
import { signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';

// Remedy money limits, the running-total policy, approval rules and the accounting notice
// (issue 12 B, issue 8 E2/E4/E5/E6), on SQLite and PostgreSQL.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

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

async function ok(method: string, url: string, body?: unknown, api: ApiClient = t.api) {
  const r = await api.request(method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function spa(tier: 'key' | 'standard' = 'key', currency = 'USD') {
  const client = await ok('POST', '/api/clients', { name: `Serenity ${++people}`, tier });
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
  return { client, okafor, carter, currency };
}

async function mistake(clientId: string, impact = { amountMinor: 24_000, currency: 'USD' }) {
  return ok('POST', '/api/mistakes', {
    clientId,
    title: 'Wrong short code on the spa posters',
    description: 'The posters went to print with the wrong short code.',
    severity: 'major',
    category: 'wrong_fact',
    impact,
  });
}

let keys = 0;
const key = (label: string) => `${label}-${++keys}-0123456789`;

describe('money limits on every path', () => {
  it('refuses a rework whose hours × rate is above the largest remedy with 400 naming hours and rateMinor, never 500', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    const huge = await t.api.request('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'rework',
      hours: 10_000,
      rateMinor: 1_000_000_000_000,
      currency: 'USD',
      idempotencyKey: key('huge'),
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('validation_failed');
    expect(huge.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['hours', 'rateMinor']);
    const jpy = await mistake(s.client.id, { amountMinor: 1_000_000, currency: 'JPY' });
    for (let i = 0; i < 2; i++) {
      const r = await t.api.request('POST', `/api/mistakes/${jpy.id}/remedies`, {
        kind: 'rework',
        hours: 5_000,
        rateMinor: 1_000_000_000_000,
        currency: 'JPY',
        idempotencyKey: key('jpy'),
      });
      expect(r.status).toBe(400);
    }
    expect((await ok('GET', `/api/remedies?mistakeId=${jpy.id}`)).items).toHaveLength(0);
    // The largest rework that fits is taken.
    const fits = await t.api.request('POST', `/api/mistakes/${jpy.id}/remedies`, {
      kind: 'rework',
      hours: 1,
      rateMinor: 1_000_000_000_000,
      currency: 'JPY',
      idempotencyKey: key('fits'),
    });
    expect(fits.status).toBe(201);
    expect(fits.body.entry.amountMinor).toBe(1_000_000_000_000);
  });

  it('reports exact totals (decimal strings) for sums beyond 2^53, for the workspace and the recovery summary', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id, { amountMinor: 1_000_000, currency: 'JPY' });
    // Two entries of 5e15 as the ledger held them before amounts were limited: their sum (1e16) is not a safe integer.
    const store = t.services.deps.store;
    for (const [n, amountMinor] of [
      [1, 5_000_000_000_000_000],
      [2, 5_000_000_000_000_000],
      [3, 7],
    ] as const) {
      await store.remedies.insert(t.owner.actor.workspaceId, {
        id: `legacy-${n}`,
        clientId: s.client.id,
        mistakeId: m.id,
        kind: 'rework',
        amountMinor,
        currency: 'JPY',
        hoursCenti: 500_000,
        rateMinor: 1_000_000_000_000,
        note: null,
        reversesId: null,
        requiresApproval: false,
        approvalReasons: [],
        idempotencyKey: `legacy-key-${n}`,
        requestHash: 'x',
        createdBy: null,
        createdAt: t.clock.now().toISOString(),
      });
    }
    const totals = await t.api.request('GET', '/api/remedies/totals');
    expect(totals.status).toBe(200);
    expect(totals.body.items).toEqual([
      {
        currency: 'JPY',
        issuedMinor: '10000000000000007',
        reversedMinor: '0',
        netMinor: '10000000000000007',
        pendingMinor: '0',
        count: 3,
      },
    ]);
    const recovery = await t.api.request('GET', `/api/mistakes/${m.id}/recovery`);
    expect(recovery.status).toBe(200);
    expect(recovery.body.totals[0].netMinor).toBe('10000000000000007');
  });

  it('lets only an owner or admin reverse an issued remedy above the approval threshold; a member may reverse a small one', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id, { amountMinor: 200_000, currency: 'USD' });
    const member = await userWith('member');
    const big = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 60_000, // above the 50,000 threshold: approved by the owner at issue
      currency: 'USD',
      idempotencyKey: key('big'),
    });
    const issued = big.entry.status === 'issued' ? big : await ok('POST', `/api/remedies/${big.entry.id}/approve`, {});
    expect(issued.entry.status).toBe('issued');
    const refused = await member.request('POST', `/api/remedies/${big.entry.id}/reverse`, {
      reason: 'Entered twice',
      idempotencyKey: key('rev'),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const byOwner = await t.api.request('POST', `/api/remedies/${big.entry.id}/reverse`, {
      reason: 'Entered twice',
      idempotencyKey: key('rev'),
    });
    expect(byOwner.status).toBe(201);
    const small = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'gift',
      amountMinor: 5_000,
      currency: 'USD',
      idempotencyKey: key('small'),
    });
    const byMember = await member.request('POST', `/api/remedies/${small.entry.id}/reverse`, {
      reason: 'Gift could not be delivered',
      idempotencyKey: key('rev-small'),
    });
    expect(byMember.status).toBe(201);
  });
});

describe('the policy on the running total', () => {
  it('holds a remedy split in two to stay under the cap for approval, and proposes only what is left', async () => {
    const s = await spa('key');
    const m = await mistake(s.client.id, { amountMinor: 20_000, currency: 'USD' }); // cap 150% = $300
    const before = await ok('GET', `/api/mistakes/${m.id}/remedy-proposal`);
    expect(before).toMatchObject({ fullProposalMinor: 40_000, priorMinor: 0, proposed: { amountMinor: 40_000 } });
    const first = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 30_000,
      currency: 'USD',
      idempotencyKey: key('half1'),
    });
    expect(first.entry.status).toBe('issued');
    const after = await ok('GET', `/api/mistakes/${m.id}/remedy-proposal`);
    expect(after).toMatchObject({ fullProposalMinor: 40_000, priorMinor: 30_000, proposed: { amountMinor: 10_000 } });
    expect(after.assessment).toMatchObject({ priorMinor: 30_000, percentOfImpact: 200, requiresApproval: true });
    const second = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'rework',
      hours: 1,
      rateMinor: 30_000,
      currency: 'USD',
      idempotencyKey: key('half2'),
    });
    expect(second.entry.status).toBe('pending_approval');
    expect(second.entry.approvalReasons.map((r: { code: string }) => r.code)).toEqual(['above_cap', 'above_threshold']);
    expect(second.entry.approvalReasons[0].message).toMatch(/already given.*\$600\.00: 300% of the impact/);
    // A pending remedy counts too: a third small one also waits.
    const third = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'gift',
      amountMinor: 100,
      currency: 'USD',
      idempotencyKey: key('third'),
    });
    expect(third.entry.status).toBe('pending_approval');
    // Withdrawing the pending ones frees the room again.
    for (const id of [second.entry.id, third.entry.id]) {
      await ok('POST', `/api/remedies/${id}/reverse`, { reason: 'Split by mistake', idempotencyKey: key('w') });
    }
    expect((await ok('GET', `/api/mistakes/${m.id}/remedy-proposal`)).proposed.amountMinor).toBe(10_000);
  });
});

describe('approving your own remedy', () => {
  it('refuses an owner approving a remedy they proposed when an admin exists (403 self_approval_not_allowed); the admin may', async () => {
    const s = await spa('key');
    const m = await mistake(s.client.id, { amountMinor: 20_000, currency: 'USD' });
    const admin = await userWith('admin');
    const r = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 40_000,
      currency: 'USD',
      idempotencyKey: key('own'),
    });
    expect(r.entry.status).toBe('pending_approval');
    const own = await t.api.request('POST', `/api/remedies/${r.entry.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('self_approval_not_allowed');
    expect((await ok('GET', `/api/remedies/${r.entry.id}`)).status).toBe('pending_approval');
    const byAdmin = await admin.request('POST', `/api/remedies/${r.entry.id}/approve`, {});
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.entry.status).toBe('issued');
  });

  it('lets the only owner of a one-person workspace approve their own remedy, recorded as self-approved', async () => {
    const s = await spa('key');
    const m = await mistake(s.client.id, { amountMinor: 20_000, currency: 'USD' });
    await userWith('member'); // members cannot approve, so the owner is still the only approver
    const r = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 40_000,
      currency: 'USD',
      idempotencyKey: key('alone'),
    });
    const approved = await t.api.request('POST', `/api/remedies/${r.entry.id}/approve`, {});
    expect(approved.status).toBe(200);
    const timeline = (await ok('GET', `/api/mistakes/${m.id}/timeline`)).items;
    const event = timeline.find((e: { type: string }) => e.type === 'remedy.approved');
    expect(event.summary).toContain('self-approved');
  });
});

describe('the accounting notice comes after the client was told', () => {
  async function sendAck(mistakeId: string, contactId: string) {
    const draft = await ok('GET', `/api/mistakes/${mistakeId}/acknowledgment-draft?contactId=${contactId}`);
    return ok('POST', `/api/mistakes/${mistakeId}/acknowledgment/send`, {
      contactId,
      subject: draft.subject,
      body: draft.body,
      overrideReason: 'test: the draft is not what is under test here',
    });
  }

  it('holds the notice of a remedy issued before the acknowledgment, and queues it right after the acknowledgment email', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    const r = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 24_000,
      currency: 'USD',
      idempotencyKey: key('early'),
    });
    expect(r.entry.status).toBe('issued');
    expect(r.accountingMessage).toBeNull();
    expect(r.noticeSkippedReason).toMatch(/Held until the client has been told/);
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}`)).items).toHaveLength(0);
    const timeline = (await ok('GET', `/api/mistakes/${m.id}/timeline`)).items;
    expect(timeline.map((e: { type: string }) => e.type)).toContain('remedy.accounting_notice_held');

    const ack = await sendAck(m.id, s.okafor.id);
    const messages = (await ok('GET', `/api/messages?mistakeId=${m.id}`)).items as {
      id: string;
      kind: string;
      nextAttemptAt: string;
    }[];
    expect(messages.map((x) => x.kind).sort()).toEqual(['accounting', 'acknowledgment']);
    const accounting = messages.find((x) => x.kind === 'accounting');
    expect(accounting && accounting.nextAttemptAt > ack.message.nextAttemptAt).toBe(true);
    expect((await ok('GET', `/api/remedies/${r.entry.id}`)).accountingMessageId).toBe(accounting?.id);
    // A second acknowledgment releases nothing more.
    await sendAck(m.id, s.okafor.id);
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}&kind=accounting`)).items).toHaveLength(1);
  });

  it('sends at once when the client was told by phone, before or after the remedy; a reversed remedy gets none', async () => {
    const s = await spa('standard');
    const before = await mistake(s.client.id);
    await ok('POST', `/api/mistakes/${before.id}/acknowledgments`, { channel: 'phone', contactId: s.okafor.id });
    const r1 = await ok('POST', `/api/mistakes/${before.id}/remedies`, {
      kind: 'credit',
      amountMinor: 1_000,
      currency: 'USD',
      idempotencyKey: key('phone1'),
    });
    expect(r1.accountingMessage?.kind).toBe('accounting');

    const after = await mistake(s.client.id);
    const r2 = await ok('POST', `/api/mistakes/${after.id}/remedies`, {
      kind: 'credit',
      amountMinor: 1_000,
      currency: 'USD',
      idempotencyKey: key('phone2'),
    });
    const withdrawn = await ok('POST', `/api/mistakes/${after.id}/remedies`, {
      kind: 'gift',
      amountMinor: 500,
      currency: 'USD',
      idempotencyKey: key('phone3'),
    });
    await ok('POST', `/api/remedies/${withdrawn.entry.id}/reverse`, {
      reason: 'No gift after all',
      idempotencyKey: key('w'),
    });
    expect(r2.accountingMessage).toBeNull();
    await ok('POST', `/api/mistakes/${after.id}/acknowledgments`, { channel: 'meeting', contactId: s.okafor.id });
    const notices = (await ok('GET', `/api/messages?mistakeId=${after.id}&kind=accounting`)).items;
    expect(notices).toHaveLength(1);
    expect((await ok('GET', `/api/remedies/${r2.entry.id}`)).accountingMessageId).toBe(notices[0].id);
  });
});

describe('the accounting notice in client words', () => {
  it('shows the draft for review: composed from the mistake category and the remedy kind, checked by the guard', async () => {
    const s = await spa('standard');
    const m = await mistake(s.client.id);
    const draft = await ok(
      'GET',
      `/api/mistakes/${m.id}/accounting-notice-draft?kind=credit&amountMinor=24000&currency=USD`,
    );
    expect(draft).toMatchObject({ toName: 'Lynn Carter', toAddress: 'billing@serenity.example', skippedReason: null });
    // No internal id in the subject, and the title (an internal note) nowhere: the category in client terms.
    expect(draft.subject).toBe('Credit of $240.00 on your account');
    expect(draft.body).toContain('Dear Ms Carter,');
    expect(draft.body.toLowerCase()).not.toContain('wrong short code on the spa posters');
    expect(draft.body).toContain('We made a mistake in a detail of something we sent you, and we want to make it right.');
    expect(draft.body).toContain('a credit of $240.00');
    expect(draft.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    // What the draft shows is what is queued.
    await ok('POST', `/api/mistakes/${m.id}/acknowledgments`, { channel: 'phone', contactId: s.okafor.id });
    const r = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 24_000,
      currency: 'USD',
      note: 'Internal: the account manager skipped the facts card',
      idempotencyKey: key('draft'),
    });
    expect(r.accountingMessage.body).toBe(draft.body);
    expect(r.accountingMessage.subject).toBe(draft.subject);
    const bad = await t.api.request('GET', `/api/mistakes/${m.id}/accounting-notice-draft?kind=nope&amountMinor=0`);
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['querystring.kind', 'querystring.amountMinor', 'querystring.currency']),
    );
    const bare = await ok('POST', '/api/clients', { name: 'No Billing Ltd', tier: 'standard' });
    const m2 = await mistake(bare.id);
    const none = await ok(
      'GET',
      `/api/mistakes/${m2.id}/accounting-notice-draft?kind=gift&amountMinor=100&currency=USD`,
    );
    expect(none.skippedReason).toMatch(/no billing contact/);
  });

  it('never puts an internal field in any outgoing message (full recovery flow, outbox and messages table scanned)', async () => {
    const s = await spa('key');
    const m = await mistake(s.client.id, { amountMinor: 20_000, currency: 'USD' });
    const admin = await userWith('admin');
    const markers = {
      sweep: 'ZQX-SWEEP-NOTE-MARKER',
      rationale: 'ZQX-RATIONALE-MARKER',
      rationale2: 'ZQX-SECOND-RATIONALE-MARKER',
      approval: 'ZQX-APPROVAL-NOTE-MARKER',
      override: 'ZQX-OVERRIDE-REASON-MARKER',
      updateOverride: 'ZQX-UPDATE-OVERRIDE-MARKER',
      why: 'ZQX-WHY-STEP-MARKER',
      whyRoot: 'ZQX-ROOT-WHY-MARKER',
      reversal: 'ZQX-REVERSAL-REASON-MARKER',
      decline: 'ZQX-DECLINE-MARKER',
    };
    await ok('POST', `/api/mistakes/${m.id}/sweep`, { checked: [], note: markers.sweep });
    await ok('PUT', `/api/mistakes/${m.id}/root-cause`, {
      whySteps: [`The proof was not checked ${markers.why}`, `No step in the process ${markers.whyRoot}`],
      category: 'process',
    });
    // Remedy first (held), above the cap: pending, then approved by the admin with a note.
    const r = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 40_000,
      currency: 'USD',
      note: `Owner approves above the cap deliberately ${markers.rationale}`,
      idempotencyKey: key('leak1'),
    });
    await ok('POST', `/api/remedies/${r.entry.id}/approve`, { note: markers.approval }, admin);
    const draft = await ok('GET', `/api/mistakes/${m.id}/acknowledgment-draft?contactId=${s.okafor.id}`);
    await ok('POST', `/api/mistakes/${m.id}/acknowledgment/send`, {
      contactId: s.okafor.id,
      subject: draft.subject,
      body: draft.body,
      overrideReason: markers.override,
    });
    const second = await ok(
      'POST',
      `/api/mistakes/${m.id}/remedies`,
      {
        kind: 'rework',
        hours: 2,
        rateMinor: 5_000,
        currency: 'USD',
        note: markers.rationale2,
        idempotencyKey: key('leak2'),
      },
      admin,
    );
    if (second.entry.status === 'pending_approval') await ok('POST', `/api/remedies/${second.entry.id}/approve`, {});
    const gift = await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'gift',
      amountMinor: 100,
      currency: 'USD',
      idempotencyKey: key('leak3'),
    });
    if (gift.entry.status === 'pending_approval') await ok('POST', `/api/remedies/${gift.entry.id}/approve`, {}, admin);
    await ok('POST', `/api/remedies/${gift.entry.id}/reverse`, {
      reason: markers.reversal,
      idempotencyKey: key('leak4'),
    });
    await ok('POST', `/api/mistakes/${m.id}/updates`, {
      contactId: s.okafor.id,
      subject: 'An update on the posters',
      body: 'Dear Dr Okafor,\n\nThe reprint is at the printer and will reach you on Thursday.\n\nBest regards',
      overrideReason: markers.updateOverride,
    });
    const other = await mistake(s.client.id);
    await ok('POST', `/api/remedies/decline`.replace('/api', `/api/mistakes/${other.id}`), { reason: markers.decline });

    const outbox = (await ok('GET', '/api/messages')).items as { kind: string; subject: string; body: string }[];
    expect(outbox.map((x) => x.kind).sort()).toEqual([
      'accounting',
      'accounting',
      'accounting',
      'acknowledgment',
      'update',
    ]);
    const stored = await Promise.all(
      outbox.map(async (x) => {
        const row = await t.services.deps.store.messages.get(
          t.owner.actor.workspaceId,
          (x as { id: string } & typeof x).id,
        );
        return `${row?.toName ?? ''}\n${row?.subject ?? ''}\n${row?.body ?? ''}`;
      }),
    );
    const everything = [...outbox.map((x) => `${x.subject}\n${x.body}`), ...stored].join('\n');
    for (const [field, marker] of Object.entries(markers)) {
      expect(everything.includes(marker), `${field} leaked into an outgoing message`).toBe(false);
    }
    // The markers did reach the ledger and the timeline, where they belong.
    const timeline = JSON.stringify((await ok('GET', `/api/mistakes/${m.id}/timeline`)).items);
    expect(timeline).toContain(markers.approval);
  });
});
