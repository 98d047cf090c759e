import type { Mistake, TimelineEvent, WebhookDeliveryType, WebhookEventType } from '../../shared/contract/index.ts';
import type { Store } from '../ports.ts';
import type { NewWebhookDelivery } from './ports.ts';

// From a recorded timeline event to webhook deliveries, in the transaction that records it. Every
// `data` is an explicit list of client-safe fields: never a remedy's note or approval reasons, an
// override reason, a root cause's why-steps or an acknowledgment's private note.

/** The webhook event a timeline event is, if any (client.at_risk is decided by the client's status). */
function webhookTypeOf(event: TimelineEvent): WebhookEventType | 'client.maybe_at_risk' | null {
  switch (event.type) {
    case 'mistake.logged':
      return 'mistake.logged';
    case 'mistake.acknowledged':
      return 'acknowledgment.sent';
    case 'remedy.issued':
      return 'remedy.issued';
    case 'remedy.approved':
      return 'remedy.approved';
    case 'commitment.missed':
      return 'commitment.missed';
    case 'lesson.written':
      return 'lesson.written';
    case 'client.updated': {
      const changed = event.data['changed'];
      return Array.isArray(changed) && changed.includes('status') ? 'client.maybe_at_risk' : null;
    }
    default:
      return null;
  }
}

/** Whether a timeline event can become webhook deliveries at all (most cannot: they cost nothing). */
export function mayQueueWebhooks(event: TimelineEvent): boolean {
  return webhookTypeOf(event) !== null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The mistake as a webhook shows it. */
function mistakeData(m: Mistake) {
  return {
    id: m.id,
    ref: m.ref,
    number: m.number,
    clientId: m.clientId,
    clientName: m.clientName,
    title: m.title,
    description: m.description,
    category: m.category,
    severity: m.severity,
    impact: m.impact,
    foundBy: m.foundBy,
    happenedAt: m.happenedAt,
    foundAt: m.foundAt,
    stage: m.stage,
  };
}

/** A short reference to the mistake an event is about. */
function mistakeRefData(m: Mistake | null) {
  return m ? { id: m.id, ref: m.ref, title: m.title, clientId: m.clientId, clientName: m.clientName } : null;
}

/** The record of a webhook event, read in the recording transaction; null when there is nothing to send. */
async function recordOf(
  store: Store,
  workspaceId: string,
  type: WebhookEventType,
  event: TimelineEvent,
): Promise<Record<string, unknown> | null> {
  const mistake = event.mistakeId ? await store.mistakes.get(workspaceId, event.mistakeId) : null;
  switch (type) {
    case 'mistake.logged':
      return mistake ? { mistake: mistakeData(mistake) } : null;
    case 'acknowledgment.sent': {
      const id = str(event.data['acknowledgmentId']);
      const ack = mistake
        ? (await store.acknowledgments.listByMistake(workspaceId, mistake.id)).find((a) => a.id === id)
        : undefined;
      if (!ack) return null;
      return {
        acknowledgment: {
          id: ack.id,
          mistakeId: ack.mistakeId,
          at: ack.at,
          channel: ack.channel,
          recipient: ack.recipient,
        },
        mistake: mistakeRefData(mistake),
      };
    }
    case 'remedy.issued':
    case 'remedy.approved': {
      const id = str(event.data['remedyId']);
      const remedy = id ? await store.remedies.get(workspaceId, id) : null;
      if (!remedy) return null;
      return {
        remedy: {
          id: remedy.id,
          mistakeId: remedy.mistakeId,
          clientId: remedy.clientId,
          kind: remedy.kind,
          amountMinor: remedy.amountMinor,
          currency: remedy.currency,
          hoursCenti: remedy.hoursCenti,
          createdAt: remedy.createdAt,
          approvedAt: remedy.approval?.at ?? null,
        },
        mistake: mistakeRefData(mistake),
      };
    }
    case 'commitment.missed': {
      const id = str(event.data['commitmentId']);
      const commitment = id ? await store.commitments.get(workspaceId, id) : null;
      if (!commitment) return null;
      const logged = str(event.data['newMistakeId']);
      const newMistake = logged ? await store.mistakes.get(workspaceId, logged) : null;
      return {
        commitment: {
          id: commitment.id,
          clientId: commitment.clientId,
          mistakeId: commitment.mistakeId,
          title: commitment.title,
          dueAt: commitment.dueAt,
          status: commitment.status,
          isFix: commitment.isFix,
        },
        loggedMistake: mistakeRefData(newMistake),
      };
    }
    case 'client.at_risk': {
      const client = event.clientId ? await store.clients.get(workspaceId, event.clientId) : null;
      if (client?.status !== 'at_risk') return null;
      return {
        client: { id: client.id, name: client.name, tier: client.tier, status: client.status, value: client.value },
      };
    }
    case 'lesson.written': {
      const id = str(event.data['lessonId']);
      const lesson = id ? await store.lessons.get(workspaceId, id) : null;
      if (!lesson) return null;
      return {
        lesson: {
          id: lesson.id,
          mistakeId: lesson.mistakeId,
          clientId: lesson.clientId,
          scope: lesson.scope,
          title: lesson.title,
          learned: lesson.learned,
          createdAt: lesson.createdAt,
        },
        mistake: mistakeRefData(mistake),
      };
    }
  }
}

/** The JSON body of a delivery: `{ id, type, timestamp, data }`; `id` is the delivery's own, stable id. */
export function deliveryBody(id: string, type: WebhookDeliveryType, timestamp: string, data: unknown): string {
  return JSON.stringify({ id, type, timestamp, data });
}

/**
 * Queues one delivery per enabled endpoint subscribed to what `event` is, on `store` (the caller's
 * transaction: the event and its deliveries commit or vanish together). A workspace without
 * endpoints costs one indexed read of zero rows.
 */
export async function queueWebhooksFor(
  deps: { store: Store },
  workspaceId: string,
  event: TimelineEvent,
): Promise<number> {
  const candidate = webhookTypeOf(event);
  if (candidate === null) return 0;
  const subscriptions = await deps.store.webhookEndpoints.subscriptions(workspaceId);
  if (subscriptions.length === 0) return 0;
  const type: WebhookEventType = candidate === 'client.maybe_at_risk' ? 'client.at_risk' : candidate;
  const endpoints = subscriptions.filter((s) => s.events.includes(type));
  if (endpoints.length === 0) return 0;
  const data = await recordOf(deps.store, workspaceId, type, event);
  if (data === null) return 0;
  const deliveries: NewWebhookDelivery[] = endpoints.map((endpoint) => {
    // One delivery per (event, endpoint), by construction: the id says which (and a caller's ids
    // may be pinned to the event's own id, as logMistake's are).
    const id = `msg_${event.id}_${endpoint.id}`;
    return {
      id,
      endpointId: endpoint.id,
      eventId: event.id,
      type,
      body: deliveryBody(id, type, event.at, data),
      createdAt: event.at,
    };
  });
  await deps.store.webhookDeliveries.create(workspaceId, deliveries);
  return deliveries.length;
}
