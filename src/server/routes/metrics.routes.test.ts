import { sql } from 'kysely';
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

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const { ok } = apiSteps(() => t.api);
let keys = 0;

/**
 * Seed 000's shape: four mistakes for two clients on 2 March 2026. MG-1 (major, found by us) is
 * acknowledged after 30 minutes and fixed the next day by its due time; MG-2 (critical, found by
 * the client) is acknowledged after 2 hours, has a root cause and a USD 50.00 credit; MG-3 (minor)
 * is a repeat of MG-1; MG-4 (minor, the other client) has nothing yet.
 */
async function story() {
  const spa = await ok('POST', '/api/clients', { name: 'Serenity Day Spas', tier: 'key' });
  const other = await ok('POST', '/api/clients', { name: 'Kestrel Print', tier: 'standard' });
  const contact = await ok('POST', `/api/clients/${spa.id}/contacts`, {
    fullName: 'Lynn Carter',
    email: 'lynn@example.com',
  });
  const found = t.clock.now().getTime();
  const at = (ms: number) => new Date(found + ms).toISOString();
  const m1 = await ok('POST', '/api/mistakes', {
    clientId: spa.id,
    title: 'Misspelled name in the brief',
    category: 'wrong_fact',
    severity: 'major',
  });
  const m2 = await ok('POST', '/api/mistakes', {
    clientId: spa.id,
    title: 'Double-booked call',
    category: 'deadline',
    severity: 'critical',
    foundBy: 'client',
  });
  const m3 = await ok('POST', '/api/mistakes', {
    clientId: spa.id,
    title: 'Misspelled name again',
    category: 'wrong_fact',
    severity: 'minor',
  });
  const m4 = await ok('POST', '/api/mistakes', { clientId: other.id, title: 'Late proof', category: 'deadline' });
  await ok('POST', `/api/mistakes/${m1.id}/acknowledgments`, {
    channel: 'email',
    contactId: contact.id,
    at: at(30 * MIN),
  });
  await ok('POST', `/api/mistakes/${m2.id}/client-noticed`, {}, 200);
  await ok('POST', `/api/mistakes/${m2.id}/acknowledgments`, {
    channel: 'phone',
    contactId: contact.id,
    at: at(2 * HOUR),
  });
  await ok(
    'PUT',
    `/api/mistakes/${m2.id}/root-cause`,
    {
      whySteps: ['The call was booked twice', 'Two calendars were in use'],
      category: 'tooling',
      summary: 'We used two calendars.',
    },
    200,
  );
  const credit = await ok('POST', `/api/mistakes/${m2.id}/remedies`, {
    kind: 'credit',
    amountMinor: 5_000,
    currency: 'USD',
    idempotencyKey: `credit-${++keys}-0123456789`,
  });
  // A remedy that waits for approval is not given yet; the owner approves it.
  expect(credit.entry.status).toBe('pending_approval');
  await ok('POST', `/api/remedies/${credit.entry.id}/approve`, {}, 200);
  await ok('POST', `/api/mistakes/${m3.id}/repeat-of`, { mistakeId: m1.id }, 200);
  const fix = await ok('POST', `/api/mistakes/${m1.id}/fix-commitment`, {
    title: 'Resend the brief',
    dueAt: at(2 * DAY),
  });
  t.clock.advance(DAY);
  await ok('POST', `/api/commitments/${fix.id}/complete`, {}, 200);
  return { spa, other, m1, m2, m3, m4 };
}

describe('GET /api/metrics', () => {
  it('measures a period: acknowledgment and fix times against targets, promises, told first, repeats, cost, breakdowns', async () => {
    const { spa, other } = await story();
    const m = await ok('GET', '/api/metrics?from=2026-03-01&to=2026-03-03');
    expect(m).toMatchObject({ from: '2026-03-01', to: '2026-03-03', clientId: null, bucket: 'day' });
    expect(m.mistakes.value).toBe(4);
    expect(m.mistakes.definition).toMatch(/found in the period/);
    const ack = Object.fromEntries(m.timeToAcknowledge.bySeverity.map((s: { severity: string }) => [s.severity, s]));
    // 30 minutes lies in the 15–30 min bucket, 2 hours in the 90–120 min one (estimates inside them).
    expect(ack.major).toMatchObject({ count: 1, targetMinutes: 240, withinTarget: 1, withinTargetRate: 1 });
    expect(ack.major.medianMinutes).toBeGreaterThan(15);
    expect(ack.major.medianMinutes).toBeLessThanOrEqual(30);
    expect(ack.critical).toMatchObject({ count: 1, targetMinutes: 60, withinTarget: 0, withinTargetRate: 0 });
    expect(ack.critical.medianMinutes).toBeGreaterThan(90);
    expect(ack.critical.medianMinutes).toBeLessThanOrEqual(120);
    expect(ack.minor).toMatchObject({ count: 0, medianMinutes: null, p90Minutes: null, withinTargetRate: null });
    expect(m.timeToAcknowledge.all).toMatchObject({ count: 2, withinTarget: 1, withinTargetRate: 0.5 });
    expect(m.timeToAcknowledge.definition).toMatch(/buckets/);

    const fix = Object.fromEntries(m.timeToFix.bySeverity.map((s: { severity: string }) => [s.severity, s]));
    // Fixed one day after it was found: in the 18–24 h bucket, within the major target of 72 hours.
    expect(fix.major).toMatchObject({ count: 1, targetMinutes: 72 * 60, withinTarget: 1 });
    expect(fix.major.medianMinutes).toBeGreaterThan(18 * 60);
    expect(fix.major.medianMinutes).toBeLessThanOrEqual(24 * 60);
    expect(m.timeToFix.all.count).toBe(1);

    expect(m.fixPromisesKept).toMatchObject({ value: 1, kept: 1, resolved: 1 });
    expect(m.toldBeforeNoticed).toMatchObject({ value: 0.25, told: 1, mistakes: 4 });
    expect(m.repeatRate).toMatchObject({ value: 0.25, repeats: 1, mistakes: 4 });
    expect(m.cost.remedies).toEqual([{ currency: 'USD', amountMinor: 5_000 }]);
    expect(m.cost.reworkHours).toBe(0);
    expect(m.satisfaction).toMatchObject({ value: null, answers: 0 });
    expect(m.clientsAfterMistake).toMatchObject({ kept: 0, lost: 0, tooEarly: 2 });
    // Most first; a tie keeps the order of the categories.
    expect(m.byCategory.items).toEqual([
      { key: 'deadline', label: 'Deadline or schedule', count: 2 },
      { key: 'wrong_fact', label: 'Wrong fact', count: 2 },
    ]);
    expect(m.byCause.items).toEqual([
      { key: 'none', label: 'No root cause yet', count: 3 },
      { key: 'tooling', label: 'Tooling', count: 1 },
    ]);
    expect(m.byClient.items).toEqual([
      { key: spa.id, label: 'Serenity Day Spas', count: 3 },
      { key: other.id, label: 'Kestrel Print', count: 1 },
    ]);
    expect(m.trend.items.map((b: { start: string; mistakes: number }) => [b.start, b.mistakes])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 4],
      ['2026-03-03', 0],
    ]);
    expect(m.trend.items[1]).toMatchObject({
      toldBeforeNoticed: 1,
      repeats: 1,
      byCategory: { wrong_fact: 2, deadline: 2 },
    });
  });

  it('measures one client, and a period without mistakes has no figures rather than zeros', async () => {
    const { other } = await story();
    const one = await ok('GET', `/api/metrics?from=2026-03-01&to=2026-03-03&clientId=${other.id}`);
    expect(one).toMatchObject({ clientId: other.id, clientName: 'Kestrel Print' });
    expect(one.mistakes.value).toBe(1);
    expect(one.byClient.items).toEqual([{ key: other.id, label: 'Kestrel Print', count: 1 }]);
    expect(one.cost.remedies).toEqual([]);
    expect(one.toldBeforeNoticed).toMatchObject({ told: 0, mistakes: 1, value: 0 });

    const empty = await ok('GET', '/api/metrics?from=2026-01-01&to=2026-01-31');
    expect(empty.mistakes.value).toBe(0);
    expect(empty.repeatRate.value).toBeNull();
    expect(empty.toldBeforeNoticed.value).toBeNull();
    expect(empty.fixPromisesKept.value).toBeNull();
    expect(empty.timeToAcknowledge.all.medianMinutes).toBeNull();
    expect(empty.byCategory.items).toEqual([]);
  });

  it('follows later changes: a new category, a reversed remedy; a rebuild from the mistakes gives the same figures', async () => {
    const { m4, m2 } = await story();
    await ok('PATCH', `/api/mistakes/${m4.id}`, { category: 'billing' }, 200);
    const remedies = await ok('GET', `/api/remedies?mistakeId=${m2.id}`);
    const entry = (remedies.items ?? remedies)[0];
    await ok('POST', `/api/remedies/${entry.id}/reverse`, {
      reason: 'Entered twice',
      idempotencyKey: `rev-${++keys}-0123456789`,
    });
    const q = '/api/metrics?from=2026-03-01&to=2026-03-03';
    const db = t.services.database.db;
    // Kept as the changes happened (before any metrics read), not built on the first read.
    const kept = await sql<{ n: number }>`select count(*) as n from metrics_mistakes`.execute(db);
    expect(Number(kept.rows[0]?.n)).toBe(4);
    const live = await ok('GET', q);
    expect(live.byCategory.items).toEqual(
      expect.arrayContaining([
        { key: 'billing', label: 'Billing', count: 1 },
        { key: 'deadline', label: 'Deadline or schedule', count: 1 },
      ]),
    );
    expect(live.cost.remedies).toEqual([]);

    await sql`delete from metrics_state`.execute(db);
    await sql`delete from metrics_rollup`.execute(db);
    await sql`delete from metrics_mistakes`.execute(db);
    expect(await ok('GET', q)).toEqual(live);
  });

  it('counts clients kept (not lost 90 days after their last mistake) and lost', async () => {
    const { other } = await story();
    await ok('PATCH', `/api/clients/${other.id}`, { status: 'lost' }, 200);
    t.clock.advance(100 * DAY);
    t.api = await signedInClient(t.app, t.owner.email, t.owner.password); // the session expired
    const m = await ok('GET', '/api/metrics?from=2026-03-01&to=2026-03-31');
    expect(m.clientsAfterMistake).toMatchObject({ kept: 1, lost: 1, tooEarly: 0 });
    expect(m.bucket).toBe('day');
    const year = await ok('GET', '/api/metrics?from=2026-01-01&to=2026-12-31');
    expect(year.bucket).toBe('month');
    expect(year.trend.items).toHaveLength(12);
    expect(year.byClient.items.map((c: { count: number }) => c.count)).toEqual([3, 1]);
  });

  it('exports the same figures as CSV with their definitions', async () => {
    await story();
    for (const url of [
      '/api/metrics.csv?from=2026-03-01&to=2026-03-03',
      '/api/metrics?from=2026-03-01&to=2026-03-03&format=csv',
    ]) {
      const r = await t.app.inject({ method: 'GET', url, headers: { cookie: t.api.cookie } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/csv/);
      expect(r.headers['content-disposition']).toBe(
        'attachment; filename="makegood-metrics-2026-03-01-to-2026-03-03.csv"',
      );
      const lines = r.body.trim().split('\n');
      expect(lines[0]).toBe('metric,breakdown,value,unit,definition');
      expect(lines).toContain(
        'mistakes,,4,mistakes,Mistakes found in the period (by the UTC day they were found). Every metric below is about these mistakes.',
      );
      expect(lines.some((l) => l.startsWith('told before they noticed,1 of 4,25,%,'))).toBe(true);
      expect(lines).toContain(
        'remedies given,USD,5000,minor units,"Remedies recorded for these mistakes, net of reversals, per currency: credits, discounts, refunds, unbilled rework at its rate, gifts and other. Rework hours: the unbilled hours recorded with rework remedies."',
      );
      expect(lines).toContain('mistakes by client,Serenity Day Spas,3,mistakes,');
    }
  });

  it('answers 400 naming the field for bad dates and periods, 404 for an unknown client', async () => {
    const bad: [string, string][] = [
      ['/api/metrics?from=2026-13-01', 'querystring.from'],
      ['/api/metrics?to=yesterday', 'querystring.to'],
      ['/api/metrics?from=2026-03-05&to=2026-03-01', 'querystring.from'],
      ['/api/metrics?from=2000-01-01&to=2026-03-01', 'querystring.from'],
      ['/api/metrics?format=xml', 'querystring.format'],
      ['/api/metrics?clientId=../x', 'querystring.clientId'],
      ['/api/metrics.csv?from=2026-02-30', 'querystring.from'],
      ['/api/metrics?mistakeId=x', 'querystring'],
    ];
    for (const [url, field] of bad) {
      const r = await t.api.request('GET', url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.code, url).toBe('validation_failed');
      expect(r.body.error.details.issues.map((i: { field: string }) => i.field).join(' '), url).toContain(field);
    }
    const unknown = await t.api.request('GET', '/api/metrics?clientId=no-such-client');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('client_not_found');
  });

  it("never shows another workspace's mistakes, and answers 404 for its client", async () => {
    const { spa } = await story();
    const other = await makeWorkspace(t.services, 'Other Studio');
    const b = await signedInClient(t.app, other.email, other.password);
    for (const url of [`/api/metrics?clientId=${spa.id}`, `/api/metrics.csv?clientId=${spa.id}`]) {
      const r = await b.request('GET', url);
      expect(r.status, url).toBe(404);
    }
    const own = await b.request('GET', '/api/metrics?from=2026-03-01&to=2026-03-03');
    expect(own.status).toBe(200);
    expect(own.body.mistakes.value).toBe(0);
    expect(JSON.stringify(own.body)).not.toContain('Serenity');
  });
});
