import type { TimelineEvent } from '../../shared/contract/index.ts';
import type { Actor, Clock, Ids, Store } from '../ports.ts';
import { mayQueueWebhooks, queueWebhooksFor } from '../webhooks/events.ts';

/** What happened, for the append-only timeline of a mistake and/or a client. */
export interface EventInput {
  type: string;
  summary: string;
  mistakeId?: string | null;
  clientId?: string | null;
  data?: Record<string, unknown>;
}

/** Appends one event (who, what, when) to the timeline. */
export async function recordEvent(
  deps: { store: Store; clock: Clock; ids: Ids },
  actor: Actor,
  input: EventInput,
): Promise<TimelineEvent> {
  const event: TimelineEvent = {
    id: deps.ids.id(),
    mistakeId: input.mistakeId ?? null,
    clientId: input.clientId ?? null,
    type: input.type,
    summary: input.summary,
    data: input.data ?? {},
    actor: actor.userId ? { id: actor.userId, name: actor.name } : { id: 'cli', name: actor.name },
    at: deps.clock.now().toISOString(),
  };
  if (!mayQueueWebhooks(event)) {
    await deps.store.events.append(actor.workspaceId, event);
    return event;
  }
  // The event and its webhook deliveries commit together: in the caller's transaction when there
  // is one (transaction() then reuses it), else in their own.
  await deps.store.transaction(async (store) => {
    await store.events.append(actor.workspaceId, event);
    await queueWebhooksFor({ store }, actor.workspaceId, event);
  });
  return event;
}
