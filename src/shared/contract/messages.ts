import { z } from 'zod';

// Messages to clients (and reminders to owners), sent through the outbox.

export const messageKinds = [
  'acknowledgment',
  'accounting',
  'update',
  'follow_up',
  'reminder',
  'improvement_plan',
  'invitation',
  'password_reset',
  'satisfaction',
] as const;
/** Kinds whose body carries a one-time link: the link is hidden from every outbox listing. */
export const secretLinkKinds: readonly MessageKind[] = ['invitation', 'password_reset', 'satisfaction'];
export const messageStatuses = ['draft', 'queued', 'sending', 'sent', 'failed'] as const;
export type MessageKind = (typeof messageKinds)[number];
export type MessageStatus = (typeof messageStatuses)[number];

export const messageSchema = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  mistakeId: z.string().nullable(),
  kind: z.enum(messageKinds),
  status: z.enum(messageStatuses),
  fromName: z.string(),
  /** Who replies reach: the member who wrote it (absent on messages from before issue 13, and on system mail). */
  replyToName: z.string().nullable().optional(),
  replyToAddress: z.string().nullable().optional(),
  toName: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The RFC 5322 Message-ID, fixed when queued so a retry can never become a second message. */
  messageId: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

/** Filters of GET /api/messages. */
export const messageFilterSchema = z.object({
  mistakeId: z.string().min(1).max(64).optional(),
  clientId: z.string().min(1).max(64).optional(),
  status: z.enum(messageStatuses).optional(),
  kind: z.enum(messageKinds).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MessageFilter = z.infer<typeof messageFilterSchema>;

export const messageListSchema = z.object({ items: z.array(messageSchema) });

export const notificationKinds = ['reminder', 'missed', 'update_due', 'action_due', 'action_overdue', 'check_due', 'check_in_due', 'client_at_risk', 'relay_held', 'relay_failed', 'calendar_conflict'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** An in-app notification to one user: a commitment reminder, a missed commitment, an update due. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  clientId: z.string().nullable(),
  mistakeId: z.string().nullable(),
  commitmentId: z.string().nullable(),
  /** The email sent alongside, if any (an outbox message id). */
  messageId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationFilterSchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type NotificationFilter = z.infer<typeof notificationFilterSchema>;

export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
