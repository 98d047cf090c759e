import { z } from 'zod';
import { actorSchema, idSchema, instantSchema, moneySchema, optionalText, text } from './common.ts';

export const mistakeCategories = [
  'communication',
  'deliverable_quality',
  'deadline',
  'billing',
  'requirements',
  'wrong_fact',
  'other',
] as const;
export const severities = ['minor', 'major', 'critical'] as const;
export const finders = ['us', 'client', 'third_party'] as const;
/** The recovery stages in order; a stage is reached only by recording the fact that earns it. */
export const recoveryStages = ['found', 'acknowledged', 'remedied', 'fixed', 'learned', 'verified', 'closed'] as const;
export const acknowledgmentChannels = ['email', 'phone', 'meeting', 'chat', 'other'] as const;

export type MistakeCategory = (typeof mistakeCategories)[number];
export type Severity = (typeof severities)[number];
export type Finder = (typeof finders)[number];
export type RecoveryStage = (typeof recoveryStages)[number];
export type AcknowledgmentChannel = (typeof acknowledgmentChannels)[number];

export const mistakeSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  ref: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.enum(mistakeCategories),
  severity: z.enum(severities),
  impact: moneySchema,
  foundBy: z.enum(finders),
  happenedAt: z.string().nullable(),
  foundAt: z.string(),
  stage: z.enum(recoveryStages),
  reached: z.object({
    acknowledged: z.string().nullable(),
    remedied: z.string().nullable(),
    fixed: z.string().nullable(),
    learned: z.string().nullable(),
    verified: z.string().nullable(),
    closed: z.string().nullable(),
  }),
  ownerId: z.string().nullable(),
  /** It happened again (a later mistake is marked as its repeat) and is not re-verified since. */
  regressed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Mistake = z.infer<typeof mistakeSchema>;

/** Longest mistake title and description (the web forms put the same limits on their fields). */
export const MAX_MISTAKE_TITLE = 200;
export const MAX_MISTAKE_DESCRIPTION = 10_000;

export const mistakeInputSchema = z
  .strictObject({
    clientId: idSchema,
    title: text(MAX_MISTAKE_TITLE),
    description: optionalText(MAX_MISTAKE_DESCRIPTION),
    category: z.enum(mistakeCategories).default('other'),
    severity: z.enum(severities).default('minor'),
    impact: moneySchema.optional(),
    foundBy: z.enum(finders).default('us'),
    happenedAt: instantSchema.nullish().transform((v) => v ?? null),
    foundAt: instantSchema.optional(),
    ownerId: idSchema.nullish().transform((v) => v ?? null),
  })
  .refine((m) => !m.happenedAt || !m.foundAt || m.happenedAt <= m.foundAt, {
    message: 'must not be after foundAt',
    path: ['happenedAt'],
  });
export type MistakeInput = z.infer<typeof mistakeInputSchema>;

export const mistakePatchSchema = z
  .strictObject({
    title: text(MAX_MISTAKE_TITLE),
    description: optionalText(MAX_MISTAKE_DESCRIPTION),
    category: z.enum(mistakeCategories),
    severity: z.enum(severities),
    impact: moneySchema,
    ownerId: idSchema.nullable(),
  })
  .partial();
export type MistakePatch = z.infer<typeof mistakePatchSchema>;

/** An opaque page cursor (base64url). */
const cursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this list gave out');

export const mistakeFilterSchema = z.object({
  clientId: idSchema.optional(),
  stage: z.enum(recoveryStages).optional(),
  severity: z.enum(severities).optional(),
  category: z.enum(mistakeCategories).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque: the `nextCursor` of the previous page (keyset on found time and number, newest first). */
  cursor: cursorSchema.optional(),
  /**
   * How to count the matches: `bounded` (the default on the first page) counts up to
   * MISTAKE_COUNT_BOUND and answers `totalExact: false` beyond it ("1,000+"); `exact` counts them
   * all; `none` (the default with a cursor) answers `total: null`.
   */
  count: z.enum(['bounded', 'exact', 'none']).optional(),
});
export type MistakeFilter = z.infer<typeof mistakeFilterSchema>;

/** A bounded count stops here: the list then says "1,000+". */
export const MISTAKE_COUNT_BOUND = 1000;

export const mistakePageSchema = z.object({
  items: z.array(mistakeSchema),
  /** Matches counted as asked (`count`); null when not counted. */
  total: z.number().int().nullable(),
  /** False when `total` is the bound and there are more. */
  totalExact: z.boolean(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type MistakePage = z.infer<typeof mistakePageSchema>;

export const acknowledgmentSchema = z.object({
  id: z.string(),
  mistakeId: z.string(),
  at: z.string(),
  channel: z.enum(acknowledgmentChannels),
  contactId: z.string().nullable(),
  recipient: z.string(),
  note: z.string().nullable(),
  messageId: z.string().nullable(),
  createdAt: z.string(),
});
export type Acknowledgment = z.infer<typeof acknowledgmentSchema>;

export const acknowledgmentInputSchema = z
  .strictObject({
    at: instantSchema.optional(),
    channel: z.enum(acknowledgmentChannels),
    contactId: idSchema.nullish().transform((v) => v ?? null),
    recipient: optionalText(200),
    note: optionalText(5_000),
  })
  .refine((a) => a.contactId || a.recipient, {
    message: 'name a contact or a recipient',
    path: ['recipient'],
  });
export type AcknowledgmentInput = z.infer<typeof acknowledgmentInputSchema>;

export const eventSchema = z.object({
  id: z.string(),
  mistakeId: z.string().nullable(),
  clientId: z.string().nullable(),
  type: z.string(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
  actor: actorSchema,
  at: z.string(),
});
export type TimelineEvent = z.infer<typeof eventSchema>;

/** A page of a long timeline (a client's), newest first. */
export const timelinePageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: cursorSchema.optional(),
});
export type TimelinePageQuery = z.infer<typeof timelinePageQuerySchema>;

export const timelinePageSchema = z.object({
  items: z.array(eventSchema),
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof timelinePageSchema>;
