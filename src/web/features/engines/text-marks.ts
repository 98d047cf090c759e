import type { FindingDto } from '../../../shared/contract/index.ts';

// Pure helpers behind the analysis panel: which engine said what, how findings cut a text into
// marked segments, and the one safe way to apply a suggestion.

/** A finding with the engine that raised it: the apology analyser or the pre-send guard. */
export interface PanelFinding extends FindingDto {
  source: 'analyse' | 'check';
  /** Stable key for lists and ids (source, rule and span). */
  key: string;
}

const severityRank: Record<FindingDto['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Both engines' findings in one list: by position, then severity; exact duplicates dropped. */
export function mergeFindings(analysed: readonly FindingDto[], checked: readonly FindingDto[]): PanelFinding[] {
  const seen = new Set<string>();
  const out: PanelFinding[] = [];
  for (const [source, list] of [
    ['analyse', analysed],
    ['check', checked],
  ] as const) {
    for (const f of list) {
      const dedupe = `${f.rule}:${f.start}:${f.end}:${f.message}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      out.push({ ...f, source, key: `${source}-${f.rule}-${f.start}-${f.end}-${out.length}` });
    }
  }
  return out.sort((a, b) => a.start - b.start || severityRank[a.severity] - severityRank[b.severity] || a.end - b.end);
}

/** The most serious severity among findings (null when there are none). */
export function worstSeverity(findings: readonly FindingDto[]): FindingDto['severity'] | null {
  let worst: FindingDto['severity'] | null = null;
  for (const f of findings) if (worst === null || severityRank[f.severity] < severityRank[worst]) worst = f.severity;
  return worst;
}

/** A run of text and the findings (by index into the list) that cover it. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  covering: number[];
  /** Findings (by index) that end exactly here: their number is shown after the segment. */
  endingHere: number[];
}

/** A finding's span clamped to the text (offsets come from the server and are UTF-16 code units). */
function clampSpan(f: FindingDto, length: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(length, f.start));
  return { start, end: Math.max(start, Math.min(length, f.end)) };
}

/** Cuts `text` at every finding boundary, so each piece is covered by the same set of findings. */
export function segmentText(text: string, findings: readonly FindingDto[]): Segment[] {
  const spans = findings.map((f) => clampSpan(f, text.length));
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  // A zero-width finding (an insertion point) gets its number where it sits, after the piece before it.
  const endingAt = (pos: number) => spans.flatMap((s, i) => (s.end === pos ? [i] : []));
  const atZero = endingAt(0);
  if (atZero.length > 0 || text.length === 0)
    segments.push({ start: 0, end: 0, text: '', covering: [], endingHere: atZero });
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k]!;
    const end = points[k + 1]!;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      covering: spans.flatMap((s, i) => (s.start <= start && s.end >= end && s.end > s.start ? [i] : [])),
      endingHere: endingAt(end),
    });
  }
  return segments;
}

/**
 * Applies a finding's replacement to `current`, or returns null when it cannot be done safely: the
 * finding has no replacement, or it was computed for another text (`checkedText`) — offsets of a
 * stale finding would cut the wrong characters, so the caller must wait for the next check.
 */
export function applyReplacement(current: string, checkedText: string, finding: FindingDto): string | null {
  if (finding.replacement === undefined) return null;
  if (current !== checkedText) return null;
  if (finding.start < 0 || finding.end < finding.start || finding.end > current.length) return null;
  return current.slice(0, finding.start) + finding.replacement + current.slice(finding.end);
}

/**
 * Applies every finding that has a replacement, in one go, to the text they were computed for
 * (null when `current` is not that text). Overlapping findings keep the first one by position, so
 * no replacement cuts into another's span; the result is checked again like any edit.
 */
export function applyAllReplacements(
  current: string,
  checkedText: string,
  findings: readonly FindingDto[],
): { text: string; applied: number } | null {
  if (current !== checkedText) return null;
  const usable = findings
    .filter((f) => f.replacement !== undefined && f.start >= 0 && f.end >= f.start && f.end <= current.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: FindingDto[] = [];
  let until = -1;
  for (const f of usable) {
    if (f.start < until) continue;
    chosen.push(f);
    until = Math.max(until, f.end);
  }
  let text = current;
  // From the end, so the offsets of the ones before stay right.
  for (const f of [...chosen].reverse()) text = text.slice(0, f.start) + (f.replacement ?? '') + text.slice(f.end);
  return { text, applied: chosen.length };
}

/**
 * What a dismissal remembers: the rule and the words it was about ("honorific" on "Ms Carter"), so
 * the same finding stays dismissed when the text around it is edited and its offsets move.
 */
export function dismissalKey(finding: Pick<FindingDto, 'rule' | 'start' | 'end'>, text: string): string {
  return `${finding.rule}\u0000${text.slice(finding.start, finding.end).trim().toLowerCase()}`;
}

const ruleLabels: Record<string, string> = {
  conditional_apology: 'Conditional apology',
  feelings_deflection: 'Blames their feelings',
  passive_evasion: 'No one did it (passive voice)',
  blame_shifting: 'Shifts the blame',
  excuse: 'Excuse',
  minimization: 'Plays it down',
  vagueness: 'Vague',
  self_focus: 'About us, not them',
  sorry_but: '“Sorry, but…”',
  arguing: 'Argues',
  groveling: 'Grovels',
  too_long: 'Too long',
  no_timeline: 'No timeline for the fix',
  no_prevention: 'No prevention step',
  unnamed_mistake: 'Never names the mistake',
  spelling: 'Spelling',
  contact_name: 'Contact’s name',
  honorific: 'Honorific',
  fact_mismatch: 'Wrong fact',
  other_client: 'Another client’s name',
  weekday_mismatch: 'Weekday does not match the date',
  placeholder: 'Template leftover',
  missing_attachment: 'Missing attachment',
  confusable: 'Easily confused word',
  guard_rule: 'Guard rule',
};

/** The plain-words name of a finding's rule. */
export function ruleLabel(rule: string): string {
  const known = ruleLabels[rule];
  if (known) return known;
  const words = rule.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
