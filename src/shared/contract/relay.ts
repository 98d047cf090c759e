import { z } from 'zod';
import { findingSchema } from './engines.ts';

// Contract of the SMTP relay (issue 15 A): mail a member submitted through `makegood relay` that the
// pre-send guard held, warned about or let through, and what can be done with a held one.

/** Where a relayed message is: queued/sending to the upstream, held, relayed, discarded or failed. */
export const relayStatuses = ['queued', 'sending', 'held', 'relayed', 'discarded', 'failed'] as const;
export type RelayStatus = (typeof relayStatuses)[number];

/** Why it went the way it did: no known client, checked clean, held, warned (delivered, then told), released. */
export const relayDecisions = ['untouched', 'clean', 'held', 'warned', 'released'] as const;
export type RelayDecision = (typeof relayDecisions)[number];

/** What the relay does with a message to a known client that has error findings (a workspace setting). */
export const relayModes = ['hold', 'warn'] as const;
export type RelayMode = (typeof relayModes)[number];

/** Largest message the relay accepts by default (advertised with SIZE), in bytes. */
export const RELAY_DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

export const relayMessageSchema = z.object({
  id: z.string(),
  status: z.enum(relayStatuses),
  decision: z.enum(relayDecisions),
  /** The member who submitted it (the API token's member). */
  sender: z.object({ id: z.string(), name: z.string() }),
  envelopeFrom: z.string(),
  envelopeTo: z.array(z.string()),
  subject: z.string(),
  /** The known client among the recipients (its guard checked the text); null when none. */
  client: z.object({ id: z.string(), name: z.string() }).nullable(),
  findings: z.array(findingSchema),
  sizeBytes: z.number().int(),
  attachments: z.number().int(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  relayedAt: z.string().nullable(),
  /** Who released or discarded it, and when. */
  resolvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  resolvedAt: z.string().nullable(),
});
export type RelayMessageDto = z.infer<typeof relayMessageSchema>;

/** One held message with the text the guard read (so the findings' spans can be shown in place). */
export const relayMessageDetailSchema = relayMessageSchema.extend({ text: z.string() });
export type RelayMessageDetail = z.infer<typeof relayMessageDetailSchema>;

/** Filters of GET /api/relay/messages. */
export const relayFilterSchema = z.strictObject({
  status: z.enum(relayStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RelayFilter = z.infer<typeof relayFilterSchema>;

export const relayMessageListSchema = z.object({ items: z.array(relayMessageSchema) });
