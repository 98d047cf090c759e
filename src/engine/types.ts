/** How serious a finding is: `error` blocks sending, `warning` asks for a look, `info` is advice. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** One explainable observation about a span of text (UTF-16 offsets, `end` exclusive). */
export interface Finding {
  rule: string;
  severity: FindingSeverity;
  start: number;
  end: number;
  message: string;
  suggestion: string;
  /** When set, replacing text[start, end) with this string applies the suggestion in one click. */
  replacement?: string;
  /** For `guard_rule` findings: the id of the workspace rule that produced it. */
  ruleId?: string;
}

/** A half-open range of UTF-16 offsets into the analysed text. */
export interface Span {
  start: number;
  end: number;
}
