import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueMessage } from '../../domain/messages/outbox.ts';
import { makeWorkspace, testServices } from '../../../test/factories.ts';
import { ageOutboxClaims } from '../../../test/outbox-claims.ts';

type Ctx = Awaited<ReturnType<typeof testServices>>;
let t: Ctx;

beforeEach(async () => {
  t = await testServices();
});
afterEach(async () => {
  await t.cleanup();
});

const draft = {
  kind: 'acknowledgment' as const,
  clientId: null,
  mistakeId: null,
  fromName: 'Acme Studio',
  toName: 'Lynn Carter',
  toAddress: 'lynn@example.com',
  subject: 'About the wrong short code',
  body: 'Hello Lynn,\n\nWe sent the wrong short code.',
};

describe('messaging storage', () => {
  it('stores a queued message with every field and reads it back in its workspace only', async () => {
    const { actor } = await makeWorkspace(t.services);
    const other = await makeWorkspace(t.services);
    const queued = await queueMessage(t.services.deps, actor.workspaceId, draft);
    const read = await t.services.deps.store.messages.get(actor.workspaceId, queued.id);
    expect(read).toEqual(queued);
    expect(await t.services.deps.store.messages.get(other.actor.workspaceId, queued.id)).toBeNull();
    expect(await t.services.deps.store.messages.list(other.actor.workspaceId, {})).toEqual([]);
  });

  it('gives a due message to one claimant only, and reclaims it once the claim expires', async () => {
    const { actor } = await makeWorkspace(t.services);
    const store = t.services.deps.store;
    const m = await queueMessage(t.services.deps, actor.workspaceId, draft);
    const now = t.clock.now().toISOString();
    const first = await store.messages.claimDue(actor.workspaceId, now, 'a', 60_000, 10);
    const second = await store.messages.claimDue(actor.workspaceId, now, 'b', 60_000, 10);
    expect(first.map((x) => x.id)).toEqual([m.id]);
    expect(first[0]?.status).toBe('sending');
    expect(second).toEqual([]);
    // The lease runs on the database's clock: a claimant whose own clock is 2 h ahead still sees it held.
    const afterExpiry = new Date(t.clock.now().getTime() + 120_000).toISOString();
    const skewed = new Date(t.clock.now().getTime() + 2 * 3_600_000).toISOString();
    expect(await store.messages.claimDue(actor.workspaceId, skewed, 'b', 60_000, 10)).toEqual([]);
    // Two minutes pass on the database's clock: the 1-minute lease has run out.
    expect(await ageOutboxClaims(t.services.database, actor.workspaceId, 120_000)).toBe(1);
    const reclaimed = await store.messages.claimDue(actor.workspaceId, afterExpiry, 'b', 60_000, 10);
    expect(reclaimed.map((x) => x.id)).toEqual([m.id]);
    // The lost claim can no longer mark it sent; the new holder can.
    expect(await store.messages.markSent(actor.workspaceId, m.id, 'a', 1, afterExpiry)).toBe(false);
    expect(await store.messages.markSent(actor.workspaceId, m.id, 'b', 1, afterExpiry)).toBe(true);
    const sent = await store.messages.get(actor.workspaceId, m.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, sentAt: afterExpiry, nextAttemptAt: null });
  });

  it('claims at most the batch size, oldest due first, and the rest in later batches', async () => {
    const { actor } = await makeWorkspace(t.services);
    const store = t.services.deps.store;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await queueMessage(t.services.deps, actor.workspaceId, draft)).id);
    const now = t.clock.now().toISOString();
    const until = 60_000;
    const batches = [];
    for (let i = 0; i < 4; i++)
      batches.push((await store.messages.claimDue(actor.workspaceId, now, 'a', until, 5)).map((m) => m.id));
    expect(batches.map((b) => b.length)).toEqual([5, 5, 2, 0]);
    expect(batches.flat()).toEqual(ids);
  });

  it('a released claim goes back to the queue without counting an attempt', async () => {
    const { actor } = await makeWorkspace(t.services);
    const store = t.services.deps.store;
    const m = await queueMessage(t.services.deps, actor.workspaceId, draft);
    const now = t.clock.now().toISOString();
    const until = 60_000;
    await store.messages.claimDue(actor.workspaceId, now, 'a', until, 10);
    expect(await store.messages.release(actor.workspaceId, m.id, 'b')).toBe(false);
    expect(await store.messages.release(actor.workspaceId, m.id, 'a')).toBe(true);
    expect(await store.messages.get(actor.workspaceId, m.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await store.messages.claimDue(actor.workspaceId, now, 'b', until, 10)).map((x) => x.id)).toEqual([m.id]);
  });

  it('does not claim a message before its next attempt time, and requeues only failed messages', async () => {
    const { actor } = await makeWorkspace(t.services);
    const store = t.services.deps.store;
    const m = await queueMessage(t.services.deps, actor.workspaceId, draft);
    const now = t.clock.now().toISOString();
    const soon = new Date(t.clock.now().getTime() + 60_000).toISOString();
    await store.messages.claimDue(actor.workspaceId, now, 'a', 60_000, 10);
    expect(await store.messages.reschedule(actor.workspaceId, m.id, 'a', 1, soon, 'connection refused')).toBe(true);
    expect(await store.messages.claimDue(actor.workspaceId, now, 'a', 60_000, 10)).toEqual([]);
    expect(await store.messages.requeue(actor.workspaceId, m.id, now)).toBe(false);
    expect((await store.messages.claimDue(actor.workspaceId, soon, 'a', 60_000, 10)).length).toBe(1);
    expect(await store.messages.markFailed(actor.workspaceId, m.id, 'a', 2, 'mailbox unavailable')).toBe(true);
    expect(await store.messages.get(actor.workspaceId, m.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'mailbox unavailable',
    });
    expect(await store.messages.requeue(actor.workspaceId, m.id, soon)).toBe(true);
    expect(await store.messages.get(actor.workspaceId, m.id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      nextAttemptAt: soon,
    });
  });

  it('filters messages by mistake, client, status and kind', async () => {
    const { actor } = await makeWorkspace(t.services);
    const store = t.services.deps.store;
    await queueMessage(t.services.deps, actor.workspaceId, { ...draft, kind: 'reminder' });
    const b = await queueMessage(t.services.deps, actor.workspaceId, draft);
    expect((await store.messages.list(actor.workspaceId, { kind: 'acknowledgment' })).map((m) => m.id)).toEqual([b.id]);
    expect((await store.messages.list(actor.workspaceId, { status: 'queued' })).length).toBe(2);
    expect((await store.messages.list(actor.workspaceId, { status: 'sent' })).length).toBe(0);
  });
});
