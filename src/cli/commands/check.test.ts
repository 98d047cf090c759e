import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../bootstrap/index.ts';
import { addContact, createClient } from '../../domain/clients/clients.ts';
import { createWorkspace } from '../../domain/workspaces/workspaces.ts';
import { clientInputSchema, contactInputSchema } from '../../shared/contract/index.ts';
import { root, runCli } from '../fixtures/run-cli.ts';

const context = join(root, 'src/cli/fixtures/serenity-context.json');
let dir: string;
let dataDir: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'makegood-check-'));
  await writeFile(
    file('wrong-honorific.txt'),
    'Dear Mr Carter,\n\nThank you for your order. We will send the final schedule on Friday.\n\nBest regards,\nMarco\n',
  );
  await writeFile(
    file('clean.txt'),
    'Dear Ms Carter,\n\nThank you for your order. We will send the final schedule on Friday.\n\nBest regards,\nMarco\n',
  );
  await writeFile(
    file('attached.txt'),
    'Dear Ms Carter,\n\nPlease see the attached schedule.\n\nBest regards,\nMarco\n',
  );
  await writeFile(file('broken.json'), '{ "client": { "name": "Serenity" ');
  await writeFile(
    file('bad-field.json'),
    JSON.stringify({ client: { name: 'Serenity' }, facts: [{ kind: 'short_code' }] }),
  );
  await writeFile(
    file('bad-rule.json'),
    JSON.stringify({ client: { name: 'Serenity' }, rules: [{ kind: 'pattern', pattern: '(a)\\1', message: 'x' }] }),
  );

  // A local database with one workspace and one client, as `makegood serve` would leave it.
  dataDir = join(dir, 'data');
  const services = await createServices({ databaseUrl: undefined, dataDir });
  try {
    const { workspaceId, userId } = await createWorkspace(services.deps, {
      workspaceName: 'Studio North',
      ownerName: 'Marco',
      email: 'marco@example.com',
      password: 'correct horse battery',
    });
    const actor = { workspaceId, userId, name: 'Marco', role: 'owner' as const };
    const client = await createClient(services.deps, actor, clientInputSchema.parse({ name: 'Serenity Day Spas' }));
    await addContact(
      services.deps,
      actor,
      client.id,
      contactInputSchema.parse({ fullName: 'Lynn Carter', honorific: 'Ms' }),
    );
  } finally {
    await services.close();
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const localEnv = (): Record<string, string | undefined> => ({
  MAKEGOOD_DATA_DIR: dataDir,
  DATABASE_URL: undefined,
  LOG_LEVEL: 'silent',
});

describe('makegood check: usage errors exit 2 with a clear message', () => {
  it('needs exactly one of --context and --client', async () => {
    const neither = await runCli(['check', file('clean.txt')]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('exactly one of --context FILE or --client NAME');
    const both = await runCli(['check', file('clean.txt'), '--context', context, '--client', 'Serenity Day Spas']);
    expect(both.code).toBe(2);
  });
  it('names a missing text file or context file', async () => {
    const text = await runCli(['check', file('nope.txt'), '--context', context]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('nope.txt: no such file');
    const ctx = await runCli(['check', file('clean.txt'), '--context', file('nope.json')]);
    expect(ctx.code).toBe(2);
    expect(ctx.stderr).toContain('context');
    expect(ctx.stderr).toContain('nope.json: no such file');
  });
  it('names the bad field of an invalid context', async () => {
    const broken = await runCli(['check', file('clean.txt'), '--context', file('broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('not valid JSON');
    const field = await runCli(['check', file('clean.txt'), '--context', file('bad-field.json')]);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain('facts[0].value');
  });
  it('rejects a bad --date or --attachments', async () => {
    const date = await runCli(['check', file('clean.txt'), '--context', context, '--date', '2026-13-01']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--date must be a date as YYYY-MM-DD');
    const attachments = await runCli(['check', file('clean.txt'), '--context', context, '--attachments', '-1']);
    expect(attachments.code).toBe(2);
    expect(attachments.stderr).toContain('--attachments must be a whole number');
  });
  it('reports an unknown client of the local database', async () => {
    const { code, stderr } = await runCli(['check', file('clean.txt'), '--client', 'Nobody Ltd'], { env: localEnv() });
    expect(code).toBe(2);
    expect(stderr).toContain('unknown client "Nobody Ltd"');
  });
});

describe('makegood check: findings and exit status (needs the real guard)', () => {
  it('rejects a guard rule pattern RE2 cannot run (a backreference), naming it', async () => {
    const { code, stderr } = await runCli(['check', file('clean.txt'), '--context', file('bad-rule.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('rules[0].pattern');
  });
  it('exits 1 and prints exactly { findings } with an error finding', async () => {
    const { code, stdout } = await runCli(['check', file('wrong-honorific.txt'), '--context', context, '--json']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as {
      findings: { rule: string; severity: string; start: number; end: number; suggestion: string }[];
    };
    expect(Object.keys(out)).toEqual(['findings']);
    const honorific = out.findings.find((f) => f.rule === 'honorific');
    expect(honorific?.severity).toBe('error');
    expect(honorific?.start).toBe(5);
  });
  it('exits 0 on a clean text and says so', async () => {
    const { code, stdout } = await runCli(['check', file('clean.txt'), '--context', context]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\[error\]/);
  });
  it('flags "see the attached" when --attachments is 0', async () => {
    const { stdout } = await runCli([
      'check',
      file('attached.txt'),
      '--context',
      context,
      '--attachments',
      '0',
      '--json',
    ]);
    const out = JSON.parse(stdout) as { findings: { rule: string }[] };
    expect(out.findings.map((f) => f.rule)).toContain('missing_attachment');
  });
  it('checks against a client of the local database with --client', async () => {
    const { code, stdout } = await runCli(['check', '-', '--client', 'Serenity Day Spas'], {
      env: localEnv(),
      input: 'Dear Mr Carter,\n\nThank you for your order.\n',
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^1:6\s+honorific\s+/m);
  });
});
