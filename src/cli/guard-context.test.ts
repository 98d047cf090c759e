import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.ts';
import { CONTEXT_CLIENT_ID, parseGuardContext, toGuardKnowledge } from './guard-context.ts';
import { root } from './fixtures/run-cli.ts';

const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error('expected a CliError');
};

describe('guard context', () => {
  it('turns the issue example into guard knowledge: the client first, other clients after it', async () => {
    const raw = JSON.parse(await readFile(join(root, 'src/cli/fixtures/serenity-context.json'), 'utf8')) as unknown;
    const knowledge = toGuardKnowledge(parseGuardContext(raw, 'ctx'));
    expect(knowledge.locale).toBe('en-US');
    expect(knowledge.clients[0]).toMatchObject({
      id: CONTEXT_CLIENT_ID,
      name: 'Serenity Day Spas',
      aliases: ['Serenity'],
    });
    expect(knowledge.clients[0]!.contacts[0]).toEqual({
      name: 'Lynn Carter',
      honorific: 'Ms',
      pronouns: 'she/her',
      email: 'lynn@example.com',
    });
    expect(knowledge.clients[0]!.facts).toEqual([{ kind: 'short_code', value: '55123', label: 'SMS short code' }]);
    expect(knowledge.clients.slice(1).map((c) => c.name)).toEqual(['Blue Harbor Dental']);
    expect(knowledge.vocabulary).toEqual(['Handwrytten']);
    expect(knowledge.rules.map((r) => r.kind)).toEqual(['forbidden', 'pattern', 'required']);
    expect(knowledge.rules[2]).toMatchObject({ phrase: 'Reply STOP to opt out', when: 'Text KESTREL' });
  });
  it('accepts "ms." for Ms and fills defaults', () => {
    const k = toGuardKnowledge(
      parseGuardContext({ client: { name: 'A' }, contacts: [{ name: 'B C', honorific: 'ms.' }] }, 'ctx'),
    );
    expect(k.clients[0]!.contacts[0]!.honorific).toBe('Ms');
    expect(k.rules).toEqual([]);
  });
  it("carries the workspace's own name and members into the guard's vocabulary", () => {
    const k = toGuardKnowledge(
      parseGuardContext({ client: { name: 'A' }, workspaceName: 'Northwind', members: ['Siobhan Kelly'] }, 'ctx'),
    );
    expect(k.workspaceName).toBe('Northwind');
    expect(k.members).toEqual(['Siobhan Kelly']);
    expect(toGuardKnowledge(parseGuardContext({ client: { name: 'A' } }, 'ctx')).members).toEqual([]);
    expect(message(() => parseGuardContext({ client: { name: 'A' }, workspaceName: ' ' }, 'ctx'))).toContain(
      'workspaceName',
    );
  });
  it('names the bad field', () => {
    expect(message(() => parseGuardContext({}, 'ctx'))).toMatch(/^ctx: client: /);
    expect(message(() => parseGuardContext({ client: { name: '' } }, 'ctx'))).toContain(
      'client.name: must not be empty',
    );
    expect(
      message(() => parseGuardContext({ client: { name: 'A' }, facts: [{ kind: 'shoe_size', value: '9' }] }, 'ctx')),
    ).toContain('facts[0].kind');
    expect(message(() => parseGuardContext({ client: { name: 'A' }, contact: [] }, 'ctx'))).toContain('contact');
    expect(message(() => parseGuardContext({ client: { name: 'A' }, locale: 'fr-FR' }, 'ctx'))).toContain('locale');
  });
});
