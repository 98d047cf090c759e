import { z } from 'zod';

// Messages to clients (and reminders to owners), sent through the outbox.

export const messageKinds = ['acknowledgment', 'accounting', 'update', 'follow_up', 'reminder'] as const;
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
