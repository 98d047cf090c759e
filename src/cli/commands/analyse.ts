import type { Command } from 'commander';
import { APOLOGY_COMPONENTS, analyseApology } from '../../engine/index.ts';
import { CliError } from '../cli-error.ts';
import { formatFindings } from '../format-findings.ts';
import { readInput } from '../read-input.ts';

const KINDS = ['acknowledgment', 'general'] as const;

/** `makegood analyse [FILE|-]`: the apology analyser on a text, linter-style or as JSON. */
export function registerAnalyse(program: Command): void {
  program
    .command('analyse')
    .alias('analyze')
    .description('Analyse an apology: its components, what undermines it, a verdict and a 0–100 score')
    .argument('[file]', 'the text to analyse (a file, or - for stdin; stdin when piped)')
    .option(
      '-k, --kind <kind>',
      `${KINDS.join(' or ')}: an acknowledgment also needs a timeline and a prevention step`,
      'general',
    )
    .option('--json', 'print { verdict, score, components, findings } as JSON')
    .addHelpText(
      'after',
      `
Examples:
  makegood analyse draft.txt
  pbpaste | makegood analyse --kind acknowledgment
  makegood analyse --json reply.txt | jq .verdict

Verdicts: good (regret + responsibility + repair or prevention, no deflection), mixed,
non_apology (no responsibility and a deflection, self focus, or an unrepaired excuse).
Exit status: 0, or 2 on a usage error.`,
    )
    .action(async (file: string | undefined, options: { kind: string; json?: boolean }) => {
      if (!(KINDS as readonly string[]).includes(options.kind))
        throw new CliError(`--kind must be one of ${KINDS.join(', ')} (got "${options.kind}")`);
      const text = await readInput(file);
      const result = analyseApology(text, { kind: options.kind as (typeof KINDS)[number] });
      if (options.json) {
        const { verdict, score, components, findings } = result;
        process.stdout.write(`${JSON.stringify({ verdict, score, components, findings })}\n`);
        return;
      }
      const label = file === undefined || file === '-' ? 'stdin' : file;
      let out = formatFindings(text, result.findings, label);
      out += `verdict: ${result.verdict}   score: ${result.score}/100\n`;
      out += `components: ${APOLOGY_COMPONENTS.map((c) => `${result.components[c] ? '✓' : '✗'} ${c}`).join('  ')}\n`;
      process.stdout.write(out);
    });
}
