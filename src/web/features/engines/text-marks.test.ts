import { describe, expect, it } from 'vitest';
import type { FindingDto } from '../../../shared/contract/index.ts';
import { applyReplacement, mergeFindings, ruleLabel, segmentText } from './text-marks.ts';

const finding = (start: number, end: number, extra: Partial<FindingDto> = {}): FindingDto => ({
  rule: 'spelling',
  severity: 'warning',
  start,
  end,
  message: 'm',
  suggestion: 's',
  ...extra,
});

describe('segmentText', () => {
  it('cuts overlapping findings into pieces that put the text back together exactly', () => {
    const text = 'We are sorry if you were upset.';
    const a = finding(7, 15, { rule: 'conditional_apology' });
    const b = finding(7, 30, { rule: 'feelings_deflection' });
    const segments = segmentText(text, [a, b]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => [s.text, s.covering])).toEqual([
      ['We are ', []],
      ['sorry if', [0, 1]],
      [' you were upset', [1]],
      ['.', []],
    ]);
    expect(segments.find((s) => s.text === 'sorry if')?.endingHere).toEqual([0]);
  });

  it('clamps offsets beyond the text and keeps a zero-width finding as a numbered point', () => {
    const segments = segmentText('Hello', [finding(3, 99), finding(0, 0)]);
    expect(segments.map((s) => s.text).join('')).toBe('Hello');
    expect(segments[0]).toMatchObject({ start: 0, end: 0, endingHere: [1] });
    expect(segments.at(-1)).toMatchObject({ text: 'lo', covering: [0] });
  });
});

describe('applyReplacement', () => {
  it('replaces exactly the span and keeps the rest of the text', () => {
    const text = 'Dear Mr Carter, thanks.';
    expect(applyReplacement(text, text, finding(5, 7, { replacement: 'Ms' }))).toBe('Dear Ms Carter, thanks.');
    expect(applyReplacement(text, text, finding(4, 7, { replacement: '' }))).toBe('Dear Carter, thanks.');
  });

  it('refuses a finding computed for another text, one without a replacement, or one out of bounds', () => {
    const checked = 'Dear Mr Carter';
    expect(applyReplacement('Hi. Dear Mr Carter', checked, finding(5, 7, { replacement: 'Ms' }))).toBeNull();
    expect(applyReplacement(checked, checked, finding(5, 7))).toBeNull();
    expect(applyReplacement(checked, checked, finding(5, 70, { replacement: 'x' }))).toBeNull();
  });
});

describe('mergeFindings', () => {
  it('orders both engines by position then severity and drops exact duplicates', () => {
    const merged = mergeFindings(
      [finding(10, 12, { severity: 'info' }), finding(0, 2)],
      [finding(10, 12, { severity: 'error', rule: 'honorific' }), finding(0, 2)],
    );
    expect(merged.map((f) => [f.source, f.rule, f.start, f.severity])).toEqual([
      ['analyse', 'spelling', 0, 'warning'],
      ['check', 'honorific', 10, 'error'],
      ['analyse', 'spelling', 10, 'info'],
    ]);
    expect(new Set(merged.map((f) => f.key)).size).toBe(3);
  });

  it('names rules in plain words, known or not', () => {
    expect(ruleLabel('other_client')).toBe('Another client’s name');
    expect(ruleLabel('brand_new_rule')).toBe('Brand new rule');
  });
});
