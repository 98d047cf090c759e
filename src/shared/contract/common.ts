import { z } from 'zod';

// Browser-safe building blocks shared by the API schemas, the domain and the web app.

/** Upper bound for any money amount in minor units (fits a JS safe integer and a SQL bigint). */
export const MAX_MINOR_UNITS = 1_000_000_000_000_000;

/** A record id (opaque text). */
export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be an id');

/** An ISO 8601 instant; always stored and returned in UTC with a `Z`. */
export const instantSchema = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

/** Integer minor units plus an ISO 4217 currency code: never floats. */
export const moneySchema = z.object({
  amountMinor: z.number().int().min(0).max(MAX_MINOR_UNITS),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD'),
});
export type Money = z.infer<typeof moneySchema>;

/** Non-empty trimmed text with a maximum length. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
/** Optional text: empty strings become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** The one error body every failing request answers with. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A page of results with the total count that matched. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const roles = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Who did something, as shown on a timeline. */
export const actorSchema = z.object({ id: z.string(), name: z.string() }).nullable();
