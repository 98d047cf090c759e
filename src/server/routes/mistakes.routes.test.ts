import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi } from '../../../test/factories.ts';

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

async function client(name = 'Serenity Day Spas', tier = 'key') {
  const r = await t.api.request('POST', '/api/clients', {
    name,
    tier,
    value: { amountMinor: 1_200_000, currency: 'USD' },
  });
  expect(r.status).toBe(201);
  return r.body as { id: string; name: string };
}

describe('mistakes API', () => {
  it('numbers mistakes per workspace as MG-1, MG-2 and starts them at found', async () => {
    const c = await client();
    const a = await t.api.request('POST', '/api/mistakes', {
      clientId: c.id,
      title: 'Wrong short code in SMS blast',
      severity: 'major',
    });
    const b = await t.api.request('POST', '/api/mistakes', { clientId: c.id, title: 'Invoice sent to wrong contact' });
    expect(a.status).toBe(201);
    expect(a.body.ref).toBe('MG-1');
    expect(b.body.ref).toBe('MG-2');
    expect(a.body.stage).toBe('found');
    expect(a.body.clientName).toBe('Serenity Day Spas');
    expect(a.body.impact).toEqual({ amountMinor: 0, currency: 'USD' });
  });

  it('filters by client, severity, category, stage, date range and free text', async () => {
    const c1 = await client('Serenity Day Spas');
    const c2 = await client('Blue Harbor Dental', 'standard');
    await t.api.request('POST', '/api/mistakes', {
      clientId: c1.id,
      title: 'Wrong short code',
      severity: 'critical',
      category: 'wrong_fact',
    });
    t.clock.advance(86_400_000);
    await t.api.request('POST', '/api/mistakes', {
      clientId: c2.id,
      title: 'Missed deadline for the brochure',
      category: 'deadline',
      description: 'The 50% proof was late',
    });
    const byClient = await t.api.request('GET', `/api/mistakes?clientId=${c2.id}`);
    expect(byClient.body.items.map((m: { title: string }) => m.title)).toEqual(['Missed deadline for the brochure']);
    const bySeverity = await t.api.request('GET', '/api/mistakes?severity=critical');
    expect(bySeverity.body.total).toBe(1);
    const byCategory = await t.api.request('GET', '/api/mistakes?category=deadline');
    expect(byCategory.body.total).toBe(1);
    const byText = await t.api.request('GET', '/api/mistakes?q=50%25');
    expect(byText.body.items[0].title).toBe('Missed deadline for the brochure');
    // Full-text: word forms and word beginnings, in the title or the description; re-indexed on edit.
    const titles = async (q: string) =>
      (await t.api.request('GET', `/api/mistakes?q=${encodeURIComponent(q)}`)).body.items.map(
        (m: { title: string }) => m.title,
      );
    expect(await titles('brochures')).toEqual(['Missed deadline for the brochure']);
    expect(await titles('dead')).toEqual(['Missed deadline for the brochure']);
    expect(await titles('proof late')).toEqual(['Missed deadline for the brochure']);
    expect(await titles('"*)(')).toEqual([]);
    const late = byClient.body.items[0] as { id: string };
    await t.api.request('PATCH', `/api/mistakes/${late.id}`, { title: 'Missed deadline for the leaflets' });
    expect(await titles('leaflet')).toEqual(['Missed deadline for the leaflets']);
    expect(await titles('brochure')).toEqual([]);
    const byRef = await t.api.request('GET', '/api/mistakes?q=MG-1');
    expect(byRef.body.items.map((m: { ref: string }) => m.ref)).toEqual(['MG-1']);
    const byDate = await t.api.request('GET', `/api/mistakes?from=${encodeURIComponent('2026-03-02T12:00:00Z')}`);
    expect(byDate.body.items.map((m: { ref: string }) => m.ref)).toEqual(['MG-2']);
    const byStage = await t.api.request('GET', '/api/mistakes?stage=acknowledged');
    expect(byStage.body.total).toBe(0);
  });

  it('reaches acknowledged only by recording an acknowledgment, and fixed by completing the fix commitment', async () => {
    const c = await client();
    const contact = await t.api.request('POST', `/api/clients/${c.id}/contacts`, {
      fullName: 'Lynn Carter',
      honorific: 'Ms',
    });
    const m = (await t.api.request('POST', '/api/mistakes', { clientId: c.id, title: 'Wrong short code' })).body;
    const patch = await t.api.request('PATCH', `/api/mistakes/${m.id}`, { stage: 'fixed' });
    expect(patch.status).toBe(400);
    t.clock.advance(30 * 60_000);
    const ack = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgments`, {
      channel: 'email',
      contactId: contact.body.id,
    });
    expect(ack.status).toBe(201);
    expect(ack.body.recipient).toBe('Lynn Carter');
    const afterAck = await t.api.request('GET', `/api/mistakes/${m.id}`);
    expect(afterAck.body.stage).toBe('acknowledged');
    expect(afterAck.body.reached.acknowledged).toBe('2026-03-02T09:30:00.000Z');

    const fix = await t.api.request('POST', `/api/mistakes/${m.id}/fix-commitment`, {
      title: 'Resend with 55123',
      dueAt: '2026-03-03T17:00:00Z',
    });
    expect(fix.status).toBe(201);
    const second = await t.api.request('POST', `/api/mistakes/${m.id}/fix-commitment`, {
      title: 'again',
      dueAt: '2026-03-03T17:00:00Z',
    });
    expect(second.status).toBe(409);
    const done = await t.api.request('POST', `/api/commitments/${fix.body.id}/complete`);
    expect(done.body.status).toBe('done');
    const afterFix = await t.api.request('GET', `/api/mistakes/${m.id}`);
    expect(afterFix.body.stage).toBe('fixed');
    const again = await t.api.request('POST', `/api/commitments/${fix.body.id}/complete`);
    expect(again.status).toBe(409);

    const timeline = await t.api.request('GET', `/api/mistakes/${m.id}/timeline`);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual([
      'mistake.logged',
      'mistake.acknowledged',
      'commitment.made',
      'commitment.done',
      // Completing the fix schedules the rebuild check-ins (issue 11 B).
      'check_in.scheduled',
    ]);
    expect(timeline.body.items[0].actor.name).toBe('Owner of Acme Studio');
    const clientTimeline = await t.api.request('GET', `/api/clients/${c.id}/timeline`);
    expect(clientTimeline.body.items.map((e: { type: string }) => e.type)).toContain('mistake.acknowledged');
  });

  it('refuses an acknowledgment with neither contact nor recipient, naming the field', async () => {
    const c = await client();
    const m = (await t.api.request('POST', '/api/mistakes', { clientId: c.id, title: 'x' })).body;
    const r = await t.api.request('POST', `/api/mistakes/${m.id}/acknowledgments`, { channel: 'email' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.message).toContain('recipient');
  });

  it('refuses a mistake for an unknown client with 404', async () => {
    const r = await t.api.request('POST', '/api/mistakes', { clientId: 'nope', title: 'x' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('client_not_found');
    expect(typeof r.body.error.requestId).toBe('string');
  });
});

describe('mistakes list paging', () => {
  it('pages by an opaque cursor on found time and number, with a bounded count on the first page only', async () => {
    const c = await client();
    for (let i = 1; i <= 7; i++) {
      await t.api.request('POST', '/api/mistakes', { clientId: c.id, title: `Mistake ${i}` });
      // Two share each found time: the number breaks the tie.
      if (i % 2 === 0) t.clock.advance(60_000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/mistakes?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const r = await t.api.request('GET', url);
      expect(r.status).toBe(200);
      if (pages === 0) expect(r.body).toMatchObject({ total: 7, totalExact: true });
      else expect(r.body.total).toBeNull();
      seen.push(...r.body.items.map((m: { ref: string }) => m.ref));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['MG-7', 'MG-6', 'MG-5', 'MG-4', 'MG-3', 'MG-2', 'MG-1']);
    const exact = await t.api.request('GET', '/api/mistakes?limit=1&count=exact&severity=minor');
    expect(exact.body).toMatchObject({ total: 7, totalExact: true });
    expect(exact.body.nextCursor).toEqual(expect.any(String));
    const filtered = await t.api.request(
      'GET',
      `/api/mistakes?limit=2&q=Mistake&cursor=${encodeURIComponent(exact.body.nextCursor)}`,
    );
    expect(filtered.body.items.map((m: { ref: string }) => m.ref)).toEqual(['MG-6', 'MG-5']);
    const bad = await t.api.request('GET', '/api/mistakes?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject({ field: 'cursor' });
  });

  it('says 1,000+ instead of counting past the bound', async () => {
    const c = await client();
    const db = t.services.database.db;
    const base = await t.api.request('POST', '/api/mistakes', { clientId: c.id, title: 'template' });
    const row = await db.selectFrom('mistakes').selectAll().where('id', '=', base.body.id).executeTakeFirstOrThrow();
    const rows = Array.from({ length: 1000 }, (_, i) => ({ ...row, id: `bulk-${i}`, number: 1000 + i }));
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('mistakes')
        .values(rows.slice(i, i + 200) as never)
        .execute();
    const bounded = await t.api.request('GET', '/api/mistakes?limit=5');
    expect(bounded.body).toMatchObject({ total: 1000, totalExact: false });
    const exact = await t.api.request('GET', '/api/mistakes?limit=5&count=exact');
    expect(exact.body).toMatchObject({ total: 1001, totalExact: true });
    const none = await t.api.request('GET', '/api/mistakes?limit=5&count=none');
    expect(none.body.total).toBeNull();
  });
});

describe('client timeline paging', () => {
  it('pages newest first by cursor', async () => {
    const c = await client();
    for (let i = 1; i <= 4; i++) {
      t.clock.advance(1000);
      await t.api.request('POST', '/api/mistakes', { clientId: c.id, title: `Mistake ${i}` });
    }
    const all = (await t.api.request('GET', `/api/clients/${c.id}/timeline`)).body;
    expect(all.nextCursor).toBeNull();
    const ats = all.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const collected: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/clients/${c.id}/timeline?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const r = await t.api.request('GET', url);
      expect(r.status).toBe(200);
      collected.push(...r.body.items.map((e: { id: string }) => e.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(collected).toEqual(all.items.map((e: { id: string }) => e.id));
  });
});

describe('logging mistakes at once', () => {
  it('gives concurrent logs distinct consecutive numbers from the counter row, and nothing else waits on the workspace row', async () => {
    const c = await client();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.api.request('POST', '/api/mistakes', { clientId: c.id, title: `At once ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect(answers.map((a) => a.body.number).sort((x: number, y: number) => x - y)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const counter = await t.services.database.db
      .selectFrom('mistake_counters')
      .select('seq')
      .where('workspace_id', '=', t.owner.actor.workspaceId)
      .executeTakeFirstOrThrow();
    expect(Number(counter.seq)).toBe(12);
    // The logged event and the update-due anchor are written in the same transaction.
    const m = answers[0]!.body;
    const timeline = await t.api.request('GET', `/api/mistakes/${m.id}/timeline`);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(['mistake.logged']);
  });
});
