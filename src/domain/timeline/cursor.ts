import { DomainError } from '../errors.ts';

// Opaque keyset cursors: the sort key of the last row of a page, as base64url JSON. Clients pass
// them back unchanged; a cursor that does not decode to the expected shape is a 400 on `cursor`.

export function encodeCursor(values: readonly (string | number)[]): string {
  return btoa(JSON.stringify(values)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function invalid(): DomainError {
  const message = 'is not a cursor this list gave out';
  return new DomainError('validation_failed', `querystring.cursor: ${message}`, {
    field: 'cursor',
    issues: [{ field: 'querystring.cursor', message }],
  });
}

/** Decodes a cursor whose values have the given types (in order). */
export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string,
  types: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  let values: unknown;
  try {
    values = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== types.length) throw invalid();
  types.forEach((type, i) => {
    const v: unknown = values[i];
    if (type === 'number' ? !Number.isSafeInteger(v) : typeof v !== 'string' || v.length > 100) throw invalid();
  });
  return values as { [K in keyof T]: T[K] extends 'number' ? number : string };
}

/** An instant inside a cursor must be one (it is compared against a timestamp column). */
export function cursorInstant(value: string): string {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw invalid();
  return new Date(ms).toISOString();
}
