import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { fakeClock, sequentialIds } from '../../test/clock.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { createClient } from '../domain/clients/clients.ts';
import { logMistake } from '../domain/mistakes/mistakes.ts';
import type { Actor } from '../domain/ports.ts';
import { exportWorkspaceArchive } from './archive.ts';
import { createServices, type Services } from './index.ts';
import { nodeCrypto } from './system.ts';

// An export reads table by table in one snapshot. It must not hold the app's connection for the
// whole export: a write made while the export is under way has to go through at once (on SQLite
// the export reads on a read-only connection of its own; on PostgreSQL the pool has others). The
// write lands after the snapshot, so the archive does not hold it.

let services: Services;
let cleanup: () => Promise<void>;
let actor: Actor;
let clientId: string;

beforeAll(async () => {
  let target;
  let drop = async () => {};
  let dir: string | null = null;
  if (testDialect === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'makegood-export-'));
    target = { sqliteFile: join(dir, 'makegood.sqlite') };
  } else {
    const fresh = await freshDatabase();
    target = fresh.target;
    drop = fresh.drop;
  }
  services = await createServices(
    { databaseUrl: undefined, dataDir: '/nonexistent' },
    { clock: fakeClock(), ids: sequentialIds(), crypto: nodeCrypto({ fast: true }) },
    target,
  );
  cleanup = async () => {
    await services.close();
    await drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  actor = (await makeWorkspace(services)).actor;
  clientId = (
    await createClient(services.deps, actor, {
      name: 'Serenity Day Spas',
      aliases: [],
      tier: 'key',
      status: 'active',
      value: { amountMinor: 0, currency: 'USD' },
      ownerId: null,
    })
  ).id;
  for (let i = 0; i < 30; i++) {
    await logMistake(services.deps, actor, {
      clientId,
      title: `Earlier mistake ${i}`,
      description: null,
      category: 'other',
      severity: 'minor',
      foundBy: 'us',
      happenedAt: null,
      ownerId: null,
    });
  }
});

afterAll(async () => cleanup());

describe('export beside the running app', () => {
  it('lets a write through while the export is under way, and keeps it out of the archive', async () => {
    const chunks: Uint8Array[] = [];
    let during: string | null = null;
    const manifest = await exportWorkspaceArchive(
      services,
      actor.workspaceId,
      async (chunk) => {
        chunks.push(chunk);
        if (during) return;
        during = 'pending';
        // Holding the app's only connection, the export would make this wait until it ended — and
        // it awaits this write, so it would never end: the timeout turns that into a failure.
        const write = logMistake(services.deps, actor, {
          clientId,
          title: 'Logged during the export',
          description: null,
          category: 'other',
          severity: 'minor',
          foundBy: 'us',
          happenedAt: null,
          ownerId: null,
        });
        const timeout = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the write waited for the export')), 5_000),
        );
        during = (await Promise.race([write, timeout])).title;
      },
      { pageSize: 5 },
    );
    expect(during).toBe('Logged during the export');
    expect(manifest.tables.find((t) => t.name === 'mistakes')?.rows).toBe(30);
    const files = unzipSync(Buffer.concat(chunks));
    const mistakes = strFromU8(files['json/mistakes.json']!);
    expect(mistakes).toContain('Earlier mistake 29');
    expect(mistakes).not.toContain('Logged during the export');
  });
});
