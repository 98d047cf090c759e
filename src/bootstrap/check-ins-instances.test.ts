import { describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { instancesOnOneDatabase } from '../../test/instances.ts';
import { addContact, createClient } from '../domain/clients/clients.ts';
import { addFixCommitment, completeCommitment } from '../domain/commitments/commitments.ts';
import { logMistake } from '../domain/mistakes/mistakes.ts';
import { createScheduler } from './scheduler.ts';

// Two app instances on one database (a SQLite file, or PostgreSQL with both ticks at once): every
// check-in reminder goes out exactly once, and every overdue mark is recorded exactly once.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const { clock, start } = instancesOnOneDatabase('check-ins');

describe('check-in reminders across instances', () => {
  it('30 fixed mistakes: each of their 90 check-ins is reminded once and marked overdue once, across two instances', async () => {
    const a = await start('a');
    const b = await start('b');
    const { actor } = await makeWorkspace(a, 'Acme Studio');
    const client = await createClient(a.deps, actor, {
      name: 'Serenity Day Spas',
      aliases: [],
      tier: 'key',
      status: 'active',
      value: { amountMinor: 1_200_000, currency: 'USD' },
      ownerId: actor.userId,
    });
    await addContact(a.deps, actor, client.id, {
      fullName: 'Amara Okafor',
      preferredName: null,
      honorific: 'Dr',
      pronouns: null,
      pronunciation: null,
      email: 'amara@serenity.example',
      isBilling: false,
    });
    for (let i = 0; i < 30; i++) {
      const mistake = await logMistake(a.deps, actor, {
        clientId: client.id,
        title: `Wrong short code ${i}`,
        category: 'wrong_fact',
        severity: 'minor',
        foundBy: 'us',
        happenedAt: null,
        description: null,
        ownerId: null,
      });
      const fix = await addFixCommitment(a.deps, actor, mistake.id, {
        title: 'Reprint',
        dueAt: new Date(clock.now().getTime() + DAY).toISOString(),
        ownerId: null,
      });
      await completeCommitment(a.deps, actor, fix.id);
    }
    const schedulerA = createScheduler(a.deps, a.mailer, { claimant: 'A' });
    const schedulerB = createScheduler(b.deps, b.mailer, { claimant: 'B' });
    const both = async (now: Date) => {
      const ticks =
        testDialect === 'postgres'
          ? await Promise.all([schedulerA.runDue(now), schedulerB.runDue(now)])
          : [await schedulerA.runDue(now), await schedulerB.runDue(now)];
      expect(ticks.flatMap((t) => t.errors)).toEqual([]);
      return {
        reminded: ticks.reduce((n, t) => n + t.checkIns.reminded, 0),
        overdue: ticks.reduce((n, t) => n + t.checkIns.overdue, 0),
      };
    };
    const count = async (table: 'notifications' | 'events', column: 'kind' | 'type', value: string) => {
      const row = await a.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', actor.workspaceId)
        .where(column, '=', value)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const start0 = clock.now().getTime();
    expect(await both(new Date(start0 + 7 * DAY + HOUR))).toEqual({ reminded: 30, overdue: 0 });
    expect(await both(new Date(start0 + 7 * DAY + 2 * HOUR))).toEqual({ reminded: 0, overdue: 0 });
    expect(await both(new Date(start0 + 11 * DAY))).toEqual({ reminded: 0, overdue: 30 });
    expect(await both(new Date(start0 + 100 * DAY))).toEqual({ reminded: 60, overdue: 60 });
    expect(await both(new Date(start0 + 101 * DAY))).toEqual({ reminded: 0, overdue: 0 });
    expect(await count('notifications', 'kind', 'check_in_due')).toBe(90);
    expect(await count('events', 'type', 'check_in.reminded')).toBe(90);
    expect(await count('events', 'type', 'check_in.overdue')).toBe(90);
    // One reminder email per check-in to the client's owner.
    const emails = await a.database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('workspace_id', '=', actor.workspaceId)
      .where('kind', '=', 'reminder')
      .where('subject', 'like', 'Check in with%')
      .executeTakeFirstOrThrow();
    expect(Number(emails.n)).toBe(90);
  }, 120_000);
});
