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

const { ok, client, mistake } = apiSteps(() => t.api);

/** Seed 001: the posters went to print with the short code's digits swapped. */
async function posterStory() {
  const spa = await client('Serenity Day Spas');
  const m = await mistake(
    spa.id,
    'Wrong short code on the posters',
    'wrong_fact',
    'The posters went to print with 55132 instead of 55123.',
  );
  const lesson = await ok('POST', `/api/mistakes/${m.id}/lessons`, {
    title: 'Check every code against the facts card before print',
    learned: 'Proofs were approved without comparing the short code to what the client gave us.',
  });
  return { spa, m, lesson };
}

describe('lessons', () => {
  it('writes a lesson from a mistake, lists it on the mistake and the timeline, and edits it', async () => {
    const { m, lesson, spa } = await posterStory();
    expect(lesson).toMatchObject({
      mistakeId: m.id,
      mistakeRef: m.ref,
      clientId: spa.id,
      clientName: 'Serenity Day Spas',
      scope: 'client',
      checks: [],
      catches: 0,
      repeats: 0,
      effectiveness: 'none',
      advisories: [],
    });
    const listed = await ok('GET', `/api/mistakes/${m.id}/lessons`);
    expect(listed.items.map((l: { id: string }) => l.id)).toEqual([lesson.id]);
    const timeline = await ok('GET', `/api/mistakes/${m.id}/timeline`);
    expect(timeline.items ?? timeline).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'lesson.written' })]),
    );
    const edited = await ok('PATCH', `/api/lessons/${lesson.id}`, { scope: 'workspace' });
    expect(edited.scope).toBe('workspace');
    expect(edited.title).toBe(lesson.title);
  });

  it('advises a blameless phrasing when the lesson blames a known person', async () => {
    const spa = await client('Serenity Day Spas');
    await ok('POST', `/api/clients/${spa.id}/contacts`, {
      fullName: 'Dana Whitfield',
      honorific: 'Ms',
      email: 'dana@example.com',
    });
    const m = await mistake(spa.id, 'Wrong date in the newsletter', 'wrong_fact');
    const lesson = await ok('POST', `/api/mistakes/${m.id}/lessons`, {
      title: 'Dates get a second reader',
      learned: 'Because Dana forgot to check the date.',
    });
    expect(lesson.advisories).toEqual([expect.objectContaining({ field: 'learned', name: 'Dana' })]);
  });

  it('answers 400 naming the field for bad input, and 404 for unknown ids', async () => {
    const { m, lesson } = await posterStory();
    const empty = await t.api.request('POST', `/api/mistakes/${m.id}/lessons`, { title: '', learned: 'x' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('title');
    const scope = await t.api.request('POST', `/api/mistakes/${m.id}/lessons`, {
      title: 'a',
      learned: 'b',
      scope: 'team',
    });
    expect(scope.status).toBe(400);
    expect(JSON.stringify(scope.body)).toContain('scope');
    const nothing = await t.api.request('PATCH', `/api/lessons/${lesson.id}`, {});
    expect(nothing.status).toBe(400);
    expect((await t.api.request('POST', '/api/mistakes/nope/lessons', { title: 'a', learned: 'b' })).status).toBe(404);
    expect((await t.api.request('GET', '/api/lessons/nope')).status).toBe(404);
    const kind = await t.api.request('POST', `/api/lessons/${lesson.id}/checks`, {
      kind: 'regex',
      pattern: 'x',
      message: 'm',
    });
    expect(kind.status).toBe(400);
    expect(JSON.stringify(kind.body)).toContain('kind');
    const backref = await t.api.request('POST', `/api/lessons/${lesson.id}/checks`, {
      kind: 'pattern',
      pattern: '(a)\\1',
      message: 'm',
    });
    expect(backref.status).toBe(400);
    expect(JSON.stringify(backref.body)).toContain('pattern');
    expect((await t.api.request('DELETE', `/api/lessons/${lesson.id}/checks/nope`)).status).toBe(404);
    // Nothing half written: the refused checks left no rule behind.
    expect((await ok('GET', '/api/guard-rules')).items ?? []).toEqual([]);
  });

  it("keeps another workspace's lessons out: 404 for a lesson of another workspace's mistake", async () => {
    const { m, lesson } = await posterStory();
    const other = await makeWorkspace(t.services, 'Other Studio');
    const api = await signedInClient(t.app, other.email, other.password);
    expect((await api.request('POST', `/api/mistakes/${m.id}/lessons`, { title: 'a', learned: 'b' })).status).toBe(404);
    expect((await api.request('GET', `/api/lessons/${lesson.id}`)).status).toBe(404);
    expect((await api.request('GET', `/api/lessons/${lesson.id}/proposals`)).status).toBe(404);
    expect((await api.request('GET', '/api/lessons?q=short')).body.items).toEqual([]);
  });
});

describe('turn it into a check', () => {
  it('proposes the right short code for the facts card, and the accepted fact catches a near miss naming the lesson', async () => {
    const { spa, lesson } = await posterStory();
    const proposals = await ok('GET', `/api/lessons/${lesson.id}/proposals`);
    const fact = proposals.items.find((p: { kind: string }) => p.kind === 'fact');
    expect(fact).toMatchObject({ factKind: 'short_code', value: '55123', wrong: '55132', existingFactId: null });
    const accepted = await ok('POST', `/api/lessons/${lesson.id}/checks`, {
      kind: 'fact',
      factKind: fact.factKind,
      value: fact.value,
      label: 'SMS short code',
    });
    expect(accepted.checks).toEqual([expect.objectContaining({ kind: 'fact', label: 'SMS short code is 55123' })]);
    expect(accepted.catchingSince).toBe(accepted.checks[0].createdAt);
    expect((await ok('GET', `/api/clients/${spa.id}/facts`)).items ?? []).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: '55123' })]),
    );

    // Weeks later: a new poster proof with the digits swapped.
    t.clock.advance(21 * DAY);
    const draft = { clientId: spa.id, draftId: 'proof-1' };
    const first = await ok('POST', '/api/check', { ...draft, text: 'Text SPA to 55213 for 20% off.' }, 200);
    const caught = first.findings.find((f: { rule: string }) => f.rule === 'fact_mismatch');
    expect(caught).toMatchObject({ lessonId: lesson.id, replacement: '55123' });
    expect(caught.message).toMatch(/^Lesson from MG-1: /);
    expect((await ok('GET', `/api/lessons/${lesson.id}`)).catches).toBe(0);

    // Fixed a moment later, checked again: one catch. Checking the fixed text again does not count twice.
    t.clock.advance(10_000);
    await ok('POST', '/api/check', { ...draft, text: 'Text SPA to 55123 for 20% off.' }, 200);
    await ok('POST', '/api/check', { ...draft, text: 'Text SPA to 55123 for 20% off!' }, 200);
    const after = await ok('GET', `/api/lessons/${lesson.id}`);
    expect(after.catches).toBe(1);
    expect(after.lastCaughtAt).toBe(t.clock.now().toISOString());
    // A slip that is gone within a second (still typing) is no catch.
    await ok('POST', '/api/check', { clientId: spa.id, draftId: 'proof-2', text: 'Text SPA to 55213' }, 200);
    t.clock.advance(300);
    await ok('POST', '/api/check', { clientId: spa.id, draftId: 'proof-2', text: 'Text SPA to 55123' }, 200);
    expect((await ok('GET', `/api/lessons/${lesson.id}`)).catches).toBe(1);
    // The same slip broken and fixed again on the same draft still counts once.
    await ok('POST', '/api/check', { ...draft, text: 'Text SPA to 55213.' }, 200);
    await ok('POST', '/api/check', { ...draft, text: 'Text SPA to 55123.' }, 200);
    expect((await ok('GET', `/api/lessons/${lesson.id}`)).catches).toBe(1);
    // Without a draftId nothing is counted.
    await ok('POST', '/api/check', { clientId: spa.id, text: 'Text SPA to 55213.' }, 200);
    expect((await ok('GET', `/api/lessons/${lesson.id}`)).catches).toBe(1);
  });

  it('a forbidden phrase from a lesson names the lesson; a draft sent with it anyway is no catch', async () => {
    const spa = await client('Serenity Day Spas');
    const contact = await ok('POST', `/api/clients/${spa.id}/contacts`, {
      fullName: 'Maria Lopez',
      honorific: 'Ms',
      email: 'maria@example.com',
    });
    const m = await mistake(
      spa.id,
      'Flippant reply to a complaint',
      'communication',
      'We wrote "no biggie" in reply to a complaint about a late brochure, and the client was upset.',
    );
    const lesson = await ok('POST', `/api/mistakes/${m.id}/lessons`, {
      title: 'Never brush off a complaint',
      learned: 'Tone matters most when something went wrong.',
    });
    const proposals = (await ok('GET', `/api/lessons/${lesson.id}/proposals`)).items;
    const forbidden = proposals.find((p: { kind: string }) => p.kind === 'forbidden');
    expect(forbidden).toMatchObject({ phrase: 'no biggie' });
    const accepted = await ok('POST', `/api/lessons/${lesson.id}/checks`, {
      kind: 'forbidden',
      phrase: forbidden.phrase,
      message: forbidden.message,
    });
    const rules = await ok('GET', '/api/guard-rules');
    const rule = (rules.items ?? rules).find((r: { id: string }) => r.id === accepted.checks[0].targetId);
    expect(rule).toMatchObject({ kind: 'forbidden', phrase: 'no biggie', mistakeId: m.id, clientId: spa.id });

    const text = 'Hi Maria, sorry about that, no biggie, we will fix it.';
    const checked = await ok('POST', '/api/check', { clientId: spa.id, text, draftId: 'update-1' }, 200);
    expect(checked.findings.find((f: { rule: string }) => f.rule === 'guard_rule')).toMatchObject({
      lessonId: lesson.id,
      message: 'Lesson from MG-1: Never brush off a complaint',
    });
    // Sent anyway, with an override: the finding was not caught.
    await ok('POST', `/api/mistakes/${m.id}/updates`, {
      contactId: contact.id,
      subject: 'Update',
      body: text,
      overrideReason: 'client asked for plain words',
      draftId: 'update-1',
    });
    expect((await ok('GET', `/api/lessons/${lesson.id}`)).catches).toBe(0);
    // Even fixed afterwards, a sent draft never counts.
    await ok('POST', '/api/check', { clientId: spa.id, text: 'Hi Maria, we will fix it.', draftId: 'update-1' }, 200);
    expect((await ok('GET', `/api/lessons/${lesson.id}`)).catches).toBe(0);
  });

  it('removing a check removes the guard rule it made; deleting a lesson removes its rules and keeps its facts', async () => {
    const { spa, lesson } = await posterStory();
    const withRule = await ok('POST', `/api/lessons/${lesson.id}/checks`, {
      kind: 'required',
      phrase: 'short code',
      when: 'poster',
      message: 'Posters name the short code',
    });
    const withFact = await ok('POST', `/api/lessons/${lesson.id}/checks`, {
      kind: 'fact',
      factKind: 'short_code',
      value: '55123',
    });
    expect(withFact.checks).toHaveLength(2);
    const ruleCheck = withRule.checks[0];
    const removed = await ok('DELETE', `/api/lessons/${lesson.id}/checks/${ruleCheck.id}`);
    expect(removed.checks.map((c: { kind: string }) => c.kind)).toEqual(['fact']);
    expect(
      ((await ok('GET', '/api/guard-rules')).items ?? []).some((r: { id: string }) => r.id === ruleCheck.targetId),
    ).toBe(false);
    await ok('POST', `/api/lessons/${lesson.id}/checks`, {
      kind: 'pattern',
      pattern: 'SPA\\s+to\\s+\\d+',
      message: 'Check the code',
    });
    await ok('DELETE', `/api/lessons/${lesson.id}`, undefined, 204);
    expect((await t.api.request('GET', `/api/lessons/${lesson.id}`)).status).toBe(404);
    expect((await ok('GET', '/api/guard-rules')).items ?? []).toEqual([]);
    expect(
      ((await ok('GET', `/api/clients/${spa.id}/facts`)).items ?? []).map((f: { value: string }) => f.value),
    ).toContain('55123');
  });
});

describe('the lessons library', () => {
  it('searches lessons, their mistakes, root causes and actions with stemming and prefixes, and filters', async () => {
    const { m, lesson, spa } = await posterStory();
    const dental = await client('Blue Harbor Dental');
    const late = await mistake(
      dental.id,
      'Brochure delivered two days late',
      'deadline',
      'The printer slot was booked after the deadline.',
    );
    const lateLesson = await ok('POST', `/api/mistakes/${late.id}/lessons`, {
      title: 'Book print slots when the brief is signed',
      learned: 'Print capacity runs out in spring.',
    });
    await ok(
      'PUT',
      `/api/mistakes/${m.id}/root-cause`,
      { whySteps: ['Nobody compared the proof to the facts card'], category: 'process' },
      200,
    );
    await ok('POST', `/api/mistakes/${m.id}/actions`, {
      kind: 'preventive',
      title: 'Collateral checklist before anything goes to print',
      ownerId: t.owner.actor.userId,
      dueAt: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(),
    });

    const search = async (qs: string) => (await ok('GET', `/api/lessons?${qs}`)).items.map((l: { id: string }) => l.id);
    expect(await search('q=codes')).toEqual([lesson.id]); // stemmed: codes → code
    expect(await search('q=collat')).toEqual([lesson.id]); // prefix, from the action's title
    expect(await search('q=compared%20proof')).toEqual([lesson.id]); // from the root cause
    expect(await search('q=brochure')).toEqual([lateLesson.id]); // from the mistake's title
    expect(new Set(await search('q=print'))).toEqual(new Set([lesson.id, lateLesson.id]));
    expect(await search(`q=print&clientId=${spa.id}`)).toEqual([lesson.id]);
    expect(await search('q=print&category=deadline')).toEqual([lateLesson.id]);
    expect(await search('q=print&cause=process')).toEqual([lesson.id]);
    expect(await search('effective=unchecked')).toEqual([lesson.id]);
    expect(await search('q=zebra')).toEqual([]);
    expect(await search('q=%22%27%29%28*%20OR')).toEqual([]); // query syntax is not passed through
    const ranked = (await ok('GET', '/api/lessons?q=print')).items;
    expect(ranked.every((l: { rank: number }) => typeof l.rank === 'number')).toBe(true);
    expect(ranked[0].rank).toBeGreaterThanOrEqual(ranked[1].rank);
    // Editing the mistake re-indexes its lessons.
    await ok('PATCH', `/api/mistakes/${late.id}`, { title: 'Leaflets delivered two days late' });
    expect(await search('q=leaflets')).toEqual([lateLesson.id]);
    const bad = await t.api.request('GET', '/api/lessons?category=unknown');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('category');
  });
});

describe('repeats and the repeat rate', () => {
  it("counts a repeat on the earlier mistake's lesson and reports the repeat rate per workspace and client", async () => {
    const { spa, m, lesson } = await posterStory();
    const dental = await client('Blue Harbor Dental');
    await mistake(dental.id, 'Invoice sent twice', 'billing');
    const again = await mistake(spa.id, 'Wrong short code on the flyers', 'wrong_fact');
    await ok('POST', `/api/mistakes/${again.id}/repeat-of`, { mistakeId: m.id }, 200);
    expect((await ok('GET', `/api/lessons/${lesson.id}`)).repeats).toBe(1);

    const all = await ok('GET', '/api/metrics/repeat-rate');
    expect(all).toMatchObject({ mistakes: 3, repeats: 1, clientId: null });
    expect(all.rate).toBeCloseTo(1 / 3);
    const mine = await ok('GET', `/api/metrics/repeat-rate?clientId=${spa.id}`);
    expect(mine).toMatchObject({ mistakes: 2, repeats: 1, rate: 0.5 });
    const none = await ok('GET', `/api/metrics/repeat-rate?to=${encodeURIComponent('2026-01-01T00:00:00Z')}`);
    expect(none).toMatchObject({ mistakes: 0, repeats: 0, rate: null });
    await ok('DELETE', `/api/mistakes/${again.id}/repeat-of`, undefined, 200);
    expect((await ok('GET', `/api/lessons/${lesson.id}`)).repeats).toBe(0);
    const backwards = await t.api.request(
      'GET',
      '/api/metrics/repeat-rate?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z',
    );
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('from');
    expect((await t.api.request('GET', '/api/metrics/repeat-rate?clientId=nope')).status).toBe(404);
  });
});
