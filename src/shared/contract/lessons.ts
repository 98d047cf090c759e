import { z } from 'zod';
import { honorifics, factKinds } from './clients.ts';
import { idSchema, optionalText, text } from './common.ts';
import { blameAdvisorySchema, causeCategories } from './learning.ts';
import { mistakeCategories } from './mistakes.ts';

// Never twice: lessons written from a mistake, the checks each lesson became, what they caught, and
// the lessons library. Routes:
//
//   POST   /api/mistakes/:mistakeId/lessons            body lessonInputSchema → 201 lessonSchema
//   GET    /api/mistakes/:mistakeId/lessons            → 200 { items: lessonSchema[] }
//   GET    /api/lessons?q=&clientId=&category=&cause=&effective=&limit= → 200 { items: lessonHitSchema[] }
//   GET    /api/lessons/:lessonId                      → 200 lessonSchema
//   PATCH  /api/lessons/:lessonId                      body lessonPatchSchema → 200 lessonSchema
//   DELETE /api/lessons/:lessonId                      → 204 (its guard rules go with it; facts and contacts stay)
//   GET    /api/lessons/:lessonId/proposals            → 200 { items: checkProposalSchema[] }
//   POST   /api/lessons/:lessonId/checks               body checkAcceptSchema → 201 lessonSchema
//   DELETE /api/lessons/:lessonId/checks/:checkId      → 200 lessonSchema
//   GET    /api/metrics/repeat-rate?from=&to=&clientId= → 200 repeatRateSchema
//
// A catch: a finding of one of the lesson's checks on a draft (POST /api/check with a `draftId`)
// that a later check of the same draft no longer has — the text was changed before sending. It
// counts once per draft and check; a draft sent with the finding still on it never counts, nor a
// finding gone within 2 s of showing (the writer was still typing).

export const lessonScopes = ['client', 'workspace'] as const;
export type LessonScope = (typeof lessonScopes)[number];

export const lessonCheckKinds = ['guard_rule', 'fact', 'contact'] as const;
export type LessonCheckKind = (typeof lessonCheckKinds)[number];

export const lessonInputSchema = z.strictObject({
  title: text(200),
  learned: text(4000),
  scope: z.enum(lessonScopes).default('client'),
});
export type LessonInput = z.infer<typeof lessonInputSchema>;

export const lessonPatchSchema = z
  .strictObject({ title: text(200), learned: text(4000), scope: z.enum(lessonScopes) })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'name at least one of title, learned, scope');
export type LessonPatch = z.infer<typeof lessonPatchSchema>;

export const lessonCheckSchema = z.object({
  id: z.string(),
  kind: z.enum(lessonCheckKinds),
  /** The guard rule, fact or contact the check is. */
  targetId: z.string(),
  /** What the check makes sure of, in words. */
  label: z.string(),
  createdAt: z.string(),
});
export type LessonCheck = z.infer<typeof lessonCheckSchema>;

/** Whether the lesson's mistake's preventive actions proved effective. */
export const effectivenessStates = ['effective', 'not_effective', 'unchecked', 'none'] as const;
export type EffectivenessState = (typeof effectivenessStates)[number];

export const lessonSchema = z.object({
  id: z.string(),
  mistakeId: z.string(),
  mistakeRef: z.string(),
  mistakeTitle: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  scope: z.enum(lessonScopes),
  title: z.string(),
  learned: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  checks: z.array(lessonCheckSchema),
  /** Times a check of this lesson caught something that was then fixed before sending. */
  catches: z.number().int(),
  /** When the first check was added (the start of "caught 4 times since …"); null without checks. */
  catchingSince: z.string().nullable(),
  lastCaughtAt: z.string().nullable(),
  /** Later mistakes marked as repeats of this lesson's mistake. */
  repeats: z.number().int(),
  effectiveness: z.enum(effectivenessStates),
  /** Blameless advice when the title or what was learned puts the cause on a person. */
  advisories: z.array(blameAdvisorySchema),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const lessonHitSchema = lessonSchema.extend({
  mistakeCategory: z.enum(mistakeCategories),
  cause: z.enum(causeCategories).nullable(),
  /** Full-text rank (higher is better); null when listing without a query. */
  rank: z.number().nullable(),
});
export type LessonHit = z.infer<typeof lessonHitSchema>;

export const lessonQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  clientId: idSchema.optional(),
  category: z.enum(mistakeCategories).optional(),
  cause: z.enum(causeCategories).optional(),
  effective: z.enum(effectivenessStates).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type LessonQuery = z.infer<typeof lessonQuerySchema>;

const ruleMessage = text(300);

/** A check proposed from what went wrong; the user accepts (maybe edited) or drops each. */
export const checkProposalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fact'),
    factKind: z.enum(factKinds),
    value: z.string(),
    label: z.string().nullable(),
    /** The wrong value the mistake shows, when known. */
    wrong: z.string().nullable(),
    /** Already on the facts card with this value: accepting links it. */
    existingFactId: z.string().nullable(),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal('contact'),
    contactId: z.string(),
    fullName: z.string(),
    honorific: z.enum(honorifics),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal('forbidden'),
    phrase: z.string(),
    when: z.string().nullable(),
    message: z.string(),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal('required'),
    phrase: z.string(),
    when: z.string().nullable(),
    message: z.string(),
    reason: z.string(),
  }),
  z.object({ kind: z.literal('pattern'), pattern: z.string(), message: z.string(), reason: z.string() }),
]);
export type CheckProposal = z.infer<typeof checkProposalSchema>;

/** An accepted proposal, as the user left it. */
export const checkAcceptSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fact'), factKind: z.enum(factKinds), value: text(500), label: optionalText(160) }),
  z.strictObject({
    kind: z.literal('contact'),
    contactId: idSchema,
    fullName: text(200),
    honorific: z.enum(honorifics),
  }),
  z.strictObject({ kind: z.literal('forbidden'), phrase: text(300), when: optionalText(300), message: ruleMessage }),
  z.strictObject({ kind: z.literal('required'), phrase: text(300), when: optionalText(300), message: ruleMessage }),
  z.strictObject({ kind: z.literal('pattern'), pattern: text(500), message: ruleMessage }),
]);
export type CheckAccept = z.infer<typeof checkAcceptSchema>;

export const repeatRateQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  clientId: idSchema.optional(),
});
export type RepeatRateQuery = z.infer<typeof repeatRateQuerySchema>;

export const repeatRateSchema = z.object({
  from: z.string(),
  to: z.string(),
  clientId: z.string().nullable(),
  /** Mistakes logged in the period. */
  mistakes: z.number().int(),
  /** Of those, marked as a repeat of an earlier mistake. */
  repeats: z.number().int(),
  /** repeats ÷ mistakes; null when no mistake was logged. */
  rate: z.number().nullable(),
  definition: z.string(),
});
export type RepeatRate = z.infer<typeof repeatRateSchema>;
