// `npm run bench -- --scheduler` (or `npx tsx bench/scheduler-stall.ts [size]`): builds a SQLite
// workspace of `size` mistakes (default 1,000,000) by bulk insert, then runs full scheduler ticks
// while a 50 ms timer loop measures how late each of its callbacks fires. The largest lateness is
// the longest the event loop (and so every request) was blocked. Target: never over 50 ms.
// Mix: 2% open critical/major (half of those owed an update now), the rest minor or fixed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { createServices } from '../src/bootstrap/index.ts';
import { createScheduler } from '../src/bootstrap/scheduler.ts';
import { nodeCrypto, systemClock, timeOrderedIds } from '../src/bootstrap/system.ts';
import { createClient } from '../src/domain/clients/clients.ts';
import type { Mailer } from '../src/domain/messages/ports.ts';
import { createWorkspace } from '../src/domain/workspaces/workspaces.ts';

/** The figures one run prints. */
export interface SchedulerStallResult {
  mistakes: number;
  buildMs: number;
  /** The first tick after start works off the backlog (every due update flagged once). */
  backlogTickMs: number;
  backlogFlagged: number;
  /** A steady-state tick: nothing new is due. */
  steadyTickMs: number;
  /** Largest timer lateness with no tick running (machine noise), during the backlog and steady ticks. */
  idleMaxStallMs: number;
  backlogMaxStallMs: number;
  steadyMaxStallMs: number;
  maxStallMs: number;
  timerSamples: number;
}

/** Builds the workspace, runs two ticks under the timer probe, and returns the figures. */
export async function schedulerStall(size: number): Promise<SchedulerStallResult> {
  const dir = mkdtempSync(join(tmpdir(), 'makegood-stall-'));
  try {
    const file = join(dir, 'makegood.sqlite');
    const mailer: Mailer = { description: 'null', send: async () => {}, close: async () => {} };
    const deps = { clock: systemClock, ids: timeOrderedIds(), crypto: nodeCrypto({ fast: true }), mailer };
    const services = await createServices({ databaseUrl: undefined, dataDir: dir }, deps, { sqliteFile: file });
    const t0 = performance.now();
    const { workspaceId, userId } = await createWorkspace(services.deps, {
      workspaceName: 'Bench Studio',
      ownerName: 'Bench Owner',
      email: 'bench@example.com',
      password: 'correct horse battery staple',
    });
    const actor = { workspaceId, userId, name: 'Bench Owner', role: 'owner' as const };
    const clients: { id: string }[] = [];
    for (let i = 0; i < 200; i++) {
      clients.push(
        await createClient(services.deps, actor, {
          name: `Client ${i}`,
          aliases: [],
          tier: 'standard',
          status: 'active',
          value: { amountMinor: 100_000, currency: 'USD' },
          ownerId: null,
        }),
      );
    }
    // Bulk insert beside the app's connection (WAL): one prepared statement, 50k rows per transaction.
    const raw = new SQLite(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = OFF');
    const insert = raw.prepare(
      `insert into mistakes (id, workspace_id, number, client_id, title, description, category, severity,
        impact_minor, impact_currency, found_by, happened_at, found_at, stage, acknowledged_at, remedied_at,
        fixed_at, learned_at, verified_at, closed_at, owner_id, created_at, updated_at, update_anchor_at)
       values (?, ?, ?, ?, ?, null, 'deliverable_quality', ?, 0, 'USD', 'us', null, ?, ?, ?, null, ?, null, null, null, null, ?, ?, ?)`,
    );
    const now = Date.now();
    const many = raw.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const foundAt = new Date(now - (i % 8760) * 3_600_000 - 3_600_000).toISOString();
        const open = i % 50 === 0; // 2% open critical/major
        const dueNow = open && i % 100 === 0; // half of them found > 24 h ago with no update since
        const anchor = open ? (dueNow ? foundAt : new Date(now - 3_600_000).toISOString()) : null;
        const severity = open ? (i % 3 === 0 ? 'critical' : 'major') : i % 2 ? 'minor' : 'major';
        const fixedAt = open || severity === 'minor' ? null : foundAt;
        const client = clients[i % clients.length]!;
        insert.run(
          `bench-${String(i).padStart(8, '0')}`,
          workspaceId,
          i + 1_000,
          client.id,
          `Bench mistake ${i}`,
          severity,
          dueNow ? foundAt : open ? new Date(now - 3_600_000).toISOString() : foundAt,
          fixedAt ? 'fixed' : 'found',
          open ? null : foundAt,
          fixedAt,
          foundAt,
          foundAt,
          anchor,
        );
      }
    });
    for (let from = 0; from < size; from += 50_000) many(from, Math.min(size, from + 50_000));
    raw.exec(`update workspaces set mistake_seq = ${size + 1_000} where id = '${workspaceId}'`);
    raw.close();
    const buildMs = performance.now() - t0;

    // The probe: a 50 ms timer; lateness = how long past its time each callback ran.
    let maxStallMs = 0;
    let samples = 0;
    let probing = true;
    let expected = performance.now() + 50;
    const probe = () => {
      const t = performance.now();
      maxStallMs = Math.max(maxStallMs, t - expected);
      samples++;
      expected = t + 50;
      if (probing) setTimeout(probe, 50);
    };
    const scheduler = createScheduler(services.deps, services.mailer, { claimant: 'bench', firstTickMs: 1e9 });
    // What `serve` does at boot (start-up warm-up), without its own timer tick: the ticks are run below.
    scheduler.start();
    await scheduler.stop();
    // Idle baseline first: how late a 50 ms timer fires on this machine with no tick running.
    setTimeout(probe, 50);
    await new Promise((r) => setTimeout(r, 2_000));
    const idleMaxStallMs = maxStallMs;
    maxStallMs = 0;
    const b0 = performance.now();
    const backlog = await scheduler.runDue();
    const b1 = performance.now();
    const backlogMaxStallMs = maxStallMs;
    maxStallMs = 0;
    await scheduler.runDue();
    const b2 = performance.now();
    const steadyMaxStallMs = maxStallMs;
    probing = false;
    await new Promise((r) => setTimeout(r, 60));
    await services.close();
    if (backlog.errors.length > 0) throw new Error(backlog.errors.join('; '));
    return {
      mistakes: size,
      buildMs: Math.round(buildMs),
      backlogTickMs: Math.round(b1 - b0),
      backlogFlagged: backlog.updatesDue,
      steadyTickMs: Math.round(b2 - b1),
      idleMaxStallMs: Math.round(idleMaxStallMs * 10) / 10,
      backlogMaxStallMs: Math.round(backlogMaxStallMs * 10) / 10,
      steadyMaxStallMs: Math.round(steadyMaxStallMs * 10) / 10,
      maxStallMs: Math.round(Math.max(backlogMaxStallMs, steadyMaxStallMs) * 10) / 10,
      timerSamples: samples,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const result = await schedulerStall(size);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
