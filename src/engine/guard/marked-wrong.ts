// A near miss of a recorded fact is what the guard exists to stop — unless the text itself says the
// value is the wrong one: "the posters show 55132; the right code is 55123". An acknowledgment must
// be able to name the wrong value next to the right one, so such a fact_mismatch is only `info`.
import type { Finding } from '../types.ts';

/** Words that mark a value as the wrong one in its sentence. */
const MARKERS = ['wrong', 'incorrect', 'incorrectly', 'mistakenly', 'instead of', 'should have been', 'should be', 'not the right', 'typo', 'misprint', 'correct one', 'right one', 'correct code', 'right code', 'correct number', 'right number'];

/** The sentence (or line) of `text` around [start, end). */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?;\n]/u.test(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !/[.!?\n]/u.test(text.charAt(to))) to++;
  // A semicolon joins "shows X; the right one is Y" into one statement, so it does not end it.
  return text.slice(from, to);
}

/**
 * Downgrades to `info` every fact_mismatch whose sentence also holds the recorded value, or marks
 * the value as wrong; everything else is returned as it was.
 */
export function softenMarkedWrong(text: string, findings: Finding[]): Finding[] {
  return findings.map((f) => {
    if (f.rule !== 'fact_mismatch' || f.severity !== 'error') return f;
    const around = sentenceAround(text, f.start, f.end);
    const lower = around.toLowerCase();
    const withRight = f.replacement !== undefined && f.replacement.length > 0 && around.includes(f.replacement);
    if (!withRight && !MARKERS.some((m) => lower.includes(m))) return f;
    return {
      ...f,
      severity: 'info',
      message: `${f.message} The text names it as the wrong value, so it is not blocked.`,
    };
  });
}
