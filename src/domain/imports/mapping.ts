import type { ImportField, ImportMapping } from '../../shared/contract/index.ts';
import { DomainError } from '../errors.ts';

// Which column is which field: a header is matched (case, spaces and punctuation ignored) against
// a small table of the names spreadsheets and CRM exports use; the user's mapping wins over it.

/** Header names each field is recognised by (normalised: lower case, words separated by one space). */
export const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  'client.name': [
    'client',
    'client name',
    'company',
    'company name',
    'organisation',
    'organization',
    'organisation name',
    'organization name',
    'account',
    'account name',
    'business',
    'business name',
    'customer',
    'customer name',
  ],
  'client.aliases': ['aliases', 'alias', 'aka', 'also known as', 'other names', 'trading name', 'trading names'],
  'client.tier': ['tier', 'client tier', 'account tier'],
  'client.status': ['status', 'client status', 'account status'],
  'client.value': ['account value', 'client value', 'annual value', 'yearly value', 'contract value', 'revenue'],
  'client.currency': ['currency', 'value currency'],
  'contact.fullName': ['contact', 'contact name', 'full name', 'name', 'person', 'contact person'],
  'contact.firstName': ['first name', 'firstname', 'given name', 'forename'],
  'contact.lastName': ['last name', 'lastname', 'surname', 'family name'],
  'contact.preferredName': ['preferred name', 'nickname', 'goes by', 'known as'],
  'contact.honorific': ['honorific', 'salutation', 'prefix', 'courtesy title'],
  'contact.pronouns': ['pronouns', 'pronoun'],
  'contact.pronunciation': ['pronunciation', 'phonetic name', 'pronounced'],
  'contact.email': ['email', 'e mail', 'email address', 'e mail address', 'contact email', 'work email', 'mail'],
  'contact.isBilling': ['billing', 'billing contact', 'is billing', 'invoices to'],
  'fact.kind': ['fact kind', 'fact type', 'kind'],
  'fact.value': ['value', 'fact', 'fact value'],
  'fact.label': ['label', 'fact label', 'fact name'],
};

/** A header reduced to lower-case words: "E-Mail Address " → "e mail address". */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const bySynonym = new Map<string, ImportField>(
  Object.entries(HEADER_SYNONYMS).flatMap(([field, names]) => names.map((n) => [n, field as ImportField] as const)),
);

/** The field a header suggests, if any. */
export function proposeField(header: string): ImportField | null {
  return bySynonym.get(normaliseHeader(header)) ?? null;
}

/** How a column is named in a mapping: its header, or `#N` when the header is empty or repeated. */
export function columnKeys(header: string[]): string[] {
  const seen = new Map<string, number>();
  for (const h of header) seen.set(h.toLowerCase(), (seen.get(h.toLowerCase()) ?? 0) + 1);
  return header.map((h, i) => (h === '' || (seen.get(h.toLowerCase()) ?? 0) > 1 ? `#${i + 1}` : h));
}

/** A resolved mapping: the field of each column position (null = not imported). */
export interface ResolvedMapping {
  fields: (ImportField | null)[];
  proposed: (ImportField | null)[];
  /** The same, keyed as a mapping is written. */
  byKey: Record<string, ImportField | 'ignore'>;
}

/**
 * Proposes a field per column (each field taken once, the leftmost column wins), then applies the
 * user's mapping. A mapping key that names no column, or two columns mapped to one field, is a
 * validation error naming `mapping.<key>`.
 */
export function resolveMapping(header: string[], mapping: ImportMapping = {}): ResolvedMapping {
  const keys = columnKeys(header);
  const proposed: (ImportField | null)[] = [];
  const taken = new Set<ImportField>();
  for (const h of header) {
    const field = proposeField(h);
    if (field && !taken.has(field)) {
      taken.add(field);
      proposed.push(field);
    } else proposed.push(null);
  }
  const fields = [...proposed];
  const issues: { field: string; message: string }[] = [];
  for (const [key, field] of Object.entries(mapping)) {
    const position = /^#(\d+)$/.exec(key)
      ? Number(key.slice(1)) - 1
      : keys.findIndex((k) => k.toLowerCase() === key.trim().toLowerCase());
    if (position < 0 || position >= header.length) {
      issues.push({
        field: `mapping.${key}`,
        message: `no column is called "${key}" (the columns are ${keys.join(', ')})`,
      });
      continue;
    }
    if (field !== 'ignore') {
      // The user's choice takes the field away from whichever column had it by proposal.
      const other = fields.indexOf(field);
      if (other !== -1 && other !== position && proposed[other] === field && !(keys[other]! in mapping))
        fields[other] = null;
    }
    fields[position] = field === 'ignore' ? null : field;
  }
  const counted = new Map<ImportField, number>();
  for (const f of fields) if (f) counted.set(f, (counted.get(f) ?? 0) + 1);
  for (const [field, n] of counted) {
    if (n > 1)
      issues.push({ field: 'mapping', message: `${n} columns are mapped to ${field}; map one column to each field` });
  }
  if (issues.length > 0) {
    throw new DomainError('validation_failed', `${issues[0]!.field}: ${issues[0]!.message}`, { issues });
  }
  const byKey: Record<string, ImportField | 'ignore'> = {};
  keys.forEach((k, i) => (byKey[k] = fields[i] ?? 'ignore'));
  return { fields, proposed, byKey };
}
