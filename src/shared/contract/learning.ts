import { z } from 'zod';
import { idSchema, instantSchema, optionalText, text } from './common.ts';
import { draftIdSchema } from './engines.ts';
import { messageSchema } from './messages.ts';
import { mistakeCategories, mistakeSchema, recoveryStages } from './mistakes.ts';
import { sourcedFindingSchema } from './recovery.ts';

// Learn, correct, don't repeat: the root cause of a mistake, its corrective and preventive actions
// with effectiveness checks, and the improvement plan sent to the client. Routes:
//
//   GET   /api/mistakes/:mistakeId/learning                  → 200 learningSchema
//   PUT   /api/mistakes/:mistakeId/root-cause                body rootCauseInputSchema → 200 learningSchema
//   PATCH /api/mistakes/:mistakeId/learning                  body learningDecisionsSchema → 200 learningSchema
//   POST  /api/mistakes/:mistakeId/actions                   body actionInputSchema → 201 actionSchema
//   GET   /api/actions?status=&ownerId=                      → 200 { items: actionSchema[] }
//   PATCH /api/actions/:actionId                             body actionPatchSchema → 200 actionSchema
//   POST  /api/actions/:actionId/done                        → 200 actionSchema
//   POST  /api/actions/:actionId/cancel                      body { reason } → 200 actionSchema
//   POST  /api/actions/:actionId/check                       body effectivenessCheckInputSchema → 200 actionSchema
//   GET   /api/mistakes/:mistakeId/improvement-plan/draft?contactId= → 200 improvementPlanDraftSchema
//   POST  /api/mistakes/:mistakeId/improvement-plan          body improvementPlanInputSchema → 201 improvementPlanResultSchema
//
// Root-cause why-steps are internal: they never go into a message to a client. Only the summary
// (written to be client-safe) and the preventive actions' titles and dates reach the improvement plan.

export const causeCategories = [
  'training',
  'process',
  'tooling',
  'staffing',
  'communication',
  'client_input',
  'other',
] as const;
export type CauseCategory = (typeof causeCategories)[number];

/** Where the mistake should have been caught before the client saw it, and why it was not. */
export const escapeKinds = ['no_check', 'check_skipped', 'check_missed', 'found_by_client'] as const;
export type EscapeKind = (typeof escapeKinds)[number];

export const actionKinds = ['corrective', 'preventive'] as const;
export type ActionKind = (typeof actionKinds)[number];
export const actionStatuses = ['open', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const checkResults = ['effective', 'not_effective'] as const;
export type CheckResult = (typeof checkResults)[number];

export const MAX_WHY_STEPS = 5;

/** A hint that a step puts the cause on a person; advice only, never blocking. */
export const blameAdvisorySchema = z.object({
  field: z.string(),
  name: z.string(),
  message: z.string(),
  suggestion: z.string(),
});
export type BlameAdvisory = z.infer<typeof blameAdvisorySchema>;

const escapePointSchema = z.object({ kind: z.enum(escapeKinds), where: z.string() });

export const rootCauseInputSchema = z.strictObject({
  /** "Why?" asked up to five times, in order; the last answer is the root cause. */
  whySteps: z.array(text(300)).min(1, 'write at least one why-step').max(MAX_WHY_STEPS, 'at most five why-steps'),
  category: z.enum(causeCategories),
  otherCategories: z.array(z.enum(causeCategories)).max(causeCategories.length).default([]),
  escapePoint: z
    .strictObject({ kind: z.enum(escapeKinds), where: text(300) })
    .nullish()
    .transform((v) => v ?? null),
  /** One client-safe sentence for the improvement plan. */
  summary: optionalText(500),
});
export type RootCauseInput = z.infer<typeof rootCauseInputSchema>;

export const rootCauseSchema = z.object({
  mistakeId: z.string(),
  whySteps: z.array(z.string()),
  category: z.enum(causeCategories),
  otherCategories: z.array(z.enum(causeCategories)),
  escapePoint: escapePointSchema.nullable(),
  summary: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type RootCause = z.infer<typeof rootCauseSchema>;

/** Recorded reasons that stand in for a fact: no preventive action needed, no plan to send. */
export const learningDecisionsSchema = z
  .strictObject({
    noPreventionReason: optionalText(500),
    noPlanReason: optionalText(500),
  })
  .partial();
export type LearningDecisions = z.infer<typeof learningDecisionsSchema>;

export const actionSchema = z.object({
  id: z.string(),
  mistakeId: z.string(),
  mistakeRef: z.string(),
  clientId: z.string(),
  kind: z.enum(actionKinds),
  title: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.string(),
  status: z.enum(actionStatuses),
  cancelReason: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** Preventive actions only: when the effectiveness check is due (set when the action is done). */
  checkDueAt: z.string().nullable(),
  checkResult: z.enum(checkResults).nullable(),
  checkNote: z.string().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type Action = z.infer<typeof actionSchema>;

export const actionInputSchema = z.strictObject({
  kind: z.enum(actionKinds),
  title: text(200),
  ownerId: idSchema,
  dueAt: instantSchema,
});
export type ActionInput = z.infer<typeof actionInputSchema>;

export const actionPatchSchema = z
  .strictObject({ title: text(200), ownerId: idSchema, dueAt: instantSchema })
  .partial();
export type ActionPatch = z.infer<typeof actionPatchSchema>;

export const actionCancelSchema = z.strictObject({ reason: text(500) });
export type ActionCancel = z.infer<typeof actionCancelSchema>;

export const effectivenessCheckInputSchema = z.strictObject({
  result: z.enum(checkResults),
  note: optionalText(1_000),
});
export type EffectivenessCheckInput = z.infer<typeof effectivenessCheckInputSchema>;

export const actionListQuerySchema = z.object({
  status: z.enum(['open', 'overdue', 'done', 'cancelled', 'all']).default('open'),
  ownerId: idSchema.optional(),
  mistakeId: idSchema.optional(),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;

/** Everything the learning step of a mistake shows. */
export const learningSchema = z.object({
  mistakeId: z.string(),
  stage: z.enum(recoveryStages),
  rootCause: rootCauseSchema.nullable(),
  advisories: z.array(blameAdvisorySchema),
  actions: z.array(actionSchema),
  noPreventionReason: z.string().nullable(),
  noPlanReason: z.string().nullable(),
  /** The improvement plan queued to the client, if any. */
  planMessageId: z.string().nullable(),
  /** The earlier mistake this one repeats, and the later ones that repeat this one (regressed). */
  repeatOf: z.object({ id: z.string(), ref: z.string() }).nullable(),
  repeats: z.array(z.object({ id: z.string(), ref: z.string() })),
  regressed: z.boolean(),
  /** What is still missing for learned, verified and closed, in words. */
  missing: z.object({ learned: z.array(z.string()), verified: z.array(z.string()), closed: z.array(z.string()) }),
});
export type Learning = z.infer<typeof learningSchema>;

export const improvementPlanDraftQuerySchema = z.object({ contactId: idSchema });
export const improvementPlanDraftSchema = z.object({
  contactId: z.string(),
  toName: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  body: z.string(),
});
export type ImprovementPlanDraft = z.infer<typeof improvementPlanDraftSchema>;

export const improvementPlanInputSchema = z.strictObject({
  contactId: idSchema,
  subject: text(300),
  body: text(20_000),
  overrideReason: optionalText(1_000),
  /** The draft's id as given to POST /api/check: what its lessons caught is counted when it goes out. */
  draftId: draftIdSchema.optional(),
});
export type ImprovementPlanInput = z.infer<typeof improvementPlanInputSchema>;

export const improvementPlanResultSchema = z.object({
  message: messageSchema,
  findings: z.array(sourcedFindingSchema),
  overridden: z.boolean(),
  stage: z.enum(recoveryStages),
});
export type ImprovementPlanResult = z.infer<typeof improvementPlanResultSchema>;

// ---------------------------------------------------------------------------------------------
// Recurrence: similar past mistakes while one is being logged, and marking a repeat.
//
//   POST   /api/mistakes/similar                 body similarQuerySchema → 200 { items: similarMistakeSchema[] }
//   POST   /api/mistakes/:mistakeId/repeat-of    body repeatInputSchema → 200 learningSchema (of the earlier mistake)
//   DELETE /api/mistakes/:mistakeId/repeat-of    → 200 learningSchema (undo)

export const similarQuerySchema = z.strictObject({
  title: text(200),
  description: optionalText(10_000),
  clientId: idSchema.optional(),
  category: z.enum(mistakeCategories).optional(),
  /** The mistake being edited, left out of its own suggestions. */
  excludeId: idSchema.optional(),
  limit: z.number().int().min(1).max(10).default(3),
});
export type SimilarQuery = z.infer<typeof similarQuerySchema>;

export const similarMistakeSchema = z.object({
  mistake: mistakeSchema,
  /** 0–1: text similarity combined with same client and same category. */
  score: z.number(),
  /** Same client, same category and very similar words: most likely the same mistake again. */
  likelyRepeat: z.boolean(),
  reasons: z.array(z.string()),
  preventive: z.object({ total: z.number().int(), effective: z.number().int(), notEffective: z.number().int() }),
  /** What the earlier mistake taught, and how often each lesson's checks caught it since. */
  lessons: z.array(z.object({ id: z.string(), title: z.string(), catches: z.number().int() })),
});
export type SimilarMistake = z.infer<typeof similarMistakeSchema>;

export const repeatInputSchema = z.strictObject({ mistakeId: idSchema });
export type RepeatInput = z.infer<typeof repeatInputSchema>;
