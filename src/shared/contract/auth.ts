import { z } from 'zod';
import { roles, text } from './common.ts';

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
  timezone: z.string().min(1).max(64).optional(),
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
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  workspace: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  role: z.enum(roles),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

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
