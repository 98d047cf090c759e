import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mistakeInputSchema } from '../../shared/contract/index.ts';
import { fieldLabel, humanIssueMessage } from '../../shared/validation-messages.ts';

/** The messages for a value refused by a schema, as the error presenter builds them. */
function messagesFor(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return result.error.issues.map((issue) => {
    const { path, code, message, ...params } = issue;
    return humanIssueMessage({ path: path.join('.'), code, message, params });
  });
}

describe('validation messages for people', () => {
  it('says a title is too long in words, with the limit', () => {
    const messages = messagesFor(mistakeInputSchema, { clientId: 'c1', title: 'x'.repeat(10_000) });
    expect(messages).toEqual(['Title can be at most 200 characters']);
  });

  it('names a missing required field and an empty one', () => {
    expect(messagesFor(mistakeInputSchema, { title: 'Wrong code' })).toEqual(['Client is required']);
    expect(messagesFor(mistakeInputSchema, { clientId: 'c1', title: '  ' })).toEqual(['Title must not be empty']);
  });

  it('lists the allowed values of a choice and words numbers, formats and unknown fields', () => {
    const schema = z.strictObject({
      severity: z.enum(['minor', 'major', 'critical']),
      hours: z.number().int().min(1).max(1000),
      dueAt: z.iso.datetime(),
      email: z.email(),
      tags: z.array(z.string()).max(2),
    });
    const good = { severity: 'minor', hours: 1, dueAt: '2026-03-01T09:00:00Z', email: 'a@b.example', tags: [] };
    expect(messagesFor(schema, { ...good, severity: 'huge' })).toEqual(['Severity must be one of: minor, major, critical']);
    expect(messagesFor(schema, { ...good, hours: 0 })).toEqual(['Hours must be at least 1']);
    expect(messagesFor(schema, { ...good, hours: 2000 })).toEqual(['Hours can be at most 1,000']);
    expect(messagesFor(schema, { ...good, hours: 'two' })).toEqual(['Hours must be a number']);
    expect(messagesFor(schema, { ...good, dueAt: 'tomorrow' })).toEqual([
      'Due time must be a date and time like 2026-03-01T09:00:00Z',
    ]);
    expect(messagesFor(schema, { ...good, email: 'nope' })).toEqual(['Email must be an email address']);
    expect(messagesFor(schema, { ...good, tags: ['a', 'b', 'c'] })).toEqual(['Tags can have at most 2 items']);
    expect(messagesFor(schema, { ...good, colour: 'red' })).toEqual([
      'The request has a field it does not know: colour',
    ]);
  });

  it('keeps a message a schema wrote itself, after the field name', () => {
    const schema = z.object({ clientId: z.string().regex(/^[a-z]+$/u, 'must be an id') });
    expect(messagesFor(schema, { clientId: '!!' })).toEqual(['Client must be an id']);
  });

  it('turns a field path into a label', () => {
    expect(fieldLabel('impact.amountMinor')).toBe('Amount');
    expect(fieldLabel('recipients.2')).toBe('Recipients');
    expect(fieldLabel('foundBy')).toBe('Found by');
    expect(fieldLabel('')).toBe('The request');
  });
});
