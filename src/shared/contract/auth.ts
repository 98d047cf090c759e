import { z } from 'zod';
import { roles, text } from './common.ts';
import { timeZoneSchema } from './settings.ts';

export const setupStatusSchema = z.object({ needed: z.boolean() });

export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const setupInputSchema = z.strictObject({
  workspaceName: text(120),
  ownerName: text(120),
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: passwordSchema,
  timezone: timeZoneSchema.optional(),
  /** The From name of client mail; the workspace name when not given. */
  senderName: z.string().trim().min(1).max(120).optional(),
});
export type SetupInput = z.infer<typeof setupInputSchema>;

export const signInInputSchema = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

export const sessionSchema = z.object({
  /** `timezone`: the member's own zone, when they chose one over the workspace's (null: the workspace's). */
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), timezone: z.string().nullable() }),
  workspace: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  role: z.enum(roles),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

/** A member's own time zone (account settings); null goes back to the workspace's. */
export const accountTimeZoneInputSchema = z.strictObject({ timezone: timeZoneSchema.nullable() });
export type AccountTimeZoneInput = z.infer<typeof accountTimeZoneInputSchema>;
/** The member's own zone after the change (null: the workspace's), and the zone their times now show in. */
export const accountTimeZoneSchema = z.object({ timezone: z.string().nullable(), effective: z.string() });
export type AccountTimeZone = z.infer<typeof accountTimeZoneSchema>;

/** Roles that can be given to a member; there is exactly one owner, made at setup. */
export const assignableRoles = ['admin', 'member', 'viewer'] as const;
export type AssignableRole = (typeof assignableRoles)[number];

export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  /** When they joined the workspace (UTC ISO). */
  since: z.string(),
});
export type MemberInfo = z.infer<typeof memberSchema>;

export const memberListSchema = z.object({ items: z.array(memberSchema) });

/** Adding a member: the adder chooses a temporary password and tells them (there is no invitation mail). */
export const addMemberInputSchema = z.strictObject({
  name: text(120),
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: passwordSchema,
  role: z.enum(assignableRoles),
});
export type AddMemberInput = z.infer<typeof addMemberInputSchema>;

export const changeMemberRoleInputSchema = z.strictObject({ role: z.enum(assignableRoles) });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleInputSchema>;

/** Changing your own password (any member): the current one, and a new one that meets the policy. */
export const changePasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;
