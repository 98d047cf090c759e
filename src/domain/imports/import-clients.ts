import {
  IMPORT_CHUNK_ROWS,
  type Client,
  type Contact,
  type Fact,
  type ImportMapping,
  type ImportPreview,
  type ImportRowError,
  type ImportSummary,
  type TimelineEvent,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';
import { decodeCsv, parseCsv, textCsv, type CsvTable, type DecodedCsv } from './csv.ts';
import { resolveMapping, type ResolvedMapping } from './mapping.ts';
import { buildState, looksLikeFormula, Planner, type RowPlan } from './plan.ts';

// Importing clients, contacts and facts from CSV: a preview that writes nothing but the upload,
// then the import of the valid rows, IMPORT_CHUNK_ROWS rows per transaction.

/** How long an upload can be named by its previewId. */
const UPLOAD_TTL_MS = 24 * 3_600_000;
const MAX_ERRORS = 1_000;
const PREVIEW_FIRST_ROWS = 20;
const PREVIEW_MAX_ROWS = 200;

/** Where the file comes from: bytes (encoding detected), text, or an earlier preview's upload. */
export type ImportSource =
  | { bytes: Uint8Array; fileName?: string | undefined }
  | { text: string; fileName?: string | undefined }
  | { previewId: string };

interface Loaded {
  previewId: string;
  fileName: string | null;
  decoded: DecodedCsv;
  table: CsvTable;
}

async function load(deps: Deps, actor: Actor, source: ImportSource): Promise<Loaded> {
  if ('previewId' in source) {
    const upload = await deps.store.csvUploads.get(actor.workspaceId, source.previewId);
    if (!upload) {
      throw new DomainError(
        'import_not_found',
        'No such upload in this workspace (uploads are kept for a day); upload the file again.',
        {
          field: 'previewId',
        },
      );
    }
    const decoded = { text: upload.text, encoding: upload.encoding };
    return { previewId: upload.id, fileName: upload.fileName, decoded, table: parseCsv(decoded.text) };
  }
  const decoded = 'bytes' in source ? decodeCsv(source.bytes) : textCsv(source.text);
  // Parsed before it is kept: a malformed file is refused and never stored.
  const table = parseCsv(decoded.text);
  const now = deps.clock.now();
  const previewId = deps.ids.id();
  const fileName = source.fileName?.trim() || null;
  await deps.store.transaction(async (store) => {
    await store.csvUploads.deleteOlderThan(actor.workspaceId, new Date(now.getTime() - UPLOAD_TTL_MS).toISOString());
    await store.csvUploads.save(actor.workspaceId, {
      id: previewId,
      createdBy: actor.userId,
      fileName,
      encoding: decoded.encoding,
      text: decoded.text,
      createdAt: now.toISOString(),
    });
  });
  return { previewId, fileName, decoded, table };
}

async function currentState(deps: Deps, actor: Actor) {
  const [clients, contacts, facts] = await Promise.all([
    deps.store.clients.list(actor.workspaceId, {}),
    deps.store.contacts.listAll(actor.workspaceId),
    deps.store.facts.list(actor.workspaceId),
  ]);
  return buildState(clients, contacts, facts);
}

type Counts = ImportSummary['counts'];
type Entities = ImportSummary['entities'];

/** Counts rows by status and distinct records by what happens to them (created beats changed beats unchanged). */
function tally(plans: RowPlan[]): { counts: Counts; entities: Entities } {
  const counts: Counts = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  const strongest = {
    clients: new Map<string, string>(),
    contacts: new Map<string, string>(),
    facts: new Map<string, string>(),
  };
  const rank = { create: 3, update: 2, same: 1 } as const;
  for (const p of plans) {
    counts[p.status]++;
    for (const [kind, part] of [
      ['clients', p.client],
      ['contacts', p.contact],
      ['facts', p.fact],
    ] as const) {
      if (!part) continue;
      const seen = strongest[kind].get(part.record.id);
      if (!seen || rank[part.op] > rank[seen as keyof typeof rank]) strongest[kind].set(part.record.id, part.op);
    }
  }
  const entity = (m: Map<string, string>) => {
    const e = { new: 0, changed: 0, unchanged: 0 };
    for (const op of m.values()) e[op === 'create' ? 'new' : op === 'update' ? 'changed' : 'unchanged']++;
    return e;
  };
  return {
    counts,
    entities: {
      clients: entity(strongest.clients),
      contacts: entity(strongest.contacts),
      facts: entity(strongest.facts),
    },
  };
}

function errorsOf(plans: RowPlan[]): { errors: ImportRowError[]; errorsTruncated: boolean } {
  const errors: ImportRowError[] = [];
  let truncated = false;
  for (const p of plans) {
    for (const e of p.errors) {
      if (errors.length < MAX_ERRORS) errors.push(e);
      else truncated = true;
    }
  }
  return { errors, errorsTruncated: truncated };
}

const encodingNotice: Partial<Record<DecodedCsv['encoding'], string>> = {
  'windows-1252':
    'The file is not valid UTF-8, so it was read as Windows-1252 (what Excel saves as "CSV"). Check that names with accents look right below; if not, save the file as "CSV UTF-8" and upload it again.',
  'utf-16le': 'The file is UTF-16 (little-endian); it was read as such.',
  'utf-16be': 'The file is UTF-16 (big-endian); it was read as such.',
};

/** Reads the file and says what importing it would do; writes nothing but the upload (kept a day). */
export async function previewImport(
  deps: Deps,
  actor: Actor,
  source: ImportSource,
  mapping?: ImportMapping,
): Promise<ImportPreview> {
  requireRole(actor, 'member');
  const loaded = await load(deps, actor, source);
  const { table } = loaded;
  const resolved = resolveMapping(table.header, mapping);
  let placeholder = 0;
  const planner = new Planner(
    await currentState(deps, actor),
    resolved.fields,
    table.header,
    () => `new-${++placeholder}`,
    deps.clock.now().toISOString(),
  );
  const plans = table.rows.map((r) => planner.plan(r));
  let formulaCells = 0;
  for (const r of table.rows) for (const c of r.cells) if (looksLikeFormula(c.trim())) formulaCells++;
  const notices: string[] = [];
  const notice = encodingNotice[loaded.decoded.encoding];
  if (notice) notices.push(notice);
  if (formulaCells > 0) {
    notices.push(
      `${formulaCells} cell${formulaCells === 1 ? '' : 's'} start${formulaCells === 1 ? 's' : ''} with =, +, - or @ like a spreadsheet formula; ${formulaCells === 1 ? 'it is' : 'they are'} imported as plain text and never run.`,
    );
  }
  if (!resolved.fields.includes('client.name') && !resolved.fields.includes('fact.value')) {
    notices.push('No column is mapped to the client name: choose which column holds it.');
  }
  const shown = plans.filter((p, i) => i < PREVIEW_FIRST_ROWS || p.status === 'invalid').slice(0, PREVIEW_MAX_ROWS);
  const cellsByRow = new Map(table.rows.map((r) => [r.row, r.cells]));
  return {
    previewId: loaded.previewId,
    fileName: loaded.fileName,
    encoding: loaded.decoded.encoding,
    delimiter: table.delimiter,
    notices,
    columns: table.header.map((header, i) => ({
      position: i + 1,
      header,
      field: resolved.fields[i] ?? null,
      proposed: resolved.proposed[i] ?? null,
      samples: table.rows
        .slice(0, 3)
        .map((r) => r.cells[i] ?? '')
        .map((c) => (c.length > 80 ? `${c.slice(0, 79)}…` : c)),
    })),
    mapping: resolved.byKey,
    totalRows: table.rows.length,
    ...tally(plans),
    rows: shown.map((p) => ({
      row: p.row,
      status: p.status,
      cells: cellsByRow.get(p.row) ?? [],
      errors: p.errors.map((e) => e.message),
    })),
    ...errorsOf(plans),
    formulaCells,
  };
}

/**
 * Imports the valid rows of a file (or of the rows fromRow..toRow, counted from 1 under the
 * header), IMPORT_CHUNK_ROWS rows per transaction; invalid rows are skipped and reported. Each
 * client touched gets one `client.imported` event per transaction, workspace-wide facts one
 * `facts.imported` event; unchanged rows write nothing, so importing the same file twice changes
 * nothing the second time.
 */
export async function runImport(
  deps: Deps,
  actor: Actor,
  source: ImportSource,
  options: { mapping?: ImportMapping | undefined; fromRow?: number | undefined; toRow?: number | undefined } = {},
): Promise<ImportSummary> {
  requireRole(actor, 'member');
  const loaded = await load(deps, actor, source);
  const { table } = loaded;
  const resolved: ResolvedMapping = resolveMapping(table.header, options.mapping);
  const total = table.rows.length;
  const fromRow = Math.min(options.fromRow ?? 1, total + 1);
  const toRow = Math.min(options.toRow ?? total, total);
  const rows = table.rows.slice(fromRow - 1, toRow);
  const planner = new Planner(
    await currentState(deps, actor),
    resolved.fields,
    table.header,
    () => deps.ids.id(),
    deps.clock.now().toISOString(),
  );
  const plans: RowPlan[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK_ROWS) {
    const chunk = rows.slice(i, i + IMPORT_CHUNK_ROWS).map((r) => planner.plan(r));
    await applyChunk(deps, actor, chunk, loaded.fileName);
    plans.push(...chunk);
  }
  return { previewId: loaded.previewId, fromRow, toRow, totalRows: total, ...tally(plans), ...errorsOf(plans) };
}

interface ClientChanges {
  clientId: string | null;
  name: string;
  created: boolean;
  changed: Set<string>;
  contactsAdded: number;
  contactsUpdated: number;
  factsAdded: number;
  factsUpdated: number;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryOf(c: ClientChanges): string {
  const parts: string[] = [];
  if (c.created) parts.push('client added');
  else if (c.changed.size > 0) parts.push(`client updated: ${[...c.changed].join(', ')}`);
  if (c.contactsAdded) parts.push(`${plural(c.contactsAdded, 'contact')} added`);
  if (c.contactsUpdated) parts.push(`${plural(c.contactsUpdated, 'contact')} updated`);
  if (c.factsAdded) parts.push(`${plural(c.factsAdded, 'fact')} recorded`);
  if (c.factsUpdated) parts.push(`${plural(c.factsUpdated, 'fact')} updated`);
  return `${c.clientId ? c.name : 'Workspace facts'} imported from CSV: ${parts.join(', ')}`;
}

/** Writes one chunk's creates and updates, their events and one guard-version bump, in one transaction. */
async function applyChunk(deps: Deps, actor: Actor, plans: RowPlan[], fileName: string | null): Promise<void> {
  const newClients = new Map<string, Client>();
  const newContacts = new Map<string, Contact>();
  const newFacts = new Map<string, Fact>();
  const clientUpdates = new Map<string, RowPlan['client'] & object>();
  const contactUpdates = new Map<string, RowPlan['contact'] & object>();
  const factUpdates = new Map<string, RowPlan['fact'] & object>();
  const touched = new Map<string, ClientChanges>();
  const touch = (clientId: string | null, name: string) => {
    const key = clientId ?? '';
    let c = touched.get(key);
    if (!c) {
      c = {
        clientId,
        name,
        created: false,
        changed: new Set(),
        contactsAdded: 0,
        contactsUpdated: 0,
        factsAdded: 0,
        factsUpdated: 0,
      };
      touched.set(key, c);
    }
    return c;
  };
  for (const p of plans) {
    if (p.status === 'invalid' || p.status === 'unchanged') continue;
    const client = p.client?.record;
    if (p.client?.op === 'create') {
      newClients.set(p.client.record.id, p.client.record);
      touch(p.client.record.id, p.client.record.name).created = true;
    } else if (p.client?.op === 'update') {
      // A later row for the same client carries every change so far (its record is cumulative).
      const before = clientUpdates.get(p.client.record.id);
      const merged = { ...p.client, patch: { ...before?.patch, ...p.client.patch } };
      if (newClients.has(p.client.record.id)) newClients.set(p.client.record.id, p.client.record);
      else clientUpdates.set(p.client.record.id, merged);
      const t = touch(p.client.record.id, p.client.record.name);
      for (const f of p.client.changed) t.changed.add(f);
    }
    if (p.contact && p.contact.op !== 'same') {
      const id = p.contact.record.id;
      const t = touch(p.contact.record.clientId, client?.name ?? '');
      if (p.contact.op === 'create' || newContacts.has(id)) {
        if (!newContacts.has(id)) t.contactsAdded++;
        newContacts.set(id, p.contact.record);
      } else {
        const before = contactUpdates.get(id);
        if (!before) t.contactsUpdated++;
        contactUpdates.set(id, { ...p.contact, patch: { ...before?.patch, ...p.contact.patch } });
      }
    }
    if (p.fact && p.fact.op !== 'same') {
      const id = p.fact.record.id;
      const t = touch(p.fact.record.clientId, client?.name ?? '');
      if (p.fact.op === 'create' || newFacts.has(id)) {
        if (!newFacts.has(id)) t.factsAdded++;
        newFacts.set(id, p.fact.record);
      } else {
        if (!factUpdates.has(id)) t.factsUpdated++;
        factUpdates.set(id, p.fact);
      }
    }
  }
  if (touched.size === 0) return;
  const at = deps.clock.now().toISOString();
  const by = actor.userId ? { id: actor.userId, name: actor.name } : { id: 'cli', name: actor.name };
  const events: TimelineEvent[] = [...touched.values()].map((c) => ({
    id: deps.ids.id(),
    mistakeId: null,
    clientId: c.clientId,
    type: c.clientId ? 'client.imported' : 'facts.imported',
    summary: summaryOf(c),
    data: {
      fileName,
      created: c.created,
      changed: [...c.changed],
      contactsAdded: c.contactsAdded,
      contactsUpdated: c.contactsUpdated,
      factsAdded: c.factsAdded,
      factsUpdated: c.factsUpdated,
    },
    actor: by,
    at,
  }));
  await deps.store.transaction(async (store) => {
    await store.importWrites.insertClients(actor.workspaceId, [...newClients.values()]);
    for (const [id, u] of clientUpdates) await store.clients.update(actor.workspaceId, id, u.patch, at);
    await store.importWrites.insertContacts(actor.workspaceId, [...newContacts.values()]);
    for (const [id, u] of contactUpdates) await store.contacts.update(actor.workspaceId, id, u.patch);
    await store.importWrites.insertFacts(actor.workspaceId, [...newFacts.values()]);
    for (const [id, u] of factUpdates) await store.importWrites.updateFact(actor.workspaceId, id, u.patch);
    await store.importWrites.appendEvents(actor.workspaceId, events);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
  });
}
