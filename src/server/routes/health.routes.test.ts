import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiSteps } from '../../../test/api-steps.ts';
import { makeWorkspace, signedInClient, testApi } from '../../../test/factories.ts';

// Client health through the API (issue 11 A), on SQLite and PostgreSQL: the score recomputed on
// every event that feeds it, why it moved, the cluster and threshold alerts (once each, to the
// members only), the clients list sorted by risk, bad input and tenant isolation.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

const DAY = 86_400_000;
const { ok, client } = apiSteps(() => t.api);

async function log(clientId: string, title: string, severity = 'minor', foundBy = 'us', category = 'wrong_fact') {
  return ok('POST', '/api/mistakes', { clientId, title, category, severity, foundBy });
}

async function addAdmin(name: string, email: string) {
  const store = t.services.deps.store;
  const id = `admin-${Math.random().toString(36).slice(2, 10)}`;
  await store.users.create({ id, name, email, passwordHash: 'x', createdAt: t.clock.now().toISOString() });
  await store.users.addMembership(t.owner.actor.workspaceId, id, 'admin', t.clock.now().toISOString());
  return id;
}

describe('client health', () => {
  it('seed 000: four small mistakes in three weeks — the score falls with each and says why, one cluster alert lists all four', async () => {
    const adminId = await addAdmin('Ada Admin', 'ada@example.com');
    const spa = await client('Serenity Day Spas');
    await ok('POST', `/api/clients/${spa.id}/contacts`, { fullName: 'Lynn Carter', email: 'lynn@spa.example' });
    const titles = [
      'Misspelled name in the brief',
      'Misunderstood request for the landing page',
      'Double-booked kick-off call',
      'Late deliverable: the brochure',
    ];
    const scores: number[] = [];
    for (const [i, title] of titles.entries()) {
      await log(spa.id, title, 'minor', i % 2 === 0 ? 'client' : 'us');
      const h = await ok('GET', `/api/clients/${spa.id}/health`);
      scores.push(h.score);
      t.clock.advance(6 * DAY);
    }
    // Fell with each.
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
    const health = await ok('GET', `/api/clients/${spa.id}/health`);
    // Lines add up to the score.
    expect(100 + health.lines.reduce((s: number, l: { points: number }) => s + l.points, 0)).toBe(health.score);
    expect(health.lines.map((l: { reason: string }) => l.reason)).toContain('MG-1 minor, found by the client');
    // One history row per change, each explained: the moves add up to the change and name the new mistake.
    expect(health.history).toHaveLength(4);
    for (const [i, h] of health.history.entries()) {
      expect(h.reason).toBe(`MG-${i + 1} logged`);
      expect(h.moves.reduce((s: number, m: { delta: number }) => s + m.delta, 0)).toBe(h.score - h.previousScore);
      expect(
        h.moves.some((m: { mistakeRef: string; delta: number }) => m.mistakeRef === `MG-${i + 1}` && m.delta < 0),
      ).toBe(true);
    }
    // The cluster alert: raised once at the third mistake, extended by the fourth.
    const clusters = health.alerts.filter((a: { kind: string }) => a.kind === 'cluster');
    expect(clusters).toHaveLength(1);
    expect(clusters[0].status).toBe('open');
    expect(clusters[0].mistakes.map((m: { ref: string }) => m.ref)).toEqual(['MG-1', 'MG-2', 'MG-3', 'MG-4']);
    expect(health.rule).toEqual({ count: 3, days: 30, threshold: 60 });

    // Told once, in-app and by email, to the owner and the admin, never to the client's contact.
    const store = t.services.deps.store;
    const ws = t.owner.actor.workspaceId;
    for (const userId of [t.owner.actor.userId!, adminId]) {
      const notes = (await store.notifications.list(ws, userId, { limit: 50 })).filter(
        (n) => n.kind === 'client_at_risk',
      );
      expect(notes).toHaveLength(1);
      expect(notes[0]!.title).toContain('Serenity Day Spas');
      expect(notes[0]!.body).toContain('MG-3 Double-booked kick-off call');
      expect(notes[0]!.body).toContain('at risk');
    }
    const mail = (await store.messages.list(ws, { clientId: spa.id })).filter((m) =>
      m.subject.includes('mistakes within'),
    );
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['ada@example.com', t.owner.email].sort());
    expect(mail.every((m) => m.kind === 'reminder')).toBe(true);
    expect((await store.messages.list(ws, { clientId: spa.id })).some((m) => m.toAddress === 'lynn@spa.example')).toBe(
      false,
    );
    const timeline = await ok('GET', `/api/clients/${spa.id}/timeline?limit=50`);
    expect(timeline.items.filter((e: { type: string }) => e.type === 'client.health_alert')).toHaveLength(1);

    // The owner confirms "at risk": the status is a recorded decision on the timeline.
    const decided = await ok(
      'POST',
      `/api/clients/${spa.id}/health/alerts/${clusters[0].id}/resolve`,
      { decision: 'mark_at_risk' },
      200,
    );
    expect(decided.alerts[0].status).toBe('marked_at_risk');
    expect((await ok('GET', `/api/clients/${spa.id}`)).status).toBe('at_risk');
    const after = await ok('GET', `/api/clients/${spa.id}/timeline?limit=50`);
    expect(after.items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['client.updated', 'client.health_alert_resolved']),
    );
    const again = await t.api.request('POST', `/api/clients/${spa.id}/health/alerts/${clusters[0].id}/resolve`, {
      decision: 'dismiss',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('health_alert_not_open');
  });

  it('acknowledging within the target, a fix kept and a remedy earn points back; the clients list sorts by risk with trend and open mistakes', async () => {
    const spa = await client('Serenity Day Spas');
    const calm = await client('Calm Clinic');
    await client('Quiet Co');
    const m = await ok('POST', '/api/mistakes', {
      clientId: spa.id,
      title: 'Wrong price on the flyer',
      category: 'wrong_fact',
      severity: 'critical',
      foundBy: 'client',
      impact: { amountMinor: 20_000, currency: 'USD' },
    });
    await log(calm.id, 'Typo in a caption', 'minor');
    const hit = (await ok('GET', `/api/clients/${spa.id}/health`)).score;
    // Critical (−20), found by the client (× 1.5).
    expect(hit).toBe(70);
    await ok('POST', `/api/mistakes/${m.id}/acknowledgments`, { channel: 'phone', recipient: 'Lynn' });
    const fix = await ok('POST', `/api/mistakes/${m.id}/fix-commitment`, {
      title: 'Reprint the flyer',
      dueAt: new Date(t.clock.now().getTime() + 2 * DAY).toISOString(),
    });
    t.clock.advance(DAY);
    await ok('POST', `/api/commitments/${fix.id}/complete`, undefined, 200);
    await ok('POST', `/api/mistakes/${m.id}/remedies`, {
      kind: 'credit',
      amountMinor: 5_000,
      currency: 'USD',
      idempotencyKey: 'health-remedy-1',
    });
    const h = await ok('GET', `/api/clients/${spa.id}/health`);
    const reasons = h.lines.map((l: { reason: string }) => l.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        `${m.ref} acknowledged within the target`,
        `${m.ref} fix delivered on time`,
        `${m.ref} remedy given`,
      ]),
    );
    expect(h.score).toBeGreaterThan(hit);
    expect(h.history.map((x: { reason: string }) => x.reason)).toEqual([
      `${m.ref} logged`,
      `${m.ref} acknowledged`,
      `${m.ref}: fix done`,
      `${m.ref}: remedy given`,
    ]);

    const list = await ok('GET', '/api/clients?sort=risk');
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(['Serenity Day Spas', 'Calm Clinic', 'Quiet Co']);
    const first = list.items[0].health;
    expect(first.score).toBe(h.history.at(-1).score);
    expect(first.trend).toBe(first.score - 100);
    expect(first.openMistakes).toBe(0);
    expect(list.items[1].health.openMistakes).toBe(1);
    expect(list.items[2].health).toEqual({ score: 100, band: 'healthy', trend: 0, openMistakes: 0, computedAt: null });
    const atRisk = await ok('GET', '/api/health/at-risk?limit=5');
    expect(atRisk.items.map((c: { clientName: string }) => c.clientName)).toEqual(['Serenity Day Spas', 'Calm Clinic']);
  });

  it('a score falling below the threshold raises one threshold alert', async () => {
    const spa = await client('Serenity Day Spas');
    await log(spa.id, 'Sent the wrong contract', 'critical', 'client');
    expect((await ok('GET', `/api/clients/${spa.id}/health`)).alerts).toEqual([]);
    await log(spa.id, 'Invoice to the wrong person', 'major', 'third_party', 'billing');
    const h = await ok('GET', `/api/clients/${spa.id}/health`);
    expect(h.score).toBeLessThan(60);
    expect(h.band).toBe('at_risk');
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]).toMatchObject({ kind: 'threshold', threshold: 60, status: 'open' });
    expect(h.alerts[0].mistakes.map((m: { ref: string }) => m.ref)).toEqual(['MG-1', 'MG-2']);
    await log(spa.id, 'Missed the call', 'minor', 'client', 'deadline');
    // Still below: no second threshold alert (the cluster rule raised its own at the third mistake).
    const later = await ok('GET', `/api/clients/${spa.id}/health`);
    expect(later.alerts.filter((a: { kind: string }) => a.kind === 'threshold')).toHaveLength(1);
    expect(later.alerts.filter((a: { kind: string }) => a.kind === 'cluster')).toHaveLength(1);
  });

  it('the cluster rule and threshold are workspace settings', async () => {
    await ok('PATCH', '/api/settings', { health: { cluster: { count: 2, days: 7 }, threshold: 40 } }, 200);
    const spa = await client('Serenity Day Spas');
    await log(spa.id, 'One');
    t.clock.advance(8 * DAY);
    await log(spa.id, 'Two, eight days later');
    expect((await ok('GET', `/api/clients/${spa.id}/health`)).alerts).toEqual([]);
    t.clock.advance(DAY);
    await log(spa.id, 'Three, a day later');
    const h = await ok('GET', `/api/clients/${spa.id}/health`);
    expect(h.rule).toEqual({ count: 2, days: 7, threshold: 40 });
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0].mistakes.map((m: { ref: string }) => m.ref)).toEqual(['MG-2', 'MG-3']);
    const bad = await t.api.request('PATCH', '/api/settings', {
      health: { cluster: { count: 1, days: 7 }, threshold: 40 },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('count');
  });

  it('bad input answers 400 naming the field', async () => {
    const spa = await client('Serenity Day Spas');
    const sort = await t.api.request('GET', '/api/clients?sort=loudest');
    expect(sort.status).toBe(400);
    expect(JSON.stringify(sort.body.error)).toContain('sort');
    const limit = await t.api.request('GET', '/api/health/at-risk?limit=0');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body.error)).toContain('limit');
    const decision = await t.api.request('POST', `/api/clients/${spa.id}/health/alerts/nope/resolve`, {
      decision: 'panic',
    });
    expect(decision.status).toBe(400);
    expect(JSON.stringify(decision.body.error)).toContain('decision');
    const missing = await t.api.request('POST', `/api/clients/${spa.id}/health/alerts/nope/resolve`, {
      decision: 'dismiss',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('health_alert_not_found');
  });

  it("another workspace's client and alert answer 404, and its list never shows them", async () => {
    const spa = await client('Serenity Day Spas');
    for (const title of ['One', 'Two', 'Three']) await log(spa.id, title);
    const alert = (await ok('GET', `/api/clients/${spa.id}/health`)).alerts[0];
    expect(alert.kind).toBe('cluster');
    const other = await makeWorkspace(t.services, 'Other Studio');
    const b = await signedInClient(t.app, other.email, other.password);
    const own = await b.request('POST', '/api/clients', { name: 'Own client' });
    expect((await b.request('GET', `/api/clients/${spa.id}/health`)).status).toBe(404);
    const resolve = await b.request('POST', `/api/clients/${spa.id}/health/alerts/${alert.id}/resolve`, {
      decision: 'dismiss',
    });
    expect(resolve.status).toBe(404);
    // A's alert named under B's own client is still not found.
    const crossed = await b.request('POST', `/api/clients/${own.body.id}/health/alerts/${alert.id}/resolve`, {
      decision: 'dismiss',
    });
    expect(crossed.status).toBe(404);
    expect(crossed.body.error.code).toBe('health_alert_not_found');
    const list = await b.request('GET', '/api/clients?sort=risk');
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['Own client']);
    expect((await b.request('GET', '/api/health/at-risk')).body.items).toEqual([]);
    expect((await ok('GET', `/api/clients/${spa.id}/health`)).alerts[0].status).toBe('open');
  });
});
