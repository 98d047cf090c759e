import type { Command } from 'commander';
import { buildGuard, type Finding, type GuardKnowledge } from '../../engine/index.ts';
import { CliError } from '../cli-error.ts';
import { formatFindings } from '../format-findings.ts';
import { loadGuardContextFile } from '../guard-context.ts';
import { readInput } from '../read-input.ts';

/** Exit status when the guard itself fails (EX_SOFTWARE), so it is never mistaken for findings. */
const GUARD_FAILED = 70;

/** A real calendar date in YYYY-MM-DD form. */
function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

interface CheckOptions {
  context?: string;
  client?: string;
  json?: boolean;
  date?: string;
  attachments?: string;
  local?: boolean;
}

/** `makegood check [FILE|-] (--context FILE | --client NAME)`: the pre-send guard, exit 1 on any error. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      "Check a text before it goes to a client: names, honorifics, facts, other clients' names, dates, placeholders, attachments, spelling and the lessons learned",
    )
    .argument('[file]', 'the text to check (a file, or - for stdin; stdin when piped)')
    .option('--context <file>', 'a JSON file with the client, contacts, facts, vocabulary, other clients and rules')
    .option(
      '-c, --client <name>',
      'check against this client: on the server of `makegood login` (or MAKEGOOD_URL + MAKEGOOD_TOKEN), else in the local database',
    )
    .option('--local', 'with --client: use the local database even when remote credentials are set')
    .option('--date <yyyy-mm-dd>', 'today, for weekday checks of dates without a year (default: today, UTC)')
    .option('--attachments <n>', 'how many files are attached (0 makes "see attached" an error)')
    .option('--json', 'print { findings } as JSON')
    .addHelpText(
      'after',
      `
Context file (JSON):
  { "locale": "en-US",
    "client": { "name": "Serenity Day Spas", "aliases": ["Serenity"] },
    "contacts": [{ "name": "Lynn Carter", "honorific": "Ms", "pronouns": "she/her", "email": "lynn@example.com" }],
    "facts": [{ "kind": "short_code", "value": "55123", "label": "SMS short code" }],
    "vocabulary": ["Handwrytten"],
    "otherClients": ["Blue Harbor Dental"],
    "rules": [{ "kind": "forbidden", "phrase": "per my last email", "message": "Lesson MG-7." }] }

Examples:
  makegood check reply.txt --context serenity.json
  makegood check reply.txt --client "Serenity Day Spas" --attachments 0 --json
  MAKEGOOD_URL=https://makegood.example.com MAKEGOOD_TOKEN=mg_pat_… makegood check reply.txt -c "Serenity Day Spas"

Exit status: 1 when any finding is an error, 0 otherwise, 2 on a usage error
(missing file, invalid context, unknown client, bad --date or --attachments),
4 if the server refuses the token, 69 if the server cannot be reached,
70 if the guard itself fails.`,
    )
    .action(async (file: string | undefined, options: CheckOptions) => {
      if (Boolean(options.context) === Boolean(options.client))
        throw new CliError('give exactly one of --context FILE or --client NAME');
      if (options.date !== undefined && !validDate(options.date))
        throw new CliError(`--date must be a date as YYYY-MM-DD (got "${options.date}")`);
      let attachments: number | undefined;
      if (options.attachments !== undefined) {
        if (!/^\d{1,4}$/.test(options.attachments))
          throw new CliError(`--attachments must be a whole number from 0 (got "${options.attachments}")`);
        attachments = Number(options.attachments);
      }
      const text = await readInput(file);
      if (options.client && !options.local) {
        const { loadConfig } = await import('../../config/config.ts');
        const { loadRemoteCredentials } = await import('../remote.ts');
        const credentials = await loadRemoteCredentials(loadConfig());
        if (credentials) {
          const { checkRemotely } = await import('../remote-check.ts');
          const remote = await checkRemotely(credentials, options.client, text, { date: options.date, attachments });
          if (options.json) process.stdout.write(`${JSON.stringify({ findings: remote })}\n`);
          else process.stdout.write(formatFindings(text, remote, file === undefined || file === '-' ? 'stdin' : file));
          if (remote.some((f) => f.severity === 'error')) process.exitCode = 1;
          return;
        }
      }
      let source: { knowledge: GuardKnowledge; clientId: string };
      if (options.context) source = await loadGuardContextFile(options.context);
      else {
        const { loadClientGuardContext } = await import('../client-guard.ts');
        source = await loadClientGuardContext(options.client!);
      }
      const { loadSpeller } = await import('../../bootstrap/spellers.ts');
      const speller = await loadSpeller(source.knowledge.locale);
      let findings: Finding[];
      try {
        const guard = buildGuard(source.knowledge, { speller });
        findings = guard.check(text, {
          clientId: source.clientId,
          date: options.date ?? new Date().toISOString().slice(0, 10),
          ...(attachments !== undefined && { attachments }),
        });
      } catch (error) {
        // Not "findings with errors" (1) nor a usage error (2): the guard itself failed.
        throw new CliError(`the guard failed: ${(error as Error).message}`, GUARD_FAILED);
      }
      if (options.json) process.stdout.write(`${JSON.stringify({ findings })}\n`);
      else process.stdout.write(formatFindings(text, findings, file === undefined || file === '-' ? 'stdin' : file));
      if (findings.some((f) => f.severity === 'error')) process.exitCode = 1;
    });
}
