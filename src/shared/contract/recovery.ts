import { z } from 'zod';
import { commitmentSchema } from './clients.ts';
import { actorSchema, idSchema, instantSchema, moneySchema, optionalText, text } from './common.ts';
import { draftIdSchema, findingSchema } from './engines.ts';
import { messageSchema } from './messages.ts';
import { acknowledgmentSchema, finders, recoveryStages, severities } from './mistakes.ts';

// Contract for the recovery workflow: the acknowledgment composer and sending, the account sweep,
// the remedy policy and the append-only remedy ledger, progress updates and the recovery summary.
// Every path is under /api and scoped to the signed-in workspace (another workspace's id → 404).
// Bad input → 400 `validation_failed` with details.issues[].field (or details.field).
//
//   GET  /api/mistakes/:mistakeId/acknowledgment-draft?contactId=  query acknowledgmentDraftQuerySchema
//                                                                  → 200 acknowledgmentDraftSchema
//   POST /api/mistakes/:mistakeId/acknowledgment/send   body sendAcknowledgmentInputSchema
//                                                       → 201 sendAcknowledgmentResultSchema
//                                                       → 422 blocking_findings, details: blockingFindingsDetailsSchema
//   POST /api/mistakes/:mistakeId/client-noticed        body clientNoticedInputSchema → 200 clientNoticedSchema
//   GET  /api/mistakes/:mistakeId/sweep                 → 200 sweepListSchema
//   POST /api/mistakes/:mistakeId/sweep                 body sweepInputSchema → 201 sweepSchema
//   GET  /api/mistakes/:mistakeId/remedy-proposal?amountMinor=&currency=
//                                                       query remedyProposalQuerySchema → 200 remedyProposalSchema
//   POST /api/mistakes/:mistakeId/remedies              body remedyInputSchema
//                                                       → 201 remedyResultSchema (new) | 200 (same idempotencyKey, same body)
//                                                       → 409 idempotency_key_reused (same key, different body)
//   POST /api/mistakes/:mistakeId/remedies/decline      body remedyDeclineInputSchema → 201 remedyDeclineSchema
//   GET  /api/remedies?clientId=&mistakeId=             query remedyFilterSchema → 200 remedyListSchema
//   GET  /api/remedies/totals?clientId=&mistakeId=      query remedyFilterSchema → 200 remedyTotalsSchema
//   GET  /api/remedies/:remedyId                        → 200 remedyEntrySchema
//   POST /api/remedies/:remedyId/approve                body remedyApproveInputSchema (optional) → 200 remedyResultSchema
//                                                       (owner/admin only: others → 403 forbidden)
//   POST /api/remedies/:remedyId/reverse                body remedyReverseInputSchema
//                                                       → 201 remedyResultSchema (the reversing entry) | 200 on a retry
//   POST /api/mistakes/:mistakeId/updates               body progressUpdateInputSchema → 201 progressUpdateResultSchema
//                                                       → 422 blocking_findings (as for the acknowledgment)
//   GET  /api/mistakes/:mistakeId/recovery              → 200 recoverySummarySchema

// ---------------------------------------------------------------------------------------------
// Acknowledgment composer and sending

/** Query of GET …/acknowledgment-draft. */
export const acknowledgmentDraftQuerySchema = z.object({ contactId: idSchema });
export type AcknowledgmentDraftQuery = z.infer<typeof acknowledgmentDraftQuerySchema>;

/** A draft acknowledgment built from the mistake's facts, addressed to one contact. */
export const acknowledgmentDraftSchema = z.object({
  mistakeId: z.string(),
  contactId: z.string(),
  /** The contact's full name (the email's To name). */
  toName: z.string(),
  /** The contact's email, null when none is recorded (sending then answers 400 on contactId). */
  toAddress: z.string().nullable(),
  /** How the contact is greeted: "Dr Okafor", "Ms Carter", or a preferred/first name when the honorific is none. */
  salutation: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The due time of the open fix commitment used in the body, if any. */
  fixDueAt: z.string().nullable(),
});
export type AcknowledgmentDraft = z.infer<typeof acknowledgmentDraftSchema>;

/** Longest subject and body accepted for a message to a client. */
export const MAX_SUBJECT = 300;
export const MAX_MESSAGE_BODY = 50_000;

/** Body of POST …/acknowledgment/send. */
export const sendAcknowledgmentInputSchema = z.strictObject({
  contactId: idSchema,
  subject: text(MAX_SUBJECT),
  body: text(MAX_MESSAGE_BODY),
  /** Sends despite error findings; the reason goes on the timeline. */
  overrideReason: optionalText(1_000),
  /** The draft's id as given to POST /api/check: what its lessons caught is counted when it goes out. */
  draftId: draftIdSchema.optional(),
});
export type SendAcknowledgmentInput = z.infer<typeof sendAcknowledgmentInputSchema>;

/** Where a finding came from: the apology analyser or the client's pre-send guard. */
export const findingSources = ['apology', 'guard'] as const;
/** A finding with where it came from and which field its offsets (start, end) point into. */
export const sourcedFindingSchema = findingSchema.extend({
  source: z.enum(findingSources),
  field: z.enum(['subject', 'body']),
});
export type SourcedFinding = z.infer<typeof sourcedFindingSchema>;

/** `details` of a 422 `blocking_findings` error: every finding, and the error ones that block. */
export const blockingFindingsDetailsSchema = z.object({
  findings: z.array(sourcedFindingSchema),
  blocking: z.array(sourcedFindingSchema),
});
export type BlockingFindingsDetails = z.infer<typeof blockingFindingsDetailsSchema>;

/** Time to acknowledge against the workspace target for the mistake's severity. */
export const acknowledgmentTimingSchema = z.object({
  /** When the client was first told (the first acknowledgment of any channel). */
  sentAt: z.string(),
  /** From found_at to sentAt, in whole seconds. */
  timeToAcknowledgeSeconds: z.number().int(),
  /** The workspace target for this severity (defaults: critical 60, major 240, minor 1440). */
  targetMinutes: z.number().int(),
  withinTarget: z.boolean(),
  /** We found it and told the client before the client noticed (or the client never reported it). */
  toldBeforeNoticed: z.boolean(),
});
export type AcknowledgmentTiming = z.infer<typeof acknowledgmentTimingSchema>;

/** 201 of POST …/acknowledgment/send: timing, the recorded acknowledgment, the queued email. */
export const sendAcknowledgmentResultSchema = acknowledgmentTimingSchema.extend({
  acknowledgment: acknowledgmentSchema,
  message: messageSchema,
  /** Every finding of the analyser and the guard (none blocked, or they were overridden). */
  findings: z.array(sourcedFindingSchema),
  overridden: z.boolean(),
  stage: z.enum(recoveryStages),
});
export type SendAcknowledgmentResult = z.infer<typeof sendAcknowledgmentResultSchema>;

/** Records when the client noticed the mistake themselves (for "told before noticed"). First time only. */
export const clientNoticedInputSchema = z.strictObject({ at: instantSchema.optional() });
export type ClientNoticedInput = z.infer<typeof clientNoticedInputSchema>;
/** 200 of POST …/client-noticed. */
export const clientNoticedSchema = z.object({ mistakeId: z.string(), clientNoticedAt: z.string() });
export type ClientNoticed = z.infer<typeof clientNoticedSchema>;

// ---------------------------------------------------------------------------------------------
// Account sweep

/** What a sweep item is. */
export const sweepItemKinds = ['commitment', 'mistake', 'message', 'remedy'] as const;
export type SweepItemKind = (typeof sweepItemKinds)[number];

/** One open thing on the client's account to check. */
export const sweepItemSchema = z.object({
  kind: z.enum(sweepItemKinds),
  id: z.string(),
  label: z.string(),
  /** Status or due date in a few words ("due 2026-03-03T17:00:00.000Z", "failed: …"). */
  detail: z.string().nullable(),
});
export type SweepItem = z.infer<typeof sweepItemSchema>;

/** A recorded sweep: what was checked and what was left unchecked. */
export const sweepSchema = z.object({
  id: z.string(),
  mistakeId: z.string(),
  clientId: z.string(),
  checked: z.array(sweepItemSchema),
  unchecked: z.array(sweepItemSchema),
  note: z.string().nullable(),
  by: actorSchema,
  at: z.string(),
});
export type Sweep = z.infer<typeof sweepSchema>;

/** 200 of GET …/sweep. */
export const sweepListSchema = z.object({
  mistakeId: z.string(),
  clientId: z.string(),
  items: z.array(sweepItemSchema),
  lastSweep: sweepSchema.nullable(),
});
export type SweepList = z.infer<typeof sweepListSchema>;

/** Body of POST …/sweep: the items checked (each must be on the current list). */
export const sweepInputSchema = z.strictObject({
  checked: z.array(z.strictObject({ kind: z.enum(sweepItemKinds), id: idSchema })).max(1_000),
  note: optionalText(2_000),
});
export type SweepInput = z.infer<typeof sweepInputSchema>;

// ---------------------------------------------------------------------------------------------
// Remedy policy and ledger

/** What a remedy gives. */
export const remedyKinds = ['credit', 'discount', 'refund', 'rework', 'gift', 'other'] as const;
export type RemedyKind = (typeof remedyKinds)[number];

/** Largest single remedy, in minor units (keeps any per-currency total a safe integer). */
export const MAX_REMEDY_MINOR = 1_000_000_000_000;

/** Why a remedy needs an owner's or admin's approval. */
export const approvalReasonCodes = ['above_cap', 'above_threshold', 'currency_differs'] as const;
export const approvalReasonSchema = z.object({ code: z.enum(approvalReasonCodes), message: z.string() });
export type ApprovalReason = z.infer<typeof approvalReasonSchema>;

/** Query of GET …/remedy-proposal. */
export const remedyProposalQuerySchema = z.object({
  /** Assess this amount instead of the proposed one. */
  amountMinor: z.coerce.number().int().min(1).max(MAX_REMEDY_MINOR).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD')
    .optional(),
});
export type RemedyProposalQuery = z.infer<typeof remedyProposalQuerySchema>;

/** What the policy says about one amount. */
export const remedyAssessmentSchema = z.object({
  amount: moneySchema,
  /** What the mistake's issued and pending remedies already give in this currency: cap and threshold hold on prior + amount. */
  priorMinor: z.number().int(),
  /** The running total (prior + amount) as a whole percentage of the impact (rounded down); null when there is no impact or the currency differs. */
  percentOfImpact: z.number().int().nullable(),
  requiresApproval: z.boolean(),
  reasons: z.array(approvalReasonSchema),
  /** Shown by the UI when over the cap: loyalty falls beyond about 150% of the impact. */
  warning: z.string().nullable(),
});
export type RemedyAssessment = z.infer<typeof remedyAssessmentSchema>;

/** The remedy policy applied to a mistake: impact × multiplier(tier, severity). */
export const remedyProposalSchema = z.object({
  mistakeId: z.string(),
  clientId: z.string(),
  tier: z.enum(['key', 'standard']),
  severity: z.enum(severities),
  impact: moneySchema,
  /** Whole percent of the impact (200 = 2×). */
  multiplierPercent: z.number().int(),
  /** impact × multiplier, rounded half up, before what was already given. */
  fullProposalMinor: z.number().int(),
  /** What the mistake's issued and pending remedies already give (impact currency). */
  priorMinor: z.number().int(),
  /** What is left of the proposal: full − prior, never below 0 nor above MAX_REMEDY_MINOR. */
  proposed: moneySchema,
  /** Above this percent of the impact a remedy needs approval (not a hard cap). */
  capPercent: z.number().int(),
  capAmountMinor: z.number().int(),
  /** Above this amount a remedy needs approval. */
  approvalThresholdMinor: z.number().int(),
  /** The proposed amount, or `amountMinor`/`currency` from the query. */
  assessment: remedyAssessmentSchema,
});
export type RemedyProposal = z.infer<typeof remedyProposalSchema>;

const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD');
/** Any idempotency key the client chooses (a UUID is ideal). */
export const idempotencyKeySchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must be letters, digits, _ . : or -');

/**
 * A remedy to issue. For `rework`, give hours (in steps of 0.01) and rateMinor: the amount is
 * hours × rate (rounded half up); an amountMinor given as well must equal it.
 */
export const remedyInputSchema = z
  .strictObject({
    kind: z.enum(remedyKinds),
    amountMinor: z.number().int().min(1).max(MAX_REMEDY_MINOR).optional(),
    currency: currencySchema,
    hours: z.number().positive().max(10_000).optional(),
    rateMinor: z.number().int().min(1).max(MAX_REMEDY_MINOR).optional(),
    note: optionalText(2_000),
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((r, ctx) => {
    if (r.hours !== undefined && Math.abs(r.hours * 100 - Math.round(r.hours * 100)) > 1e-6) {
      ctx.addIssue({ code: 'custom', message: 'must be in steps of 0.01 hours', path: ['hours'] });
    }
    if (r.kind === 'rework') {
      if (r.hours === undefined) ctx.addIssue({ code: 'custom', message: 'rework needs hours', path: ['hours'] });
      if (r.rateMinor === undefined)
        ctx.addIssue({ code: 'custom', message: 'rework needs rateMinor', path: ['rateMinor'] });
    } else {
      if (r.amountMinor === undefined) ctx.addIssue({ code: 'custom', message: 'is required', path: ['amountMinor'] });
      if (r.hours !== undefined) ctx.addIssue({ code: 'custom', message: 'only for rework', path: ['hours'] });
      if (r.rateMinor !== undefined) ctx.addIssue({ code: 'custom', message: 'only for rework', path: ['rateMinor'] });
    }
  });
export type RemedyInput = z.infer<typeof remedyInputSchema>;

/**
 * A ledger entry. Entries are never changed: approval is a separate record, and a correction is a
 * reversing entry (negative amount, `reversesId` set). `status` is derived:
 * pending_approval → issued (approved, or no approval needed) → reversed; a reversing entry is `reversal`.
 */
export const remedyStatuses = ['pending_approval', 'issued', 'reversed', 'reversal'] as const;
export type RemedyStatus = (typeof remedyStatuses)[number];

/** One ledger entry as the API shows it. */
export const remedyEntrySchema = z.object({
  id: z.string(),
  mistakeId: z.string(),
  mistakeRef: z.string(),
  clientId: z.string(),
  kind: z.enum(remedyKinds),
  /** Signed minor units: positive for a remedy, negative for a reversing entry. */
  amountMinor: z.number().int(),
  currency: z.string(),
  hours: z.number().nullable(),
  rateMinor: z.number().int().nullable(),
  /** The rationale (for a reversing entry: the reason). */
  note: z.string().nullable(),
  status: z.enum(remedyStatuses),
  requiresApproval: z.boolean(),
  approvalReasons: z.array(approvalReasonSchema),
  approval: z.object({ by: actorSchema, at: z.string(), note: z.string().nullable() }).nullable(),
  /** For a reversing entry: the entry it reverses. */
  reversesId: z.string().nullable(),
  /** For a reversed entry: the reversing entry. */
  reversedById: z.string().nullable(),
  /** The accounting notice queued when the remedy was issued (null: not issued yet, or no billing contact). */
  accountingMessageId: z.string().nullable(),
  createdBy: actorSchema,
  createdAt: z.string(),
});
export type RemedyEntry = z.infer<typeof remedyEntrySchema>;

/** Answer of issuing, approving or reversing: the entry, and the accounting notice if this request queued it. */
export const remedyResultSchema = z.object({
  entry: remedyEntrySchema,
  /** The accounting notice queued by this request, if it issued the remedy. */
  accountingMessage: messageSchema.nullable(),
  /** Why no accounting notice was queued although the remedy is issued (e.g. no billing contact with an email). */
  noticeSkippedReason: z.string().nullable(),
  stage: z.enum(recoveryStages),
});
export type RemedyResult = z.infer<typeof remedyResultSchema>;

/** Body of POST /api/remedies/:remedyId/approve (optional). */
export const remedyApproveInputSchema = z.strictObject({ note: optionalText(2_000) });
export type RemedyApproveInput = z.infer<typeof remedyApproveInputSchema>;

/** Body of POST /api/remedies/:remedyId/reverse. */
export const remedyReverseInputSchema = z.strictObject({ reason: text(2_000), idempotencyKey: idempotencyKeySchema });
export type RemedyReverseInput = z.infer<typeof remedyReverseInputSchema>;

/** Body of POST …/remedies/decline. */
export const remedyDeclineInputSchema = z.strictObject({ reason: text(2_000) });
export type RemedyDeclineInput = z.infer<typeof remedyDeclineInputSchema>;

/** A recorded decision to give no money for a mistake (reaches "remedied"). */
export const remedyDeclineSchema = z.object({
  id: z.string(),
  mistakeId: z.string(),
  reason: z.string(),
  by: actorSchema,
  at: z.string(),
  stage: z.enum(recoveryStages),
});
export type RemedyDecline = z.infer<typeof remedyDeclineSchema>;

/** Query of GET /api/remedies and /api/remedies/totals. */
export const remedyFilterSchema = z.object({ clientId: idSchema.optional(), mistakeId: idSchema.optional() });
export type RemedyFilter = z.infer<typeof remedyFilterSchema>;

/** 200 of GET /api/remedies. */
export const remedyListSchema = z.object({ items: z.array(remedyEntrySchema) });

/** A sum of minor units as a decimal integer string ("-1250"): exact beyond 2^53. */
export const minorSumSchema = z.string().regex(/^-?\d+$/, 'must be a decimal integer');

/** Totals of one currency (currencies are never mixed). Sums are decimal strings so any total is exact. */
export const remedyTotalSchema = z.object({
  currency: z.string(),
  /** Sum of issued remedies (including ones later reversed). */
  issuedMinor: minorSumSchema,
  /** Sum of reversals of issued remedies (positive). */
  reversedMinor: minorSumSchema,
  /** issuedMinor − reversedMinor. */
  netMinor: minorSumSchema,
  /** Awaiting approval (not in net). */
  pendingMinor: minorSumSchema,
  /** Remedy entries counted (excluding reversing entries). */
  count: z.number().int(),
});
export type RemedyTotal = z.infer<typeof remedyTotalSchema>;
/** 200 of GET /api/remedies/totals: one item per currency, sorted by code. */
export const remedyTotalsSchema = z.object({ items: z.array(remedyTotalSchema) });

// ---------------------------------------------------------------------------------------------
// Progress updates and the recovery summary

/** Body of POST …/updates. */
export const progressUpdateInputSchema = z.strictObject({
  contactId: idSchema,
  subject: text(MAX_SUBJECT),
  body: text(MAX_MESSAGE_BODY),
  /** Sends despite error findings of the client's guard; the reason goes on the timeline. */
  overrideReason: optionalText(1_000),
  /** The draft's id as given to POST /api/check: what its lessons caught is counted when it goes out. */
  draftId: draftIdSchema.optional(),
});
export type ProgressUpdateInput = z.infer<typeof progressUpdateInputSchema>;

/** 201 of POST …/updates. */
export const progressUpdateResultSchema = z.object({
  message: messageSchema,
  findings: z.array(sourcedFindingSchema),
  overridden: z.boolean(),
  /** The next update due after this one (null when the mistake is minor or fixed). */
  nextUpdateDueAt: z.string().nullable(),
});
export type ProgressUpdateResult = z.infer<typeof progressUpdateResultSchema>;

/** 200 of GET …/recovery. */
export const recoverySummarySchema = z.object({
  mistakeId: z.string(),
  ref: z.string(),
  clientId: z.string(),
  stage: z.enum(recoveryStages),
  severity: z.enum(severities),
  foundBy: z.enum(finders),
  foundAt: z.string(),
  clientNoticedAt: z.string().nullable(),
  /** The acknowledgment target for the severity, and when it falls due. */
  acknowledgeTarget: z.object({ targetMinutes: z.number().int(), dueAt: z.string() }),
  /** Null until the client has been told. */
  acknowledgment: acknowledgmentTimingSchema.extend({ acknowledgmentId: z.string(), recipient: z.string() }).nullable(),
  /** The open fix commitment, else the latest one; null if none was made. */
  fixCommitment: commitmentSchema.nullable(),
  remedies: z.array(remedyEntrySchema),
  totals: z.array(remedyTotalSchema),
  remedyDecline: remedyDeclineSchema.omit({ stage: true }).nullable(),
  /** While a critical or major mistake is unfixed: when the next progress update to the client is due. */
  nextUpdateDueAt: z.string().nullable(),
  updateIntervalHours: z.number().int(),
  /** Messages about this mistake, newest first. */
  messages: z.array(messageSchema),
  lastSweep: sweepSchema.nullable(),
});
export type RecoverySummary = z.infer<typeof recoverySummarySchema>;

// ---------------------------------------------------------------------------------------------
// Accounting notice draft
//   GET /api/mistakes/:mistakeId/accounting-notice-draft?kind=&amountMinor=&currency=&hours=
//       query accountingNoticeDraftQuerySchema → 200 accountingNoticeDraftSchema

/** Query of GET …/accounting-notice-draft: the remedy the notice would be about. */
export const accountingNoticeDraftQuerySchema = z.object({
  kind: z.enum(remedyKinds),
  amountMinor: z.coerce.number().int().min(1).max(MAX_REMEDY_MINOR),
  currency: currencySchema,
  /** Rework hours, for the wording of a rework notice. */
  hours: z.coerce.number().positive().max(10_000).optional(),
});
export type AccountingNoticeDraftQuery = z.infer<typeof accountingNoticeDraftQuerySchema>;

/**
 * The accounting notice exactly as it would be queued (composed from the mistake's title and the
 * remedy's kind and amount — never from its rationale), with the pre-send guard's findings; null
 * fields and a skippedReason when none can be sent (no billing contact with an email).
 */
export const accountingNoticeDraftSchema = z.object({
  mistakeId: z.string(),
  fromName: z.string().nullable(),
  toName: z.string().nullable(),
  toAddress: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  findings: z.array(sourcedFindingSchema),
  skippedReason: z.string().nullable(),
});
export type AccountingNoticeDraftView = z.infer<typeof accountingNoticeDraftSchema>;

// ---------------------------------------------------------------------------------------------
// The fix done, and telling the client it is fixed
//   GET  /api/mistakes/:mistakeId/fixed-notice-draft?contactId=  query fixedNoticeDraftQuerySchema
//                                                                → 200 fixedNoticeDraftSchema
//   POST /api/mistakes/:mistakeId/fix/complete   body completeFixInputSchema → 200 completeFixResultSchema
//                                                → 409 commitment_not_open (no open fix commitment)
//                                                → 422 blocking_findings (the notice, as for the acknowledgment)

/** Longest note on a completed fix (internal: timeline only). */
export const MAX_FIX_NOTE = 2_000;

/** Query of GET …/fixed-notice-draft. */
export const fixedNoticeDraftQuerySchema = z.object({ contactId: idSchema });

/** A draft "it's fixed" message to one contact, from client-safe fields only (the fix as promised, when it was done). */
export const fixedNoticeDraftSchema = z.object({
  mistakeId: z.string(),
  contactId: z.string(),
  toName: z.string(),
  toAddress: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
});
export type FixedNoticeDraft = z.infer<typeof fixedNoticeDraftSchema>;

/** The optional message telling the client it is fixed (checked by the client's guard like an update). */
export const fixedNoticeInputSchema = z.strictObject({
  contactId: idSchema,
  subject: text(MAX_SUBJECT),
  body: text(MAX_MESSAGE_BODY),
  /** Sends despite error findings; the reason goes on the timeline. */
  overrideReason: optionalText(1_000),
  draftId: draftIdSchema.optional(),
});
export type FixedNoticeInput = z.infer<typeof fixedNoticeInputSchema>;

/** Body of POST …/fix/complete. */
export const completeFixInputSchema = z.strictObject({
  /** What was done (internal: the timeline, never the client). */
  note: optionalText(MAX_FIX_NOTE),
  /** Tell the client it is fixed, in the same step (queued in the outbox with the completion). */
  notice: fixedNoticeInputSchema.nullish().transform((v) => v ?? null),
});
export type CompleteFixInput = z.infer<typeof completeFixInputSchema>;

/** 200 of POST …/fix/complete. */
export const completeFixResultSchema = z.object({
  commitment: commitmentSchema,
  note: z.string().nullable(),
  /** The queued "it's fixed" message, null when none was asked for. */
  message: messageSchema.nullable(),
  findings: z.array(sourcedFindingSchema),
  overridden: z.boolean(),
  stage: z.enum(recoveryStages),
});
export type CompleteFixResult = z.infer<typeof completeFixResultSchema>;
