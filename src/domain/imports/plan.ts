import type { z } from 'zod';
import {
  clientInputSchema,
  clientPatchSchema,
  contactInputSchema,
  contactPatchSchema,
  factInputSchema,
  factKinds,
  honorifics,
  importFieldLabels,
  type Client,
  type ClientPatch,
  type Contact,
  type ContactPatch,
  type Fact,
  type ImportField,
  type ImportRowError,
  type ImportRowStatus,
} from '../../shared/contract/index.ts';

// The import plan: what each row of the file would do to the workspace — add, change or leave a
// client, a contact and a fact — worked out row by row against the workspace as it would be after
// the rows before it. Every field goes through the same contract schemas the create and edit
// routes use; this file only turns spreadsheet cells into their input and issues into words.

/** The workspace's clients, contacts and facts, indexed by their natural keys. */
export interface ImportState {
  clients: Map<string, Client>;
  contactsByClient: Map<string, Contact[]>;
  /** Facts by client id ('' = workspace-wide). */
  factsByClient: Map<string, Fact[]>;
}

/** A client's natural key: its name with case and runs of spaces normalised. */
export function clientKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const textKey = (s: string | null) => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/** Indexes a workspace's records by natural key. */
export function buildState(clients: Client[], contacts: Contact[], facts: Fact[]): ImportState {
  const state: ImportState = { clients: new Map(), contactsByClient: new Map(), factsByClient: new Map() };
  for (const c of clients) if (!state.clients.has(clientKey(c.name))) state.clients.set(clientKey(c.name), c);
  for (const c of contacts) push(state.contactsByClient, c.clientId, c);
  for (const f of facts) push(state.factsByClient, f.clientId ?? '', f);
  return state;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type Op = 'create' | 'update' | 'same';

/** What one valid row does. */
export interface RowPlan {
  row: number;
  status: ImportRowStatus;
  errors: ImportRowError[];
  client?: { op: Op; record: Client; patch: ClientPatch; changed: string[] };
  contact?: { op: Op; record: Contact; patch: ContactPatch; changed: string[] };
  fact?: { op: Op; record: Fact; patch: { value: string; label: string | null } };
}

/** How a row is read: the cell of each mapped field, trimmed. */
export interface RowInput {
  row: number;
  cells: string[];
}

const FACT_KIND_SYNONYMS: Record<string, (typeof factKinds)[number]> = {
  'phone number': 'phone',
  telephone: 'phone',
  tel: 'phone',
  mobile: 'phone',
  'short code': 'short_code',
  shortcode: 'short_code',
  website: 'url',
  link: 'url',
  'web address': 'url',
  'e mail': 'email',
  id: 'identifier',
  number: 'identifier',
};

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'billing']);
const NO = new Set(['no', 'n', 'false', '0', '']);

function enumCell(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function honorificCell(cell: string): string {
  const bare = cell.trim().replace(/\.$/, '');
  if (bare === '') return 'none';
  const match = honorifics.find((h) => h.toLowerCase() === bare.toLowerCase());
  return match ?? bare;
}

function factKindCell(cell: string): string {
  const words = cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  return FACT_KIND_SYNONYMS[words] ?? words.replace(/ /g, '_');
}

function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "$12,000.50" → minor units; null when it is not a plain positive amount. */
export function parseAmountCell(cell: string, currency: string): number | null {
  const cleaned = cell.replace(/[\s,]/g, '').replace(/^[^\d.]{1,3}(?=\d)/, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number((match[1] ?? '0') + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** A cell a spreadsheet would run as a formula (not a signed number or phone number). */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@]/.test(cell) && !/^[+-]?[\d\s().-]+$/.test(cell);
}

/** Reads rows with a resolved mapping and plans them one after another, updating `state` as it goes. */
export class Planner {
  private readonly column = new Map<ImportField, number>();

  constructor(
    private readonly state: ImportState,
    fields: (ImportField | null)[],
    private readonly header: string[],
    private readonly newId: () => string,
    private readonly now: string,
  ) {
    fields.forEach((f, i) => {
      if (f) this.column.set(f, i);
    });
  }

  private cell(row: RowInput, field: ImportField): string {
    const i = this.column.get(field);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  }

  /** The column's header as the file names it (how messages refer to a cell). */
  private label(field: ImportField): string {
    const i = this.column.get(field);
    const header = i === undefined ? '' : (this.header[i] ?? '');
    return header || importFieldLabels[field];
  }

  private errorsFrom(
    row: RowInput,
    issues: z.core.$ZodIssue[],
    fieldOf: Record<string, ImportField>,
  ): ImportRowError[] {
    return issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const field = fieldOf[key] ?? null;
      const label = field ? this.label(field) : key;
      const value = field ? this.cell(row, field) : '';
      return {
        row: row.row,
        field,
        message: `row ${row.row}: ${label}${value ? ` "${value}"` : ''} ${describe(issue)}`,
      };
    });
  }

  /** Plans one row; a valid row's changes are applied to the state, an invalid row changes nothing. */
  plan(row: RowInput): RowPlan {
    const errors: ImportRowError[] = [];
    const fail = (field: ImportField | null, message: string) =>
      errors.push({ row: row.row, field, message: `row ${row.row}: ${message}` });
    const plan: RowPlan = { row: row.row, status: 'unchanged', errors };

    const name = this.cell(row, 'client.name');
    // Client
    let client: Client | undefined;
    if (name) {
      const existing = this.state.clients.get(clientKey(name));
      const candidate: Record<string, unknown> = {};
      const aliases = this.cell(row, 'client.aliases');
      if (aliases)
        candidate.aliases = aliases
          .split(/[;|]/)
          .map((a) => a.trim())
          .filter(Boolean);
      const tier = this.cell(row, 'client.tier');
      if (tier) candidate.tier = enumCell(tier);
      const status = this.cell(row, 'client.status');
      if (status) candidate.status = enumCell(status);
      const amount = this.cell(row, 'client.value');
      const currency = this.cell(row, 'client.currency').toUpperCase();
      if (amount || currency) {
        const cur = currency || existing?.value.currency || 'USD';
        const minor = amount ? parseAmountCell(amount, cur) : (existing?.value.amountMinor ?? 0);
        if (minor === null)
          fail('client.value', `${this.label('client.value')} "${amount}" is not an amount like 12000 or 12000.50`);
        else candidate.value = { amountMinor: minor, currency: cur };
      }
      const fieldOf: Record<string, ImportField> = {
        name: 'client.name',
        aliases: 'client.aliases',
        tier: 'client.tier',
        status: 'client.status',
        value: currency && !amount ? 'client.currency' : 'client.value',
      };
      if (existing) {
        const parsed = clientPatchSchema.safeParse(candidate);
        if (!parsed.success) errors.push(...this.errorsFrom(row, parsed.error.issues, fieldOf));
        else {
          const patch: ClientPatch = {};
          const changed: string[] = [];
          for (const [k, v] of Object.entries(parsed.data)) {
            if (JSON.stringify(v) !== JSON.stringify(existing[k as keyof Client])) {
              (patch as Record<string, unknown>)[k] = v;
              changed.push(k);
            }
          }
          const record = changed.length > 0 ? { ...existing, ...patch, updatedAt: this.now } : existing;
          plan.client = { op: changed.length > 0 ? 'update' : 'same', record, patch, changed };
          client = record;
        }
      } else {
        const parsed = clientInputSchema.safeParse({ name, ...candidate });
        if (!parsed.success) errors.push(...this.errorsFrom(row, parsed.error.issues, fieldOf));
        else {
          const record: Client = { id: this.newId(), ...parsed.data, createdAt: this.now, updatedAt: this.now };
          plan.client = { op: 'create', record, patch: {}, changed: [] };
          client = record;
        }
      }
    }

    // Contact
    const first = this.cell(row, 'contact.firstName');
    const last = this.cell(row, 'contact.lastName');
    const fullName = this.cell(row, 'contact.fullName') || [first, last].filter(Boolean).join(' ');
    const contactCells = {
      fullName,
      preferredName: this.cell(row, 'contact.preferredName'),
      honorific: this.cell(row, 'contact.honorific'),
      pronouns: this.cell(row, 'contact.pronouns'),
      pronunciation: this.cell(row, 'contact.pronunciation'),
      email: this.cell(row, 'contact.email'),
      isBilling: this.cell(row, 'contact.isBilling'),
    };
    if (Object.values(contactCells).some(Boolean)) {
      const candidate: Record<string, unknown> = {};
      for (const k of ['fullName', 'preferredName', 'pronouns', 'pronunciation', 'email'] as const) {
        if (contactCells[k]) candidate[k] = contactCells[k];
      }
      if (contactCells.honorific) candidate.honorific = honorificCell(contactCells.honorific);
      if (contactCells.isBilling) {
        const b = contactCells.isBilling.toLowerCase();
        if (YES.has(b)) candidate.isBilling = true;
        else if (NO.has(b)) candidate.isBilling = false;
        else
          fail('contact.isBilling', `${this.label('contact.isBilling')} "${contactCells.isBilling}" is not yes or no`);
      }
      const fieldOf: Record<string, ImportField> = {
        fullName:
          this.column.has('contact.fullName') || !this.column.has('contact.firstName')
            ? 'contact.fullName'
            : 'contact.firstName',
        preferredName: 'contact.preferredName',
        honorific: 'contact.honorific',
        pronouns: 'contact.pronouns',
        pronunciation: 'contact.pronunciation',
        email: 'contact.email',
        isBilling: 'contact.isBilling',
      };
      if (!name) {
        fail(
          'client.name',
          `the contact ${fullName || contactCells.email} has no client; fill in the client name column`,
        );
      }
      const existing = client ? this.findContact(client.id, contactCells.email, fullName) : undefined;
      if (existing) {
        const parsed = contactPatchSchema.safeParse(candidate);
        if (!parsed.success) errors.push(...this.errorsFrom(row, parsed.error.issues, fieldOf));
        else if (client) {
          const patch: ContactPatch = {};
          const changed: string[] = [];
          for (const [k, v] of Object.entries(parsed.data)) {
            const was = existing[k as keyof Contact];
            // The email is the key, matched without case: a change of case alone is no change.
            const same =
              k === 'email' &&
              typeof v === 'string' &&
              typeof was === 'string' &&
              v.toLowerCase() === was.toLowerCase();
            if (v !== undefined && !same && JSON.stringify(v) !== JSON.stringify(was)) {
              (patch as Record<string, unknown>)[k] = v;
              changed.push(k);
            }
          }
          const record = changed.length > 0 ? { ...existing, ...patch } : existing;
          plan.contact = { op: changed.length > 0 ? 'update' : 'same', record, patch, changed };
        }
      } else {
        if (!fullName && contactCells.email) {
          fail(
            'contact.fullName',
            `the contact ${contactCells.email} has no name; fill in the ${this.label('contact.fullName')} column`,
          );
        }
        const parsed = contactInputSchema.safeParse(candidate);
        if (!parsed.success) {
          errors.push(
            ...this.errorsFrom(
              row,
              parsed.error.issues.filter((i) => fullName || i.path[0] !== 'fullName'),
              fieldOf,
            ),
          );
        } else if (client) {
          const record: Contact = { id: this.newId(), clientId: client.id, ...parsed.data, createdAt: this.now };
          plan.contact = { op: 'create', record, patch: {}, changed: [] };
        }
      }
    }

    // Fact
    const kind = this.cell(row, 'fact.kind');
    const value = this.cell(row, 'fact.value');
    const label = this.cell(row, 'fact.label');
    if (kind || value || label) {
      const parsed = factInputSchema.safeParse({ kind: kind ? factKindCell(kind) : '', value, label });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) =>
          i.path[0] === 'kind' && !kind
            ? { ...i, code: 'too_small' as const, minimum: 1, origin: 'string' as const }
            : i,
        );
        errors.push(
          ...this.errorsFrom(row, issues, {
            kind: 'fact.kind',
            value: 'fact.value',
            label: 'fact.label',
          }),
        );
      } else if (!name || client) {
        const owner = client?.id ?? null;
        const existing = this.findFact(owner, parsed.data.kind, parsed.data.value, parsed.data.label);
        if (existing) {
          // A label found by key keeps its spelling; a fact found by value takes the row's label.
          const patch = { value: parsed.data.value, label: existing.label ?? parsed.data.label };
          const same = existing.value === patch.value && existing.label === patch.label;
          plan.fact = { op: same ? 'same' : 'update', record: same ? existing : { ...existing, ...patch }, patch };
        } else {
          const record: Fact = { id: this.newId(), clientId: owner, ...parsed.data, createdAt: this.now };
          plan.fact = { op: 'create', record, patch: { value: record.value, label: record.label } };
        }
      }
    }

    if (!name && !plan.contact && !plan.fact && errors.length === 0) {
      fail(null, 'the row has no client name, contact or fact to import');
    }
    if (errors.length > 0) {
      return { row: row.row, status: 'invalid', errors };
    }
    this.commit(plan);
    const ops = [plan.client?.op, plan.contact?.op, plan.fact?.op];
    plan.status = ops.includes('create') ? 'new' : ops.includes('update') ? 'changed' : 'unchanged';
    return plan;
  }

  private findContact(clientId: string, email: string, fullName: string): Contact | undefined {
    const contacts = this.state.contactsByClient.get(clientId) ?? [];
    if (email) {
      const byEmail = contacts.find((c) => c.email !== null && c.email.toLowerCase() === email.toLowerCase());
      if (byEmail) return byEmail;
    }
    if (!fullName) return undefined;
    // By name: only a contact without an email of its own (else it is another person of that name).
    return contacts.find((c) => textKey(c.fullName) === textKey(fullName) && (!email || c.email === null));
  }

  private findFact(clientId: string | null, kind: string, value: string, label: string | null): Fact | undefined {
    const facts = (this.state.factsByClient.get(clientId ?? '') ?? []).filter((f) => f.kind === kind);
    if (label) {
      const byLabel = facts.find((f) => f.label !== null && textKey(f.label) === textKey(label));
      if (byLabel) return byLabel;
      return facts.find((f) => f.label === null && textKey(f.value) === textKey(value));
    }
    return facts.find((f) => textKey(f.value) === textKey(value));
  }

  private commit(plan: RowPlan): void {
    if (plan.client) this.state.clients.set(clientKey(plan.client.record.name), plan.client.record);
    if (plan.contact) {
      const list = this.state.contactsByClient.get(plan.contact.record.clientId) ?? [];
      const i = list.findIndex((c) => c.id === plan.contact!.record.id);
      if (i === -1) list.push(plan.contact.record);
      else list[i] = plan.contact.record;
      this.state.contactsByClient.set(plan.contact.record.clientId, list);
    }
    if (plan.fact) {
      const key = plan.fact.record.clientId ?? '';
      const list = this.state.factsByClient.get(key) ?? [];
      const i = list.findIndex((f) => f.id === plan.fact!.record.id);
      if (i === -1) list.push(plan.fact.record);
      else list[i] = plan.fact.record;
      this.state.factsByClient.set(key, list);
    }
  }
}

/** A schema issue in words, after the cell it is about. */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_format') {
    return issue.format === 'email' ? 'is not an email address' : `is not a valid ${issue.format}`;
  }
  if (issue.code === 'invalid_value') return `is not one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'too_big') return `is longer than ${String(issue.maximum)} characters`;
  if (issue.code === 'too_small')
    return issue.origin === 'array' ? `needs at least ${String(issue.minimum)}` : 'is empty';
  return issue.message;
}
