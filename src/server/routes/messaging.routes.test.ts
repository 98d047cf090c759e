import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, testApi } from '../../../test/factories.ts';
import { createScheduler } from '../../bootstrap/scheduler.ts';
import { PermanentDeliveryError, queueMessage } from '../../domain/messages/outbox.ts';
import type { Mailer } from '../../domain/messages/ports.ts';

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

/** A transport that refuses everything for good, or accepts everything. */
function mailer(mode: 'refuse' | 'accept'): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    description: mode,
    sent,
    async send(message) {
      if (mode === 'refuse') throw new PermanentDeliveryError('SMTP 550: mailbox unavailable');
      sent.push(message.id);
    },
    async close() {},
  };
}

async function clientAndMistake() {
  const c = await t.api.request('POST', '/api/clients', {
    name: 'Serenity Day Spas',
    tier: 'key',
    value: { amountMinor: 1_200_000, currency: 'USD' },
  });
  const m = await t.api.request('POST', '/api/mistakes', {
    clientId: c.body.id,
    title: 'Wrong short code',
    severity: 'major',
  });
  return { clientId: c.body.id as string, mistakeId: m.body.id as string };
}

function queue(clientId: string | null, mistakeId: string | null, subject = 'About the wrong short code') {
  return queueMessage(t.services.deps, t.owner.actor.workspaceId, {
    kind: 'acknowledgment',
    clientId,
    mistakeId,
    fromName: 'Acme Studio',
    toName: 'Lynn Carter',
    toAddress: 'lynn@serenity.example',
    subject,
    body: 'Dear Ms Carter, …',
  });
}

describe('messages API', () => {
  it('lists the outbox newest first and filters by mistake, client and status', async () => {
    const { clientId, mistakeId } = await clientAndMistake();
    const a = await queue(clientId, mistakeId);
    t.clock.advance(1000);
    const b = await queue(clientId, null, 'Other');
    t.clock.advance(1000);
    const c = await queue(null, null, 'Unrelated');
    const all = await t.api.request('GET', '/api/messages');
    expect(all.status).toBe(200);
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual([c.id, b.id, a.id]);
    expect(
      (await t.api.request('GET', `/api/messages?mistakeId=${mistakeId}`)).body.items.map((m: { id: string }) => m.id),
    ).toEqual([a.id]);
    expect(
      (await t.api.request('GET', `/api/messages?clientId=${clientId}`)).body.items.map((m: { id: string }) => m.id),
    ).toEqual([b.id, a.id]);
    expect((await t.api.request('GET', '/api/messages?status=sent')).body.items).toEqual([]);
    await createScheduler(t.services.deps, mailer('accept')).runDue();
    const sent = await t.api.request('GET', '/api/messages?status=sent');
    expect(sent.body.items).toHaveLength(3);
    expect(sent.body.items[0]).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      sentAt: t.clock.now().toISOString(),
    });
  });

  it('answers 400 naming the field for a bad filter, and 404 for an unknown or foreign message', async () => {
    const bad = await t.api.request('GET', '/api/messages?status=lost');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('status');
    const mine = await queue(null, null);
    const one = await t.api.request('GET', `/api/messages/${mine.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: mine.id, messageId: mine.messageId, status: 'queued' });
    expect((await t.api.request('GET', '/api/messages/nope')).status).toBe(404);
    const other = await makeWorkspace(t.services, 'Other Studio');
    const stranger = await signedInClient(t.app, other.email, other.password);
    const foreign = await stranger.request('GET', `/api/messages/${mine.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('message_not_found');
    expect((await stranger.request('POST', `/api/messages/${mine.id}/retry`)).status).toBe(404);
    expect((await stranger.request('GET', '/api/messages')).body.items).toEqual([]);
  });

  it('shows a failed message with its last error, and retry puts it back in the queue (only when failed)', async () => {
    const { clientId, mistakeId } = await clientAndMistake();
    const m = await queue(clientId, mistakeId);
    const notFailed = await t.api.request('POST', `/api/messages/${m.id}/retry`);
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.error.code).toBe('message_not_failed');
    await createScheduler(t.services.deps, mailer('refuse')).runDue();
    const failed = await t.api.request('GET', `/api/messages/${m.id}`);
    expect(failed.body).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMTP 550: mailbox unavailable' });
    t.clock.advance(60_000);
    const retried = await t.api.request('POST', `/api/messages/${m.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: t.clock.now().toISOString() });
    const ok = mailer('accept');
    await createScheduler(t.services.deps, ok).runDue();
    expect(ok.sent).toEqual([m.id]);
    expect((await t.api.request('GET', `/api/messages/${m.id}`)).body.status).toBe('sent');
    const timeline = await t.api.request('GET', `/api/mistakes/${mistakeId}/timeline`);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual([
      'mistake.logged',
      'message.failed',
      'message.retried',
      'message.sent',
    ]);
  });
});

describe('notifications API', () => {
  it("lists the signed-in user's reminders and marks one read; others' answer 404", async () => {
    const { clientId } = await clientAndMistake();
    const dueAt = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const commitment = await t.api.request('POST', `/api/clients/${clientId}/commitments`, {
      title: 'Send the corrected list',
      dueAt,
    });
    expect(commitment.status).toBe(201);
    const empty = await t.api.request('GET', '/api/notifications');
    expect(empty.body).toEqual({ items: [], unread: 0 });
    await createScheduler(t.services.deps, mailer('accept')).runDue();
    const list = await t.api.request('GET', '/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    const [reminder] = list.body.items;
    expect(reminder).toMatchObject({ kind: 'reminder', commitmentId: commitment.body.id, clientId, readAt: null });
    expect(reminder.title).toBe('Reminder: "Send the corrected list" is due in 60 minutes');
    const email = await t.api.request('GET', `/api/messages/${reminder.messageId}`);
    expect(email.body).toMatchObject({ kind: 'reminder', status: 'sent', toName: 'Owner of Acme Studio' });

    const other = await makeWorkspace(t.services, 'Other Studio');
    const stranger = await signedInClient(t.app, other.email, other.password);
    expect((await stranger.request('GET', '/api/notifications')).body).toEqual({ items: [], unread: 0 });
    const foreign = await stranger.request('POST', `/api/notifications/${reminder.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('notification_not_found');

    t.clock.advance(5_000);
    const read = await t.api.request('POST', `/api/notifications/${reminder.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBe(t.clock.now().toISOString());
    t.clock.advance(5_000);
    const again = await t.api.request('POST', `/api/notifications/${reminder.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await t.api.request('GET', '/api/notifications')).body.unread).toBe(0);
    expect((await t.api.request('GET', '/api/notifications?unread=true')).body.items).toEqual([]);
    expect((await t.api.request('POST', '/api/notifications/unknown/read')).status).toBe(404);
    expect((await t.api.request('GET', '/api/notifications?unread=maybe')).status).toBe(400);
  });

  it('requires a session', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(r.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/messages' })).statusCode).toBe(401);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    for (const path of [
      '/api/messages',
      '/api/messages/{messageId}',
      '/api/messages/{messageId}/retry',
      '/api/notifications',
      '/api/notifications/{notificationId}/read',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
