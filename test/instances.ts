import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createServices, type Services } from '../src/bootstrap/index.ts';
import { nodeCrypto } from '../src/bootstrap/system.ts';
import type { DatabaseTarget } from '../src/storage/database.ts';
import { fakeClock, sequentialIds, type FakeClock } from './clock.ts';
import { freshDatabase, testDialect } from './database.ts';

/**
 * Several app instances on one database, for exactly-once tests: one SQLite file (or, with
 * MAKEGOOD_TEST_DB=pg, a fresh PostgreSQL database) per test, shared by every instance `start`
 * opens; each instance gets its own id prefix and the one fake clock (reset to `startAt` before each
 * test). Registers its own beforeEach/afterEach: instances are closed and the database dropped.
 */
export function instancesOnOneDatabase(
  name: string,
  startAt = '2026-03-02T09:00:00.000Z',
): { clock: FakeClock; start(prefix: string): Promise<Services> } {
  const clock = fakeClock(startAt);
  const open: Services[] = [];
  let dir = '';
  let target: DatabaseTarget;
  let drop: () => Promise<void> = async () => {};

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), `makegood-${name}-`));
    clock.set(startAt);
    const db =
      testDialect === 'sqlite'
        ? { target: { sqliteFile: join(dir, 'makegood.sqlite') }, drop: async () => {} }
        : await freshDatabase();
    target = db.target;
    drop = db.drop;
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    clock,
    async start(prefix) {
      const services = await createServices(
        { databaseUrl: undefined, dataDir: dir },
        { clock, ids: sequentialIds(prefix), crypto: nodeCrypto({ fast: true }) },
        target,
      );
      open.push(services);
      return services;
    },
  };
}
