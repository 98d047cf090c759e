import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClock, sequentialIds, type FakeClock } from '../../test/clock.ts';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { ageOutboxClaims } from '../../test/outbox-claims.ts';
import { addCommitment, addFixCommitment } from '../domain/commitments/commitments.ts';
import { createClient } from '../domain/clients/clients.ts';
import { queueMessage } from '../domain/messages/outbox.ts';
import type { Mailer } from '../domain/messages/ports.ts';
import { logMistake } from '../domain/mistakes/mistakes.ts';
import type { Actor } from '../domain/ports.ts';
import { remindersToAct } from '../domain/scheduler/reminders.ts';
import type { DatabaseTarget } from '../storage/database.ts';
import type { Message } from '../shared/contract/index.ts';
import { createServices, type Services } from './index.ts';
import { emlFileName, smtpMailer } from './mailer.ts';
import { createScheduler } from './scheduler.ts';
import { nodeCrypto } from './system.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A database two app instances can share: a SQLite file, or a fresh PostgreSQL database. */
async function sharedDatabase(dir: string): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (testDialect === 'sqlite') return { target: { sqliteFile: join(dir, 'makegood.sqlite') }, drop: async () => {} };
  return freshDatabase();
}

/** One app instance: its own services (own ids, own mailer) on the shared database. */
function instance(target: DatabaseTarget, dataDir: string, clock: FakeClock, idPrefix: string, mailer?: Mailer) {
  return createServices(
    { databaseUrl: undefined, dataDir },
    { clock, ids: sequentialIds(idPrefix), crypto: nodeCrypto({ fast: true }), ...(mailer && { mailer }) },
    target,
  );
}

/** A mailer that records what it sent (by RFC 5322 Message-ID). */
function recordingMailer(): Mailer & { sent: Message[] } {
  const sent: Message[] = [];
  return {
    description: 'recording',
    sent,
    async send(message) {
      sent.push(message);
    },
    async close() {},
  };
}

let dir: string;
let clock: FakeClock;
let drop: () => Promise<void>;
let target: DatabaseTarget;
const open: Services[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'makegood-scheduler-'));
  clock = fakeClock('2026-03-02T09:00:00.000Z');
  const db = await sharedDatabase(dir);
  target = db.target;
  drop = db.drop;
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

async function start(prefix = 'a', mailer?: Mailer): Promise<Services> {
  const services = await instance(target, dir, clock, prefix, mailer);
  open.push(services);
  return services;
}

async function workspaceWithClient(services: Services) {
  const { actor } = await makeWorkspace(services, 'Acme Studio');
  const client = await createClient(services.deps, actor, {
    name: 'Serenity Day Spas',
    aliases: [],
    tier: 'key',
    status: 'active',
    value: { amountMinor: 1_200_000, currency: 'USD' },
    ownerId: null,
  });
  return { actor, client };
}

async function count(
  services: Services,
  table: 'notifications' | 'messages' | 'commitment_reminders' | 'mistakes' | 'missed_commitments',
  workspaceId: string,
) {
  const row = await services.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('commitment reminders', () => {
  it('reminds the owner in-app and by email at 24 h, 1 h and at due, each exactly once', async () => {
    const mailer = recordingMailer();
    const services = await start('a', mailer);
    const { actor, client } = await workspaceWithClient(services);
    const dueAt = new Date(clock.now().getTime() + 48 * HOUR).toISOString();
    const commitment = await addCommitment(services.deps, actor, client.id, {
      title: 'Send the corrected price list',
      dueAt,
      ownerId: null,
    });
    const scheduler = createScheduler(services.deps, services.mailer);
    const at = (ms: number) => new Date(Date.parse(dueAt) - ms);
    const subjects = () => mailer.sent.map((m) => m.subject);

    expect((await scheduler.runDue(at(25 * HOUR))).reminders.sent).toBe(0);
    expect((await scheduler.runDue(at(24 * HOUR))).reminders.sent).toBe(1);
    expect((await scheduler.runDue(at(24 * HOUR - MINUTE))).reminders.sent).toBe(0);
    expect((await scheduler.runDue(at(2 * HOUR))).reminders.sent).toBe(0);
    expect((await scheduler.runDue(at(HOUR))).reminders.sent).toBe(1);
    expect((await scheduler.runDue(at(30 * MINUTE))).reminders.sent).toBe(0);
    expect((await scheduler.runDue(at(0))).reminders.sent).toBe(1);
    expect((await scheduler.runDue(at(0))).reminders.sent).toBe(0);
    expect(subjects()).toEqual([
      'Reminder: "Send the corrected price list" is due in 24 hours',
      'Reminder: "Send the corrected price list" is due in 60 minutes',
      'Due now: "Send the corrected price list"',
    ]);
    expect(
      mailer.sent.every(
        (m) => m.toAddress.endsWith('@example.com') && m.kind === 'reminder' && m.toName === 'Owner of Acme Studio',
      ),
    ).toBe(true);
    const inbox = await services.deps.store.notifications.list(actor.workspaceId, actor.userId!, { limit: 50 });
    expect(inbox.map((n) => [n.kind, n.commitmentId])).toEqual([
      ['reminder', commitment.id],
      ['reminder', commitment.id],
      ['reminder', commitment.id],
    ]);
    expect(inbox.every((n) => n.messageId !== null && n.readAt === null)).toBe(true);
    expect(await count(services, 'commitment_reminders', actor.workspaceId)).toBe(3);
  });

  it('after downtime sends only the latest reminder that came due, not one per offset', async () => {
    const mailer = recordingMailer();
    const services = await start('a', mailer);
    const { actor, client } = await workspaceWithClient(services);
    const dueAt = new Date(clock.now().getTime() + 30 * HOUR).toISOString();
    await addCommitment(services.deps, actor, client.id, { title: 'Reprint the brochure', dueAt, ownerId: null });
    const scheduler = createScheduler(services.deps, services.mailer);
    // Down from before the 24 h reminder until 30 minutes before due: both 24 h and 1 h have passed.
    const tick = await scheduler.runDue(new Date(Date.parse(dueAt) - 30 * MINUTE));
    expect(tick.reminders).toEqual({ sent: 1, skipped: 1 });
    expect(mailer.sent.map((m) => m.subject)).toEqual(['Reminder: "Reprint the brochure" is due in 30 minutes']);
    expect((await scheduler.runDue(new Date(Date.parse(dueAt) - 10 * MINUTE))).reminders).toEqual({
      sent: 0,
      skipped: 0,
    });
    expect((await scheduler.runDue(new Date(dueAt))).reminders).toEqual({ sent: 1, skipped: 0 });
  });

  it('plans reminders by the documented rule', () => {
    const c = { dueAt: '2026-03-03T09:00:00.000Z' };
    const at = (iso: string) => new Date(iso);
    expect(remindersToAct(c, [1440, 60, 0], new Set(), at('2026-03-02T08:59:00Z'))).toEqual({ send: null, skip: [] });
    expect(remindersToAct(c, [1440, 60, 0], new Set(), at('2026-03-02T09:00:00Z'))).toEqual({ send: 1440, skip: [] });
    expect(remindersToAct(c, [1440, 60, 0], new Set(), at('2026-03-04T00:00:00Z'))).toEqual({
      send: 0,
      skip: [1440, 60],
    });
    expect(remindersToAct(c, [1440, 60, 0], new Set([60]), at('2026-03-03T08:30:00Z'))).toEqual({
      send: null,
      skip: [1440],
    });
    expect(remindersToAct(c, [1440, 60, 0], new Set([1440, 60, 0]), at('2026-03-04T00:00:00Z'))).toEqual({
      send: null,
      skip: [],
    });
  });

  it("reminds the client's owner, else the workspace owner, when the commitment has no owner", async () => {
    const mailer = recordingMailer();
    const services = await start('a', mailer);
    const { actor, client } = await workspaceWithClient(services);
    const cliActor: Actor = { ...actor, userId: null, name: 'local' };
    const dueAt = new Date(clock.now().getTime() + HOUR).toISOString();
    await addCommitment(services.deps, cliActor, client.id, { title: 'Call back', dueAt, ownerId: null });
    await createScheduler(services.deps, services.mailer).runDue(new Date(Date.parse(dueAt) - HOUR));
    expect(mailer.sent.map((m) => m.toName)).toEqual(['Owner of Acme Studio']);
    expect(await services.deps.store.notifications.countUnread(actor.workspaceId, actor.userId!)).toBe(1);
  });

  it('follows the workspace reminder offsets', async () => {
    const mailer = recordingMailer();
    const services = await start('a', mailer);
    const { actor, client } = await workspaceWithClient(services);
    await services.deps.store.workspaces.setSettings(actor.workspaceId, { reminderOffsetsMinutes: [120] });
    const dueAt = new Date(clock.now().getTime() + 48 * HOUR).toISOString();
    await addCommitment(services.deps, actor, client.id, { title: 'Deliver the report', dueAt, ownerId: null });
    const scheduler = createScheduler(services.deps, services.mailer);
    for (const hoursBefore of [24, 3]) await scheduler.runDue(new Date(Date.parse(dueAt) - hoursBefore * HOUR));
    expect(mailer.sent).toHaveLength(0);
    for (const hoursBefore of [2, 1, 0]) await scheduler.runDue(new Date(Date.parse(dueAt) - hoursBefore * HOUR));
    expect(mailer.sent.map((m) => m.subject)).toEqual(['Reminder: "Deliver the report" is due in 2 hours']);
  });
});

describe('missed commitments', () => {
  it('marks a commitment past due missed and logs exactly one new linked deadline mistake', async () => {
    const mailer = recordingMailer();
    const services = await start('a', mailer);
    const { actor, client } = await workspaceWithClient(services);
    const original = await logMistake(services.deps, actor, {
      clientId: client.id,
      title: 'Wrong short code in SMS blast',
      description: null,
      category: 'wrong_fact',
      severity: 'major',
      foundBy: 'us',
      happenedAt: null,
      ownerId: null,
    });
    const dueAt = new Date(clock.now().getTime() + 24 * HOUR).toISOString();
    const fix = await addFixCommitment(services.deps, actor, original.id, {
      title: 'Resend with the right code',
      dueAt,
      ownerId: null,
    });
    const scheduler = createScheduler(services.deps, services.mailer);
    expect((await scheduler.runDue(new Date(dueAt))).missed).toBe(0);
    const tick = await scheduler.runDue(new Date(Date.parse(dueAt) + MINUTE));
    expect(tick.missed).toBe(1);
    expect(tick.errors).toEqual([]);
    expect((await scheduler.runDue(new Date(Date.parse(dueAt) + 2 * MINUTE))).missed).toBe(0);
    expect((await scheduler.runDue(new Date(Date.parse(dueAt) + 48 * HOUR))).missed).toBe(0);

    expect((await services.deps.store.commitments.get(actor.workspaceId, fix.id))?.status).toBe('missed');
    const all = await services.deps.store.mistakes.list(actor.workspaceId, { limit: 50, count: 'exact' });
    expect(all.total).toBe(2);
    const broken = all.items.find((m) => m.id !== original.id)!;
    expect(broken).toMatchObject({
      ref: 'MG-2',
      category: 'deadline',
      severity: 'major',
      clientId: client.id,
      foundBy: 'us',
      happenedAt: dueAt,
      stage: 'found',
      ownerId: actor.userId,
      title: 'Missed fix: Resend with the right code',
    });
    expect(await services.deps.store.scheduling.missedMistakeOf(actor.workspaceId, fix.id)).toBe(broken.id);
    const originalEvents = await services.deps.store.events.listForMistake(actor.workspaceId, original.id);
    const missedEvent = originalEvents.find((e) => e.type === 'commitment.missed');
    expect(missedEvent?.data).toMatchObject({ commitmentId: fix.id, newMistakeId: broken.id, newMistakeRef: 'MG-2' });
    const newEvents = await services.deps.store.events.listForMistake(actor.workspaceId, broken.id);
    expect(newEvents.map((e) => e.type)).toEqual(['mistake.logged', 'mistake.linked']);
    expect(newEvents[1]?.data).toMatchObject({ commitmentId: fix.id, originalMistakeId: original.id });
    const inbox = await services.deps.store.notifications.list(actor.workspaceId, actor.userId!, { limit: 50 });
    expect(inbox.filter((n) => n.kind === 'missed').map((n) => n.mistakeId)).toEqual([broken.id]);
    expect(mailer.sent.filter((m) => m.subject.startsWith('Missed:'))).toHaveLength(1);
  });

  it('does not mark a completed commitment missed', async () => {
    const services = await start('a', recordingMailer());
    const { actor, client } = await workspaceWithClient(services);
    const dueAt = new Date(clock.now().getTime() + HOUR).toISOString();
    const c = await addCommitment(services.deps, actor, client.id, { title: 'Send the file', dueAt, ownerId: null });
    await services.deps.store.commitments.setStatus(actor.workspaceId, c.id, 'done', clock.now().toISOString());
    const tick = await createScheduler(services.deps, services.mailer).runDue(new Date(Date.parse(dueAt) + HOUR));
    expect(tick.missed).toBe(0);
    expect(tick.reminders.sent).toBe(0);
    expect(await count(services, 'mistakes', actor.workspaceId)).toBe(0);
  });
});

describe('progress updates due', () => {
  it('flags a major unfixed mistake once per due time, and an update moves the due time', async () => {
    const services = await start('a', recordingMailer());
    const { actor, client } = await workspaceWithClient(services);
    const m = await logMistake(services.deps, actor, {
      clientId: client.id,
      title: 'Site down for two hours',
      description: null,
      category: 'deliverable_quality',
      severity: 'critical',
      foundBy: 'client',
      happenedAt: null,
      ownerId: null,
    });
    const scheduler = createScheduler(services.deps, services.mailer);
    const found = Date.parse(m.foundAt);
    expect((await scheduler.runDue(new Date(found + 23 * HOUR))).updatesDue).toBe(0);
    expect((await scheduler.runDue(new Date(found + 24 * HOUR))).updatesDue).toBe(1);
    expect((await scheduler.runDue(new Date(found + 25 * HOUR))).updatesDue).toBe(0);
    clock.set(new Date(found + 26 * HOUR).toISOString());
    await queueMessage(services.deps, actor.workspaceId, {
      kind: 'update',
      clientId: client.id,
      mistakeId: m.id,
      fromName: 'Acme',
      toName: 'Lynn',
      toAddress: 'lynn@serenity.example',
      subject: 'Progress on the outage',
      body: 'We are on it.',
    });
    // The update goes out at 26 h: the next one is due 24 h after that.
    expect((await scheduler.runDue(new Date(found + 26 * HOUR))).delivery.sent).toBe(1);
    expect((await scheduler.runDue(new Date(found + 49 * HOUR))).updatesDue).toBe(0);
    expect((await scheduler.runDue(new Date(found + 50 * HOUR))).updatesDue).toBe(1);
    const inbox = await services.deps.store.notifications.list(actor.workspaceId, actor.userId!, { limit: 10 });
    expect(inbox.map((n) => n.kind)).toEqual(['update_due', 'update_due']);
  });
});

describe('the loop', () => {
  it('ticks on its own from the injected clock once started, and does nothing after stop', async () => {
    const mailer = recordingMailer();
    const services = await start('a', mailer);
    const { actor } = await workspaceWithClient(services);
    const ticks: number[] = [];
    const scheduler = createScheduler(services.deps, services.mailer, {
      intervalMs: 10,
      firstTickMs: 0,
      onTick: (r) => ticks.push(r.delivery.sent),
    });
    await queueMessage(services.deps, actor.workspaceId, {
      kind: 'update',
      clientId: null,
      mistakeId: null,
      fromName: 'Acme',
      toName: 'Lynn',
      toAddress: 'lynn@serenity.example',
      subject: 'Progress',
      body: 'On it.',
    });
    scheduler.start();
    await vi.waitFor(() => expect(mailer.sent).toHaveLength(1), { timeout: 10_000 });
    await scheduler.stop();
    const after = ticks.length;
    await queueMessage(services.deps, actor.workspaceId, {
      kind: 'update',
      clientId: null,
      mistakeId: null,
      fromName: 'Acme',
      toName: 'Lynn',
      toAddress: 'lynn@serenity.example',
      subject: 'Progress 2',
      body: 'Still on it.',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ticks.length).toBe(after);
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('restarts and several instances', () => {
  it('app restarted mid-queue: nothing lost, nothing sent twice', async () => {
    const a = await start('a');
    const { actor } = await workspaceWithClient(a);
    const queued: Message[] = [];
    for (let i = 0; i < 12; i++) {
      queued.push(
        await queueMessage(a.deps, actor.workspaceId, {
          kind: 'acknowledgment',
          clientId: null,
          mistakeId: null,
          fromName: 'Acme',
          toName: `Contact ${i}`,
          toAddress: `contact${i}@example.org`,
          subject: `Message ${i}`,
          body: 'Hello',
        }),
      );
    }
    // Instance A delivers a first batch…
    const schedulerA = createScheduler(a.deps, a.mailer, { claimant: 'A' });
    const first = await a.deps.store.messages.claimDue(
      actor.workspaceId,
      clock.now().toISOString(),
      'A',
      5 * MINUTE,
      4,
    );
    for (const m of first) {
      await a.mailer.send(m, clock.now());
      await a.deps.store.messages.markSent(actor.workspaceId, m.id, 'A', 1, clock.now().toISOString());
    }
    // …then claims the next four and dies: one was written out before the crash, three were not.
    const claimed = await a.deps.store.messages.claimDue(
      actor.workspaceId,
      clock.now().toISOString(),
      'A',
      5 * MINUTE,
      4,
    );
    expect(claimed).toHaveLength(4);
    await a.mailer.send(claimed[0]!, clock.now());
    await schedulerA.stop();
    await a.close();
    open.splice(open.indexOf(a), 1);

    // A new instance on the same database and data folder.
    const b = await start('b');
    const schedulerB = createScheduler(b.deps, b.mailer, { claimant: 'B' });
    clock.advance(MINUTE);
    const early = await schedulerB.runDue();
    expect(early.delivery.sent).toBe(4); // the four nobody claimed; A's claims still hold
    clock.advance(5 * MINUTE);
    await ageOutboxClaims(b.database, actor.workspaceId, 5 * MINUTE); // the same 5 minutes on the database's clock
    const late = await schedulerB.runDue();
    expect(late.delivery.sent).toBe(4); // A's expired claims are taken over
    expect((await schedulerB.runDue()).delivery.sent).toBe(0);

    const files = readdirSync(join(dir, 'outbox'))
      .filter((f) => f.endsWith('.eml'))
      .sort();
    expect(files).toEqual(queued.map(emlFileName).sort());
    const stored = await b.deps.store.messages.list(actor.workspaceId, { limit: 100 });
    expect(stored.map((m) => m.status)).toEqual(Array.from({ length: 12 }, () => 'sent'));
  });

  it('app restarted mid-queue over SMTP: every message reaches the server exactly once', async () => {
    const received: ParsedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            received.push(parsed);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const from = { mailFrom: 'makegood <hello@acme.example>', accountingFrom: 'a <b@c.example>' };
    try {
      const a = await start('a', smtpMailer(url, from));
      const { actor } = await workspaceWithClient(a);
      const queued: Message[] = [];
      for (let i = 0; i < 10; i++) {
        queued.push(
          await queueMessage(a.deps, actor.workspaceId, {
            kind: 'acknowledgment',
            clientId: null,
            mistakeId: null,
            fromName: 'Acme',
            toName: `Contact ${i}`,
            toAddress: `contact${i}@example.org`,
            subject: `Message ${i}`,
            body: 'Hello',
          }),
        );
      }
      // A sends three through the normal path, then claims three more and dies before sending them.
      const firstThree = await a.deps.store.messages.claimDue(
        actor.workspaceId,
        clock.now().toISOString(),
        'A',
        5 * MINUTE,
        3,
      );
      for (const m of firstThree) {
        await a.mailer.send(m, clock.now());
        await a.deps.store.messages.markSent(actor.workspaceId, m.id, 'A', 1, clock.now().toISOString());
      }
      const orphaned = await a.deps.store.messages.claimDue(
        actor.workspaceId,
        clock.now().toISOString(),
        'A',
        5 * MINUTE,
        3,
      );
      expect(orphaned).toHaveLength(3);
      await a.close();
      open.splice(open.indexOf(a), 1);

      const b = await start('b', smtpMailer(url, from));
      const schedulerB = createScheduler(b.deps, b.mailer, { claimant: 'B' });
      clock.advance(MINUTE);
      expect((await schedulerB.runDue()).delivery.sent).toBe(4);
      clock.advance(5 * MINUTE);
      await ageOutboxClaims(b.database, actor.workspaceId, 5 * MINUTE); // the same 5 minutes on the database's clock
      expect((await schedulerB.runDue()).delivery.sent).toBe(3);
      clock.advance(HOUR);
      expect((await schedulerB.runDue()).delivery.sent).toBe(0);

      expect(received.map((m) => m.messageId).sort()).toEqual(queued.map((m) => m.messageId).sort());
      const stored = await b.deps.store.messages.list(actor.workspaceId, { limit: 100 });
      expect(stored.filter((m) => m.status === 'sent')).toHaveLength(10);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it(`two scheduler instances over 1,000 due reminders send each exactly once (${testDialect === 'postgres' ? 'concurrently' : 'one writer: interleaved'})`, async () => {
    const mailA = recordingMailer();
    const mailB = recordingMailer();
    const a = await start('a', mailA);
    const b = await start('b', mailB);
    const { actor, client } = await workspaceWithClient(a);
    const dueAt = new Date(clock.now().getTime() + 30 * MINUTE).toISOString();
    await a.deps.store.transaction(async (store) => {
      for (let i = 0; i < 1000; i++) {
        await store.commitments.create(actor.workspaceId, {
          id: `c-${String(i).padStart(4, '0')}`,
          clientId: client.id,
          mistakeId: null,
          title: `Promise ${i}`,
          dueAt,
          status: 'open',
          isFix: false,
          ownerId: actor.userId,
          completedAt: null,
          createdAt: clock.now().toISOString(),
        });
      }
    });
    const schedulerA = createScheduler(a.deps, a.mailer, { claimant: 'A' });
    const schedulerB = createScheduler(b.deps, b.mailer, { claimant: 'B' });
    const both = async (now: Date) => {
      if (testDialect === 'postgres') return Promise.all([schedulerA.runDue(now), schedulerB.runDue(now)]);
      return [await schedulerA.runDue(now), await schedulerB.runDue(now)];
    };
    const ticks = await both(clock.now());
    expect(ticks.flatMap((t) => t.errors)).toEqual([]);
    expect(ticks.reduce((n, t) => n + t.reminders.sent, 0)).toBe(1000);
    expect(ticks.reduce((n, t) => n + t.delivery.sent, 0)).toBe(1000);
    const sent = [...mailA.sent, ...mailB.sent];
    expect(sent).toHaveLength(1000);
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(1000);
    expect(new Set(sent.map((m) => m.subject)).size).toBe(1000);
    expect(await count(a, 'notifications', actor.workspaceId)).toBe(1000);
    expect(await count(a, 'messages', actor.workspaceId)).toBe(1000);
    // 1,000 sent (1 h before) + 1,000 skipped (24 h before, already past at creation).
    expect(await count(a, 'commitment_reminders', actor.workspaceId)).toBe(2000);

    // Both tick again at due and just after: one "due now" each, and 1,000 missed, once.
    const atDue = await both(new Date(dueAt));
    expect(atDue.reduce((n, t) => n + t.reminders.sent, 0)).toBe(1000);
    const after = await both(new Date(Date.parse(dueAt) + MINUTE));
    expect(after.flatMap((t) => t.errors)).toEqual([]);
    expect(after.reduce((n, t) => n + t.missed, 0)).toBe(1000);
    expect(await count(a, 'mistakes', actor.workspaceId)).toBe(1000);
    expect(await count(a, 'missed_commitments', actor.workspaceId)).toBe(1000);
    console.log(`split: A sent ${mailA.sent.length}, B sent ${mailB.sent.length}`);
    // 1,000 missed commitments are 1,000 mistakes for one client: its health alerts the owner once
    // for the cluster and once when the score falls below the threshold, besides the 3,000 reminders.
    const health = [...mailA.sent, ...mailB.sent].filter((m) => /mistakes within|health fell/.test(m.subject));
    expect(health).toHaveLength(2);
    const allSent = [...mailA.sent, ...mailB.sent].filter((m) => !health.includes(m));
    expect(allSent).toHaveLength(3000);
    expect(new Set(allSent.map((m) => m.messageId)).size).toBe(3000);
    const numbers = (await a.deps.store.mistakes.list(actor.workspaceId, { limit: 200, count: 'exact' })).total;
    expect(numbers).toBe(1000);
  });
});
