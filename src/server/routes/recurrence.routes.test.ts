import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiSteps } from '../../../test/api-steps.ts';
import { makeWorkspace, signedInClient, testApi } from '../../../test/factories.ts';

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

const DAY = 86_400_000;
const inDays = (d: number) => new Date(t.clock.now().getTime() + d * DAY).toISOString();

const { ok, client, mistake } = apiSteps(() => t.api);

/** The seed-001 mistake taken all the way to verified. */
async function verifiedPosterMistake(clientId: string) {
  const m = await mistake(
    clientId,
    'Wrong short code on the posters',
    'wrong_fact',
    'The posters went to print with 55132 instead of 55123.',
  );
  await ok(
    'PUT',
    `/api/mistakes/${m.id}/root-cause`,
    { whySteps: ['No facts check on proofs'], category: 'process' },
    200,
  );
  const action = await ok('POST', `/api/mistakes/${m.id}/actions`, {
    kind: 'preventive',
    title: 'Collateral check before print',
    ownerId: t.owner.actor.userId,
    dueAt: inDays(3),
  });
  await ok('POST', `/api/actions/${action.id}/done`, undefined, 200);
  await ok('POST', `/api/actions/${action.id}/check`, { result: 'effective' }, 200);
  expect((await ok('GET', `/api/mistakes/${m.id}`)).stage).toBe('verified');
  return { m, action };
}

describe('recurrence: similar mistakes and repeats', () => {
  it('suggests the earlier mistake of the same client first, and flags a very likely repeat', async () => {
    const spa = await client('Serenity Day Spas');
    const dental = await client('Blue Harbor Dental');
    const { m } = await verifiedPosterMistake(spa.id);
    await mistake(dental.id, 'Wrong short code in the SMS campaign');
    await mistake(spa.id, 'Invoice sent to the wrong contact', 'billing');
    await mistake(spa.id, 'Brochure delivered two days late', 'deadline');
    const similar = await ok(
      'POST',
      '/api/mistakes/similar',
      { title: 'Wrong short code on the flyers', clientId: spa.id, category: 'wrong_fact' },
      200,
    );
    expect(similar.items[0].mistake.id).toBe(m.id);
    expect(similar.items[0].likelyRepeat).toBe(true);
    expect(similar.items[0].reasons).toEqual(expect.arrayContaining(['same client', 'same category']));
    expect(similar.items[0].preventive).toEqual({ total: 1, effective: 1, notEffective: 0 });
    // The other client's similar mistake is suggested, but not flagged as a repeat.
    const other = similar.items.find(
      (s: { mistake: { clientName: string } }) => s.mistake.clientName === 'Blue Harbor Dental',
    );
    expect(other.likelyRepeat).toBe(false);
    // Unrelated wording is not suggested at all.
    const none = await ok(
      'POST',
      '/api/mistakes/similar',
      { title: 'Kickoff meeting double-booked', clientId: spa.id },
      200,
    );
    expect(none.items).toEqual([]);
  });

  it("shows each suggestion's lessons with their catches, and lifts one with the same cause once the new mistake has a root cause", async () => {
    const spa = await client('Serenity Day Spas');
    const { m } = await verifiedPosterMistake(spa.id);
    const lesson = await ok('POST', `/api/mistakes/${m.id}/lessons`, {
      title: 'Codes are checked against the facts card',
      learned: 'x',
    });
    const other = await mistake(spa.id, 'Wrong short code on the banner', 'wrong_fact');
    await ok(
      'PUT',
      `/api/mistakes/${other.id}/root-cause`,
      { whySteps: ['The client sent two codes'], category: 'client_input' },
      200,
    );
    const fresh = await mistake(spa.id, 'Wrong short code on the leaflets', 'wrong_fact');
    const query = { title: fresh.title, clientId: spa.id, category: 'wrong_fact', excludeId: fresh.id };
    const before = (await ok('POST', '/api/mistakes/similar', query, 200)).items;
    const posters = before.find((s: { mistake: { id: string } }) => s.mistake.id === m.id);
    expect(posters.lessons).toEqual([{ id: lesson.id, title: lesson.title, catches: 0 }]);
    expect(before.find((s: { mistake: { id: string } }) => s.mistake.id === other.id).lessons).toEqual([]);
    await ok(
      'PUT',
      `/api/mistakes/${fresh.id}/root-cause`,
      { whySteps: ['Nobody checked the proof'], category: 'process' },
      200,
    );
    const after = (await ok('POST', '/api/mistakes/similar', query, 200)).items;
    const lifted = after.find((s: { mistake: { id: string } }) => s.mistake.id === m.id);
    expect(lifted.reasons).toContain('same cause');
    expect(lifted.score).toBeGreaterThan(posters.score);
    expect(after.find((s: { mistake: { id: string } }) => s.mistake.id === other.id).reasons).not.toContain(
      'same cause',
    );
  });

  it('marks a repeat: the earlier regresses, its check turns not effective, both timelines say so; undo restores it', async () => {
    const spa = await client('Serenity Day Spas');
    const { m, action } = await verifiedPosterMistake(spa.id);
    const again = await mistake(spa.id, 'Wrong short code on the flyers');
    const learning = await ok('POST', `/api/mistakes/${again.id}/repeat-of`, { mistakeId: m.id }, 200);
    expect(learning.regressed).toBe(true);
    expect(learning.repeats).toEqual([{ id: again.id, ref: again.ref }]);
    expect(learning.actions[0].checkResult).toBe('not_effective');
    expect(learning.actions[0].checkNote).toContain(again.ref);
    const earlier = await ok('GET', `/api/mistakes/${m.id}`);
    expect(earlier.stage).toBe('learned');
    expect(earlier.regressed).toBe(true);
    // The badge in lists comes with the row.
    const listed = (await ok('GET', '/api/mistakes')).items;
    expect(listed.find((x: { id: string }) => x.id === m.id).regressed).toBe(true);
    expect(listed.find((x: { id: string }) => x.id === again.id).regressed).toBe(false);
    expect(earlier.reached.verified).toBeNull();
    expect((await ok('GET', `/api/mistakes/${again.id}/learning`)).repeatOf).toEqual({ id: m.id, ref: m.ref });
    const types = async (id: string) =>
      (await ok('GET', `/api/mistakes/${id}/timeline`)).items.map((e: { type: string }) => e.type);
    expect(await types(m.id)).toEqual(expect.arrayContaining(['mistake.regressed', 'mistake.stage_lost']));
    expect(await types(again.id)).toContain('mistake.repeat_marked');
    expect((await t.api.request('POST', `/api/mistakes/${again.id}/repeat-of`, { mistakeId: m.id })).status).toBe(409);

    const undone = await ok('DELETE', `/api/mistakes/${again.id}/repeat-of`, undefined, 200);
    expect(undone.regressed).toBe(false);
    expect(undone.actions[0].checkResult).toBe('effective');
    expect((await ok('GET', `/api/mistakes/${m.id}`)).stage).toBe('verified');
    expect((await ok('GET', `/api/mistakes/${m.id}`)).regressed).toBe(false);
    expect((await t.api.request('DELETE', `/api/mistakes/${again.id}/repeat-of`)).status).toBe(409);
    void action;
  });

  it('a regressed mistake is verified again only when its preventive actions are re-checked effective after the repeat', async () => {
    const spa = await client('Serenity Day Spas');
    const { m } = await verifiedPosterMistake(spa.id);
    const again = await mistake(spa.id, 'Wrong short code on the flyers');
    await ok('POST', `/api/mistakes/${again.id}/repeat-of`, { mistakeId: m.id }, 200);
    t.clock.advance(DAY);
    const next = await ok('POST', `/api/mistakes/${m.id}/actions`, {
      kind: 'preventive',
      title: 'Second reader on every proof',
      ownerId: t.owner.actor.userId,
      dueAt: inDays(2),
    });
    await ok('POST', `/api/actions/${next.id}/done`, undefined, 200);
    t.clock.advance(DAY);
    await ok('POST', `/api/actions/${next.id}/check`, { result: 'effective' }, 200);
    // The first action stays "not effective", but the newer one replaced it and proved effective.
    const l = await ok('GET', `/api/mistakes/${m.id}/learning`);
    expect(l.missing.verified).toEqual([]);
    expect(l.regressed).toBe(false);
    expect((await ok('GET', `/api/mistakes/${m.id}`)).stage).toBe('verified');
    // Re-verified: the list's badge goes too.
    expect((await ok('GET', `/api/mistakes/${m.id}`)).regressed).toBe(false);
  });

  it('a regressed mistake stays unverified while the new action is unchecked', async () => {
    const spa = await client('Serenity Day Spas');
    const { m } = await verifiedPosterMistake(spa.id);
    const again = await mistake(spa.id, 'Wrong short code on the flyers');
    await ok('POST', `/api/mistakes/${again.id}/repeat-of`, { mistakeId: m.id }, 200);
    const next = await ok('POST', `/api/mistakes/${m.id}/actions`, {
      kind: 'preventive',
      title: 'Second reader on every proof',
      ownerId: t.owner.actor.userId,
      dueAt: inDays(2),
    });
    await ok('POST', `/api/actions/${next.id}/done`, undefined, 200);
    const l = await ok('GET', `/api/mistakes/${m.id}/learning`);
    expect(l.stage).toBe('learned');
    expect(l.missing.verified).toEqual(
      expect.arrayContaining(['Record the effectiveness check of “Second reader on every proof”.']),
    );
  });

  it('refuses a repeat of itself, of a later mistake, or of another workspace’s mistake', async () => {
    const spa = await client('Serenity Day Spas');
    const a = await mistake(spa.id, 'Wrong short code on the posters');
    const b = await mistake(spa.id, 'Wrong short code on the flyers');
    const self = await t.api.request('POST', `/api/mistakes/${a.id}/repeat-of`, { mistakeId: a.id });
    expect(self.status).toBe(400);
    expect(JSON.stringify(self.body.error)).toContain('mistakeId');
    const later = await t.api.request('POST', `/api/mistakes/${a.id}/repeat-of`, { mistakeId: b.id });
    expect(later.status).toBe(400);
    expect(later.body.error.message).toContain('was logged after');
    const other = await makeWorkspace(t.services, 'Other Studio');
    const otherApi = await signedInClient(t.app, other.email, other.password);
    expect((await otherApi.request('POST', `/api/mistakes/${b.id}/repeat-of`, { mistakeId: a.id })).status).toBe(404);
    expect((await otherApi.request('DELETE', `/api/mistakes/${b.id}/repeat-of`)).status).toBe(404);
    const theirs = await otherApi.request('POST', '/api/mistakes/similar', { title: 'Wrong short code on the flyers' });
    expect(theirs.body.items).toEqual([]);
    expect((await t.api.request('POST', '/api/mistakes/similar', { title: '' })).status).toBe(400);
  });
});
