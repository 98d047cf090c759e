import type { Finder, Severity } from '../../shared/contract/index.ts';

// Client health: a score from 0 to 100, explained line by line. Pure: the caller loads the facts
// (mistakes and how each recovery went, check-ins, satisfaction answers) and passes `now`.
//
// Every line is a signed whole number of points with its reason, and the lines add up to the
// score exactly: 100, plus the lines, plus one "held at 0" (or "held at 100") line when the sum
// leaves the range. A line about something that happened `age` days ago counts
// round(points × ½^(age / HALF_LIFE_DAYS)); after IGNORE_AFTER_DAYS it no longer counts.
//
// The weights, and why:
// - A mistake costs by severity (minor 6, major 12, critical 20): one critical mistake should move
//   a client from "fine" (≥ 80) toward "watch" on its own; three minor ones together should too
//   (seed 000: a cluster of small mistakes lost the client).
// - Found by the client or a third party costs half as much again: they noticed before we told
//   them, which is what damages trust most (seed 003: "tell them before they find out").
// - The recovery earns some of it back, never all of it: acknowledged within the target +3 (late
//   −3), fix commitment kept +6 (broken −8: a second broken promise), a remedy given +3.
// - A repeat of an earlier mistake costs 10 more: "make sure they don't happen twice".
// - Check-ins after the fix: done on time +4, done late +1, skipped −3, overdue −4 (seed 004:
//   "follow through on your commitment").
// - A satisfaction answer (1–5) moves the score by (answer − 3) × 5: 5 → +10, 1 → −10.

/** Days after which a line counts half. */
export const HALF_LIFE_DAYS = 60;
/** Lines older than this no longer count. */
export const IGNORE_AFTER_DAYS = 365;

/** The weights above, as data. */
export const HEALTH_WEIGHTS = {
  severity: { minor: -6, major: -12, critical: -20 } satisfies Record<Severity, number>,
  /** Multiplier on the severity cost when someone else found it first. */
  foundByOthers: 1.5,
  acknowledgedInTime: 3,
  acknowledgedLate: -3,
  fixKept: 6,
  fixBroken: -8,
  remedyGiven: 3,
  repeat: -10,
  checkIn: { on_time: 4, late: 1, skipped: -3, overdue: -4 },
  /** Points per step of a satisfaction answer away from 3. */
  satisfactionStep: 5,
} as const;

/** One mistake of the client, with what its recovery has recorded so far. */
export interface HealthMistake {
  id: string;
  ref: string;
  severity: Severity;
  foundBy: Finder;
  foundAt: string;
  /** When the client was first told, and whether that was within the severity's target. */
  acknowledged: { at: string; withinTarget: boolean } | null;
  /** The fix commitment: kept (done by its due time), broken (missed), or still open / none. */
  fix: { outcome: 'kept' | 'broken'; at: string } | null;
  /** When the first remedy was issued, if any. */
  remedyAt: string | null;
  /** The earlier mistake this one repeats (its ref), if it was marked as a repeat. */
  repeatOf: string | null;
}

export type CheckInOutcome = 'on_time' | 'late' | 'skipped' | 'overdue';

/** A check-in that has an outcome (pending ones do not count yet). */
export interface HealthCheckIn {
  mistakeRef: string;
  outcome: CheckInOutcome;
  /** When it was done or skipped, or fell overdue. */
  at: string;
}

export interface HealthAnswer {
  mistakeRef: string;
  /** 1–5. */
  answer: number;
  answeredAt: string;
}

export interface HealthFacts {
  mistakes: HealthMistake[];
  checkIns: HealthCheckIn[];
  answers: HealthAnswer[];
}

export type HealthLineKind =
  'mistake' | 'acknowledgment' | 'fix' | 'remedy' | 'repeat' | 'check_in' | 'satisfaction' | 'bound';

/** One line of the explanation: signed points, and what earned them. */
export interface HealthLine {
  /** Stable across recomputations (kind + mistake + what), so two scores can be compared. */
  key: string;
  kind: HealthLineKind;
  points: number;
  reason: string;
  mistakeRef: string | null;
}

export interface HealthScore {
  score: number;
  /** Non-zero lines, largest effect first; 100 + their sum = score. */
  lines: HealthLine[];
}

const DAY_MS = 86_400_000;

/** `points` decayed by the age of `at` at `now`; 0 once too old (or not yet happened). */
export function decayed(points: number, at: string, now: Date): number {
  const ageDays = (now.getTime() - Date.parse(at)) / DAY_MS;
  if (ageDays > IGNORE_AFTER_DAYS) return 0;
  // Zero (not minus zero) for a line that decays away, so lines compare and print plainly.
  return Math.round(points * 0.5 ** (Math.max(0, ageDays) / HALF_LIFE_DAYS)) + 0;
}

const finderWords: Record<Finder, string> = {
  us: 'found by us',
  client: 'found by the client',
  third_party: 'found by a third party',
};

/** The client's health at `now`, with the lines that explain it. */
export function scoreClient(facts: HealthFacts, now: Date): HealthScore {
  const w = HEALTH_WEIGHTS;
  const lines: HealthLine[] = [];
  const add = (key: string, kind: HealthLineKind, points: number, reason: string, mistakeRef: string | null) => {
    if (points !== 0) lines.push({ key, kind, points, reason, mistakeRef });
  };
  for (const m of facts.mistakes) {
    const base = w.severity[m.severity] * (m.foundBy === 'us' ? 1 : w.foundByOthers);
    add(
      `mistake:${m.id}`,
      'mistake',
      decayed(base, m.foundAt, now),
      `${m.ref} ${m.severity}, ${finderWords[m.foundBy]}`,
      m.ref,
    );
    if (m.acknowledged) {
      const inTime = m.acknowledged.withinTarget;
      add(
        `ack:${m.id}`,
        'acknowledgment',
        decayed(inTime ? w.acknowledgedInTime : w.acknowledgedLate, m.acknowledged.at, now),
        inTime ? `${m.ref} acknowledged within the target` : `${m.ref} acknowledged late`,
        m.ref,
      );
    }
    if (m.fix) {
      const kept = m.fix.outcome === 'kept';
      add(
        `fix:${m.id}`,
        'fix',
        decayed(kept ? w.fixKept : w.fixBroken, m.fix.at, now),
        kept ? `${m.ref} fix delivered on time` : `${m.ref} fix promise broken`,
        m.ref,
      );
    }
    if (m.remedyAt)
      add(`remedy:${m.id}`, 'remedy', decayed(w.remedyGiven, m.remedyAt, now), `${m.ref} remedy given`, m.ref);
    if (m.repeatOf)
      add(`repeat:${m.id}`, 'repeat', decayed(w.repeat, m.foundAt, now), `${m.ref} repeats ${m.repeatOf}`, m.ref);
  }
  const checkInWords: Record<CheckInOutcome, string> = {
    on_time: 'check-in done on time',
    late: 'check-in done late',
    skipped: 'check-in skipped',
    overdue: 'check-in overdue',
  };
  facts.checkIns.forEach((c, i) => {
    add(
      `check_in:${c.mistakeRef}:${i}`,
      'check_in',
      decayed(w.checkIn[c.outcome], c.at, now),
      `${c.mistakeRef} ${checkInWords[c.outcome]}`,
      c.mistakeRef,
    );
  });
  for (const a of facts.answers) {
    const answer = Math.min(5, Math.max(1, Math.round(a.answer)));
    add(
      `satisfaction:${a.mistakeRef}`,
      'satisfaction',
      decayed((answer - 3) * w.satisfactionStep, a.answeredAt, now),
      `${a.mistakeRef} the client rated the recovery ${answer} of 5`,
      a.mistakeRef,
    );
  }
  const sum = 100 + lines.reduce((total, l) => total + l.points, 0);
  const score = Math.min(100, Math.max(0, sum));
  if (score !== sum) {
    add('bound', 'bound', score - sum, score === 0 ? 'held at 0' : 'held at 100', null);
  }
  lines.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.key.localeCompare(b.key));
  return { score, lines };
}

/** One line of "why it moved": a line that is new, gone or changed between two scores. */
export interface HealthMove {
  key: string;
  reason: string;
  /** Points this line moved the score by. */
  delta: number;
  mistakeRef: string | null;
}

/**
 * Why the score moved from `before` to `after`: the lines that changed, largest first. The deltas
 * add up to `after.score − before.score` (decay that moved a line counts as that line's change).
 */
export function whyItMoved(before: HealthScore, after: HealthScore): { delta: number; moves: HealthMove[] } {
  const old = new Map(before.lines.map((l) => [l.key, l]));
  const moves: HealthMove[] = [];
  for (const line of after.lines) {
    const was = old.get(line.key);
    old.delete(line.key);
    const delta = line.points - (was?.points ?? 0);
    if (delta !== 0) moves.push({ key: line.key, reason: line.reason, delta, mistakeRef: line.mistakeRef });
  }
  for (const gone of old.values()) {
    moves.push({
      key: gone.key,
      reason: `${gone.reason} (no longer counts)`,
      delta: -gone.points,
      mistakeRef: gone.mistakeRef,
    });
  }
  moves.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.key.localeCompare(b.key));
  return { delta: after.score - before.score, moves };
}

/** The score's band, for lists and badges. */
export function healthBand(score: number): 'healthy' | 'watch' | 'at_risk' {
  return score >= 80 ? 'healthy' : score >= 60 ? 'watch' : 'at_risk';
}
