import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import type { Command } from 'commander';
import {
  ArchiveError,
  exportWorkspaceArchive,
  pickWorkspace,
  restoreWorkspaceArchive,
  type RestoreResult,
} from '../../bootstrap/archive.ts';
import { BackupError, backupDatabase, restoreBackup } from '../../bootstrap/backup.ts';
import { createServices } from '../../bootstrap/index.ts';
import { loadConfig } from '../../config/config.ts';
import { passwordWeakness } from '../../domain/workspaces/password-policy.ts';
import { passwordSchema } from '../../shared/contract/index.ts';
import { CliError } from '../cli-error.ts';

// `makegood export`, `makegood restore-archive` (the workspace archive: JSON + CSV in a zip) and
// `makegood backup` / `makegood restore` (the whole database, online).

/** Exit code of an archive, backup or restore that was refused (bad file, non-empty target). */
const REFUSED = 6;

function refused(error: unknown): never {
  if (error instanceof ArchiveError || error instanceof BackupError) throw new CliError(error.message, REFUSED);
  throw error;
}

/** Options of importArchiveFile. */
export interface ImportArchiveOptions {
  /** Becomes the restored owner's password (required; the other members come back without one). */
  ownerPassword?: string;
}

/**
 * Restores a workspace archive (.zip from `makegood export` or Settings) into the configured,
 * empty install. Throws CliError with a clear message for a non-empty install, a corrupt or foreign
 * file or a wrong format version; nothing is written then. (`makegood import FILE.zip` calls this.)
 */
export async function importArchiveFile(path: string, options: ImportArchiveOptions = {}): Promise<RestoreResult> {
  const file = resolve(path);
  if (!existsSync(file)) throw new CliError(`there is no file ${file}.`);
  // Archives carry no passwords: without one for the owner nobody could sign in afterwards.
  if (options.ownerPassword === undefined) {
    throw new CliError('give the restored owner a password with --owner-password: archives carry no passwords.');
  }
  const problem = passwordProblem(options.ownerPassword);
  if (problem) throw new CliError(`--owner-password: ${problem}`);
  const services = await createServices(loadConfig());
  try {
    return await restoreWorkspaceArchive(services, new Uint8Array(readFileSync(file)), options);
  } catch (error) {
    return refused(error);
  } finally {
    await services.close();
  }
}

function passwordProblem(password: string): string | null {
  const shape = passwordSchema.safeParse(password);
  if (!shape.success) return shape.error.issues[0]?.message ?? 'not a valid password';
  return passwordWeakness(password);
}

/** Registers export, restore-archive, backup and restore. */
export function registerArchive(program: Command): void {
  program
    .command('export')
    .description(
      'Export everything a workspace has as one .zip of JSON and CSV files (restore it with restore-archive)',
    )
    .option('-w, --workspace <name-or-id>', 'the workspace (needed when the install has more than one)')
    .option('-o, --out <file>', 'where to write the archive (default: makegood-export-<date>.zip)')
    .action(async (options: { workspace?: string; out?: string }) => {
      const services = await createServices(loadConfig());
      /** The file this export created (removed again if the export fails). */
      let written: string | null = null;
      try {
        const workspace = await pickWorkspace(services, options.workspace).catch(refused);
        const out = resolve(options.out ?? `makegood-export-${new Date().toISOString().slice(0, 10)}.zip`);
        if (existsSync(out)) throw new CliError(`${out} already exists: give another --out file.`);
        const stream = createWriteStream(out, { flags: 'wx' });
        written = out;
        const actor = { workspaceId: workspace.id, userId: null, name: 'makegood CLI', role: 'owner' as const };
        const manifest = await exportWorkspaceArchive(
          services,
          workspace.id,
          async (chunk) => {
            if (!stream.write(chunk)) await once(stream, 'drain');
          },
          { actor },
        );
        stream.end();
        await once(stream, 'finish');
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        process.stdout.write(
          `Exported "${workspace.name}": ${rows} rows in ${manifest.tables.length} tables to ${out}\n`,
        );
        written = null;
      } finally {
        if (written) rmSync(written, { force: true }); // a failed export leaves no half-written archive
        await services.close();
      }
    });

  program
    .command('restore-archive')
    .description('Restore a workspace archive into an empty install (same ids, numbers and timestamps)')
    .argument('<file>', 'the .zip written by `makegood export` or Settings → Download everything')
    .requiredOption('--owner-password <password>', "the restored owner's new password (archives carry no passwords)")
    .action(async (file: string, options: { ownerPassword: string }) => {
      const result = await importArchiveFile(file, { ownerPassword: options.ownerPassword });
      const rows = Object.values(result.rows).reduce((n, r) => n + r, 0);
      process.stdout.write(
        `Restored "${result.workspace.name}": ${rows} rows.\n` +
          (result.owner ? `The owner ${result.owner.email} signs in with the password given; ` : '') +
          'every other member needs a new password (Settings → Members: remove and add again, or password reset by email).\n',
      );
    });

  program
    .command('backup')
    .description(
      'Take a consistent online backup of the database while the server runs (SQLite backup API, or pg_dump)',
    )
    .argument('<file>', 'the backup file to write (must not exist)')
    .action(async (file: string) => {
      const result = await backupDatabase(loadConfig(), file).catch(refused);
      const size = `${(result.bytes / 1024).toFixed(0)} KiB`;
      process.stdout.write(
        result.kind === 'sqlite'
          ? `Backed up to ${result.file} (${size}, integrity_check: ${result.integrity ?? '?'})\n`
          : `pg_dump wrote ${result.file} (${size}, custom format: restore with makegood restore or pg_restore)\n`,
      );
    });

  program
    .command('restore')
    .description('Restore a backup into an empty data folder (SQLite) or an empty database (PostgreSQL, pg_restore)')
    .argument('<file>', 'the file written by `makegood backup`')
    .action(async (file: string) => {
      const result = await restoreBackup(loadConfig(), file).catch(refused);
      process.stdout.write(
        `Restored into ${result.into}${result.integrity ? ` (integrity_check: ${result.integrity})` : ''}. Start it with makegood serve.\n`,
      );
    });
}
