// The real-world apology corpus stays well-formed: every case has the fields the rubric names,
// the verdict is the analyser's decideVerdict of its labels, and the one split covers the corpus.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../../../src/engine/apology/verdict.ts';
import { labelledRules, loadRealApologies, readRealApologyCorpus, REAL_ANTI_PATTERNS } from './index.ts';

const dir = dirname(fileURLToPath(import.meta.url));
const cases = readRealApologyCorpus();
const GENRES = ['maintainer', 'vendor', 'business-reply', 'customer-service', 'incident', 'statement', 'client-mail'];
const COMPONENTS = ['regret', 'explanation', 'responsibility', 'repentance', 'repair', 'forgiveness'] as const;

describe('real-apologies corpus', () => {
  it('holds at least 300 distinct texts, each with a source, genre, kind and boolean labels', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => c.text)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.text.trim(), c.id).not.toBe('');
      expect(c.source, c.id).not.toBe('');
      expect(GENRES, c.id).toContain(c.genre);
      expect(['acknowledgment', 'general'], c.id).toContain(c.kind);
      for (const k of ['isApology', 'compensation', ...COMPONENTS, ...REAL_ANTI_PATTERNS] as const)
        expect(typeof c.labels[k], `${c.id} ${k}`).toBe('boolean');
    }
  });

  it("stores, for every case, the verdict decideVerdict gives on its labels", () => {
    for (const c of cases) {
      const components = Object.fromEntries(COMPONENTS.map((k) => [k, c.labels[k]])) as Record<
        (typeof COMPONENTS)[number],
        boolean
      >;
      expect(c.labels.verdict, c.id).toBe(decideVerdict(components, labelledRules(c.labels), c.labels.compensation));
    }
  });

  it('is split once into disjoint dev and test parts covering it, with at least 100 test texts', () => {
    const { dev, test } = loadRealApologies();
    expect(test.length).toBeGreaterThanOrEqual(100);
    expect(dev.length + test.length).toBe(cases.length);
    const testIds = new Set(test.map((c) => c.id));
    expect(dev.some((c) => testIds.has(c.id))).toBe(false);
  });

  it('gives the blind second coder 110 texts without labels', () => {
    const sample = JSON.parse(readFileSync(join(dir, 'second-coder-sample.json'), 'utf8')) as string[];
    const blind = readFileSync(join(dir, 'texts-only.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(sample).toHaveLength(110);
    expect(blind.map((b) => b.id).sort()).toEqual([...sample].sort());
    for (const b of blind) expect(Object.keys(b).sort()).toEqual(['id', 'kind', 'text']);
  });
});
