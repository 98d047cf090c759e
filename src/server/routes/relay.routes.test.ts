import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInClient, testApi } from '../../../test/factories.ts';
import { acceptRelayMessage, type RelaySender } from '../../domain/relay/relay.ts';

// Issue 15 A: held mail of the SMTP relay over HTTP — list, findings, release, discard — with who
// may see what. The SMTP side is in bootstrap/relay.test.ts. SQLite and PostgreSQL.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;
let clientId: string;

beforeEach(async () => {
  t = await testApi();
  clientId = (await t.api.request('POST', '/api/clients', { name: 'Lumen Labs' })).body.id;
  await t.api.request('POST', `/api/clients/${clientId}/contacts`, {
    fullName: 'Jane Lee',
    honorific: 'Ms',
    email: 'jane@lumen.example',
  });
});
afterEach(async () => {
  await t.close();
});

const ownerSender = (): RelaySender => ({
  workspaceId: t.owner.actor.workspaceId,
  userId: t.owner.actor.userId!,
  name: t.owner.actor.name,
  email: t.owner.email,
  role: 'owner',
});

async function submit(sender: RelaySender, text: string, to = 'jane@lumen.example') {
  const raw = new TextEncoder().encode(`Subject: Kickoff\r\nTo: ${to}\r\n\r\n${text}\r\n`);
  return acceptRelayMessage(t.services.deps, t.services.guards, sender, {
    envelopeFrom: sender.email,
    envelopeTo: [to],
    raw,
    subject: 'Kickoff',
    text,
    attachments: 0,
  });
}

describe('held mail API', () => {
  it('lists a held message with its findings, releases it once and records the override', async () => {
    const held = await submit(ownerSender(), 'Dear Mr. Lee,\nSee you Monday.');
    expect(held.status).toBe('held');
    const list = await t.api.request('GET', '/api/relay/messages?status=held');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([held.id]);
    const shown = await t.api.request('GET', `/api/relay/messages/${held.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      status: 'held',
      decision: 'held',
      client: { id: clientId, name: 'Lumen Labs' },
      envelopeTo: ['jane@lumen.example'],
      text: 'Dear Mr. Lee,\nSee you Monday.',
    });
    const honorific = shown.body.findings.find((f: { rule: string }) => f.rule === 'honorific');
    expect(shown.body.text.slice(honorific.start, honorific.end)).toMatch(/Mr/u);

    const released = await t.api.request('POST', `/api/relay/messages/${held.id}/release`);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({
      status: 'queued',
      decision: 'released',
      resolvedBy: { id: t.owner.actor.userId },
    });
    const again = await t.api.request('POST', `/api/relay/messages/${held.id}/release`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('relay_message_not_held');
    expect((await t.api.request('POST', `/api/relay/messages/${held.id}/discard`)).status).toBe(409);

    const timeline = await t.api.request('GET', `/api/clients/${clientId}/timeline`);
    const types = (timeline.body.items as { type: string; data: { overridden?: string[] } }[]).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['relay.held', 'relay.released']));
    const override = (timeline.body.items as { type: string; data: { overridden?: string[] } }[]).find(
      (e) => e.type === 'relay.released',
    );
    expect(override?.data.overridden).toContain('honorific');
  });

  it('discards a held message: never queued, kept for the record', async () => {
    const held = await submit(ownerSender(), 'Dear Mr. Lee,\nThanks.');
    const discarded = await t.api.request('POST', `/api/relay/messages/${held.id}/discard`);
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ status: 'discarded', decision: 'held' });
    expect((await t.api.request('POST', `/api/relay/messages/${held.id}/release`)).status).toBe(409);
    const claimed = await t.services.deps.store.relay.claimDue(
      t.owner.actor.workspaceId,
      new Date('2100-01-01').toISOString(),
      'test',
      60_000,
      10,
    );
    expect(claimed).toEqual([]);
  });

  it("shows a member only their own mail; another member's is 404; owners see everyone's", async () => {
    const created = await t.api.request('POST', '/api/members', {
      name: 'Avery Member',
      email: 'avery@studio.example',
      password: 'temporary pass 123',
      role: 'member',
    });
    expect(created.status).toBe(201);
    const member = await signedInClient(t.app, 'avery@studio.example', 'temporary pass 123');
    const ownersMail = await submit(ownerSender(), 'Dear Mr. Lee,\nHello.');
    const membersMail = await submit(
      {
        ...ownerSender(),
        userId: created.body.id,
        name: 'Avery Member',
        email: 'avery@studio.example',
        role: 'member',
      },
      'Dear Mr. Lee,\nHi.',
    );
    const mine = await member.request('GET', '/api/relay/messages');
    expect(mine.body.items.map((m: { id: string }) => m.id)).toEqual([membersMail.id]);
    expect((await member.request('GET', `/api/relay/messages/${ownersMail.id}`)).status).toBe(404);
    expect((await member.request('POST', `/api/relay/messages/${ownersMail.id}/release`)).status).toBe(404);
    const all = await t.api.request('GET', '/api/relay/messages');
    expect(all.body.items.map((m: { id: string }) => m.id).sort()).toEqual([ownersMail.id, membersMail.id].sort());
  });

  it('answers 400 naming the field for a bad filter or id, 404 for an unknown id', async () => {
    const bad = await t.api.request('GET', '/api/relay/messages?status=lost');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('status');
    const limit = await t.api.request('GET', '/api/relay/messages?limit=0');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body.error)).toContain('limit');
    expect((await t.api.request('GET', '/api/relay/messages/not%20an%20id')).status).toBe(400);
    const unknown = await t.api.request('GET', '/api/relay/messages/unknown-id');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('relay_message_not_found');
  });
});
