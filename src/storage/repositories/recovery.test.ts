import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../domain/clients/clients.ts';
import { logMistake } from '../../domain/mistakes/mistakes.ts';
import type { Actor } from '../../domain/ports.ts';
import type { RemedyRecord } from '../../domain/remedies/ports.ts';
import { remedyStatus, remedyTotals } from '../../domain/remedies/ledger.ts';
import { makeWorkspace, testServices } from '../../../test/factories.ts';

type Ctx = Awaited<ReturnType<typeof testServices>>;
let t: Ctx;

beforeEach(async () => {
  t = await testServices();
});
afterEach(async () => {
  await t.cleanup();
});

async function mistakeIn(actor: Actor) {
  const client = await createClient(t.services.deps, actor, {
    name: 'Serenity Day Spas',
    aliases: [],
    tier: 'key',
    status: 'active',
    value: { amountMinor: 1_200_000, currency: 'USD' },
    ownerId: null,
  });
  return logMistake(t.services.deps, actor, {
    clientId: client.id,
    title: 'Wrong short code on the posters',
    description: null,
    category: 'wrong_fact',
    severity: 'critical',
    impact: { amountMinor: 24_000, currency: 'USD' },
    foundBy: 'us',
    happenedAt: null,
    ownerId: null,
  });
}

let seq = 0;
function entry(m: { id: string; clientId: string }, over: Partial<RemedyRecord> = {}): RemedyRecord {
  seq++;
  return {
    id: `r-${seq}`,
    clientId: m.clientId,
    mistakeId: m.id,
    kind: 'credit',
    amountMinor: 48_000,
    currency: 'USD',
    hoursCenti: null,
    rateMinor: null,
    note: 'double the value of the reprint',
    reversesId: null,
    requiresApproval: false,
    approvalReasons: [],
    idempotencyKey: `key-${seq}-abcdefgh`,
    requestHash: 'hash',
    createdBy: { id: 'u1', name: 'Dana' },
    createdAt: `2026-03-02T09:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    ...over,
  };
}

describe('remedy ledger storage', () => {
  it('stores an entry with every field and reads it back in its own workspace only', async () => {
    const { actor } = await makeWorkspace(t.services);
    const other = await makeWorkspace(t.services);
    const m = await mistakeIn(actor);
    const store = t.services.deps.store;
    const e = entry(m, { kind: 'rework', amountMinor: 35_000, hoursCenti: 350, rateMinor: 10_000 });
    expect(await store.remedies.insert(actor.workspaceId, e)).toBe(true);
    const read = await store.remedies.get(actor.workspaceId, e.id);
    expect(read).toEqual({
      ...e,
      mistakeNumber: m.number,
      approval: null,
      reversedById: null,
      notice: null,
    });
    expect(await store.remedies.get(other.actor.workspaceId, e.id)).toBeNull();
    expect(await store.remedies.list(other.actor.workspaceId, {})).toEqual([]);
    expect(await store.remedies.getByIdempotencyKey(other.actor.workspaceId, e.idempotencyKey)).toBeNull();
  });

  it('refuses UPDATE and DELETE of ledger rows at the database level, whatever code runs', async () => {
    const { actor } = await makeWorkspace(t.services);
    const m = await mistakeIn(actor);
    const e = entry(m);
    await t.services.deps.store.remedies.insert(actor.workspaceId, e);
    await t.services.deps.store.remedies.approve(actor.workspaceId, {
      remedyId: e.id,
      by: null,
      note: null,
      at: e.createdAt,
    });
    const db = t.services.database.db;
    await expect(sql`update remedies set amount_minor = 1 where id = ${e.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`update remedies set currency = 'EUR' where id = ${e.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from remedies where id = ${e.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update remedy_approvals set note = 'x' where remedy_id = ${e.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from remedy_approvals where remedy_id = ${e.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    const after = await t.services.deps.store.remedies.get(actor.workspaceId, e.id);
    expect(after?.amountMinor).toBe(48_000);
    expect(after?.currency).toBe('USD');
    expect(after?.approval).not.toBeNull();
  });

  it('refuses a negative remedy and a positive reversal (check constraint)', async () => {
    const { actor } = await makeWorkspace(t.services);
    const m = await mistakeIn(actor);
    const store = t.services.deps.store;
    await expect(store.remedies.insert(actor.workspaceId, entry(m, { amountMinor: -5 }))).rejects.toThrow();
    const original = entry(m);
    await store.remedies.insert(actor.workspaceId, original);
    await expect(
      store.remedies.insert(actor.workspaceId, entry(m, { reversesId: original.id, amountMinor: 48_000 })),
    ).rejects.toThrow();
  });

  it('links a reversal to its original, and accepts only one reversal per entry', async () => {
    const { actor } = await makeWorkspace(t.services);
    const m = await mistakeIn(actor);
    const store = t.services.deps.store;
    const original = entry(m);
    await store.remedies.insert(actor.workspaceId, original);
    const reversal = entry(m, { reversesId: original.id, amountMinor: -48_000, note: 'wrong account' });
    expect(await store.remedies.insert(actor.workspaceId, reversal)).toBe(true);
    const second = entry(m, { reversesId: original.id, amountMinor: -48_000 });
    expect(await store.remedies.insert(actor.workspaceId, second)).toBe(false);
    const o = await store.remedies.get(actor.workspaceId, original.id);
    const r = await store.remedies.get(actor.workspaceId, reversal.id);
    expect(o?.reversedById).toBe(reversal.id);
    expect(o?.amountMinor).toBe(48_000);
    expect(r?.reversesId).toBe(original.id);
    expect(remedyStatus(o!)).toBe('reversed');
    expect(remedyStatus(r!)).toBe('reversal');
    expect(await store.remedies.get(actor.workspaceId, second.id)).toBeNull();
  });

  it('inserts once per idempotency key in a workspace; another workspace may use the same key', async () => {
    const { actor } = await makeWorkspace(t.services);
    const other = await makeWorkspace(t.services);
    const m = await mistakeIn(actor);
    const m2 = await mistakeIn(other.actor);
    const store = t.services.deps.store;
    const first = entry(m, { idempotencyKey: 'same-key-123' });
    const retry = entry(m, { idempotencyKey: 'same-key-123' });
    const results = await Promise.all([
      store.remedies.insert(actor.workspaceId, first),
      store.remedies.insert(actor.workspaceId, retry),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.remedies.list(actor.workspaceId, {})).toHaveLength(1);
    expect(await store.remedies.insert(other.actor.workspaceId, entry(m2, { idempotencyKey: 'same-key-123' }))).toBe(
      true,
    );
  });

  it('totals per currency without mixing them: issued minus reversed, pending apart', async () => {
    const { actor } = await makeWorkspace(t.services);
    const m = await mistakeIn(actor);
    const store = t.services.deps.store;
    const ws = actor.workspaceId;
    const usd1 = entry(m, { amountMinor: 48_000 });
    const usd2 = entry(m, { amountMinor: 10_050 });
    const eur = entry(m, { amountMinor: 9_999, currency: 'EUR' });
    const pending = entry(m, { amountMinor: 70_000, requiresApproval: true });
    const approved = entry(m, { amountMinor: 60_000, requiresApproval: true });
    const withdrawn = entry(m, { amountMinor: 80_000, requiresApproval: true });
    for (const e of [usd1, usd2, eur, pending, approved, withdrawn]) await store.remedies.insert(ws, e);
    await store.remedies.approve(ws, { remedyId: approved.id, by: null, note: null, at: '2026-03-02T10:00:00.000Z' });
    await store.remedies.insert(ws, entry(m, { reversesId: usd2.id, amountMinor: -10_050 }));
    await store.remedies.insert(ws, entry(m, { reversesId: withdrawn.id, amountMinor: -80_000 }));
    const totals = remedyTotals(await store.remedies.list(ws, { mistakeId: m.id }));
    expect(totals).toEqual([
      { currency: 'EUR', issuedMinor: '9999', reversedMinor: '0', netMinor: '9999', pendingMinor: '0', count: 1 },
      {
        currency: 'USD',
        issuedMinor: String(48_000 + 10_050 + 60_000),
        reversedMinor: '10050',
        netMinor: String(48_000 + 60_000),
        pendingMinor: '70000',
        count: 5,
      },
    ]);
  });

  it('records an approval and an accounting notice once per remedy', async () => {
    const { actor } = await makeWorkspace(t.services);
    const m = await mistakeIn(actor);
    const store = t.services.deps.store;
    const e = entry(m, { requiresApproval: true });
    await store.remedies.insert(actor.workspaceId, e);
    const by = { id: 'u9', name: 'Olu' };
    expect(
      await store.remedies.approve(actor.workspaceId, {
        remedyId: e.id,
        by,
        note: 'key client',
        at: '2026-03-02T10:00:00.000Z',
      }),
    ).toBe(true);
    expect(
      await store.remedies.approve(actor.workspaceId, {
        remedyId: e.id,
        by: null,
        note: null,
        at: '2026-03-02T11:00:00.000Z',
      }),
    ).toBe(false);
    expect(
      await store.remedies.recordNotice(actor.workspaceId, {
        remedyId: e.id,
        messageId: 'msg-1',
        skippedReason: null,
        at: '2026-03-02T10:00:00.000Z',
      }),
    ).toBe(true);
    expect(
      await store.remedies.recordNotice(actor.workspaceId, {
        remedyId: e.id,
        messageId: 'msg-2',
        skippedReason: null,
        at: '2026-03-02T10:00:00.000Z',
      }),
    ).toBe(false);
    const read = await store.remedies.get(actor.workspaceId, e.id);
    expect(read?.approval).toEqual({ by, at: '2026-03-02T10:00:00.000Z', note: 'key client' });
    expect(read?.notice).toEqual({ messageId: 'msg-1', skippedReason: null });
    expect(remedyStatus(read!)).toBe('issued');
  });
});
