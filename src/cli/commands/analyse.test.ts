import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'makegood-analyse-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('makegood analyse', () => {
  it('prints exactly { verdict, score, components, findings } with --json', async () => {
    const file = join(dir, 'reply.txt');
    await writeFile(file, 'Hi Dana,\n\nSorry if the report was confusing. Mistakes were made.\n');
    const { code, stdout } = await runCli(['analyse', file, '--json', '--kind', 'acknowledgment']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['components', 'findings', 'score', 'verdict']);
    expect(out.verdict).toBe('non_apology');
    const findings = out.findings as { rule: string; start: number; end: number }[];
    expect(findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['conditional_apology', 'passive_evasion', 'no_timeline', 'no_prevention']),
    );
    const text = 'Hi Dana,\n\nSorry if the report was confusing. Mistakes were made.\n';
    const passive = findings.find((f) => f.rule === 'passive_evasion')!;
    expect(text.slice(passive.start, passive.end)).toBe('Mistakes were made');
  });

  it('reads stdin and prints linter-style lines with line:col, the verdict and the components', async () => {
    const { code, stdout } = await runCli(['analyse', '-'], {
      input: 'Thanks for your patience.\nWe apologise if anyone was upset.\n',
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2:4\s+conditional_apology\s+/m);
    expect(stdout).toMatch(/verdict: non_apology\s+score: \d+\/100/);
    expect(stdout).toContain('✗ responsibility');
  });

  it('exits 2 with a clear message for a missing file or a bad --kind', async () => {
    const missing = await runCli(['analyse', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt: no such file');
    const kind = await runCli(['analyse', '-', '--kind', 'letter'], { input: 'Sorry.' });
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind must be one of acknowledgment, general');
  });

  it('has help text that explains the verdicts', async () => {
    const { code, stdout } = await runCli(['analyse', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--kind');
    expect(stdout).toContain('non_apology');
  });
});
