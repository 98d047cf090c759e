import {
  PASSWORD_RESET_MINUTES,
  type PasswordResetConfirm,
  type PasswordResetRequest,
} from '../../shared/contract/index.ts';
import { DomainError } from '../errors.ts';
import { queueMessage } from '../messages/outbox.ts';
import { hiddenLink } from '../messages/secret-links.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import type { LinkBase } from './invitations.ts';
import { requireStrongPassword } from './password-policy.ts';
import { signInKeys, type ThrottleCounters, type ThrottleRule } from './sign-in-throttle.ts';
import { issueSession, type IssuedSession } from './workspaces.ts';

// Password reset by email (issue 14 B), for every member. A request answers the same for known
// and unknown emails and does the same work for both: a random token, its SHA-256, one transaction
// that stores a request row (with user_id null for an unknown email, so it can never be used);
// only a member's request also queues the mail with the link (/reset/<token>, 1 hour). Setting the
// new password uses the link once, ends every session of the member and signs this browser in.

const MINUTE = 60_000;

/**
 * Reset mails per email: 3 an hour. Over it the request still answers 202 but sends nothing (the
 * same for every email, so the limit reveals nothing and a flood cannot fill someone's inbox).
 * Requests per address are limited at the route (429).
 */
export const resetMailRule: ThrottleRule = {
  limit: 3,
  windowMs: 60 * MINUTE,
  blockMs: 60 * MINUTE,
  maxBlockMs: 60 * MINUTE,
  forgetMs: 24 * 60 * MINUTE,
};

/** The throttle key of reset mails for one email. */
export function resetMailKey(email: string): string {
  return `password-reset:email:${email.trim().toLowerCase()}`;
}

/** The one answer to every reset request. */
export const RESET_ACCEPTED = {
  status: 'accepted' as const,
  message: 'If that email belongs to a member, a link to set a new password is on its way. It works for one hour.',
};

function resetBody(name: string, workspace: string, link: string): string {
  return [
    `Hello ${name},`,
    '',
    `Someone (hopefully you) asked to reset your makegood password for ${workspace}.`,
    '',
    'Open this link to choose a new password:',
    '',
    link,
    '',
    `The link works once and expires in ${PASSWORD_RESET_MINUTES} minutes. Setting a new password signs you out everywhere else.`,
    'If you did not ask for this, ignore this email: your password stays as it is.',
    '',
    '— makegood',
  ].join('\n');
}

/** Asks for a reset link for an email; resolves the same way whether or not anyone has it. */
export async function requestPasswordReset(
  deps: Deps,
  counters: ThrottleCounters,
  input: PasswordResetRequest,
  links: LinkBase,
): Promise<typeof RESET_ACCEPTED> {
  const now = deps.clock.now();
  const allowed = (await counters.hit(resetMailKey(input.email), now, resetMailRule)).allowed;
  if (!allowed) return RESET_ACCEPTED;
  const token = deps.crypto.randomToken();
  const tokenHash = deps.crypto.sha256(token);
  const user = await deps.store.users.findByEmail(input.email);
  const membership = user ? await deps.store.users.firstMembership(user.id) : null;
  const workspace = membership ? await deps.store.workspaces.get(membership.workspaceId) : null;
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_MINUTES * MINUTE).toISOString();
  await deps.store.transaction(async (store) => {
    // Housekeeping first, for every request alike: requests expired a day ago are forgotten.
    await store.passwordResets.deleteExpired(new Date(now.getTime() - 24 * 60 * MINUTE).toISOString());
    const member = user && membership && workspace ? { user, membership, workspace } : null;
    if (member) await store.passwordResets.voidForUser(member.user.id, now.toISOString());
    await store.passwordResets.create({
      id: deps.ids.id(),
      tokenHash,
      userId: member?.user.id ?? null,
      email: input.email,
      createdAt: now.toISOString(),
      expiresAt,
      usedAt: null,
    });
    if (!member) return;
    const message = await queueMessage(
      deps,
      member.workspace.id,
      {
        kind: 'password_reset',
        clientId: null,
        mistakeId: null,
        fromName: 'makegood',
        toName: member.user.name,
        toAddress: member.user.email,
        subject: 'Reset your makegood password',
        body: resetBody(member.user.name, member.workspace.name, hiddenLink(links.linkBase, 'reset')),
      },
      store,
    );
    // The token waits apart from the body; only the mailer puts it into the link.
    await store.messageSecrets.put(member.workspace.id, message.id, token, message.createdAt);
    const actor: Actor = {
      workspaceId: member.workspace.id,
      userId: member.user.id,
      name: member.user.name,
      role: member.membership.role,
    };
    await recordEvent({ ...deps, store }, actor, {
      type: 'member.password_reset_requested',
      summary: `A password reset link was sent to ${member.user.email}`,
      data: { userId: member.user.id },
    });
  });
  return RESET_ACCEPTED;
}

async function usableReset(deps: Deps, token: string) {
  const reset = await deps.store.passwordResets.findByTokenHash(deps.crypto.sha256(token));
  if (!reset || !reset.userId) throw new DomainError('reset_token_invalid');
  if (reset.usedAt) throw new DomainError('reset_token_used');
  if (Date.parse(reset.expiresAt) <= deps.clock.now().getTime()) throw new DomainError('reset_token_expired');
  const user = await deps.store.users.get(reset.userId);
  const membership = user ? await deps.store.users.firstMembership(user.id) : null;
  // Removed from the workspace since the link was sent: the link no longer leads anywhere.
  if (!user || !membership) throw new DomainError('reset_token_invalid');
  return { reset, user, membership, userId: reset.userId };
}

/** Whether a reset link still works (for the page, before the member types a password). */
export async function previewPasswordReset(deps: Deps, token: string): Promise<{ expiresAt: string }> {
  const { reset } = await usableReset(deps, token);
  return { expiresAt: reset.expiresAt };
}

/**
 * Sets a new password with a reset link: the link is used up, every other reset link of the member
 * is void, every session of theirs ends and this browser gets a fresh one, in one transaction. A
 * guessable password is 400 naming newPassword; a used, expired or unknown link a clear 4xx.
 */
export async function confirmPasswordReset(
  deps: Deps,
  counters: ThrottleCounters,
  input: PasswordResetConfirm,
  ip: string,
): Promise<IssuedSession> {
  const { reset, user, membership, userId } = await usableReset(deps, input.token);
  const workspace = await deps.store.workspaces.get(membership.workspaceId);
  requireStrongPassword(input.newPassword, [user.email, user.name, workspace?.name ?? ''], 'newPassword');
  const passwordHash = await deps.crypto.hashPassword(input.newPassword);
  const now = deps.clock.now().toISOString();
  const actor: Actor = { workspaceId: membership.workspaceId, userId, name: user.name, role: membership.role };
  const issued = await deps.store.transaction(async (store) => {
    if (!(await store.passwordResets.markUsed(reset.id, now))) throw new DomainError('reset_token_used');
    await store.passwordResets.voidForUser(userId, now);
    await store.users.setCredentials(userId, user.name, passwordHash);
    const ended = await store.sessions.deleteForUser(membership.workspaceId, userId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'member.password_reset',
      summary: `${user.name} set a new password with a reset link`,
      data: { userId, sessionsEnded: ended },
    });
    return issueSession({ ...deps, store }, userId, membership.workspaceId);
  });
  // The owner of the mailbox proved themselves: earlier wrong guesses no longer lock them out.
  await counters.clear(signInKeys(ip, user.email).account);
  return issued;
}
