import { z } from 'zod';
import { actorSchema, idSchema, optionalText, text } from './common.ts';
import { draftIdSchema } from './engines.ts';
import { messageSchema } from './messages.ts';
import { MAX_MESSAGE_BODY, MAX_SUBJECT, sourcedFindingSchema } from './recovery.ts';

// Rebuild check-ins after a fix and the satisfaction check (issue 11 B and C).
//
//   GET  /api/mistakes/:mistakeId/check-ins                      → 200 checkInListSchema
//   GET  /api/check-ins/:checkInId/draft?contactId=              → 200 checkInDraftSchema
//   POST /api/check-ins/:checkInId/send      checkInSendInputSchema   → 200 checkInSendResultSchema (422 blocking_findings)
//   POST /api/check-ins/:checkInId/record    checkInRecordInputSchema → 200 checkInSchema
//   POST /api/check-ins/:checkInId/skip      checkInSkipInputSchema   → 200 checkInSchema
//   GET  /api/clients/:clientId/check-ins                        → 200 checkInListSchema
//   GET  /api/mistakes/:mistakeId/satisfaction                   → 200 satisfactionListSchema
//   POST /api/mistakes/:mistakeId/satisfaction   satisfactionRequestInputSchema → 201 satisfactionRequestSchema
//   GET  /api/clients/:clientId/satisfaction                     → 200 satisfactionListSchema
//   GET  /api/public/satisfaction/:token                         → 200 satisfactionPublicSchema (public)
//   POST /api/public/satisfaction/:token     satisfactionAnswerInputSchema → 200 satisfactionPublicSchema (public)

export const checkInStatuses = ['pending', 'done', 'skipped'] as const;
export type CheckInStatus = (typeof checkInStatuses)[number];
export const checkInMethods = ['message', 'call', 'meeting'] as const;
export type CheckInMethod = (typeof checkInMethods)[number];
/** What a check-in counts as now (see domain/health/check-ins.ts: 3 grace days after due). */
export const checkInStates = ['pending', 'due', 'on_time', 'late', 'skipped', 'overdue'] as const;
export type CheckInState = (typeof checkInStates)[number];

/** A rebuild check-in with the client after a mistake's fix. */
export const checkInSchema = z.object({
  id: z.string(),
  mistakeId: z.string(),
  mistakeRef: z.string(),
  clientId: z.string(),
  /** 1, 2, 3 … in due order. */
  sequence: z.number().int(),
  /** Days after the fix. */
  offsetDays: z.number().int(),
  dueAt: z.string(),
  status: z.enum(checkInStatuses),
  /** pending (not due yet), due (reminder time reached), on_time, late, skipped, overdue (past the grace). */
  state: z.enum(checkInStates),
  method: z.enum(checkInMethods).nullable(),
  /** An internal note on a call or meeting (never sent to the client). */
  note: z.string().nullable(),
  skipReason: z.string().nullable(),
  messageId: z.string().nullable(),
  settledAt: z.string().nullable(),
  settledBy: actorSchema,
  /** When the owner was reminded (null: not yet). */
  remindedAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CheckIn = z.infer<typeof checkInSchema>;

export const checkInListSchema = z.object({ items: z.array(checkInSchema) });

/** Query of GET …/draft. */
export const checkInDraftQuerySchema = z.object({ contactId: idSchema });

/** A drafted check-in message from client-safe fields (the contact's name, the mistake's title, the sender). */
export const checkInDraftSchema = z.object({
  checkInId: z.string(),
  contactId: z.string(),
  toName: z.string(),
  subject: z.string(),
  body: z.string(),
});
export type CheckInDraft = z.infer<typeof checkInDraftSchema>;

/** Sends the check-in message (checked by the client's guard; errors block unless overridden). */
export const checkInSendInputSchema = z.strictObject({
  contactId: idSchema,
  subject: text(MAX_SUBJECT),
  body: text(MAX_MESSAGE_BODY),
  overrideReason: optionalText(1_000),
  draftId: draftIdSchema.optional(),
});
export type CheckInSendInput = z.infer<typeof checkInSendInputSchema>;

export const checkInSendResultSchema = z.object({
  checkIn: checkInSchema,
  message: messageSchema,
  findings: z.array(sourcedFindingSchema),
  overridden: z.boolean(),
});
export type CheckInSendResult = z.infer<typeof checkInSendResultSchema>;

/** Records a check-in done by call or meeting, with an internal note. */
export const checkInRecordInputSchema = z.strictObject({
  method: z.enum(['call', 'meeting']),
  note: optionalText(5_000),
});
export type CheckInRecordInput = z.infer<typeof checkInRecordInputSchema>;

/** Skips a check-in; the reason is required and goes on the timeline. */
export const checkInSkipInputSchema = z.strictObject({ reason: text(1_000) });
export type CheckInSkipInput = z.infer<typeof checkInSkipInputSchema>;

// ---------------------------------------------------------------------------------------------
// Satisfaction check

/** The one question of the satisfaction email and page. */
export const SATISFACTION_QUESTION = 'How well did we put this right?';
/** Days a satisfaction link works. */
export const SATISFACTION_DAYS = 30;
/** The labels of the five answers (1 worst, 5 best). */
export const satisfactionLabels = ['Not at all', 'Poorly', 'Partly', 'Well', 'Very well'] as const;

/** A satisfaction request as the team sees it (never its token). */
export const satisfactionRequestSchema = z.object({
  id: z.string(),
  mistakeId: z.string(),
  mistakeRef: z.string(),
  clientId: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string(),
  messageId: z.string().nullable(),
  requestedBy: actorSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
  /** 1–5, null while unanswered. */
  answer: z.number().int().min(1).max(5).nullable(),
  comment: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** Set when the client changed the answer (once; then it is final). */
  changedAt: z.string().nullable(),
});
export type SatisfactionRequest = z.infer<typeof satisfactionRequestSchema>;

export const satisfactionListSchema = z.object({
  items: z.array(satisfactionRequestSchema),
  /** Mean of the answered requests (null: none answered). */
  average: z.number().nullable(),
});
export type SatisfactionList = z.infer<typeof satisfactionListSchema>;

/** Asks a contact of the mistake's client by email (owners, admins and members). */
export const satisfactionRequestInputSchema = z.strictObject({ contactId: idSchema });
export type SatisfactionRequestInput = z.infer<typeof satisfactionRequestInputSchema>;

/** A satisfaction link's token as mailed: base64url of 32 random bytes. */
export const satisfactionTokenSchema = z
  .string()
  .length(43, 'must be the token from the link')
  .regex(/^[A-Za-z0-9_-]+$/, 'must be the token from the link');

/** The client's answer on the public page. */
export const satisfactionAnswerInputSchema = z.strictObject({
  answer: z.number().int().min(1).max(5),
  comment: optionalText(2_000),
});
export type SatisfactionAnswerInput = z.infer<typeof satisfactionAnswerInputSchema>;

/** What the public page shows: client-safe fields only. */
export const satisfactionPublicSchema = z.object({
  question: z.string(),
  /** Who asks (the workspace's sender name). */
  from: z.string(),
  /** The contact's name as greeted. */
  contactName: z.string(),
  expiresAt: z.string(),
  answer: z.number().int().min(1).max(5).nullable(),
  comment: z.string().nullable(),
  /** True until the answer has been changed once. */
  canAnswer: z.boolean(),
  /** True when an answer was given and may still be changed once. */
  canChange: z.boolean(),
});
export type SatisfactionPublic = z.infer<typeof satisfactionPublicSchema>;
