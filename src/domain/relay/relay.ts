import type {
  FindingDto,
  RelayFilter,
  RelayMessageDetail,
  RelayMessageDto,
  RelayDecision,
  RelayStatus,
} from '../../shared/contract/index.ts';
import { DomainError, notFound } from '../errors.ts';
import { checkText, type GuardCache } from '../guard/check-text.ts';
import { retryDelaysMinutes, maxAttempts } from '../messages/deliver.ts';
import { drainLeasedQueue, retryAt } from '../messages/queue.ts';
import type { Actor, Deps, Member } from '../ports.ts';
import { notifyMember } from '../scheduler/recipients.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { resolveApiToken } from '../workspaces/api-tokens.ts';
import { PermanentRelayError, type ClaimedRelayMessage, type RelayRow, type RelayUpstream } from './ports.ts';

// The SMTP relay's rules (issue 15 A): who may submit (a member's read_write API token), what is
// checked (the text of mail to a known client's contacts, with that client's guard), what happens
// to it (relayed untouched, held, or delivered and warned about), and the durable queue to the
// upstream. The SMTP dialogue and MIME parsing live in bootstrap/relay.ts; this file sees bytes and
// the parsed summary only.

/** How long a relay claim holds by default (on the database clock); a relay that dies frees its claims after it. */
export const relayClaimTtlMs = 2 * 60_000;
/** At most this many distinct clients' guards check one message (a message to many clients is rare). */
const MAX_CLIENTS_CHECKED = 5;

/** The member a relay session acts for, from their API token. */
export interface RelaySender {
  workspaceId: string;
  userId: string;
  name: string;
  email: string;
  role: Member['role'];
}

/** The result of AUTH: the sender, or why not (both answer 535; `read_only` says so in the reply). */
export type RelayAuthResult = { ok: true; sender: RelaySender } | { ok: false; reason: 'invalid' | 'read_only' };

/** Resolves the password of AUTH PLAIN/LOGIN as a personal API token; it needs the read_write scope. */
export async function authenticateRelaySender(deps: Deps, token: string): Promise<RelayAuthResult> {
  const resolved = await resolveApiToken(deps, token.trim());
  if (!resolved) return { ok: false, reason: 'invalid' };
  if (resolved.scope !== 'read_write') return { ok: false, reason: 'read_only' };
  return {
    ok: true,
    sender: {
      workspaceId: resolved.workspaceId,
      userId: resolved.userId,
      name: resolved.userName,
      email: resolved.userEmail,
      role: resolved.role,
    },
  };
}

/** A submitted message: the envelope, the bytes as received and what the parser read from them. */
export interface SubmittedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: Uint8Array;
  subject: string;
  /** The text part (or the HTML part as text when there is no text part). */
  text: string;
  attachments: number;
}

/** What the relay decided for one message. */
export interface AcceptedMail {
  id: string;
  decision: RelayDecision;
  status: RelayStatus;
  findings: FindingDto[];
}

function actorOf(sender: RelaySender): Actor {
  return { workspaceId: sender.workspaceId, userId: sender.userId, name: sender.name, role: sender.role };
}

/** The link to a held message in the web app (absolute when the public URL is known). */
export function heldMailLink(publicUrl: string | undefined, id: string): string {
  return `${(publicUrl ?? '').replace(/\/+$/u, '')}/held-mail/${encodeURIComponent(id)}`;
}

function describeFindings(text: string, findings: readonly FindingDto[]): string {
  return findings
    .map((f) => {
      const quoted = text.slice(f.start, f.end).replace(/\s+/gu, ' ').slice(0, 80);
      const suggestion = f.suggestion ? ` Suggestion: ${f.suggestion}` : '';
      return `- [${f.severity}] ${quoted ? `"${quoted}": ` : ''}${f.message}${suggestion}`;
    })
    .join('\n');
}

/**
 * Checks and stores one submitted message before the relay answers 250. Recipients (the envelope,
 * so Bcc counts) who are known contacts name the client(s); each client's guard checks the text
 * with the real attachment count. No known client, or no error finding: queued for the upstream as
 * received. Error findings: held (or, with the workspace's relayMode `warn`, queued and the sender
 * told). The row, the sender's notification and email, and the timeline event commit together.
 */
export async function acceptRelayMessage(
  deps: Deps,
  guards: GuardCache,
  sender: RelaySender,
  mail: SubmittedMail,
  options: { publicUrl?: string | undefined } = {},
): Promise<AcceptedMail> {
  const actor = actorOf(sender);
  const contacts = await deps.store.contacts.listAll(sender.workspaceId);
  const clientOf = new Map<string, string>();
  for (const c of contacts) if (c.email) clientOf.set(c.email.trim().toLowerCase(), c.clientId);
  const clientIds: string[] = [];
  for (const to of mail.envelopeTo) {
    const clientId = clientOf.get(to.trim().toLowerCase());
    if (clientId && !clientIds.includes(clientId)) clientIds.push(clientId);
  }
  const findings: FindingDto[] = [];
  const seen = new Set<string>();
  for (const clientId of clientIds.slice(0, MAX_CLIENTS_CHECKED)) {
    for (const f of await checkText(deps, guards, actor, {
      text: mail.text,
      clientId,
      attachments: mail.attachments,
    })) {
      const key = `${f.rule}:${f.start}:${f.end}:${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        rule: f.rule,
        severity: f.severity,
        start: f.start,
        end: f.end,
        message: f.message,
        suggestion: f.suggestion,
        ...(f.replacement !== undefined && { replacement: f.replacement }),
        ...(f.lessonId !== undefined && { lessonId: f.lessonId }),
      });
    }
  }
  const hasErrors = findings.some((f) => f.severity === 'error');
  const mode = hasErrors ? (await loadSettings(deps.store, sender.workspaceId)).relayMode : 'hold';
  const decision: RelayDecision =
    clientIds.length === 0 ? 'untouched' : !hasErrors ? 'clean' : mode === 'warn' ? 'warned' : 'held';
  const status: RelayStatus = decision === 'held' ? 'held' : 'queued';
  const now = deps.clock.now().toISOString();
  const id = deps.ids.id();
  const clientId = clientIds[0] ?? null;
  await deps.store.transaction(async (store) => {
    await store.relay.create({
      id,
      workspaceId: sender.workspaceId,
      userId: sender.userId,
      envelopeFrom: mail.envelopeFrom,
      envelopeTo: mail.envelopeTo,
      raw: mail.raw,
      sizeBytes: mail.raw.byteLength,
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachments,
      clientId,
      findings,
      decision,
      status,
      attempts: 0,
      nextAttemptAt: status === 'queued' ? now : null,
      lastError: null,
      relayedAt: null,
      resolvedBy: null,
      resolvedAt: null,
      createdAt: now,
    });
    if (decision !== 'held' && decision !== 'warned') return;
    const client = clientId ? await store.clients.get(sender.workspaceId, clientId) : null;
    const errors = findings.filter((f) => f.severity === 'error').length;
    const to = mail.envelopeTo.join(', ');
    const what = `"${mail.subject || '(no subject)'}" to ${client?.name ?? to}`;
    const link = heldMailLink(options.publicUrl, id);
    const body =
      decision === 'held'
        ? `Your email ${what} (${to}) was held by the makegood relay: the pre-send guard found ${errors} error${errors === 1 ? '' : 's'}.\n\n${describeFindings(mail.text, findings)}\n\nRelease it as it is, or discard it and send a corrected one from your mail client: ${link}`
        : `Your email ${what} (${to}) was delivered, but the pre-send guard found ${errors} error${errors === 1 ? '' : 's'} in it.\n\n${describeFindings(mail.text, findings)}\n\nDetails: ${link}`;
    const settings = await loadSettings(store, sender.workspaceId);
    await notifyMember(
      { ...deps, store },
      store,
      sender.workspaceId,
      { id: sender.userId, name: sender.name, email: sender.email, role: sender.role, since: now },
      {
        id: deps.ids.id(),
        kind: 'relay_held',
        title: decision === 'held' ? `Held: ${what}` : `Delivered with errors: ${what}`,
        body,
        clientId,
        mistakeId: null,
        commitmentId: null,
      },
      { fromName: settings.senderName },
    );
    await recordEvent({ ...deps, store }, actor, {
      type: decision === 'held' ? 'relay.held' : 'relay.warned',
      summary:
        decision === 'held'
          ? `Email ${what} held by the relay (${errors} error${errors === 1 ? '' : 's'})`
          : `Email ${what} delivered by the relay with ${errors} error${errors === 1 ? '' : 's'}`,
      clientId,
      data: { relayMessageId: id, rules: [...new Set(findings.map((f) => f.rule))] },
    });
  });
  return { id, decision, status, findings };
}

function present(row: RelayRow): RelayMessageDto {
  return {
    id: row.id,
    status: row.status,
    decision: row.decision,
    sender: { id: row.userId, name: row.senderName },
    envelopeFrom: row.envelopeFrom,
    envelopeTo: row.envelopeTo,
    subject: row.subject,
    client: row.clientId ? { id: row.clientId, name: row.clientName ?? '' } : null,
    findings: row.findings,
    sizeBytes: row.sizeBytes,
    attachments: row.attachments,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    relayedAt: row.relayedAt,
    resolvedBy: row.resolvedBy ? { id: row.resolvedBy, name: row.resolvedByName ?? '' } : null,
    resolvedAt: row.resolvedAt,
  };
}

const seesEveryone = (actor: Actor) => actor.role === 'owner' || actor.role === 'admin';

/** Relayed mail: the actor's own; owners and admins see every member's. Newest first. */
export async function listRelayMessages(deps: Deps, actor: Actor, filter: RelayFilter): Promise<RelayMessageDto[]> {
  const rows = await deps.store.relay.list(actor.workspaceId, {
    status: filter.status,
    limit: filter.limit,
    ...(!seesEveryone(actor) && { userId: actor.userId ?? '' }),
  });
  return rows.map(present);
}

async function visible(deps: Deps, actor: Actor, id: string): Promise<RelayRow> {
  const row = await deps.store.relay.get(actor.workspaceId, id);
  // Another member's mail is as unknown to a member as another workspace's.
  if (!row || (row.userId !== actor.userId && !seesEveryone(actor))) throw notFound('relay_message_not_found');
  return row;
}

/** One relayed message with the text its findings point into. */
export async function getRelayMessage(deps: Deps, actor: Actor, id: string): Promise<RelayMessageDetail> {
  const row = await visible(deps, actor, id);
  return { ...present(row), text: row.text };
}

async function resolveHeld(
  deps: Deps,
  actor: Actor,
  id: string,
  outcome: 'released' | 'discarded',
): Promise<RelayMessageDetail> {
  const row = await visible(deps, actor, id);
  if (row.status !== 'held' || !actor.userId)
    throw new DomainError('relay_message_not_held', undefined, { status: row.status });
  const userId = actor.userId;
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (store) => {
    if (!(await store.relay.resolveHeld(actor.workspaceId, id, outcome, userId, now))) {
      throw new DomainError('relay_message_not_held');
    }
    const errors = row.findings.filter((f) => f.severity === 'error');
    await recordEvent({ ...deps, store }, actor, {
      type: outcome === 'released' ? 'relay.released' : 'relay.discarded',
      summary:
        outcome === 'released'
          ? `Held email "${row.subject}" released as it was, overriding ${errors.length} error finding${errors.length === 1 ? '' : 's'}`
          : `Held email "${row.subject}" discarded`,
      clientId: row.clientId,
      data: { relayMessageId: id, senderId: row.userId, overridden: errors.map((f) => f.rule) },
    });
  });
  return getRelayMessage(deps, actor, id);
}

/** Releases a held message as it is: queued for the upstream once; the override is on the timeline. */
export function releaseRelayMessage(deps: Deps, actor: Actor, id: string): Promise<RelayMessageDetail> {
  return resolveHeld(deps, actor, id, 'released');
}

/** Discards a held message (the sender fixes it in their mail client); it is kept, never sent. */
export function discardRelayMessage(deps: Deps, actor: Actor, id: string): Promise<RelayMessageDetail> {
  return resolveHeld(deps, actor, id, 'discarded');
}

/** What one relay drain did. */
export interface RelayDeliveryResult {
  relayed: number;
  retried: number;
  failed: number;
}

/**
 * Sends a workspace's queued relay messages to the upstream: claim (so no other relay instance
 * can), send the bytes unchanged, mark relayed. A failure is retried with the outbox's backoff; a
 * 5xx or the last attempt marks it failed and tells the sender.
 */
export async function deliverRelayQueue(
  deps: Deps,
  upstream: RelayUpstream,
  workspaceId: string,
  options: { claimant: string; leaseMs?: number; batchSize?: number; concurrency?: number },
): Promise<RelayDeliveryResult> {
  const leaseMs = options.leaseMs ?? relayClaimTtlMs;
  const result: RelayDeliveryResult = { relayed: 0, retried: 0, failed: 0 };
  await drainLeasedQueue(
    deps.clock,
    {
      claim: (now, limit) =>
        deps.store.relay.claimDue(workspaceId, now.toISOString(), options.claimant, leaseMs, limit),
      release: (m) => deps.store.relay.releaseClaim(workspaceId, m.id, options.claimant),
    },
    (m) => relayOne(deps, upstream, workspaceId, m, options.claimant),
    result,
    { batchSize: options.batchSize ?? 50, maxBatches: 100, leaseMs, concurrency: options.concurrency ?? 8 },
  );
  return result;
}

async function relayOne(
  deps: Deps,
  upstream: RelayUpstream,
  workspaceId: string,
  m: ClaimedRelayMessage,
  claimant: string,
): Promise<keyof RelayDeliveryResult> {
  const attempts = m.attempts + 1;
  const now = deps.clock.now();
  try {
    await upstream.send({ from: m.envelopeFrom, to: m.envelopeTo }, m.raw);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/gu, ' ').slice(0, 500);
    if (!(error instanceof PermanentRelayError) && attempts < maxAttempts) {
      await deps.store.relay.reschedule(
        workspaceId,
        m.id,
        claimant,
        attempts,
        retryAt(now, attempts, retryDelaysMinutes),
        reason,
      );
      return 'retried';
    }
    await deps.store.transaction(async (store) => {
      if (!(await store.relay.markFailed(workspaceId, m.id, claimant, attempts, reason))) return;
      const member = (await store.users.members(workspaceId)).find((u) => u.id === m.userId);
      if (!member) return;
      const settings = await loadSettings(store, workspaceId);
      await notifyMember(
        { ...deps, store },
        store,
        workspaceId,
        member,
        {
          id: deps.ids.id(),
          kind: 'relay_failed',
          title: `Not delivered: "${m.subject || '(no subject)'}"`,
          body: `Your email "${m.subject || '(no subject)'}" to ${m.envelopeTo.join(', ')} could not be delivered by the makegood relay after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`,
          clientId: m.clientId,
          mistakeId: null,
          commitmentId: null,
        },
        { fromName: settings.senderName },
      );
    });
    return 'failed';
  }
  await deps.store.relay.markRelayed(workspaceId, m.id, claimant, attempts, now.toISOString());
  return 'relayed';
}
