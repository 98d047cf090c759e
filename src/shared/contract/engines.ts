import { z } from 'zod';
import { idSchema, optionalText } from './common.ts';

// Contract for the judgement engines over HTTP: analyse, check, guard rules and vocabulary.

/** Longest text either engine accepts over the API (about 20 pages of email). */
export const MAX_CHECK_TEXT = 50_000;

/** Names the draft being written (any stable id per draft): lets a lesson count what it caught. */
export const draftIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/, 'must be an id');

export const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  start: z.number().int(),
  end: z.number().int(),
  message: z.string(),
  suggestion: z.string(),
  replacement: z.string().optional(),
  /** The lesson whose check produced this finding ("Lesson from MG-12: …"). */
  lessonId: z.string().optional(),
});
export type FindingDto = z.infer<typeof findingSchema>;

export const apologyComponentNames = [
  'responsibility',
  'repair',
  'regret',
  'explanation',
  'repentance',
  'forgiveness',
] as const;

export const analyseInputSchema = z.strictObject({
  text: z.string().max(MAX_CHECK_TEXT),
  mistakeId: idSchema.optional(),
  kind: z.enum(['acknowledgment', 'general']).optional(),
});
export type AnalyseInput = z.infer<typeof analyseInputSchema>;

const spanSchema = z.object({ start: z.number().int(), end: z.number().int() });
export const analysisSchema = z.object({
  verdict: z.enum(['good', 'mixed', 'non_apology']),
  score: z.number().int(),
  components: z.record(z.enum(apologyComponentNames), z.boolean()),
  evidence: z.record(z.enum(apologyComponentNames), z.array(spanSchema)),
  findings: z.array(findingSchema),
  /**
   * Whether the text reads as an apology at all (regret, an owned failure or a request for
   * forgiveness, even an evasive one). False for a plain client email: show no checklist then.
   */
  isApology: z.boolean(),
});
export type AnalysisDto = z.infer<typeof analysisSchema>;

/**
 * How many files go with the text: 0 makes "see attached" an error; "unknown" (the sender was
 * asked and left it empty) makes it a warning that asks; absent, nothing is said about it.
 */
export const attachmentsSchema = z.union([z.number().int().min(0).max(1000), z.literal('unknown')]);

export const checkInputSchema = z.strictObject({
  text: z.string().max(MAX_CHECK_TEXT),
  clientId: idSchema,
  attachments: attachmentsSchema.optional(),
  date: z.iso.date().optional(),
  draftId: draftIdSchema.optional(),
});
export type CheckInput = z.infer<typeof checkInputSchema>;

export const checkResultSchema = z.object({ findings: z.array(findingSchema) });

/** Most recipients one check may name (To, Cc and Bcc together). */
export const MAX_CHECK_RECIPIENTS = 100;

/**
 * Body of POST /api/check: a `clientId`, or the `recipients` of the email (To, Cc, Bcc), from which
 * the server finds the client (the one whose contacts are most of the recipients). The browser
 * extension and the relay know recipients, not client ids.
 */
export const checkRequestSchema = z
  .strictObject({
    text: z.string().max(MAX_CHECK_TEXT),
    clientId: idSchema.optional(),
    recipients: z.array(z.email().max(320)).min(1).max(MAX_CHECK_RECIPIENTS).optional(),
    attachments: attachmentsSchema.optional(),
    date: z.iso.date().optional(),
    draftId: draftIdSchema.optional(),
  })
  .refine((r) => r.clientId !== undefined || r.recipients !== undefined, {
    message: 'give a clientId or the recipients',
    path: ['clientId'],
  });
export type CheckRequest = z.infer<typeof checkRequestSchema>;

/** 200 of POST /api/check: the findings and the client checked against (null: no recipient is a known contact). */
export const checkResponseSchema = checkResultSchema.extend({
  client: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type CheckResponse = z.infer<typeof checkResponseSchema>;

export const guardRuleKinds = ['forbidden', 'pattern', 'required'] as const;
export type GuardRuleKind = (typeof guardRuleKinds)[number];

export const guardRuleSchema = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  mistakeId: z.string().nullable(),
  mistakeRef: z.string().nullable(),
  kind: z.enum(guardRuleKinds),
  phrase: z.string().nullable(),
  pattern: z.string().nullable(),
  when: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
});
export type GuardRule = z.infer<typeof guardRuleSchema>;

export const guardRuleInputSchema = z
  .strictObject({
    kind: z.enum(guardRuleKinds),
    clientId: idSchema.nullish().transform((v) => v ?? null),
    mistakeId: idSchema.nullish().transform((v) => v ?? null),
    phrase: optionalText(500),
    pattern: optionalText(500),
    when: optionalText(500),
    message: z.string().trim().min(1, 'must not be empty').max(500),
  })
  .refine((r) => r.kind === 'pattern' || r.phrase, { message: 'a phrase is needed for this kind', path: ['phrase'] })
  .refine((r) => r.kind !== 'pattern' || r.pattern, { message: 'a pattern is needed for this kind', path: ['pattern'] });
export type GuardRuleInput = z.infer<typeof guardRuleInputSchema>;

export const vocabularyInputSchema = z.strictObject({
  word: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(80)
    .regex(/^[^\s]+$/u, 'must be one word without spaces'),
});
export const vocabularySchema = z.object({ items: z.array(z.string()) });
