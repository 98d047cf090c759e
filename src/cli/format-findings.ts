import type { Finding } from '../engine/index.ts';

/** 1-based line and column of a UTF-16 offset (columns count UTF-16 code units, like most editors' LSP). */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: at - lineStart + 1 };
}

/** Linter-style lines: `line:col  rule  message`, the severity and the suggestion under it. */
export function formatFindings(text: string, findings: readonly Finding[], label = 'input'): string {
  if (findings.length === 0) return `${label}: no findings\n`;
  const rows = [...findings]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((f) => {
      const { line, col } = lineCol(text, f.start);
      return { pos: `${line}:${col}`, f };
    });
  const posWidth = Math.max(...rows.map((r) => r.pos.length));
  const ruleWidth = Math.max(...rows.map((r) => r.f.rule.length));
  const lines: string[] = [];
  for (const { pos, f } of rows) {
    const quoted = text.slice(f.start, f.end).replace(/\s+/g, ' ').slice(0, 60);
    lines.push(
      `${pos.padEnd(posWidth)}  ${f.rule.padEnd(ruleWidth)}  ${f.message}${quoted ? ` ("${quoted}")` : ''} [${f.severity}]`,
    );
    lines.push(`${''.padEnd(posWidth)}  ${''.padEnd(ruleWidth)}  → ${f.suggestion}`);
  }
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  lines.push('');
  lines.push(
    `${label}: ${findings.length} finding${findings.length === 1 ? '' : 's'} (${count('error')} error, ${count('warning')} warning, ${count('info')} info)`,
  );
  return `${lines.join('\n')}\n`;
}
