import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../bootstrap/index.ts';
import { createClient } from '../../domain/clients/clients.ts';
import { acceptCheck, createLesson } from '../../domain/lessons/lessons.ts';
import { logMistake } from '../../domain/mistakes/mistakes.ts';
import { createWorkspace } from '../../domain/workspaces/workspaces.ts';
import { clientInputSchema, lessonInputSchema, mistakeInputSchema } from '../../shared/contract/index.ts';
import { runCli } from '../fixtures/run-cli.ts';

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'makegood-lessons-'));
  env = { MAKEGOOD_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  const services = await createServices({ databaseUrl: undefined, dataDir: env.MAKEGOOD_DATA_DIR! });
  try {
    const { workspaceId, userId } = await createWorkspace(services.deps, {
      workspaceName: 'Studio North',
      ownerName: 'Marco',
      email: 'marco@example.com',
      password: 'correct horse battery',
    });
    const actor = { workspaceId, userId, name: 'Marco', role: 'owner' as const };
    const spa = await createClient(services.deps, actor, clientInputSchema.parse({ name: 'Serenity Day Spas' }));
    await createClient(services.deps, actor, clientInputSchema.parse({ name: 'Blue Harbor Dental' }));
    const m = await logMistake(
      services.deps,
      actor,
      mistakeInputSchema.parse({
        clientId: spa.id,
        title: 'Wrong short code on the posters',
        description: 'The posters went to print with 55132 instead of 55123.',
        category: 'wrong_fact',
      }),
    );
    const lesson = await createLesson(
      services.deps,
      actor,
      m.id,
      lessonInputSchema.parse({
        title: 'Check every code against the facts card',
        learned: 'Proofs were approved unchecked.',
      }),
    );
    await acceptCheck(services.deps, actor, lesson.id, {
      kind: 'fact',
      factKind: 'short_code',
      value: '55123',
      label: null,
    });
  } finally {
    await services.close();
  }
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('makegood lessons', () => {
  it('finds a lesson by a word form of its mistake, with its checks', async () => {
    const r = await runCli(['lessons', 'codes'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MG-1  Check every code against the facts card  (Serenity Day Spas)');
    expect(r.stdout).toContain('1 check, caught 0 times');
  });

  it('filters by client and prints JSON', async () => {
    const mine = await runCli(['lessons', '--client', 'Serenity Day Spas', '--json'], { env });
    expect(mine.code).toBe(0);
    expect(JSON.parse(mine.stdout)).toEqual([
      expect.objectContaining({ mistakeRef: 'MG-1', checks: [expect.any(Object)] }),
    ]);
    const theirs = await runCli(['lessons', 'code', '--client', 'Blue Harbor Dental'], { env });
    expect(theirs.code).toBe(0);
    expect(theirs.stdout).toBe('No lessons match "code".\n');
  });

  it('names an unknown client and a bad limit, with a non-zero exit', async () => {
    const client = await runCli(['lessons', '--client', 'Nobody Ltd'], { env });
    expect(client.code).not.toBe(0);
    expect(client.stderr).toContain('unknown client "Nobody Ltd"');
    const limit = await runCli(['lessons', '--limit', 'lots'], { env });
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('limit');
  });
});

describe('makegood log', () => {
  it('shows the earlier mistake it is most like, its lesson, and flags a likely repeat', async () => {
    const r = await runCli(
      ['log', 'Wrong short code on the flyers', '--client', 'Serenity Day Spas', '--category', 'wrong_fact'],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MG-2 logged for Serenity Day Spas');
    expect(r.stdout).toMatch(
      /LIKELY REPEAT MG-1 Wrong short code on the posters \(Serenity Day Spas; .*same client, same category/u,
    );
    expect(r.stdout).toContain('lesson: Check every code against the facts card (caught 0 times)');
  });
});
