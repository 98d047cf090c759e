import { z } from 'zod';
import { idSchema } from './common.ts';

// Webhooks: endpoints a workspace registers, and the log of deliveries to them. Routes (owner or admin):
//
//   GET    /api/webhooks                                       → 200 { items: webhookEndpointSchema[] }
//   POST   /api/webhooks               body webhookInputSchema → 201 webhookCreatedSchema (the secret, once)
//   GET    /api/webhooks/:id                                   → 200 webhookEndpointSchema
//   PATCH  /api/webhooks/:id           body webhookPatchSchema → 200 webhookEndpointSchema
//   DELETE /api/webhooks/:id                                   → 204
//   POST   /api/webhooks/:id/rotate-secret                     → 200 webhookCreatedSchema (the new secret, once)
//   GET    /api/webhooks/:id/deliveries?status=&limit=         → 200 { items: webhookDeliverySchema[] }
//   POST   /api/webhooks/:id/deliveries/:deliveryId/resend     → 200 webhookDeliverySchema (queued, same id)
//   POST   /api/webhooks/:id/test                              → 201 webhookDeliverySchema (a `ping`)
//
// A delivery is a POST of `{ id, type, timestamp, data }` signed the Standard Webhooks way
// (webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256>).

/** The events an endpoint can subscribe to. */
export const webhookEventTypes = [
  'mistake.logged',
  'acknowledgment.sent',
  'remedy.issued',
  'remedy.approved',
  'commitment.missed',
  'client.at_risk',
  'lesson.written',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Every type a delivery can carry: the subscribable events and the test `ping`. */
export const webhookDeliveryTypes = [...webhookEventTypes, 'ping'] as const;
export type WebhookDeliveryType = (typeof webhookDeliveryTypes)[number];

export const webhookDeliveryStatuses = ['queued', 'sending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** Upper bound on endpoints per workspace. */
export const MAX_WEBHOOK_ENDPOINTS = 20;

const urlSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000)
  .refine((v) => URL.canParse(v), 'must be an absolute URL like https://example.com/hooks');

const eventsSchema = z
  .array(z.enum(webhookEventTypes))
  .min(1, 'choose at least one event')
  .max(webhookEventTypes.length)
  .transform((events) => [...new Set(events)]);

export const webhookInputSchema = z.strictObject({
  url: urlSchema,
  description: z.string().trim().max(200).default(''),
  events: eventsSchema,
  enabled: z.boolean().default(true),
});
export type WebhookInput = z.infer<typeof webhookInputSchema>;

export const webhookPatchSchema = z
  .strictObject({
    url: urlSchema,
    description: z.string().trim().max(200),
    events: eventsSchema,
    enabled: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'name at least one of url, description, events, enabled');
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;

/** An endpoint as the API shows it: never its secret (that is shown once, at creation or rotation). */
export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  enabled: z.boolean(),
  /** The secret's first characters, to tell secrets apart (`whsec_abcd…`). */
  secretHint: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** Creation or rotation: the endpoint and its signing secret, shown this once. */
export const webhookCreatedSchema = z.object({
  endpoint: webhookEndpointSchema,
  secret: z.string(),
});
export type WebhookCreated = z.infer<typeof webhookCreatedSchema>;

/** One delivery: what was sent (or will be), how it went. */
export const webhookDeliverySchema = z.object({
  /** Stable across retries and resends: the body's `id` and the `webhook-id` header. */
  id: z.string(),
  endpointId: z.string(),
  type: z.enum(webhookDeliveryTypes),
  /** The timeline event it came from (null for a ping). */
  eventId: z.string().nullable(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** HTTP status of the last attempt (null when it never got one). */
  responseCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /** How long the last attempt took, in milliseconds. */
  durationMs: z.number().int().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  /** The JSON body sent. */
  body: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookParamsSchema = z.object({ id: idSchema });
export const webhookDeliveryParamsSchema = z.object({ id: idSchema, deliveryId: idSchema });

export const webhookDeliveryQuerySchema = z.strictObject({
  status: z.enum(webhookDeliveryStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WebhookDeliveryQuery = z.infer<typeof webhookDeliveryQuerySchema>;
