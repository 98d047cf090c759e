import { describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { instancesOnOneDatabase } from '../../test/instances.ts';
import { createClient } from '../domain/clients/clients.ts';
import { addCommitment } from '../domain/commitments/commitments.ts';
import { logMistake } from '../domain/mistakes/mistakes.ts';
import type { Actor } from '../domain/ports.ts';
import type { Services } from './index.ts';
import { createScheduler } from './scheduler.ts';

// Two app instances on one database (PostgreSQL with MAKEGOOD_TEST_DB=pg, concurrently; else one
// SQLite file): a client's cluster alert goes out exactly once, whether the third mistake comes
// from the scheduler's missed commitment on both instances or from two logs at once.

const HOUR = 3_600_000;

const { clock, start } = instancesOnOneDatabase('health');

function log(services: Services, actor: Actor, clientId: string, title: string) {
  return logMistake(services.deps, actor, {
    clientId,
    title,
    category: 'wrong_fact',
    severity: 'minor',
    foundBy: 'us',
    happenedAt: null,
    description: null,
    ownerId: null,
  });
}

async function count(services: Services, table: 'health_alerts' | 'notifications', workspaceId: string) {
  const q = services.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', workspaceId);
  const row = await (table === 'notifications' ? q.where('kind', '=', 'client_at_risk') : q).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('cluster alert across instances', () => {
  it('12 clients whose third mistake is a missed commitment: both schedulers tick, each client alerted once', async () => {
    const a = await start('a');
    const b = await start('b');
    const { actor, email } = await makeWorkspace(a, 'Acme Studio');
    const clients: string[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await createClient(a.deps, actor, {
        name: `Client ${i}`,
        aliases: [],
        tier: 'standard',
        status: 'active',
        value: { amountMinor: 0, currency: 'USD' },
        ownerId: null,
      });
      clients.push(c.id);
      await log(a, actor, c.id, 'Misspelled name');
      await log(b, actor, c.id, 'Misunderstood request');
      await addCommitment(a.deps, actor, c.id, {
        title: 'Send the corrected brief',
        dueAt: new Date(clock.now().getTime() + HOUR).toISOString(),
        ownerId: null,
      });
    }
    expect(await count(a, 'health_alerts', actor.workspaceId)).toBe(0);
    clock.advance(2 * HOUR);
    const schedulerA = createScheduler(a.deps, a.mailer, { claimant: 'A' });
    const schedulerB = createScheduler(b.deps, b.mailer, { claimant: 'B' });
    const now = clock.now();
    const ticks =
      testDialect === 'postgres'
        ? await Promise.all([schedulerA.runDue(now), schedulerB.runDue(now)])
        : [await schedulerA.runDue(now), await schedulerB.runDue(now)];
    expect(ticks.flatMap((t) => t.errors)).toEqual([]);
    expect(await count(a, 'health_alerts', actor.workspaceId)).toBe(12);
    // One owner, the only owner/admin: one notification and one email per client.
    expect(await count(a, 'notifications', actor.workspaceId)).toBe(12);
    const mail = await a.deps.store.messages.list(actor.workspaceId, { kind: 'reminder', limit: 500 });
    const alerts = mail.filter((m) => m.subject.includes('mistakes within'));
    expect(alerts).toHaveLength(12);
    expect(new Set(alerts.map((m) => m.clientId))).toEqual(new Set(clients));
    expect(alerts.every((m) => m.toAddress === email)).toBe(true);
    // Ticking again on both: nothing new.
    const again = clock.now();
    await Promise.all([schedulerA.runDue(again), schedulerB.runDue(again)]);
    expect(await count(b, 'health_alerts', actor.workspaceId)).toBe(12);
    expect(await count(b, 'notifications', actor.workspaceId)).toBe(12);
  });

  it('the third and fourth mistakes logged at once on two instances: one alert, listing all four', async () => {
    const a = await start('a');
    const b = await start('b');
    const { actor } = await makeWorkspace(a, 'Acme Studio');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await createClient(a.deps, actor, {
        name: `Client ${i}`,
        aliases: [],
        tier: 'standard',
        status: 'active',
        value: { amountMinor: 0, currency: 'USD' },
        ownerId: null,
      });
      ids.push(c.id);
      await log(a, actor, c.id, 'One');
      await log(b, actor, c.id, 'Two');
    }
    const both = ids.map((id) =>
      testDialect === 'postgres'
        ? Promise.all([log(a, actor, id, 'Three'), log(b, actor, id, 'Four')])
        : log(a, actor, id, 'Three').then(() => log(b, actor, id, 'Four')),
    );
    await Promise.all(both);
    expect(await count(a, 'health_alerts', actor.workspaceId)).toBe(6);
    expect(await count(a, 'notifications', actor.workspaceId)).toBe(6);
    for (const id of ids) {
      const alerts = await a.deps.store.health.listAlerts(actor.workspaceId, id, 10);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.mistakeIds).toHaveLength(4);
      // The score saw all four mistakes, whichever transaction committed last.
      expect(
        (await b.deps.store.health.get(actor.workspaceId, id))?.lines.filter((l) => l.kind === 'mistake'),
      ).toHaveLength(4);
    }
  });
});
