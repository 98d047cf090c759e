import { z } from 'zod';
import { idSchema, instantSchema, moneySchema, optionalText, text } from './common.ts';

export const clientTiers = ['key', 'standard'] as const;
export const clientStatuses = ['active', 'at_risk', 'lost'] as const;
export const honorifics = ['Mr', 'Ms', 'Mrs', 'Mx', 'Dr', 'none'] as const;
export const factKinds = ['phone', 'short_code', 'url', 'email', 'price', 'identifier', 'term', 'date'] as const;
export const commitmentStatuses = ['open', 'done', 'missed'] as const;

export type ClientTier = (typeof clientTiers)[number];
export type ClientStatus = (typeof clientStatuses)[number];
export type Honorific = (typeof honorifics)[number];
export type FactKind = (typeof factKinds)[number];
export type CommitmentStatus = (typeof commitmentStatuses)[number];

export const clientSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  tier: z.enum(clientTiers),
  status: z.enum(clientStatuses),
  value: moneySchema,
  ownerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof clientSchema>;

export const clientInputSchema = z.strictObject({
  name: text(160),
  aliases: z.array(text(160)).max(20).default([]),
  tier: z.enum(clientTiers).default('standard'),
  status: z.enum(clientStatuses).default('active'),
  value: moneySchema.default({ amountMinor: 0, currency: 'USD' }),
  ownerId: idSchema.nullish().transform((v) => v ?? null),
});
export type ClientInput = z.infer<typeof clientInputSchema>;
export const clientPatchSchema = z.strictObject({
    name: text(160),
    aliases: z.array(text(160)).max(20),
    tier: z.enum(clientTiers),
    status: z.enum(clientStatuses),
    value: moneySchema,
    ownerId: idSchema.nullable(),
  })
  .partial();
export type ClientPatch = z.infer<typeof clientPatchSchema>;

export const contactSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  fullName: z.string(),
  preferredName: z.string().nullable(),
  honorific: z.enum(honorifics),
  pronouns: z.string().nullable(),
  pronunciation: z.string().nullable(),
  email: z.string().nullable(),
  isBilling: z.boolean(),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactInputSchema = z.strictObject({
  fullName: text(160),
  preferredName: optionalText(80),
  honorific: z.enum(honorifics).default('none'),
  pronouns: optionalText(40),
  pronunciation: optionalText(200),
  email: z
    .email()
    .max(254)
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  isBilling: z.boolean().default(false),
});
export type ContactInput = z.infer<typeof contactInputSchema>;
export const contactPatchSchema = contactInputSchema.partial();
export type ContactPatch = z.infer<typeof contactPatchSchema>;

export const factSchema = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  kind: z.enum(factKinds),
  value: z.string(),
  label: z.string().nullable(),
  createdAt: z.string(),
});
export type Fact = z.infer<typeof factSchema>;

export const factInputSchema = z.strictObject({
  kind: z.enum(factKinds),
  value: text(500),
  label: optionalText(160),
});
export type FactInput = z.infer<typeof factInputSchema>;

export const commitmentSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  mistakeId: z.string().nullable(),
  title: z.string(),
  dueAt: z.string(),
  status: z.enum(commitmentStatuses),
  isFix: z.boolean(),
  ownerId: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Recorded after its due time had passed: never turned into a missed-commitment mistake. */
  recordedLate: z.boolean(),
  createdAt: z.string(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** Longest commitment title ("what was promised"). */
export const MAX_COMMITMENT_TITLE = 200;

export const commitmentInputSchema = z.strictObject({
  title: text(MAX_COMMITMENT_TITLE),
  dueAt: instantSchema,
  ownerId: idSchema.nullish().transform((v) => v ?? null),
  /** Says a due time in the past is being recorded after the fact (else it is refused). */
  recordedAfterTheFact: z.boolean().optional(),
});
export type CommitmentInput = z.infer<typeof commitmentInputSchema>;
