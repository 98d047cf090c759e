import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import type { Kysely } from 'kysely';
import { DomainError } from '../domain/errors.ts';
import { reindexLessons } from '../domain/lessons/search-index.ts';
import type { Actor } from '../domain/ports.ts';
import { recordEvent } from '../domain/timeline/record-event.ts';
import {
  archivedColumns,
  describeTables,
  insertRows,
  isEmptyInstall,
  listWorkspaces,
  policyOf,
  readWorkspaceRows,
  rebuildMistakeSearch,
  writeInstallation,
  type ArchiveRow,
  type TableInfo,
} from '../storage/archive.ts';
import { openDatabase } from '../storage/database.ts';
import { createStore } from '../storage/repositories/store.ts';
import type { Services } from './index.ts';

// The workspace archive: one .zip with a JSON file per table (full fidelity, what a restore reads),
// a CSV file per table (for spreadsheets, formula cells neutralised) and a manifest. Reads go
// table by table in keyset pages inside one read transaction, and the zip is streamed out as it
// is compressed, so a big workspace is never held in memory at once.

/** The archive format this version writes and reads. */
export const ARCHIVE_FORMAT = 'makegood-workspace-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

/** The app version written into the manifest. */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** What manifest.json says about the archive. */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  /** The database the archive was exported from (a restore works into either). */
  exportedFrom: 'sqlite' | 'postgres';
  workspace: { id: string; name: string };
  tables: { name: string; about: string; rows: number; columns: string[]; json: string; csv: string; sha256: string }[];
  skipped: { name: string; reason: string }[];
  notes: string[];
}

/** Raised for an archive that cannot be restored; `message` says why in words. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/**
 * A CSV cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return)
 * gets a leading single quote, so it shows as text (OWASP "CSV injection"). JSON keeps the raw value.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows as CSV text (csv-stringify), every string cell neutralised; numbers stay numbers. */
export function csvRows(rows: ArchiveRow[], columns: string[], header: boolean): string {
  return stringify(rows, {
    header,
    columns,
    cast: { string: (value) => neutraliseCell(value) },
  });
}

/** Resolves the workspace to export: by id or name, or the only one of the install. */
export async function pickWorkspace(
  services: Services,
  wanted: string | undefined,
): Promise<{ id: string; name: string }> {
  const all = await listWorkspaces(services.database.db);
  if (all.length === 0) throw new ArchiveError('this install has no workspace to export yet.');
  if (wanted === undefined) {
    if (all.length === 1) return all[0]!;
    throw new ArchiveError(
      `this install has ${all.length} workspaces: pick one with --workspace (${all.map((w) => w.name).join(', ')}).`,
    );
  }
  const key = wanted.trim().toLowerCase();
  const found = all.find((w) => w.id === wanted || w.name.toLowerCase() === key);
  if (!found)
    throw new ArchiveError(`no workspace "${wanted}" (there is ${all.map((w) => `"${w.name}"`).join(', ')}).`);
  return found;
}

const encoder = new TextEncoder();

/**
 * Writes the archive of one workspace to `write` chunk by chunk (the promise of each write is
 * awaited, so a slow file or socket slows the export instead of filling memory). Resolves with the
 * manifest. Everything is read in one read transaction: the archive is one consistent moment.
 */
export async function exportWorkspaceArchive(
  services: Services,
  workspaceId: string,
  write: (chunk: Uint8Array) => Promise<void> | void,
  options: {
    pageSize?: number;
    /** Who exports: the export goes on the workspace timeline as theirs (audit). */
    actor?: Actor;
  } = {},
): Promise<ArchiveManifest> {
  const { db, capabilities } = services.database;
  const pending: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) zipError = error;
    else pending.push(data);
  });
  const flush = async () => {
    while (pending.length > 0) await write(pending.shift()!);
    if (zipError) throw zipError;
  };

  // PostgreSQL: a repeatable-read, read-only snapshot. SQLite: a read-only connection of its own
  // (the transaction's first read fixes its WAL snapshot), so the app's one connection stays free
  // and requests and writes go on between the export's pages instead of waiting for the whole
  // export. (An in-memory database has no second connection: tests read on the app's.)
  const file = services.database.sqliteFile;
  const reader = file && file !== ':memory:' ? openDatabase({ sqliteFile: file, readonly: true }) : null;
  let builder = (reader?.db ?? db).transaction();
  if (capabilities.name === 'postgres')
    builder = builder.setIsolationLevel('repeatable read').setAccessMode('read only');
  const manifest = await builder
    .execute(async (trx) => {
      const tables = await describeTables(trx, capabilities.name);
      const workspaceRow =
        (await trx.selectFrom('workspaces').select(['id', 'name']).where('id', '=', workspaceId).executeTakeFirst()) ??
        null;
      if (!workspaceRow) throw new DomainError('workspace_not_found', 'No such workspace.');
      const out: ArchiveManifest = {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        appVersion: APP_VERSION,
        createdAt: services.deps.clock.now().toISOString(),
        exportedFrom: capabilities.name,
        workspace: { id: workspaceRow.id, name: workspaceRow.name },
        tables: [],
        skipped: [],
        notes: [
          'json/<table>.json: every row of the table, values as stored (timestamps ISO-8601 UTC); what `makegood restore-archive` reads.',
          'csv/<table>.csv: the same rows for spreadsheets; text cells starting with = + - @, a tab or a carriage return are prefixed with a single quote.',
          'Members are exported without password hashes: after a restore the owner signs in with the password given to the restore, and the others are given new passwords.',
          'Webhook endpoints are exported without their signing secrets: a restore gives each a new secret to hand to its receiver.',
          'Sessions, rate-limit counters and the full-text indexes are not exported (the indexes are rebuilt on restore).',
        ],
      };
      for (const table of tables) {
        const policy = policyOf(table);
        if (policy.kind === 'skip') {
          out.skipped.push({ name: table.name, reason: policy.reason });
          continue;
        }
        const columns = archivedColumns(table);
        const json = `json/${table.name}.json`;
        const csv = `csv/${table.name}.csv`;
        // JSON: one row per line inside one array, so the file is plain JSON and still diffable.
        const hash = createHash('sha256');
        const jsonFile = new ZipDeflate(json, { level: 6 });
        zip.add(jsonFile);
        const push = (file: ZipDeflate, text: string, final = false) => {
          const bytes = encoder.encode(text);
          if (file === jsonFile) hash.update(bytes);
          file.push(bytes, final);
        };
        let rows = 0;
        push(jsonFile, '[');
        for await (const page of readWorkspaceRows(trx, capabilities.name, table, workspaceId, options.pageSize)) {
          push(jsonFile, page.map((r, i) => `${rows + i === 0 ? '' : ','}\n${JSON.stringify(r)}`).join(''));
          rows += page.length;
          await flush();
        }
        push(jsonFile, rows === 0 ? ']\n' : '\n]\n', true);
        await flush();
        // CSV: a second keyset pass over the same snapshot (one file is compressed at a time).
        const csvFile = new ZipDeflate(csv, { level: 6 });
        zip.add(csvFile);
        let header = true;
        for await (const page of readWorkspaceRows(trx, capabilities.name, table, workspaceId, options.pageSize)) {
          push(csvFile, csvRows(page, columns, header));
          header = false;
          await flush();
        }
        push(csvFile, header ? csvRows([], columns, true) : '', true);
        await flush();
        out.tables.push({
          name: table.name,
          about: policy.about,
          rows,
          columns,
          json,
          csv,
          sha256: hash.digest('hex'),
        });
      }
      return out;
    })
    .finally(() => reader?.close());
  const manifestFile = new ZipDeflate('manifest.json', { level: 6 });
  zip.add(manifestFile);
  manifestFile.push(encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
  zip.end();
  await flush();
  if (options.actor) {
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    await recordEvent(services.deps, options.actor, {
      type: 'workspace.exported',
      summary: `Exported everything: ${rows} rows in ${manifest.tables.length} tables`,
      data: { rows, tables: manifest.tables.length, formatVersion: manifest.formatVersion },
    });
  }
  return manifest;
}

/** What a restore did. */
export interface RestoreResult {
  workspace: { id: string; name: string };
  rows: Record<string, number>;
  owner: { id: string; email: string; name: string } | null;
}

function readEntry(zipBytes: Uint8Array, name: string): Uint8Array | null {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes, { filter: (f) => f.name === name });
  } catch (error) {
    throw new ArchiveError(
      `the file is not a readable zip archive (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  return files[name] ?? null;
}

function parseJson(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ArchiveError(
      `${name} in the archive is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

/** Reads and checks manifest.json: the format, its version and the table list. */
export function readManifest(zipBytes: Uint8Array): ArchiveManifest {
  const bytes = readEntry(zipBytes, 'manifest.json');
  if (!bytes) throw new ArchiveError('the archive has no manifest.json: it is not a makegood workspace archive.');
  const manifest = parseJson(bytes, 'manifest.json') as Partial<ArchiveManifest> | null;
  if (!manifest || typeof manifest !== 'object' || manifest.format !== ARCHIVE_FORMAT) {
    throw new ArchiveError('manifest.json does not describe a makegood workspace archive.');
  }
  if (manifest.formatVersion !== ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError(
      `the archive has format version ${String(manifest.formatVersion)}; this makegood (${APP_VERSION}) reads version ${ARCHIVE_FORMAT_VERSION}.`,
    );
  }
  if (!manifest.workspace || typeof manifest.workspace.id !== 'string' || !Array.isArray(manifest.tables)) {
    throw new ArchiveError('manifest.json is missing its workspace or its table list.');
  }
  return manifest as ArchiveManifest;
}

/** A password hash no password verifies: restored members set a new password before they sign in. */
export const NO_PASSWORD = '!restored-without-password';

/**
 * Restores an archive into an empty install, in one transaction (nothing is written if any step
 * fails): every table in reference order with its ids, numbers and timestamps, then the installation
 * row and the full-text indexes. Members come back without passwords; `ownerPassword` (hashed here)
 * becomes the password of the workspace's owner.
 */
export async function restoreWorkspaceArchive(
  services: Services,
  zipBytes: Uint8Array,
  options: { ownerPassword?: string } = {},
): Promise<RestoreResult> {
  const manifest = readManifest(zipBytes);
  const { db, capabilities } = services.database;
  if (!(await isEmptyInstall(db))) {
    throw new ArchiveError(
      'this install already has data: restore an archive only into an empty database (a new data folder or database).',
    );
  }
  // Every table's rows are read and checked before the transaction opens.
  const current = await describeTables(db, capabilities.name);
  const byName = new Map(current.map((t) => [t.name, t]));
  /** One table's rows from the archive, checked (checksum, row count, all of this workspace). */
  const readTable = (entry: ArchiveManifest['tables'][number]): ArchiveRow[] => {
    const table = byName.get(entry.name);
    if (!table)
      throw new ArchiveError(
        `the archive has a table "${entry.name}" this makegood does not know: restore it with makegood ${manifest.appVersion} or later.`,
      );
    const known = new Set(table.columns.map((c) => c.name));
    const unknown = entry.columns.filter((c) => !known.has(c));
    if (unknown.length > 0)
      throw new ArchiveError(
        `${entry.json}: columns ${unknown.join(', ')} are unknown to this makegood: restore it with makegood ${manifest.appVersion} or later.`,
      );
    const bytes = readEntry(zipBytes, entry.json);
    if (!bytes) throw new ArchiveError(`the archive lists ${entry.json} but does not contain it.`);
    if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) {
      throw new ArchiveError(`${entry.json} does not match the checksum in manifest.json: the archive is damaged.`);
    }
    const rows = parseJson(bytes, entry.json);
    if (
      !Array.isArray(rows) ||
      rows.length !== entry.rows ||
      !rows.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))
    ) {
      throw new ArchiveError(`${entry.json} should hold ${entry.rows} rows.`);
    }
    const foreign =
      policyOf(table).kind === 'workspace' && rows.some((r: ArchiveRow) => r['workspace_id'] !== manifest.workspace.id);
    if (foreign) throw new ArchiveError(`${entry.json} has rows of another workspace than ${manifest.workspace.id}.`);
    return rows as ArchiveRow[];
  };
  // Every table is checked before the transaction opens; only the few small tables the restore
  // needs again are kept, the others are read again one at a time while inserting (so memory holds
  // one table, not the archive).
  const keep = new Set(['workspaces', 'users', 'memberships', 'lessons']);
  const loaded = new Map<string, ArchiveRow[]>();
  const entries = new Map(manifest.tables.map((e) => [e.name, e]));
  for (const entry of manifest.tables) {
    const rows = readTable(entry);
    if (keep.has(entry.name)) loaded.set(entry.name, rows);
  }
  const users = loaded.get('users') ?? [];
  const ownerUserId = (loaded.get('memberships') ?? []).find((m) => m['role'] === 'owner')?.['user_id'] ?? null;
  const owner = users.find((u) => u['id'] === ownerUserId) ?? null;
  const ownerHash =
    options.ownerPassword && owner ? await services.deps.crypto.hashPassword(options.ownerPassword) : null;
  const workspaceRow = (loaded.get('workspaces') ?? [])[0];
  if (!workspaceRow || workspaceRow['id'] !== manifest.workspace.id)
    throw new ArchiveError('json/workspaces.json does not hold the workspace of the manifest.');

  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    if (!(await isEmptyInstall(trx))) throw new ArchiveError('this install already has data.');
    for (const table of current) {
      const entry = entries.get(table.name);
      if (!entry) continue;
      const rows = loaded.get(table.name) ?? readTable(entry);
      const fill: Record<string, (row: ArchiveRow) => string> = {
        ...(table.name === 'users' && {
          password_hash: (u: ArchiveRow) => (u['id'] === ownerUserId && ownerHash ? ownerHash : NO_PASSWORD),
        }),
        // A new Standard Webhooks secret per endpoint: receivers reject its signatures until the
        // admin gives them the new secret (Settings → Webhooks shows how to rotate and copy it).
        ...(table.name === 'webhook_endpoints' && { secret: () => `whsec_${randomBytes(24).toString('base64')}` }),
        // A satisfaction link's hash is not exported: a value no SHA-256 hex can equal, so the old link stays dead.
        ...(table.name === 'satisfaction_requests' && {
          token_hash: () => `restored:${randomBytes(16).toString('hex')}`,
        }),
      };
      const values = rows.map((row) => {
        const out: ArchiveRow = { ...row };
        for (const [column, make] of Object.entries(fill)) out[column] = make(row);
        return out;
      });
      await insertRows(trx, table.name, values);
      counts[table.name] = rows.length;
    }
    await writeInstallation(trx, manifest.workspace.id, String(workspaceRow['created_at']));
    await rebuildSearch(trx as Kysely<any>, services, manifest.workspace.id, loaded.get('lessons') ?? []);
  });
  return {
    workspace: manifest.workspace,
    rows: counts,
    owner: owner ? { id: String(owner['id']), email: String(owner['email']), name: String(owner['name']) } : null,
  };
}

async function rebuildSearch(
  trx: Kysely<any>,
  services: Services,
  workspaceId: string,
  lessons: ArchiveRow[],
): Promise<void> {
  const { capabilities } = services.database;
  await rebuildMistakeSearch(trx, capabilities.name, workspaceId);
  // The lessons' documents are built by the domain (lesson, mistake, root cause, actions), on a
  // store over this transaction.
  const store = createStore(trx, capabilities);
  for (const mistakeId of new Set(lessons.map((l) => String(l['mistake_id'])))) {
    await reindexLessons(store, workspaceId, mistakeId);
  }
}

/** The tables a database has and the archive's policy for each (for the coverage test). */
export async function archiveCoverage(
  services: Services,
): Promise<{ table: TableInfo; policy: ReturnType<typeof policyOf> }[]> {
  const tables = await describeTables(services.database.db, services.database.capabilities.name);
  return tables.map((table) => ({ table, policy: policyOf(table) }));
}
