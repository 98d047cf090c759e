import { describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { instancesOnOneDatabase } from '../../test/instances.ts';
import { createClient } from '../domain/clients/clients.ts';
import { logMistake } from '../domain/mistakes/mistakes.ts';
import { createScheduler } from './scheduler.ts';

// Two app instances on one database (PostgreSQL with MAKEGOOD_TEST_DB=pg, else one SQLite file):
// 500 overdue actions get exactly one escalation each per day, whichever instance sends it.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const { clock, start } = instancesOnOneDatabase('actions');

describe('action escalation across instances', () => {
  it('500 overdue actions: one escalation each per day, across two instances', async () => {
    const a = await start('a');
    const b = await start('b');
    const { actor } = await makeWorkspace(a, 'Acme Studio');
    const client = await createClient(a.deps, actor, {
      name: 'Serenity Day Spas',
      aliases: [],
      tier: 'key',
      status: 'active',
      value: { amountMinor: 1_200_000, currency: 'USD' },
      ownerId: null,
    });
    const mistake = await logMistake(a.deps, actor, {
      clientId: client.id,
      title: 'Wrong short code',
      category: 'wrong_fact',
      severity: 'major',
      foundBy: 'us',
      happenedAt: null,
      description: null,
      ownerId: null,
    });
    const dueAt = new Date(clock.now().getTime() + HOUR).toISOString();
    await a.deps.store.transaction(async (store) => {
      for (let i = 0; i < 500; i++) {
        await store.actions.create(actor.workspaceId, {
          id: `act-${String(i).padStart(3, '0')}`,
          mistakeId: mistake.id,
          clientId: client.id,
          kind: 'preventive',
          title: `Check ${i}`,
          ownerId: actor.userId,
          dueAt,
          status: 'open',
          cancelReason: null,
          doneAt: null,
          checkDueAt: null,
          checkResult: null,
          checkNote: null,
          checkedBy: null,
          checkedAt: null,
          // Queued as overdue already: the first reminder the scheduler sees is the escalation.
          nextReminderAt: dueAt,
          createdAt: clock.now().toISOString(),
        });
      }
    });
    const schedulerA = createScheduler(a.deps, a.mailer, { claimant: 'A' });
    const schedulerB = createScheduler(b.deps, b.mailer, { claimant: 'B' });
    const both = async (now: Date) => {
      const ticks =
        testDialect === 'postgres'
          ? await Promise.all([schedulerA.runDue(now), schedulerB.runDue(now)])
          : [await schedulerA.runDue(now), await schedulerB.runDue(now)];
      expect(ticks.flatMap((t) => t.errors)).toEqual([]);
      return ticks.reduce((n, t) => n + t.actionReminders, 0);
    };
    const overdue = async () => {
      const row = await a.database.db
        .selectFrom('action_reminders')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', actor.workspaceId)
        .where('slot', 'like', 'overdue:%')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };

    const due = Date.parse(dueAt);
    expect(await both(new Date(due + DAY + HOUR))).toBe(500);
    expect(await overdue()).toBe(500);
    // Later the same day, and again: nothing new.
    expect(await both(new Date(due + DAY + 5 * HOUR))).toBe(0);
    expect(await both(new Date(due + DAY + 20 * HOUR))).toBe(0);
    // The next day: one more each.
    expect(await both(new Date(due + 2 * DAY + HOUR))).toBe(500);
    expect(await overdue()).toBe(1000);
    const notifications = await a.database.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('workspace_id', '=', actor.workspaceId)
      .where('kind', '=', 'action_overdue')
      .executeTakeFirstOrThrow();
    // One owner (who is also the workspace's only owner/admin): one notification per escalation.
    expect(Number(notifications.n)).toBe(1000);
  });
});
