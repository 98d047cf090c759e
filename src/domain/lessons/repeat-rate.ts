import type { RepeatRate, RepeatRateQuery } from '../../shared/contract/index.ts';
import { getClient } from '../clients/clients.ts';
import { DomainError } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';

const DAY = 86_400_000;
/** Without `from`, the period is the 90 days before `to` (or now). */
const DEFAULT_DAYS = 90;

export const repeatRateDefinition =
  'Mistakes found in the period that were marked as a repeat of an earlier mistake, divided by all mistakes found in the period.';

/** Repeat rate per workspace or per client: repeats ÷ mistakes found in [from, to]. */
export async function repeatRate(deps: Deps, actor: Actor, query: RepeatRateQuery): Promise<RepeatRate> {
  if (query.clientId) await getClient(deps, actor, query.clientId);
  const to = query.to ? new Date(query.to) : deps.clock.now();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY);
  if (from.getTime() >= to.getTime()) {
    throw new DomainError('validation_failed', 'from must be before to.', { field: 'querystring.from' });
  }
  const counts = await deps.store.lessons.repeatCounts(
    actor.workspaceId,
    from.toISOString(),
    to.toISOString(),
    query.clientId,
  );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    clientId: query.clientId ?? null,
    mistakes: counts.mistakes,
    repeats: counts.repeats,
    rate: counts.mistakes === 0 ? null : counts.repeats / counts.mistakes,
    definition: repeatRateDefinition,
  };
}
