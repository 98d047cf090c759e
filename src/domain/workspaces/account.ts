import type { AccountTimeZone, AccountTimeZoneInput, ChangePasswordInput } from '../../shared/contract/index.ts';
import { DomainError } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { requireStrongPassword } from './password-policy.ts';
import { perAccountRule, type ThrottleCounters } from './sign-in-throttle.ts';
import { issueSession, type IssuedSession } from './workspaces.ts';

/** The throttle key for wrong current passwords of one user (a stolen session must not guess fast). */
export function passwordChangeKey(userId: string): string {
  return `password-change:user:${userId}`;
}

/**
 * Self-service password change for every member (any role). The current password must be right
 * (400 naming currentPassword; wrong guesses are throttled like sign-ins); the new one must pass
 * the password policy (400 naming newPassword with the estimator's reason) and differ from the
 * current one. Every session of the user ends and the caller gets a fresh one in the same
 * transaction: the browser that changed it stays signed in, every other one is signed out.
 */
export async function changePassword(
  deps: Deps,
  counters: ThrottleCounters,
  actor: Actor,
  input: ChangePasswordInput,
): Promise<IssuedSession> {
  if (!actor.userId) throw new DomainError('forbidden', 'Only a signed-in member can change their password.');
  const userId = actor.userId;
  const user = await deps.store.users.get(userId);
  if (!user) throw new DomainError('unauthenticated');
  const now = deps.clock.now();
  const key = passwordChangeKey(userId);
  const verdict = await counters.hit(key, now, perAccountRule);
  if (!verdict.allowed) {
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    throw new DomainError('rate_limited', `Too many wrong current passwords; try again in ${seconds} s.`, {
      retryAfterSeconds: seconds,
    });
  }
  if (!(await deps.crypto.verifyPassword(user.passwordHash, input.currentPassword))) {
    const message = 'is not your current password';
    throw new DomainError('validation_failed', `currentPassword: ${message}.`, {
      field: 'currentPassword',
      issues: [{ field: 'currentPassword', message }],
    });
  }
  await counters.clear(key);
  if (input.newPassword === input.currentPassword) {
    const message = 'must differ from the current password';
    throw new DomainError('validation_failed', `newPassword: ${message}.`, {
      field: 'newPassword',
      issues: [{ field: 'newPassword', message }],
    });
  }
  const workspace = await deps.store.workspaces.get(actor.workspaceId);
  requireStrongPassword(input.newPassword, [user.email, user.name, workspace?.name ?? ''], 'newPassword');
  const passwordHash = await deps.crypto.hashPassword(input.newPassword);
  return deps.store.transaction(async (store) => {
    const tx = { ...deps, store };
    await store.users.setCredentials(userId, user.name, passwordHash);
    const ended = await store.sessions.deleteForUser(actor.workspaceId, userId);
    await recordEvent(tx, actor, {
      type: 'member.password_changed',
      summary: `${user.name} changed their password`,
      data: { userId, sessionsEnded: Math.max(0, ended - 1) },
    });
    return issueSession(tx, userId, actor.workspaceId);
  });
}

/**
 * A member's own time zone (any role): times are shown and read in it instead of the workspace's;
 * null goes back to the workspace's. On the timeline.
 */
export async function setOwnTimeZone(
  deps: Deps,
  actor: Actor,
  input: AccountTimeZoneInput,
): Promise<AccountTimeZone> {
  if (!actor.userId) throw new DomainError('forbidden', 'Only a signed-in member has their own time zone.');
  const userId = actor.userId;
  const workspace = await deps.store.workspaces.get(actor.workspaceId);
  if (!workspace) throw new DomainError('workspace_not_found');
  await deps.store.transaction(async (store) => {
    await store.users.setMemberTimezone(actor.workspaceId, userId, input.timezone);
    await recordEvent({ ...deps, store }, actor, {
      type: 'member.timezone_changed',
      summary: input.timezone
        ? `${actor.name} shows times in ${input.timezone}`
        : `${actor.name} shows times in the workspace's zone (${workspace.timezone})`,
      data: { userId, timezone: input.timezone },
    });
  });
  return { timezone: input.timezone, effective: input.timezone ?? workspace.timezone };
}
