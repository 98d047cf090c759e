import type { Commitment, CommitmentInput } from '../../shared/contract/index.ts';
import { requireMember, requireRole } from '../access.ts';
import { getClient } from '../clients/clients.ts';
import { DomainError, notFound } from '../errors.ts';
import { getMistake, markReached } from '../mistakes/mistakes.ts';
import type { Actor, CommitmentQuery, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { scheduleCheckIns } from '../check-ins/check-ins.ts';
import { refreshClientHealth } from '../health/refresh.ts';

/** Loads a commitment of the actor's workspace or throws commitment_not_found. */
export async function getCommitment(deps: Deps, actor: Actor, id: string): Promise<Commitment> {
  const commitment = await deps.store.commitments.get(actor.workspaceId, id);
  if (!commitment) throw notFound('commitment_not_found');
  return commitment;
}

/** Lists commitments by client, mistake or status. */
export function listCommitments(deps: Deps, actor: Actor, query: CommitmentQuery): Promise<Commitment[]> {
  return deps.store.commitments.list(actor.workspaceId, query);
}

/** Records something promised to a client with a due time. */
export async function addCommitment(
  deps: Deps,
  actor: Actor,
  clientId: string,
  input: CommitmentInput,
): Promise<Commitment> {
  requireRole(actor, 'member');
  await getClient(deps, actor, clientId);
  return saveCommitment(deps, actor, { clientId, mistakeId: null, isFix: false, ...input });
}

/** Promises the fix of a mistake by a due time; completing it reaches "fixed". One open fix at a time. */
export async function addFixCommitment(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  input: CommitmentInput,
): Promise<Commitment> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const open = await deps.store.commitments.list(actor.workspaceId, { mistakeId, status: 'open' });
  if (open.some((c) => c.isFix)) throw new DomainError('fix_commitment_exists');
  return saveCommitment(deps, actor, { clientId: mistake.clientId, mistakeId, isFix: true, ...input });
}

async function saveCommitment(
  deps: Deps,
  actor: Actor,
  input: CommitmentInput & { clientId: string; mistakeId: string | null; isFix: boolean },
): Promise<Commitment> {
  await requireMember(deps, actor, input.ownerId);
  const now = deps.clock.now().toISOString();
  const late = input.dueAt <= now;
  if (late && !input.recordedAfterTheFact) {
    throw new DomainError(
      'validation_failed',
      'dueAt is in the past: give a future due time, or set recordedAfterTheFact to record an earlier promise.',
      { field: 'dueAt', issues: [{ field: 'dueAt', message: 'must be in the future' }] },
    );
  }
  const commitment: Commitment = {
    id: deps.ids.id(),
    clientId: input.clientId,
    mistakeId: input.mistakeId,
    title: input.title,
    dueAt: input.dueAt,
    status: 'open',
    isFix: input.isFix,
    ownerId: input.ownerId ?? actor.userId,
    completedAt: null,
    recordedLate: late,
    createdAt: now,
  };
  await deps.store.transaction(async (store) => {
    await store.commitments.create(actor.workspaceId, commitment);
    await recordEvent({ ...deps, store }, actor, {
      type: 'commitment.made',
      summary: `${input.isFix ? 'Fix promised' : 'Commitment made'}: ${input.title}, due ${input.dueAt}`,
      clientId: input.clientId,
      mistakeId: input.mistakeId,
      data: { commitmentId: commitment.id, dueAt: input.dueAt },
    });
  });
  return commitment;
}

/** Marks an open commitment done; a fix commitment reaches "fixed" for its mistake. */
export async function completeCommitment(deps: Deps, actor: Actor, id: string): Promise<Commitment> {
  requireRole(actor, 'member');
  const commitment = await getCommitment(deps, actor, id);
  if (commitment.status !== 'open') throw new DomainError('commitment_not_open');
  const now = deps.clock.now().toISOString();
  await deps.store.transaction((store) => markCommitmentDone({ ...deps, store }, actor, commitment, now, null));
  return getCommitment(deps, actor, id);
}

/**
 * Inside the caller's transaction: marks an open commitment done at `now` with an optional note
 * (internal: it goes on the timeline, never to the client), and reaches "fixed" for a fix commitment.
 */
export async function markCommitmentDone(
  deps: Deps,
  actor: Actor,
  commitment: Commitment,
  now: string,
  note: string | null,
): Promise<void> {
  const { store } = deps;
  await store.commitments.setStatus(actor.workspaceId, commitment.id, 'done', now);
  const late = now > commitment.dueAt;
  await recordEvent(deps, actor, {
    type: 'commitment.done',
    summary: `${commitment.isFix ? 'Fix' : 'Commitment'} done: ${commitment.title}${late ? ' (late)' : ''}${note ? ` — note: ${note}` : ''}`,
    clientId: commitment.clientId,
    mistakeId: commitment.mistakeId,
    data: { commitmentId: commitment.id, late, ...(note && { note }) },
  });
  if (commitment.isFix && commitment.mistakeId) {
    const mistake = await store.mistakes.get(actor.workspaceId, commitment.mistakeId);
    if (mistake) await markReached(store, actor.workspaceId, mistake, 'fixed', now, now);
    // The rebuild check-ins with the client, in the same transaction as the fix.
    await scheduleCheckIns(deps, store, actor, commitment, now);
    await refreshClientHealth(
      deps,
      actor.workspaceId,
      commitment.clientId,
      `${mistake?.ref ?? 'a mistake'}: fix done${late ? ' (late)' : ''}`,
    );
  }
}
