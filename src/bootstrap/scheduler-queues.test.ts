import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, sequentialIds, type FakeClock } from '../../test/clock.ts';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { createClient } from '../domain/clients/clients.ts';
import { addFixCommitment } from '../domain/commitments/commitments.ts';
import { addAction } from '../domain/learning/actions.ts';
import { queueMessage } from '../domain/messages/outbox.ts';
import type { Mailer } from '../domain/messages/ports.ts';
import { logMistake, markReached } from '../domain/mistakes/mistakes.ts';
import type { Deps, MistakeRecord, Store } from '../domain/ports.ts';
import { runDueJobs } from '../domain/scheduler/run-due.ts';
import { flagUpdatesDue } from '../domain/scheduler/update-due.ts';
import type { Message, Mistake } from '../shared/contract/index.ts';
import type { DatabaseTarget } from '../storage/database.ts';
import { createServices, type Services } from './index.ts';
import { createScheduler } from './scheduler.ts';
import { nodeCrypto } from './system.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

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
let target: DatabaseTarget;
let drop: () => Promise<void>;
const open: Services[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'makegood-queues-'));
  clock = fakeClock('2026-03-02T09:00:00.000Z');
  if (testDialect === 'sqlite') {
    target = { sqliteFile: join(dir, 'makegood.sqlite') };
    drop = async () => {};
  } else {
    const db = await freshDatabase();
    target = db.target;
    drop = db.drop;
  }
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

async function start(prefix: string, instanceClock: FakeClock = clock, mailer?: Mailer): Promise<Services> {
  const services = await createServices(
    { databaseUrl: undefined, dataDir: dir },
    { clock: instanceClock, ids: sequentialIds(prefix), crypto: nodeCrypto({ fast: true }), ...(mailer && { mailer }) },
    target,
  );
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

async function anchorOf(services: Services, workspaceId: string, mistakeId: string): Promise<string | null> {
  const row = await services.database.db
    .selectFrom('mistakes')
    .select('update_anchor_at')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', mistakeId)
    .executeTakeFirstOrThrow();
  return row.update_anchor_at === null ? null : new Date(row.update_anchor_at).toISOString();
}

/** A store that records, per read, how many event-loop turns (setImmediate callbacks) had run. */
function observedStore(
  inner: Store,
  log: { queueReads: { turn: number; rows: number }[]; gets: number; lists: number },
  turn: () => number,
): Store {
  const wrap = (store: Store): Store => ({
    ...store,
    scheduling: {
      ...store.scheduling,
      async mistakesUpdateDue(...args) {
        const rows = await store.scheduling.mistakesUpdateDue(...args);
        log.queueReads.push({ turn: turn(), rows: rows.length });
        return rows;
      },
    },
    mistakes: {
      ...store.mistakes,
      async get(...args) {
        log.gets++;
        return store.mistakes.get(...args);
      },
      async list(...args) {
        log.lists++;
        return store.mistakes.list(...args);
      },
    },
    transaction: (work) => store.transaction((tx) => work(wrap(tx))),
  });
  return wrap(inner);
}

describe('due-queues', () => {
  it('reads only due mistakes, in batches of 100, and lets the event loop run between batches', async () => {
    const services = await start('a', clock, recordingMailer());
    const { actor, client } = await workspaceWithClient(services);
    const template = await logMistake(services.deps, actor, {
      clientId: client.id,
      title: 'Template',
      description: null,
      category: 'deliverable_quality',
      severity: 'minor',
      foundBy: 'us',
      happenedAt: null,
      ownerId: null,
    });
    const { ref: _ref, clientName: _name, ...base } = template;
    const old = new Date(clock.now().getTime() - 48 * HOUR).toISOString();
    const recent = clock.now().toISOString();
    // 250 due (critical/major, unfixed, found 48 h ago) and 300 that are not: minor, fixed, or found now.
    await services.deps.store.transaction(async (store) => {
      for (let i = 0; i < 550; i++) {
        const kind = i < 250 ? 'due' : i < 350 ? 'minor' : i < 450 ? 'fixed' : 'recent';
        const record: MistakeRecord = {
          ...base,
          id: `m-${String(i).padStart(4, '0')}`,
          number: 100 + i,
          title: `Mistake ${i} (${kind})`,
          severity: kind === 'minor' ? 'minor' : i % 2 ? 'major' : 'critical',
          foundAt: kind === 'recent' ? recent : old,
          reached: { ...base.reached, fixed: kind === 'fixed' ? old : null },
        };
        await store.mistakes.create(actor.workspaceId, record);
      }
    });

    let turns = 0;
    let spinning = true;
    const spin = () => {
      turns++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    const log = { queueReads: [] as { turn: number; rows: number }[], gets: 0, lists: 0 };
    const deps: Deps = { ...services.deps, store: observedStore(services.deps.store, log, () => turns) };
    const result = await flagUpdatesDue(deps, actor.workspaceId);
    spinning = false;

    expect(result.flagged).toBe(250);
    expect(log.queueReads.map((r) => r.rows)).toEqual([100, 100, 50]);
    // Only the flagged rows were loaded, and the scheduler never listed (scanned) mistakes.
    expect(log.gets).toBe(250);
    expect(log.lists).toBe(0);
    // Between consecutive batch reads, other callbacks got to run (SQLite is synchronous: without
    // the yield these turn counts would be equal).
    for (let i = 1; i < log.queueReads.length; i++) {
      expect(log.queueReads[i]!.turn).toBeGreaterThan(log.queueReads[i - 1]!.turn);
    }
    // Flagged mistakes left the queue: the next tick reads nothing.
    const again = { queueReads: [] as { turn: number; rows: number }[], gets: 0, lists: 0 };
    const next = await flagUpdatesDue(
      { ...services.deps, store: observedStore(services.deps.store, again, () => turns) },
      actor.workspaceId,
    );
    expect(next.flagged).toBe(0);
    expect(again.queueReads.map((r) => r.rows)).toEqual([0]);
  });

  it('keeps the update-due column current: found, flagged, update queued and sent, fixed', async () => {
    const services = await start('a', clock, recordingMailer());
    const { actor, client } = await workspaceWithClient(services);
    const m: Mistake = await logMistake(services.deps, actor, {
      clientId: client.id,
      title: 'Site down for two hours',
      description: null,
      category: 'deliverable_quality',
      severity: 'critical',
      foundBy: 'client',
      happenedAt: null,
      ownerId: null,
    });
    const ws = actor.workspaceId;
    expect(await anchorOf(services, ws, m.id)).toBe(m.foundAt);
    const scheduler = createScheduler(services.deps, services.mailer);
    const found = Date.parse(m.foundAt);
    expect((await scheduler.runDue(new Date(found + 24 * HOUR))).updatesDue).toBe(1);
    // Flagged: off the queue until the clock moves.
    expect(await anchorOf(services, ws, m.id)).toBeNull();

    clock.set(new Date(found + 26 * HOUR).toISOString());
    await queueMessage(services.deps, ws, {
      kind: 'update',
      clientId: client.id,
      mistakeId: m.id,
      fromName: 'Acme',
      toName: 'Lynn',
      toAddress: 'lynn@serenity.example',
      subject: 'Progress on the outage',
      body: 'We are on it.',
    });
    // Queued counts as told: the clock restarts at 26 h.
    expect(await anchorOf(services, ws, m.id)).toBe(new Date(found + 26 * HOUR).toISOString());
    expect((await scheduler.runDue(new Date(found + 27 * HOUR))).delivery.sent).toBe(1);
    // Sent at 27 h: the clock moves to the send time.
    expect(await anchorOf(services, ws, m.id)).toBe(new Date(found + 27 * HOUR).toISOString());
    expect((await scheduler.runDue(new Date(found + 50 * HOUR))).updatesDue).toBe(0);
    expect((await scheduler.runDue(new Date(found + 51 * HOUR))).updatesDue).toBe(1);

    clock.set(new Date(found + 52 * HOUR).toISOString());
    const current = await services.deps.store.mistakes.get(ws, m.id);
    await markReached(services.deps.store, ws, current!, 'fixed', clock.now().toISOString(), clock.now().toISOString());
    expect(await anchorOf(services, ws, m.id)).toBeNull();
    expect((await scheduler.runDue(new Date(found + 200 * HOUR))).updatesDue).toBe(0);
  });
});

describe('several instances with skewed clocks', () => {
  it('an instance 2 h ahead does not take over a message another instance is still sending', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    const slow: Mailer & { sent: Message[] } = {
      description: 'slow',
      sent: [],
      async send(message) {
        started();
        await gate;
        this.sent.push(message);
      },
      async close() {},
    };
    const fast = recordingMailer();
    const ahead = fakeClock(new Date(clock.now().getTime() + 2 * HOUR).toISOString());
    const a = await start('a', clock, slow);
    const c = await start('c', ahead, fast);
    const { actor, client } = await workspaceWithClient(a);
    await queueMessage(a.deps, actor.workspaceId, {
      kind: 'acknowledgment',
      clientId: client.id,
      mistakeId: null,
      fromName: 'Acme',
      toName: 'Lynn',
      toAddress: 'lynn@serenity.example',
      subject: 'We got the prices wrong',
      body: 'We are sorry.',
    });
    const schedulerA = createScheduler(a.deps, a.mailer, { claimant: 'A' });
    const schedulerC = createScheduler(c.deps, c.mailer, { claimant: 'C' });
    const tickA = schedulerA.runDue();
    await sending; // A holds the claim (a 5-minute lease) and is talking to the mail server…
    // …while C, whose clock reads 2 h later, ticks: A's claim has not expired for it either.
    const tickC = await schedulerC.runDue();
    expect(tickC.delivery.sent).toBe(0);
    expect(fast.sent).toEqual([]);
    release();
    expect((await tickA).delivery.sent).toBe(1);
    expect(slow.sent).toHaveLength(1);
    expect((await schedulerC.runDue()).delivery.sent).toBe(0);
    const [stored] = await a.deps.store.messages.list(actor.workspaceId, {});
    expect(stored).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it(`three instances at −2 h, 0 and +2 h do every reminder, missed commitment, action escalation, update flag and send exactly once`, async () => {
    const mail = [recordingMailer(), recordingMailer(), recordingMailer()] as const;
    const skews = [-2 * HOUR, 0, 2 * HOUR] as const;
    const clocks = skews.map(() => fakeClock(clock.now().toISOString()));
    const instances = [
      await start('a', clocks[0], mail[0]),
      await start('b', clocks[1], mail[1]),
      await start('c', clocks[2], mail[2]),
    ];
    const first = instances[1]!;
    const { actor, client } = await workspaceWithClient(first);
    const ws = actor.workspaceId;
    const t0 = clock.now().getTime();
    const original = await logMistake(first.deps, actor, {
      clientId: client.id,
      title: 'Wrong prices on the menu',
      description: null,
      category: 'deliverable_quality',
      severity: 'critical',
      foundBy: 'client',
      happenedAt: null,
      ownerId: null,
    });
    await addFixCommitment(first.deps, actor, original.id, {
      title: 'Send the corrected price list',
      dueAt: new Date(t0 + 3 * HOUR).toISOString(),
      ownerId: null,
    });
    // A preventive action due in 3 h: "before" at once, "due" at 3 h, the escalation at 27 h.
    await addAction(first.deps, actor, original.id, {
      kind: 'preventive',
      title: 'Prices checked against the client sheet before publishing',
      ownerId: actor.userId!,
      dueAt: new Date(t0 + 3 * HOUR).toISOString(),
    });
    await queueMessage(first.deps, ws, {
      kind: 'acknowledgment',
      clientId: client.id,
      mistakeId: original.id,
      fromName: 'Acme',
      toName: 'Lynn',
      toAddress: 'lynn@serenity.example',
      subject: 'We got the prices wrong',
      body: 'We are sorry; corrected list today.',
    });

    const schedulers = instances.map((s, i) => createScheduler(s.deps, s.mailer, { claimant: `I${i}` }));
    const errors: string[] = [];
    // Every 30 minutes of real time for 30 h; each instance ticks at its own skewed idea of now.
    for (let t = t0; t <= t0 + 30 * HOUR; t += 30 * MINUTE) {
      const at = skews.map((s) => new Date(t + s));
      at.forEach((d, i) => clocks[i]!.set(d.toISOString()));
      // Truly concurrent on PostgreSQL (SQLite in one process has one writer: interleaved). Outbox
      // claims are leases on the database's clock, so an instance 2 h ahead cannot see another's
      // live claim as expired (before that fix this sent 6 emails for 5 messages).
      const ticks =
        testDialect === 'postgres'
          ? await Promise.all(schedulers.map((s, i) => s.runDue(at[i])))
          : [
              await schedulers[0]!.runDue(at[0]),
              await schedulers[1]!.runDue(at[1]),
              await schedulers[2]!.runDue(at[2]),
            ];
      errors.push(...ticks.flatMap((r) => r.errors));
    }
    expect(errors).toEqual([]);
    const db = first.database.db;
    const notifications = await db
      .selectFrom('notifications')
      .select(['kind', 'mistake_id'])
      .where('workspace_id', '=', ws)
      .execute();
    const kinds = (k: string) => notifications.filter((n) => n.kind === k);
    // Reminders: each offset (24 h, 1 h, at due) recorded exactly once. The instance 2 h behind
    // sees the 24 h one as the latest due at creation and sends it; the others are sent once each.
    const reminders = await db
      .selectFrom('commitment_reminders')
      .select(['offset_minutes', 'outcome'])
      .where('workspace_id', '=', ws)
      .execute();
    expect(reminders.map((r) => Number(r.offset_minutes)).sort((a, b) => a - b)).toEqual([0, 60, 1440]);
    const sentReminders = reminders.filter((r) => r.outcome === 'sent').length;
    expect(sentReminders).toBeGreaterThanOrEqual(2);
    expect(kinds('reminder')).toHaveLength(sentReminders);
    // Missed once: one new deadline mistake, one link, one notification.
    expect(kinds('missed')).toHaveLength(1);
    const missed = await db
      .selectFrom('missed_commitments')
      .select('mistake_id')
      .where('workspace_id', '=', ws)
      .execute();
    expect(missed).toHaveLength(1);
    const mistakes = await db.selectFrom('mistakes').select('id').where('workspace_id', '=', ws).execute();
    expect(mistakes).toHaveLength(2);
    // Update due: the original (acknowledged at t0, due t0 + 24 h) and the missed one (critical like
    // its original, found about t0 + 1.5…3.5 h, due 24 h later): each flagged exactly once.
    const updateDue = kinds('update_due');
    expect(updateDue.map((n) => n.mistake_id).sort()).toEqual([original.id, missed[0]!.mistake_id].sort());
    // The action: each slot (24 h before, at due, 1 day overdue) claimed once, one notification each.
    const actionSlots = await db.selectFrom('action_reminders').select('slot').where('workspace_id', '=', ws).execute();
    expect(actionSlots.map((r) => r.slot).sort()).toEqual(['before', 'due', 'overdue:1']);
    expect(kinds('action_due')).toHaveLength(2);
    expect(kinds('action_overdue')).toHaveLength(1);
    // Every queued email went out exactly once, across the three mailers.
    const messages = await db
      .selectFrom('messages')
      .select(['message_id', 'status'])
      .where('workspace_id', '=', ws)
      .execute();
    const sent = [...mail[0].sent, ...mail[1].sent, ...mail[2].sent];
    expect(messages.every((m) => m.status === 'sent')).toBe(true);
    expect(sent).toHaveLength(messages.length);
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(messages.length);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    // Nothing is left over for a later tick to do again.
    const late = await runDueJobs(first.deps, first.mailer, { now: new Date(t0 + 40 * HOUR), claimant: 'late' });
    expect([late.reminders.sent, late.missed, late.updatesDue, late.delivery.sent]).toEqual([0, 0, 0, 0]);
  });
});
