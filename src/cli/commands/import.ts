import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createServices } from '../../bootstrap/index.ts';
import { loadConfig } from '../../config/config.ts';
import { previewImport, runImport } from '../../domain/imports/import-clients.ts';
import type { Actor } from '../../domain/ports.ts';
import {
  IMPORT_MAX_BYTES,
  importFields,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportSummary,
} from '../../shared/contract/index.ts';
import { CliError } from '../cli-error.ts';
import { importArchiveFile } from './archive.ts';

// `makegood import FILE`: clients, contacts and facts from a CSV file into the local database (as
// the workspace's owner, like `makegood log`), or a workspace archive (.zip) handed to the restore.

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Exit code when the file has invalid rows and nothing was imported. */
const INVALID_ROWS = 1;
const SHOWN_ERRORS = 50;

/** Parses `--mapping "Company=client.name,E-mail=contact.email,Notes=ignore"`. */
export function parseMappingOption(text: string): ImportMapping {
  const mapping: ImportMapping = {};
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const at = part.lastIndexOf('=');
    const column = part.slice(0, at).trim();
    const field = part.slice(at + 1).trim();
    if (at <= 0 || !column) throw new CliError(`--mapping: "${part}" is not column=field`);
    if (field !== 'ignore' && !(importFields as readonly string[]).includes(field)) {
      throw new CliError(`--mapping: "${field}" is not a field; use one of ${importFields.join(', ')} or ignore`);
    }
    mapping[column] = field as ImportField | 'ignore';
  }
  return mapping;
}

function counts(c: ImportSummary['counts']): string {
  return `${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.invalid} invalid`;
}

function entities(e: ImportSummary['entities']): string {
  const one = (name: string, x: { new: number; changed: number }) => `${name}: ${x.new} new, ${x.changed} changed`;
  return [one('clients', e.clients), one('contacts', e.contacts), one('facts', e.facts)].join('; ');
}

function previewText(p: ImportPreview): string {
  const lines = [
    `${p.fileName ?? 'file'}: ${p.totalRows} rows (${p.encoding}, delimiter ${JSON.stringify(p.delimiter)})`,
    'Columns:',
    ...p.columns.map((c) => `  ${c.header || `#${c.position}`} → ${c.field ?? 'ignored'}`),
    ...p.notices.map((n) => `Note: ${n}`),
    `Rows: ${counts(p.counts)}`,
    `Records: ${entities(p.entities)}`,
  ];
  if (p.errors.length > 0) {
    lines.push('Errors:', ...p.errors.slice(0, SHOWN_ERRORS).map((e) => `  ${e.message}`));
    const more = p.errors.length - SHOWN_ERRORS + (p.errorsTruncated ? 1 : 0);
    if (more > 0) lines.push(`  …and ${p.errorsTruncated ? 'more than ' : ''}${more} more`);
  }
  return `${lines.join('\n')}\n`;
}

async function pickActor(
  services: Awaited<ReturnType<typeof createServices>>,
  wanted: string | undefined,
): Promise<Actor> {
  const ids = await services.deps.store.workspaces.listIds();
  const all = (await Promise.all(ids.map((id) => services.deps.store.workspaces.get(id)))).filter((w) => w !== null);
  if (all.length === 0)
    throw new CliError('no workspace yet: run `makegood serve` and finish first-run setup in the browser.');
  let workspace = all.length === 1 && wanted === undefined ? all[0] : undefined;
  if (wanted !== undefined) {
    workspace = all.find((w) => w.id === wanted || w.name.toLowerCase() === wanted.trim().toLowerCase());
    if (!workspace)
      throw new CliError(
        `--workspace: no workspace "${wanted}" (there is ${all.map((w) => `"${w.name}"`).join(', ')})`,
        3,
      );
  }
  if (!workspace) {
    throw new CliError(
      `this install has ${all.length} workspaces: pick one with --workspace (${all.map((w) => w.name).join(', ')})`,
    );
  }
  return { workspaceId: workspace.id, userId: null, name: 'makegood CLI', role: 'owner' };
}

async function restoreArchive(path: string, options: { ownerPassword?: string | undefined }): Promise<void> {
  const result = await importArchiveFile(
    path,
    options.ownerPassword === undefined ? {} : { ownerPassword: options.ownerPassword },
  );
  const rows = Object.values(result.rows).reduce((n, r) => n + r, 0);
  process.stdout.write(`Restored "${result.workspace.name}" from the archive: ${rows} rows\n`);
}

/** Registers `makegood import FILE`. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'Import clients, contacts and facts from a CSV file into the local database (or restore an export archive)',
    )
    .argument('<file>', 'a .csv file (UTF-8, UTF-16 with a BOM, or Windows-1252), or a .zip from makegood export')
    .option('--dry-run', 'show the preview (mapping, counts, row errors) and import nothing')
    .option(
      '-m, --mapping <pairs>',
      'column=field pairs, comma-separated (e.g. "Org=client.name,Who=contact.fullName,Notes=ignore"); a column is its header or #N',
    )
    .option('--skip-invalid', 'import the valid rows even when some rows are invalid (they are listed and skipped)')
    .option('-w, --workspace <name-or-id>', 'the workspace (needed when the install has more than one)')
    .option('--owner-password <password>', "for an archive: the restored owner's new password")
    .option('--json', 'print the preview and summary as JSON')
    .addHelpText(
      'after',
      `
Fields: ${importFields.join(', ')}.
Headers are matched to fields case-insensitively ("Company", "Client", "Contact name", "Email",
"Honorific", "Pronouns", "Fact kind", "Value", …); --mapping overrides them.

Natural keys (importing the same file again changes nothing): a client by its name (case and
spaces ignored), a contact within its client by email (else by full name), a fact by its client,
kind and label (else kind and value). An empty cell never clears a stored field. Cells starting
with =, +, - or @ are stored as plain text.

Exit codes: 0 imported (or a clean dry run); 1 some rows are invalid — they are listed and nothing
is imported unless --skip-invalid (then the valid rows are imported and the exit code is 0);
2 the file is unreadable, malformed (the line is named) or the options are wrong.
A file that starts like a zip (PK\\x03\\x04) is a workspace archive: it is restored into this empty
install as makegood restore-archive does.`,
    )
    .action(async (file: string, options: Record<string, string | boolean | undefined>) => {
      const path = resolve(file);
      if (!existsSync(path) || !statSync(path).isFile()) throw new CliError(`there is no file ${path}`);
      if (statSync(path).size > IMPORT_MAX_BYTES) {
        throw new CliError(`${path} is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it into smaller files`);
      }
      const bytes = new Uint8Array(readFileSync(path));
      if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
        await restoreArchive(path, { ownerPassword: options.ownerPassword as string | undefined });
        return;
      }
      const mapping = typeof options.mapping === 'string' ? parseMappingOption(options.mapping) : undefined;
      const services = await createServices(loadConfig());
      try {
        const actor = await pickActor(services, options.workspace as string | undefined);
        const preview = await previewImport(services.deps, actor, { bytes, fileName: file }, mapping);
        const json = options.json === true;
        if (!json) process.stdout.write(previewText(preview));
        const invalid = preview.counts.invalid > 0;
        if (options.dryRun) {
          if (json) process.stdout.write(`${JSON.stringify({ preview })}\n`);
          else process.stdout.write('Dry run: nothing imported.\n');
          process.exitCode = invalid ? INVALID_ROWS : 0;
          return;
        }
        if (invalid && !options.skipInvalid) {
          if (json) process.stdout.write(`${JSON.stringify({ preview, imported: null })}\n`);
          else {
            process.stdout.write(
              `Nothing imported: ${preview.counts.invalid} invalid row${preview.counts.invalid === 1 ? '' : 's'}. Fix ${preview.counts.invalid === 1 ? 'it' : 'them'}, or pass --skip-invalid to import the valid rows.\n`,
            );
          }
          process.exitCode = INVALID_ROWS;
          return;
        }
        const summary = await runImport(services.deps, actor, { previewId: preview.previewId }, { mapping });
        if (json) process.stdout.write(`${JSON.stringify({ preview, imported: summary })}\n`);
        else process.stdout.write(`Imported: ${counts(summary.counts)}\n`);
        process.exitCode = 0;
      } finally {
        await services.close();
      }
    });
}
