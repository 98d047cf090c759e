import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckInRecord, SatisfactionRequestRecord } from '../../domain/check-ins/ports.ts';
import { createClient } from '../../domain/clients/clients.ts';
import { logMistake } from '../../domain/mistakes/mistakes.ts';
import type { Actor } from '../../domain/ports.ts';
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
    severity: 'major',
    impact: { amountMinor: 24_000, currency: 'USD' },
    foundBy: 'us',
    happenedAt: null,
    ownerId: null,
  });
}

function checkIn(m: { id: string; clientId: string }, id: string, dueAt: string, sequence: number): CheckInRecord {
  return {
    id,
    mistakeId: m.id,
    clientId: m.clientId,
    commitmentId: null,
    sequence,
    offsetDays: sequence * 7,
    dueAt,
    status: 'pending',
    method: null,
    note: null,
    skipReason: null,
    messageId: null,
    settledAt: null,
    settledBy: null,
    remindedAt: null,
    overdueAt: null,
    createdAt: '2026-03-01T00:00:00.000Z',
  };
}

function request(m: { id: string; clientId: string }, id: string, tokenHash: string): SatisfactionRequestRecord {
  return {
    id,
    workspaceId: '',
    mistakeId: m.id,
    clientId: m.clientId,
    contactId: null,
    contactName: 'Ada Lovelace',
    tokenHash,
    messageId: null,
    requestedBy: { id: null, name: 'Owner' },
    createdAt: '2026-03-01T00:00:00.000Z',
    expiresAt: '2026-03-31T00:00:00.000Z',
    answer: null,
    comment: null,
    answeredAt: null,
    answerCount: 0,
    changedAt: null,
  };
}

describe('check-in repository', () => {
  it('claims a reminder and an overdue mark once, and reads outcomes for the health score', async () => {
    const { actor } = await makeWorkspace(t.services);
    const m = await mistakeIn(actor);
    const store = t.services.deps.store;
    await store.checkIns.createMany(actor.workspaceId, [
      checkIn(m, 'ci-1', '2026-03-08T00:00:00.000Z', 1),
      checkIn(m, 'ci-2', '2026-03-20T00:00:00.000Z', 2),
      checkIn(m, 'ci-3', '2026-04-20T00:00:00.000Z', 3),
    ]);
    const due = await store.checkIns.reminderDue(actor.workspaceId, '2026-03-21T00:00:00.000Z', 10);
    expect(due.map((c) => c.id)).toEqual(['ci-1', 'ci-2']);
    expect(await store.checkIns.claimReminder(actor.workspaceId, 'ci-1', 'a', '2026-03-21T00:00:00.000Z')).toBe(true);
    expect(await store.checkIns.claimReminder(actor.workspaceId, 'ci-1', 'b', '2026-03-21T00:00:00.000Z')).toBe(false);
    const settled = await store.checkIns.settle(actor.workspaceId, 'ci-1', {
      status: 'done',
      method: 'call',
      note: 'happy again',
      skipReason: null,
      messageId: null,
      settledAt: '2026-03-09T00:00:00.000Z',
      settledBy: { id: actor.userId, name: actor.name },
    });
    expect(settled).toBe(true);
    // A settled check-in cannot be settled again.
    expect(
      await store.checkIns.settle(actor.workspaceId, 'ci-1', {
        status: 'skipped',
        method: null,
        note: null,
        skipReason: 'x',
        messageId: null,
        settledAt: '2026-03-10T00:00:00.000Z',
        settledBy: { id: actor.userId, name: actor.name },
      }),
    ).toBe(false);
    expect(await store.checkIns.claimOverdue(actor.workspaceId, 'ci-2', 'a', '2026-03-24T00:00:00.000Z')).toBe(true);
    expect(await store.checkIns.claimOverdue(actor.workspaceId, 'ci-2', 'b', '2026-03-24T00:00:00.000Z')).toBe(false);
    expect(await store.checkIns.listForHealth(actor.workspaceId, m.clientId)).toEqual([
      { mistakeRef: m.ref, outcome: 'on_time', at: '2026-03-09T00:00:00.000Z' },
      { mistakeRef: m.ref, outcome: 'overdue', at: '2026-03-24T00:00:00.000Z' },
    ]);
    // Another workspace sees none of it.
    const other = await makeWorkspace(t.services);
    expect(await store.checkIns.get(other.actor.workspaceId, 'ci-1')).toBeNull();
    expect(await store.checkIns.listForHealth(other.actor.workspaceId, m.clientId)).toEqual([]);
    expect(await store.checkIns.claimReminder(other.actor.workspaceId, 'ci-2', 'c', '2026-03-21T00:00:00.000Z')).toBe(
      false,
    );
  });
});

describe('satisfaction repository', () => {
  it('takes a first answer and one change, then refuses; expired requests take none', async () => {
    const { actor } = await makeWorkspace(t.services);
    const m = await mistakeIn(actor);
    const store = t.services.deps.store;
    await store.satisfaction.create(actor.workspaceId, request(m, 'sr-1', 'hash-1'));
    await store.satisfaction.create(actor.workspaceId, request(m, 'sr-2', 'hash-2'));
    expect((await store.satisfaction.findByTokenHash('hash-1'))?.workspaceId).toBe(actor.workspaceId);
    const at = '2026-03-05T00:00:00.000Z';
    expect(await store.satisfaction.answer(actor.workspaceId, 'sr-1', 0, { answer: 2, comment: null, at })).toBe(true);
    // Two answers racing on the same count: only one moves it.
    expect(await store.satisfaction.answer(actor.workspaceId, 'sr-1', 0, { answer: 5, comment: null, at })).toBe(false);
    expect(await store.satisfaction.answer(actor.workspaceId, 'sr-1', 1, { answer: 4, comment: 'ok', at })).toBe(true);
    const got = await store.satisfaction.get(actor.workspaceId, 'sr-1');
    expect(got).toMatchObject({ answer: 4, comment: 'ok', answerCount: 2, answeredAt: at, changedAt: at });
    expect(
      await store.satisfaction.answer(actor.workspaceId, 'sr-2', 0, {
        answer: 3,
        comment: null,
        at: '2026-04-01T00:00:00.000Z',
      }),
    ).toBe(false);
    expect(await store.satisfaction.listForHealth(actor.workspaceId, m.clientId)).toEqual([
      { mistakeRef: m.ref, answer: 4, answeredAt: at },
    ]);
    const other = await makeWorkspace(t.services);
    expect(await store.satisfaction.get(other.actor.workspaceId, 'sr-1')).toBeNull();
    expect(await store.satisfaction.answer(other.actor.workspaceId, 'sr-2', 0, { answer: 1, comment: null, at })).toBe(
      false,
    );
  });
});
