import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';

// Issue 13: the fix is marked done with a note and, optionally, a checked "it's fixed" message to
// the client, in one step (POST /api/mistakes/:id/fix/complete).

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

const HOUR = 3_600_000;

async function ok(method: string, url: string, body?: unknown, api: ApiClient = t.api) {
  const r = await api.request(method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A key client with a doctor to write to, a mistake with internal words in it, and a promised fix. */
async function promisedFix() {
  const client = await ok('POST', '/api/clients', { name: 'Serenity Day Spas', tier: 'key' });
  const okafor = await ok('POST', `/api/clients/${client.id}/contacts`, {
    fullName: 'Amara Okafor',
    honorific: 'Dr',
    email: 'amara@serenity.example',
  });
  const m = await ok('POST', '/api/mistakes', {
    clientId: client.id,
    title: 'Intern forgot the proof check on the posters',
    description: 'Internal: the proof step was skipped because the intern was rushed.',
    severity: 'major',
    category: 'wrong_fact',
  });
  const fix = await ok('POST', `/api/mistakes/${m.id}/fix-commitment`, {
    title: 'Reprint the posters with the right short code',
    dueAt: new Date(t.clock.now().getTime() + 48 * HOUR).toISOString(),
  });
  return { client, okafor, m, fix };
}

describe('marking the fix done', () => {
  it('drafts the "it\'s fixed" message from the promised fix only: never the internal title, description or note', async () => {
    const { okafor, m } = await promisedFix();
    const draft = await ok('GET', `/api/mistakes/${m.id}/fixed-notice-draft?contactId=${okafor.id}`);
    expect(draft).toMatchObject({ contactId: okafor.id, toName: 'Amara Okafor', toAddress: 'amara@serenity.example' });
    expect(draft.subject).toBe('Fixed: Reprint the posters with the right short code');
    expect(draft.body.startsWith('Dear Dr Okafor,\n')).toBe(true);
    expect(draft.body).toContain('The fix we promised is done: reprint the posters with the right short code.');
    expect(draft.body).toContain('as promised');
    expect(`${draft.subject}\n${draft.body}`).not.toMatch(/intern|proof check|rushed|Internal/iu);
    // The draft passes the client's own guard as it is.
    const check = await ok('POST', '/api/check', { text: draft.body, clientId: m.clientId });
    expect(check.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('completes the fix with a note and queues the message in the same step: fixed, note on the timeline only', async () => {
    const { okafor, m, fix } = await promisedFix();
    const draft = await ok('GET', `/api/mistakes/${m.id}/fixed-notice-draft?contactId=${okafor.id}`);
    t.clock.advance(2 * HOUR);
    const done = await ok('POST', `/api/mistakes/${m.id}/fix/complete`, {
      note: 'Reprinted 400 posters; checked the code against the client record',
      notice: { contactId: okafor.id, subject: draft.subject, body: draft.body },
    });
    expect(done.commitment).toMatchObject({ id: fix.id, status: 'done', completedAt: t.clock.now().toISOString() });
    expect(done.note).toBe('Reprinted 400 posters; checked the code against the client record');
    expect(done.message).toMatchObject({ kind: 'update', status: 'queued', toAddress: 'amara@serenity.example' });
    expect(done.message.body).not.toContain('Reprinted 400 posters');
    expect(done.overridden).toBe(false);
    const after = await ok('GET', `/api/mistakes/${m.id}`);
    expect(after.reached.fixed).toBe(t.clock.now().toISOString());
    const messages = (await ok('GET', `/api/messages?mistakeId=${m.id}`)).items;
    expect(messages.map((x: { id: string }) => x.id)).toEqual([done.message.id]);
    const timeline = (await ok('GET', `/api/mistakes/${m.id}/timeline`)).items as { type: string; summary: string }[];
    expect(timeline.find((e) => e.type === 'commitment.done')?.summary).toContain(
      'note: Reprinted 400 posters; checked the code against the client record',
    );
    expect(timeline.map((e) => e.type)).toContain('mistake.update_sent');

    const again = await t.api.request('POST', `/api/mistakes/${m.id}/fix/complete`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('commitment_not_open');
  });

  it('refuses the whole step when the message has a guard error: the fix stays open, nothing is queued; an override sends it', async () => {
    const { okafor, m } = await promisedFix();
    const draft = await ok('GET', `/api/mistakes/${m.id}/fixed-notice-draft?contactId=${okafor.id}`);
    const wrong = draft.body.replace('Dear Dr Okafor', 'Dear Mr Okafor');
    const blocked = await t.api.request('POST', `/api/mistakes/${m.id}/fix/complete`, {
      note: null,
      notice: { contactId: okafor.id, subject: draft.subject, body: wrong },
    });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('blocking_findings');
    expect(blocked.body.error.details.blocking.map((f: { rule: string }) => f.rule)).toContain('honorific');
    expect((await ok('GET', `/api/mistakes/${m.id}/recovery`)).fixCommitment.status).toBe('open');
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}`)).items).toEqual([]);

    const sent = await ok('POST', `/api/mistakes/${m.id}/fix/complete`, {
      notice: { contactId: okafor.id, subject: draft.subject, body: wrong, overrideReason: 'She asked to be Mr here' },
    });
    expect(sent.overridden).toBe(true);
    expect(sent.commitment.status).toBe('done');
    const timeline = (await ok('GET', `/api/mistakes/${m.id}/timeline`)).items as { type: string; summary: string }[];
    expect(timeline.find((e) => e.type === 'message.override')?.summary).toContain('She asked to be Mr here');
  });

  it('completes without a message when none is asked for, and answers 409 when there is no open fix', async () => {
    const { okafor, m } = await promisedFix();
    const plain = await ok('POST', `/api/mistakes/${m.id}/fix/complete`, {});
    expect(plain.message).toBeNull();
    expect(plain.note).toBeNull();
    expect((await ok('GET', `/api/messages?mistakeId=${m.id}`)).items).toEqual([]);
    const other = await ok('POST', '/api/mistakes', { clientId: m.clientId, title: 'Second one' });
    const none = await t.api.request('POST', `/api/mistakes/${other.id}/fix/complete`, {});
    expect(none.status).toBe(409);
    const draft = await t.api.request('GET', `/api/mistakes/${other.id}/fixed-notice-draft?contactId=${okafor.id}`);
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe('commitment_not_open');
  });

  it("answers 404 for another workspace's mistake or contact, and 400 naming the field for bad input", async () => {
    const { okafor, m } = await promisedFix();
    const other = await makeWorkspace(t.services, 'Other Studio');
    const them = await signedInClient(t.app, other.email, other.password);
    const theirDraft = await them.request('GET', `/api/mistakes/${m.id}/fixed-notice-draft?contactId=${okafor.id}`);
    expect(theirDraft.status).toBe(404);
    const theirDone = await them.request('POST', `/api/mistakes/${m.id}/fix/complete`, {});
    expect(theirDone.status).toBe(404);
    expect((await ok('GET', `/api/mistakes/${m.id}/recovery`)).fixCommitment.status).toBe('open');

    const theirClient = await ok('POST', '/api/clients', { name: 'Blue Harbor Dental', tier: 'standard' }, them);
    const theirContact = await ok(
      'POST',
      `/api/clients/${theirClient.id}/contacts`,
      { fullName: 'Lee Park', email: 'lee@harbor.example' },
      them,
    );
    const foreign = await t.api.request('POST', `/api/mistakes/${m.id}/fix/complete`, {
      notice: { contactId: theirContact.id, subject: 'Fixed', body: 'Dear Lee, it is fixed.' },
    });
    expect(foreign.status).toBe(404);

    const long = await t.api.request('POST', `/api/mistakes/${m.id}/fix/complete`, { note: 'x'.repeat(2_001) });
    expect(long.status).toBe(400);
    expect(long.body.error.details.issues).toEqual([
      { field: 'body.note', message: 'Note can be at most 2,000 characters' },
    ]);
    const empty = await t.api.request('POST', `/api/mistakes/${m.id}/fix/complete`, {
      notice: { contactId: okafor.id, subject: 'Fixed', body: '  ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.issues[0]).toEqual({ field: 'body.notice.body', message: 'Text must not be empty' });
    expect((await ok('GET', `/api/mistakes/${m.id}/recovery`)).fixCommitment.status).toBe('open');
  });
});
