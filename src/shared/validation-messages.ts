// Validation messages for people: one place turns a schema issue (zod's code and parameters, as
// fastify-type-provider-zod hands them over) into a sentence like "Title can be at most 200
// characters", instead of zod's "Too big: expected string to have <=200 characters".

/** What the error presenter knows about one failed check. */
export interface SchemaIssue {
  /** Where in the request: "title", "impact.amountMinor", "" for the whole part. */
  path: string;
  /** zod's issue code: too_big, too_small, invalid_type, invalid_value, invalid_format, … */
  code: string;
  /** zod's message (ours when a schema gives one, else zod's default English). */
  message: string;
  /** The issue's parameters: origin, maximum, minimum, inclusive, expected, values, format, keys, input. */
  params?: Record<string, unknown>;
}

/** Field names that do not read well split from camelCase. */
const labels: Record<string, string> = {
  clientId: 'Client',
  contactId: 'Contact',
  ownerId: 'Owner',
  mistakeId: 'Mistake',
  amountMinor: 'Amount',
  rateMinor: 'Hourly rate',
  dueAt: 'Due time',
  happenedAt: 'When it happened',
  foundAt: 'When it was found',
  at: 'When',
  body: 'Text',
  overrideReason: 'Reason to send anyway',
  draftId: 'Draft',
  idempotencyKey: 'Idempotency key',
  fullName: 'Full name',
  preferredName: 'Preferred name',
  url: 'Web address',
  email: 'Email',
};

/** "impact.amountMinor" → "Amount"; "recipients.2" → "Recipients"; "foundBy" → "Found by". */
export function fieldLabel(path: string): string {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/u.test(p));
  const last = parts.at(-1);
  if (!last) return 'The request';
  const known = labels[last];
  if (known) return known;
  const words = last
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const number = (n: unknown): string => (typeof n === 'number' ? n.toLocaleString('en-US') : String(n));

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  bigint: 'a whole number',
};

/** zod's own messages start like this; a message a schema wrote itself ("must be an id") is kept. */
const zodDefault = /^(Invalid|Too big|Too small|Unrecognized key|Expected|Required)/u;

function phrase(issue: SchemaIssue): string {
  const p = issue.params ?? {};
  if (!zodDefault.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big': {
      const max = p['maximum'];
      const over = p['inclusive'] === false;
      if (p['origin'] === 'string') return `can be at most ${number(over ? Number(max) - 1 : max)} characters`;
      if (p['origin'] === 'array' || p['origin'] === 'set') return `can have at most ${number(max)} items`;
      return over ? `must be less than ${number(max)}` : `can be at most ${number(max)}`;
    }
    case 'too_small': {
      const min = p['minimum'];
      const under = p['inclusive'] === false;
      if (p['origin'] === 'string') {
        return Number(min) <= 1 ? 'must not be empty' : `must be at least ${number(min)} characters`;
      }
      if (p['origin'] === 'array' || p['origin'] === 'set') {
        return Number(min) <= 1 ? 'needs at least one item' : `needs at least ${number(min)} items`;
      }
      return under ? `must be more than ${number(min)}` : `must be at least ${number(min)}`;
    }
    case 'invalid_type': {
      if (/received undefined/u.test(issue.message)) return 'is required';
      const expected = typeof p['expected'] === 'string' ? p['expected'] : '';
      return `must be ${typeWords[expected] ?? expected}`;
    }
    case 'invalid_value': {
      const values = Array.isArray(p['values']) ? p['values'].map(String) : [];
      if (values.length === 1) return `must be ${values[0]}`;
      return values.length > 0 && values.length <= 12 ? `must be one of: ${values.join(', ')}` : 'is not an allowed value';
    }
    case 'invalid_format': {
      switch (p['format']) {
        case 'datetime':
          return 'must be a date and time like 2026-03-01T09:00:00Z';
        case 'date':
          return 'must be a date like 2026-03-01';
        case 'email':
          return 'must be an email address';
        case 'url':
          return 'must be a web address like https://example.com';
        default:
          return 'is not in the expected format';
      }
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(p['keys']) ? p['keys'].map(String) : [];
      return `has ${keys.length === 1 ? 'a field' : 'fields'} it does not know: ${keys.join(', ')}`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${number(p['divisor'])}`;
    case 'invalid_union':
      return 'is not valid';
    default:
      return 'is not valid';
  }
}

/** One sentence for people: "Title can be at most 200 characters", "Client is required". */
export function humanIssueMessage(issue: SchemaIssue): string {
  return `${fieldLabel(issue.path)} ${phrase(issue)}`;
}
