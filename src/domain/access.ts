import type { Role } from '../shared/contract/index.ts';
import { DomainError, notFound } from './errors.ts';
import type { Actor, Deps } from './ports.ts';

const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** Refuses the action unless the actor's role is at least `minimum`. */
export function requireRole(actor: Actor, minimum: Role): void {
  if (rank[actor.role] < rank[minimum]) {
    throw new DomainError('forbidden', `This needs the ${minimum} role or higher.`);
  }
}

/**
 * Refuses an owner or assignee who is not a member of the actor's workspace. A user of another
 * workspace is as unknown here as a user who does not exist: 404, never a hint that they exist.
 */
export async function requireMember(deps: Deps, actor: Actor, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  if ((await deps.store.users.membership(actor.workspaceId, userId)) === null) throw notFound('user_not_found');
}
