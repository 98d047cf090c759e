import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../bootstrap/index.ts';
import { nodeCrypto } from '../bootstrap/system.ts';
import type { DatabaseTarget } from '../storage/database.ts';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { buildApp } from './app.ts';

// Two app instances over one empty database (a SQLite file, or one PostgreSQL database) race
// first-run setup: exactly one 201, every other answer 409 setup_already_done, one workspace.
// Before the installation row, setup was serialised per process only and both instances made one.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sharedTarget(): Promise<DatabaseTarget> {
  if (testDialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'makegood-setup-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return { sqliteFile: join(dir, 'makegood.sqlite') };
  }
  const { target, drop } = await freshDatabase();
  cleanups.push(drop);
  return target;
}

async function instance(target: DatabaseTarget): Promise<{ services: Services; app: FastifyInstance }> {
  const services = await createServices(
    { databaseUrl: undefined, dataDir: '/nonexistent' },
    { crypto: nodeCrypto({ fast: true }) },
    target,
  );
  const app = await buildApp(services);
  cleanups.push(async () => {
    await app.close();
    await services.close();
  });
  return { services, app };
}

describe('first-run setup across instances', () => {
  it('lets exactly one of two instances racing on an empty database create the workspace', async () => {
    const target = await sharedTarget();
    const a = await instance(target);
    const b = await instance(target);
    const attempts = [a, b, a, b, a, b].map((inst, i) =>
      inst.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: {
          workspaceName: `Studio ${i}`,
          ownerName: `Owner ${i}`,
          email: `owner${i}@example.com`,
          password: `Violet-harbour-${i}-lantern-quietly`,
        },
      }),
    );
    const answers = await Promise.all(attempts);
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((x) => x.statusCode === 409)) {
      expect(r.json()).toMatchObject({ error: { code: 'setup_already_done' } });
    }
    expect(await a.services.deps.store.workspaces.count()).toBe(1);
    expect(await b.services.deps.store.workspaces.count()).toBe(1);
  });
});
