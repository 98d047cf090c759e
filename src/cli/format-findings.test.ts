import { describe, expect, it } from 'vitest';
import { formatFindings, lineCol } from './format-findings.ts';

describe('lineCol', () => {
  it('turns UTF-16 offsets into 1-based line and column', () => {
    const text = 'ab\ncd\n\nef';
    expect(lineCol(text, 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol(text, 4)).toEqual({ line: 2, col: 2 });
    expect(lineCol(text, 7)).toEqual({ line: 4, col: 1 });
    expect(lineCol('😀x', 2)).toEqual({ line: 1, col: 3 });
    expect(lineCol('ab', 99)).toEqual({ line: 1, col: 3 });
  });
});

describe('formatFindings', () => {
  it('prints line:col, rule and message, then the suggestion and a summary', () => {
    const text = 'Hello\nDear Mr Carter,';
    const out = formatFindings(
      text,
      [
        {
          rule: 'honorific',
          severity: 'error',
          start: 11,
          end: 13,
          message: 'Lynn Carter is Ms.',
          suggestion: 'Write Ms Carter.',
        },
      ],
      'mail.txt',
    );
    expect(out).toMatch(/^2:6 {2}honorific {2}Lynn Carter is Ms\. \("Mr"\) \[error\]$/m);
    expect(out).toContain('→ Write Ms Carter.');
    expect(out).toContain('mail.txt: 1 finding (1 error, 0 warning, 0 info)');
  });
  it('says so when there is nothing to report', () => {
    expect(formatFindings('fine', [], 'x')).toBe('x: no findings\n');
  });
});
