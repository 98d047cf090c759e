import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookDeliveryType,
  WebhookEndpoint,
  WebhookEventType,
} from '../../shared/contract/index.ts';

// Webhook repositories (part of the Store) and the outside world a delivery needs: signing, the
// address policy (SSRF) and the HTTP transport, supplied by bootstrap.

/** An endpoint as stored: with its secret, which only signing may read. */
export interface WebhookEndpointRecord extends Omit<WebhookEndpoint, 'secretHint'> {
  secret: string;
}

/** An enabled endpoint's id and what it listens to (the per-event lookup). */
export interface WebhookSubscription {
  id: string;
  events: WebhookEventType[];
}

/** A delivery claimed for sending: the stored row plus where and how to sign it. */
export interface ClaimedWebhookDelivery extends WebhookDelivery {
  url: string;
  secret: string;
}

/** What one attempt came to, for the delivery log. */
export interface WebhookAttemptLog {
  attempts: number;
  responseCode: number | null;
  error: string | null;
  durationMs: number | null;
}

export interface WebhookEndpointRepository {
  create(workspaceId: string, endpoint: WebhookEndpointRecord): Promise<void>;
  get(workspaceId: string, id: string): Promise<WebhookEndpointRecord | null>;
  /** Oldest first. */
  list(workspaceId: string): Promise<WebhookEndpointRecord[]>;
  count(workspaceId: string): Promise<number>;
  update(
    workspaceId: string,
    id: string,
    patch: Partial<Pick<WebhookEndpointRecord, 'url' | 'description' | 'events' | 'enabled' | 'secret'>>,
    updatedAt: string,
  ): Promise<void>;
  /** Deletes the endpoint and its deliveries; false if there was none. */
  delete(workspaceId: string, id: string): Promise<boolean>;
  /** The enabled endpoints and their events: one indexed read, usually of zero rows. */
  subscriptions(workspaceId: string): Promise<WebhookSubscription[]>;
}

export interface WebhookDeliveryRepository {
  /** Queues deliveries (status `queued`, due at `nextAttemptAt`). */
  create(workspaceId: string, deliveries: NewWebhookDelivery[]): Promise<void>;
  get(workspaceId: string, endpointId: string, id: string): Promise<WebhookDelivery | null>;
  /** An endpoint's deliveries, newest first. */
  list(
    workspaceId: string,
    endpointId: string,
    query: { status?: WebhookDeliveryStatus | undefined; limit: number },
  ): Promise<WebhookDelivery[]>;
  /**
   * Claims up to `limit` due deliveries for `claimant`, leased for `leaseMs` on the database's
   * clock (the outbox's claim: see storage/repositories/lease.ts); each with its endpoint's URL
   * and secret.
   */
  claimDue(
    workspaceId: string,
    now: string,
    claimant: string,
    leaseMs: number,
    limit: number,
  ): Promise<ClaimedWebhookDelivery[]>;
  markDelivered(
    workspaceId: string,
    id: string,
    claimant: string,
    log: WebhookAttemptLog,
    at: string,
  ): Promise<boolean>;
  reschedule(
    workspaceId: string,
    id: string,
    claimant: string,
    log: WebhookAttemptLog,
    nextAttemptAt: string,
  ): Promise<boolean>;
  markFailed(workspaceId: string, id: string, claimant: string, log: WebhookAttemptLog): Promise<boolean>;
  /** Gives a claimed delivery back untouched. */
  release(workspaceId: string, id: string, claimant: string): Promise<boolean>;
  /** A delivered or failed delivery goes back to the queue (same id, attempts reset, due now). */
  requeue(workspaceId: string, endpointId: string, id: string, now: string): Promise<boolean>;
}

/** A delivery to queue. */
export interface NewWebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string | null;
  type: WebhookDeliveryType;
  body: string;
  createdAt: string;
}

export interface WebhookRepositories {
  webhookEndpoints: WebhookEndpointRepository;
  webhookDeliveries: WebhookDeliveryRepository;
}

/**
 * How an attempt went. A failure says how the queue treats it: `retry` (network error, timeout,
 * 5xx, 429: retried with backoff), `refused` (another 4xx: fewer retries) or `final` (a redirect,
 * a refused address: failed at once).
 */
export type WebhookSendOutcome =
  | { ok: true; status: number; durationMs: number }
  | { ok: false; failure: 'retry' | 'refused' | 'final'; status: number | null; error: string; durationMs: number };

/** The outside world of webhooks: secrets, signatures, the address policy and HTTP (bootstrap). */
export interface WebhookRuntime {
  /** A new signing secret in the Standard Webhooks form `whsec_<base64>`. */
  newSecret(): string;
  /**
   * Refuses (DomainError validation_failed on `url`) a URL that is not https (or http when the
   * operator allows it), or whose host is, or resolves to, a refused address.
   */
  checkUrl(url: string): Promise<void>;
  /**
   * Signs (at the wall-clock time of the attempt: a receiver checks it against its own clock) and
   * POSTs one body: resolves the host, refuses a refused address, connects to exactly that address,
   * follows no redirect, gives up after the timeout. Never throws.
   */
  send(request: { url: string; secret: string; id: string; body: string }): Promise<WebhookSendOutcome>;
}
