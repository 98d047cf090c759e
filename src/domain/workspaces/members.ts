import type { AddMemberInput, AssignableRole, MemberInfo } from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { requireStrongPassword } from './password-policy.ts';
import { DomainError, notFound } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';

/** People in the actor's workspace, by name. */
export function listMembers(deps: Deps, actor: Actor): Promise<MemberInfo[]> {
  return deps.store.users.members(actor.workspaceId);
}

async function findMember(deps: Deps, actor: Actor, userId: string): Promise<MemberInfo> {
  const member = (await deps.store.users.members(actor.workspaceId)).find((m) => m.id === userId);
  // A user of another workspace is as unknown here as one who does not exist.
  if (!member) throw notFound('user_not_found');
  return member;
}

/**
 * Adds a person with a password the adder chose (owners and admins). There is no invitation
 * mail: the adder tells them their temporary password. User, membership and the timeline event
 * are written in one transaction. A removed person (an email that belongs to no workspace any
 * more) can be added again: same user, the new name and password.
 */
export async function addMember(deps: Deps, actor: Actor, input: AddMemberInput): Promise<MemberInfo> {
  requireRole(actor, 'admin');
  const taken = () => new DomainError('email_taken', 'Another user already has this email.', { field: 'email' });
  const existing = await deps.store.users.findByEmail(input.email);
  if (existing && (await deps.store.users.firstMembership(existing.id))) throw taken();
  requireStrongPassword(input.password, [input.email, input.name]);
  const passwordHash = await deps.crypto.hashPassword(input.password);
  const now = deps.clock.now().toISOString();
  const userId = existing?.id ?? deps.ids.id();
  try {
    await deps.store.transaction(async (store) => {
      if (existing) await store.users.setCredentials(userId, input.name, passwordHash);
      else await store.users.create({ id: userId, name: input.name, email: input.email, passwordHash, createdAt: now });
      await store.users.addMembership(actor.workspaceId, userId, input.role, now);
      await recordEvent({ ...deps, store }, actor, {
        type: 'member.added',
        summary: `${input.name} added as ${input.role}`,
        data: { userId, role: input.role },
      });
    });
  } catch (error) {
    // Two adds of the same email at once: a unique index refuses the second one.
    const winner = await deps.store.users.findByEmail(input.email);
    if (winner && (await deps.store.users.firstMembership(winner.id))) throw taken();
    throw error;
  }
  return { id: userId, name: input.name, email: input.email, role: input.role, since: now };
}

/** Changes a member's role (owners and admins). The owner's role is fixed; nobody becomes a second owner. */
export async function changeMemberRole(
  deps: Deps,
  actor: Actor,
  userId: string,
  role: AssignableRole,
): Promise<MemberInfo> {
  requireRole(actor, 'admin');
  const member = await findMember(deps, actor, userId);
  if (member.role === 'owner') {
    throw new DomainError('owner_role_locked', "The owner's role cannot be changed.", { field: 'role' });
  }
  if (member.role === role) return member;
  await deps.store.transaction(async (store) => {
    await store.users.setRole(actor.workspaceId, userId, role);
    await recordEvent({ ...deps, store }, actor, {
      type: 'member.role_changed',
      summary: `${member.name}: ${member.role} → ${role}`,
      data: { userId, from: member.role, to: role },
    });
  });
  return { ...member, role };
}

/** Removes a member (owners and admins; never the owner, never yourself) and ends their sessions here. */
export async function removeMember(deps: Deps, actor: Actor, userId: string): Promise<void> {
  requireRole(actor, 'admin');
  const member = await findMember(deps, actor, userId);
  if (member.role === 'owner') throw new DomainError('owner_role_locked', 'The owner cannot be removed.');
  if (member.id === actor.userId) throw new DomainError('cannot_remove_self');
  await deps.store.transaction(async (store) => {
    await store.users.removeMembership(actor.workspaceId, userId);
    await store.sessions.deleteForUser(actor.workspaceId, userId);
    // Their API tokens go too: re-added later, they start without the old ones.
    await store.apiTokens.deleteForUser(actor.workspaceId, userId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'member.removed',
      summary: `${member.name} removed`,
      data: { userId, role: member.role },
    });
  });
}
