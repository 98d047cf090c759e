import { z } from 'zod';
import { instantSchema, roles, text } from './common.ts';

// Contract for personal API tokens: create (the token is in this one answer only), list, revoke.

/** What a token may do: `read` only GET/HEAD (and the read-only checks), `read_write` everything the member's role allows. */
export const apiTokenScopes = ['read', 'read_write'] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/** Every token starts with this, so secret scanners (and people) recognise a leaked one. */
export const API_TOKEN_PREFIX = 'mg_pat_';

/** A token as sent: the prefix and 43 base64url characters (32 random bytes). */
export const apiTokenPattern = /^mg_pat_[A-Za-z0-9_-]{43}$/;

/** How many tokens one member may hold in one workspace. */
export const MAX_API_TOKENS_PER_MEMBER = 50;

export const apiTokenInputSchema = z.strictObject({
  name: text(100),
  scope: z.enum(apiTokenScopes),
  /** When the token stops working (UTC); null or absent = never. Must be in the future. */
  expiresAt: instantSchema.nullish().transform((v) => v ?? null),
});
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;

/** A token as listed: never the token itself, nor its hash. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(apiTokenScopes),
  /** The member whose token it is (their role applies to every request made with it). */
  user: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  /** Updated at most once a minute. */
  lastUsedAt: z.string().nullable(),
  expired: z.boolean(),
});
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

/** The answer to a create: the token, shown this once (only its hash is kept). */
export const createdApiTokenSchema = z.object({ token: z.string(), apiToken: apiTokenSchema });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

/** Who a bearer token acts as (GET /api/tokens/current): the CLI's `login` check. */
export const currentApiTokenSchema = z.object({
  apiToken: apiTokenSchema,
  workspace: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(roles),
});
export type CurrentApiToken = z.infer<typeof currentApiTokenSchema>;
