import {
  MAX_WEBHOOK_ENDPOINTS,
  type WebhookCreated,
  type WebhookDelivery,
  type WebhookDeliveryQuery,
  type WebhookEndpoint,
  type WebhookInput,
  type WebhookPatch,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError, notFound } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { deliveryBody } from './events.ts';
import type { WebhookEndpointRecord, WebhookRuntime } from './ports.ts';

// Webhook endpoints of a workspace (owner or admin only): register, edit, rotate the secret, read
// the delivery log, resend, send a test ping. Each change is on the workspace timeline (the secret
// never is).

/** The endpoint as the API shows it: a hint of the secret, never the secret. */
export function presentEndpoint(record: WebhookEndpointRecord): WebhookEndpoint {
  const { secret, ...rest } = record;
  return { ...rest, secretHint: `${secret.slice(0, 10)}…` };
}

async function endpointOf(deps: Deps, actor: Actor, id: string): Promise<WebhookEndpointRecord> {
  requireRole(actor, 'admin');
  const endpoint = await deps.store.webhookEndpoints.get(actor.workspaceId, id);
  if (!endpoint) throw notFound('webhook_not_found');
  return endpoint;
}

/** Registers an endpoint after checking its URL (scheme, and the address it resolves to). */
export async function createWebhook(
  deps: Deps,
  runtime: WebhookRuntime,
  actor: Actor,
  input: WebhookInput,
): Promise<WebhookCreated> {
  requireRole(actor, 'admin');
  await runtime.checkUrl(input.url);
  if ((await deps.store.webhookEndpoints.count(actor.workspaceId)) >= MAX_WEBHOOK_ENDPOINTS) {
    throw new DomainError('webhook_limit_reached');
  }
  const now = deps.clock.now().toISOString();
  const record: WebhookEndpointRecord = {
    id: deps.ids.id(),
    url: input.url,
    description: input.description,
    events: input.events,
    enabled: input.enabled,
    secret: runtime.newSecret(),
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.transaction(async (store) => {
    await store.webhookEndpoints.create(actor.workspaceId, record);
    await recordEvent({ ...deps, store }, actor, {
      type: 'webhook.added',
      summary: `Webhook added: ${record.url} (${record.events.join(', ')})`,
      data: { webhookId: record.id, url: record.url, events: record.events },
    });
  });
  return { endpoint: presentEndpoint(record), secret: record.secret };
}

/** The workspace's endpoints, oldest first. */
export async function listWebhooks(deps: Deps, actor: Actor): Promise<WebhookEndpoint[]> {
  requireRole(actor, 'admin');
  return (await deps.store.webhookEndpoints.list(actor.workspaceId)).map(presentEndpoint);
}

/** One endpoint. */
export async function getWebhook(deps: Deps, actor: Actor, id: string): Promise<WebhookEndpoint> {
  return presentEndpoint(await endpointOf(deps, actor, id));
}

/** Edits an endpoint; a new URL is checked like a new endpoint's. */
export async function updateWebhook(
  deps: Deps,
  runtime: WebhookRuntime,
  actor: Actor,
  id: string,
  patch: WebhookPatch,
): Promise<WebhookEndpoint> {
  const before = await endpointOf(deps, actor, id);
  if (patch.url !== undefined && patch.url !== before.url) await runtime.checkUrl(patch.url);
  const changed = (Object.keys(patch) as (keyof WebhookPatch)[]).filter(
    (k) => JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
  );
  if (changed.length === 0) return presentEndpoint(before);
  await deps.store.transaction(async (store) => {
    await store.webhookEndpoints.update(actor.workspaceId, id, patch, deps.clock.now().toISOString());
    await recordEvent({ ...deps, store }, actor, {
      type: 'webhook.changed',
      summary: `Webhook ${patch.url ?? before.url} changed: ${changed.join(', ')}`,
      data: { webhookId: id, changed },
    });
  });
  return getWebhook(deps, actor, id);
}

/** Deletes an endpoint and its delivery log. */
export async function deleteWebhook(deps: Deps, actor: Actor, id: string): Promise<void> {
  const endpoint = await endpointOf(deps, actor, id);
  await deps.store.transaction(async (store) => {
    await store.webhookEndpoints.delete(actor.workspaceId, id);
    await recordEvent({ ...deps, store }, actor, {
      type: 'webhook.removed',
      summary: `Webhook removed: ${endpoint.url}`,
      data: { webhookId: id, url: endpoint.url },
    });
  });
}

/** A new signing secret for an endpoint, shown this once; the old one stops signing at once. */
export async function rotateWebhookSecret(
  deps: Deps,
  runtime: WebhookRuntime,
  actor: Actor,
  id: string,
): Promise<WebhookCreated> {
  const endpoint = await endpointOf(deps, actor, id);
  const secret = runtime.newSecret();
  await deps.store.transaction(async (store) => {
    await store.webhookEndpoints.update(actor.workspaceId, id, { secret }, deps.clock.now().toISOString());
    await recordEvent({ ...deps, store }, actor, {
      type: 'webhook.secret_rotated',
      summary: `Webhook ${endpoint.url}: signing secret rotated`,
      data: { webhookId: id },
    });
  });
  return { endpoint: presentEndpoint({ ...endpoint, secret }), secret };
}

/** An endpoint's delivery log, newest first. */
export async function listWebhookDeliveries(
  deps: Deps,
  actor: Actor,
  id: string,
  query: WebhookDeliveryQuery,
): Promise<WebhookDelivery[]> {
  await endpointOf(deps, actor, id);
  return deps.store.webhookDeliveries.list(actor.workspaceId, id, query);
}

/** Queues a delivered or failed delivery again: same id and body, so a receiver can de-duplicate it. */
export async function resendWebhookDelivery(
  deps: Deps,
  actor: Actor,
  id: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  await endpointOf(deps, actor, id);
  const delivery = await deps.store.webhookDeliveries.get(actor.workspaceId, id, deliveryId);
  if (!delivery) throw notFound('webhook_delivery_not_found');
  const now = deps.clock.now().toISOString();
  if (!(await deps.store.webhookDeliveries.requeue(actor.workspaceId, id, deliveryId, now))) {
    throw new DomainError('webhook_delivery_pending');
  }
  const queued = await deps.store.webhookDeliveries.get(actor.workspaceId, id, deliveryId);
  if (!queued) throw notFound('webhook_delivery_not_found');
  return queued;
}

/** Queues a `ping` to one endpoint (enabled or not: it is how an endpoint is tried out). */
export async function testWebhook(deps: Deps, actor: Actor, id: string): Promise<WebhookDelivery> {
  const endpoint = await endpointOf(deps, actor, id);
  const now = deps.clock.now().toISOString();
  const deliveryId = `msg_${deps.ids.id()}`;
  await deps.store.webhookDeliveries.create(actor.workspaceId, [
    {
      id: deliveryId,
      endpointId: endpoint.id,
      eventId: null,
      type: 'ping',
      body: deliveryBody(deliveryId, 'ping', now, { webhook: { id: endpoint.id, url: endpoint.url } }),
      createdAt: now,
    },
  ]);
  const queued = await deps.store.webhookDeliveries.get(actor.workspaceId, id, deliveryId);
  if (!queued) throw new Error('webhook ping vanished right after it was queued');
  return queued;
}
