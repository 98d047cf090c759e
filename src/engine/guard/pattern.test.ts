import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { compilePattern, patternMatches, patternProblem } from './pattern.ts';

describe('guard-rule patterns on RE2', () => {
  it('accepts the nested-repeat attack patterns and compiles them to RE2, not RegExp', () => {
    for (const p of ['(.{0,10}){10}x', '(a?){28}a{32}', '(a+)+$']) {
      expect(patternProblem(p)).toBeNull();
      expect(compilePattern(p)).toBeInstanceOf(RE2JS);
    }
  });
  it('finds the attack patterns over 10 kB of text', () => {
    const text = `${'a'.repeat(5000)} ${'b'.repeat(4990)}x`;
    const nested = patternMatches(compilePattern('(a?){28}a{32}'), text, 1000);
    expect(nested).toHaveLength(83); // 5,000 a's in greedy runs of 60
    expect(nested[0]).toEqual({ start: 0, end: 60 });
    expect(patternMatches(compilePattern('(.{0,10}){10}x'), text, 20)).toEqual([
      { start: text.length - 101, end: text.length },
    ]);
  });
  it('names what RE2 cannot run', () => {
    expect(patternProblem('(a)\\1')).toContain('backreference (\\1)');
    expect(patternProblem('(?<n>a)\\k<n>')).toContain('named backreference');
    expect(patternProblem('a(?=b)')).toContain('lookahead');
    expect(patternProblem('a(?!b)')).toContain('negative lookahead');
    expect(patternProblem('(?<=a)b')).toContain('lookbehind');
    expect(patternProblem('(?<!a)b')).toContain('negative lookbehind');
    expect(patternProblem('[(?=]x')).toBeNull(); // inside a class these are plain characters
    expect(patternProblem('([a-z')).toContain('not a valid regular expression');
    expect(patternProblem('a*')).toContain('empty text');
    expect(patternProblem('  ')).toContain('empty');
    expect(patternProblem('x'.repeat(501))).toContain('500');
  });

  // A small grammar with nested quantifiers over a, b and spaces.
  const atom = fc.constantFrom('a', 'b', ' ', '.', '[ab]', '\\w', '\\s');
  const quant = fc.constantFrom('', '?', '*', '+', '{0,3}', '{2}', '{1,10}');
  const pattern: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.tuple(atom, quant).map(([a, q]) => a + q),
      fc.tuple(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), quant).map(([xs, q]) => `(${xs.join('')})${q}`),
      fc.tuple(tie('node'), tie('node'), quant).map(([x, y, q]) => `(?:${x}|${y})${q}`),
    ),
  })).node;
  const text = (max: number) => fc.stringMatching(new RegExp(`^[ab ]{0,${max}}$`));

  it('never throws on 10 kB texts with random nested-quantifier patterns', () => {
    fc.assert(
      fc.property(
        pattern,
        fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: 10_000, maxLength: 10_000 }),
        (p, t) => {
          if (patternProblem(p) !== null) return;
          const found = patternMatches(compilePattern(p), t, 20);
          for (const m of found) expect(m.end).toBeGreaterThan(m.start);
        },
      ),
      { numRuns: 40 },
    );
  });
  // A linear bound, counted rather than timed: the text goes in as a byte array behind a Proxy
  // that counts every read the engine makes. A backtracking engine re-reads positions without
  // bound (the attack patterns: 2^n); RE2 reads each position a bounded number of times per match.
  function countedMatches(p: string, text: string, max = 20): { reads: number; found: number } {
    let reads = 0;
    const bytes = new Proxy(
      Array.from(text, (c) => c.charCodeAt(0)),
      {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    const m = compilePattern(p).matcher(bytes);
    let found = 0;
    while (found < max && m.find()) found++;
    return { reads, found };
  }
  /** At most this many reads per character of text, per match found (and once more for the last search). */
  const READS_PER_CHAR_PER_MATCH = 4;

  it('reads a 10 kB text a bounded number of times per match: the attack patterns', () => {
    const texts = ['a'.repeat(10_000), `${'a'.repeat(5000)} ${'b'.repeat(4999)}`, 'ab '.repeat(3334).slice(0, 10_000)];
    for (const p of ['(.{0,10}){10}x', '(a?){28}a{32}', '(a+)+$', '(a|aa)*b', '([ab]*)*x']) {
      for (const t of texts) {
        const { reads, found } = countedMatches(p, t);
        expect(reads, `${p} on ${t.slice(0, 12)}…`).toBeGreaterThan(0);
        expect(reads, `${p} on ${t.slice(0, 12)}…`).toBeLessThanOrEqual(
          READS_PER_CHAR_PER_MATCH * t.length * (found + 1),
        );
      }
    }
  });

  it('reads a 10 kB text a bounded number of times per match: random nested-quantifier patterns', () => {
    let worst = 0;
    fc.assert(
      fc.property(
        pattern,
        fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: 10_000, maxLength: 10_000 }),
        (p, t) => {
          if (patternProblem(p) !== null) return;
          const { reads, found } = countedMatches(p, t);
          worst = Math.max(worst, reads / (t.length * (found + 1)));
          expect(reads).toBeLessThanOrEqual(READS_PER_CHAR_PER_MATCH * t.length * (found + 1));
        },
      ),
      { numRuns: 150 },
    );
    expect(worst).toBeGreaterThan(0);
  });

  it('agrees with RegExp on small inputs', () => {
    fc.assert(
      fc.property(pattern, text(12), (p, t) => {
        if (patternProblem(p) !== null) return;
        const js = new RegExp(p, 'g');
        const expected: { start: number; end: number }[] = [];
        for (let m = js.exec(t); m !== null && expected.length < 20; m = js.exec(t)) {
          if (m[0].length === 0) {
            js.lastIndex++;
            continue;
          }
          expected.push({ start: m.index, end: m.index + m[0].length });
        }
        const first = patternMatches(compilePattern(p), t, 1)[0];
        // Both find the leftmost match (the end may differ: RE2 and JS treat empty loop iterations differently).
        expect(first?.start).toBe(expected[0]?.start);
      }),
      { numRuns: 300 },
    );
  });
});
