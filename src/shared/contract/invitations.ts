import { z } from 'zod';
import { assignableRoles, passwordSchema } from './auth.ts';
import { text } from './common.ts';

// Invitations by email and password reset by email (issue 14 B). Tokens travel only in the mailed
// link; the API stores and compares their SHA-256.

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;
/** How long a password-reset link works. */
export const PASSWORD_RESET_MINUTES = 60;

const email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

/** A link token as mailed (base64url of 32 random bytes); anything else is refused naming it. */
export const linkTokenSchema = z
  .string()
  .min(1, 'must be the token from the link')
  .max(128, 'must be the token from the link')
  .regex(/^[A-Za-z0-9_-]+$/, 'must be the token from the link');

/** Inviting someone by email (owners and admins). */
export const inviteInputSchema = z.strictObject({ email, role: z.enum(assignableRoles) });
export type InviteInput = z.infer<typeof inviteInputSchema>;

/** A pending invitation as listed in Settings → Members (never its token). */
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(assignableRoles),
  invitedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  createdAt: z.string(),
  /** When the latest link was sent (a resend moves it). */
  sentAt: z.string(),
  expiresAt: z.string(),
  /** True once the latest link has expired: it can be resent. */
  expired: z.boolean(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationListSchema = z.object({ items: z.array(invitationSchema) });

/** What the accept page shows before the invitee chooses a name and password. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: z.enum(assignableRoles),
  workspaceName: z.string(),
  invitedByName: z.string(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** Accepting an invitation: the token from the link, the invitee's own name and password. */
export const acceptInvitationInputSchema = z.strictObject({
  token: linkTokenSchema,
  name: text(120),
  password: passwordSchema,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInputSchema>;

/** Asking for a password-reset link. */
export const passwordResetRequestSchema = z.strictObject({ email });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** The one answer to a reset request, whether or not anyone has the email. */
export const passwordResetAcceptedSchema = z.object({ status: z.literal('accepted'), message: z.string() });

/** What the reset page shows before the member types a new password. */
export const passwordResetPreviewSchema = z.object({ expiresAt: z.string() });

/** Setting a new password with the token from the link. */
export const passwordResetConfirmSchema = z.strictObject({ token: linkTokenSchema, newPassword: passwordSchema });
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;
