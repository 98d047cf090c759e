import type { Role } from '../shared/contract/index.ts';
import { DomainError } from './errors.ts';
import type { Actor } from './ports.ts';

const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** Refuses the action unless the actor's role is at least `minimum`. */
export function requireRole(actor: Actor, minimum: Role): void {
  if (rank[actor.role] < rank[minimum]) {
    throw new DomainError('forbidden', `This needs the ${minimum} role or higher.`);
  }
}
