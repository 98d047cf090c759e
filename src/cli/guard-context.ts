import { z } from 'zod';
import { validateGuardRule, type FactKind, type GuardKnowledge, type Honorific } from '../engine/index.ts';
import { CliError } from './cli-error.ts';
import { readTextFile } from './read-input.ts';

/** The id the context file's client gets in the guard knowledge. */
export const CONTEXT_CLIENT_ID = 'context-client';

const FACT_KINDS = [
  'phone',
  'short_code',
  'url',
  'email',
  'price',
  'identifier',
  'term',
  'date',
] as const satisfies readonly FactKind[];
const HONORIFICS = ['Mr', 'Ms', 'Mrs', 'Mx', 'Dr', 'none'] as const satisfies readonly Honorific[];

const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** "ms." and "MS" are Ms. */
const honorific = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const bare = v.trim().replace(/\.$/, '').toLowerCase();
  return HONORIFICS.find((h) => h.toLowerCase() === bare) ?? v;
}, z.enum(HONORIFICS));

/** The `--context FILE` JSON (issue 3): the client, its contacts and facts, vocabulary, the workspace's own name and members, other clients, rules. */
export const guardContextSchema = z.strictObject({
  locale: z.enum(['en-US', 'en-GB']).default('en-US'),
  client: z.strictObject({
    name: nonEmpty,
    aliases: z.array(nonEmpty).default([]),
  }),
  contacts: z
    .array(
      z.strictObject({
        name: nonEmpty,
        preferredName: nonEmpty.optional(),
        honorific: honorific.optional(),
        pronouns: z.string().trim().optional(),
        email: z.string().trim().optional(),
      }),
    )
    .default([]),
  facts: z
    .array(z.strictObject({ kind: z.enum(FACT_KINDS), value: nonEmpty, label: z.string().trim().optional() }))
    .default([]),
  vocabulary: z.array(nonEmpty).default([]),
  /** The sending business's own name ("Northwind"): known to the spelling rule. */
  workspaceName: nonEmpty.optional(),
  /** Who writes and signs the mail (the workspace's members): their names are known words. */
  members: z.array(nonEmpty).default([]),
  otherClients: z.array(nonEmpty).default([]),
  rules: z
    .array(
      z.strictObject({
        kind: z.enum(['forbidden', 'pattern', 'required']),
        phrase: nonEmpty.optional(),
        pattern: nonEmpty.optional(),
        when: nonEmpty.optional(),
        message: nonEmpty,
      }),
    )
    .default([]),
});
export type GuardContext = z.infer<typeof guardContextSchema>;

/** `contacts[0].honorific` from a zod issue path. */
function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(top level)';
}

/** Validates a parsed context; throws a CliError naming the first bad field. */
export function parseGuardContext(raw: unknown, label: string): GuardContext {
  const parsed = guardContextSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    throw new CliError(`${label}: ${fieldName(issue.path)}: ${issue.message}${keys}`);
  }
  parsed.data.rules.forEach((rule, i) => {
    const reason = validateGuardRule(rule);
    if (reason)
      throw new CliError(`${label}: rules[${i}].${rule.kind === 'pattern' ? 'pattern' : 'phrase'}: ${reason}`);
  });
  return parsed.data;
}

/** The guard knowledge of a context: its client first (CONTEXT_CLIENT_ID), the other clients after it. */
export function toGuardKnowledge(context: GuardContext): GuardKnowledge {
  return {
    locale: context.locale,
    clients: [
      {
        id: CONTEXT_CLIENT_ID,
        name: context.client.name,
        aliases: context.client.aliases,
        contacts: context.contacts.map((c) => ({
          name: c.name,
          ...(c.preferredName !== undefined && { preferredName: c.preferredName }),
          ...(c.honorific !== undefined && { honorific: c.honorific }),
          ...(c.pronouns !== undefined && { pronouns: c.pronouns }),
          ...(c.email !== undefined && { email: c.email }),
        })),
        facts: context.facts.map((f) => ({
          kind: f.kind,
          value: f.value,
          ...(f.label !== undefined && { label: f.label }),
        })),
      },
      ...context.otherClients.map((name, i) => ({
        id: `other-client-${i + 1}`,
        name,
        aliases: [],
        contacts: [],
        facts: [],
      })),
    ],
    facts: [],
    vocabulary: context.vocabulary,
    ...(context.workspaceName !== undefined && { workspaceName: context.workspaceName }),
    members: context.members,
    rules: context.rules.map((r, i) => ({
      id: `context-rule-${i + 1}`,
      kind: r.kind,
      message: r.message,
      ...(r.phrase !== undefined && { phrase: r.phrase }),
      ...(r.pattern !== undefined && { pattern: r.pattern }),
      ...(r.when !== undefined && { when: r.when }),
    })),
  };
}

/** Reads, parses and validates a context file into guard knowledge for its client. */
export async function loadGuardContextFile(file: string): Promise<{ knowledge: GuardKnowledge; clientId: string }> {
  const label = `context ${file}`;
  const text = await readTextFile(file, 'context');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${label}: not valid JSON (${(error as Error).message})`);
  }
  return { knowledge: toGuardKnowledge(parseGuardContext(raw, label)), clientId: CONTEXT_CLIENT_ID };
}
