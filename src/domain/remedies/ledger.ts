import {
  MAX_REMEDY_MINOR,
  type AccountingNoticeDraftQuery,
  type AccountingNoticeDraftView,
  type Message,
  type RecoveryStage,
  type RemedyDecline,
  type RemedyDeclineInput,
  type RemedyEntry,
  type RemedyFilter,
  type RemedyInput,
  type RemedyProposal,
  type RemedyProposalQuery,
  type RemedyResult,
  type RemedyReverseInput,
  type RemedyStatus,
  type RemedyTotal,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { getClient } from '../clients/clients.ts';
import { DomainError, notFound } from '../errors.ts';
import { getMistake, markReached } from '../mistakes/mistakes.ts';
import { mistakeRef } from '../mistakes/stage.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { checkAccountingNotice, composeAccountingNotice, noticeOrHold } from './accounting-notice.ts';
import { formatMoney } from './money.ts';
import { refreshClientHealth } from '../health/refresh.ts';
import { assessRemedy, proposeRemedy, reworkAmount, runningTotalMinor } from './policy.ts';
import type { RemedyRecord, StoredActor, StoredRemedy } from './ports.ts';

/** The actor as stored beside a record. */
export function storedActor(actor: Actor): StoredActor {
  return actor.userId ? { id: actor.userId, name: actor.name } : { id: 'cli', name: actor.name };
}

/** Where an entry stands, derived from the rows about it (entries themselves never change). */
export function remedyStatus(r: StoredRemedy): RemedyStatus {
  if (r.reversesId) return 'reversal';
  if (r.reversedById) return 'reversed';
  if (r.requiresApproval && !r.approval) return 'pending_approval';
  return 'issued';
}

/** A stored entry as the API shows it. */
export function toRemedyEntry(r: StoredRemedy): RemedyEntry {
  return {
    id: r.id,
    mistakeId: r.mistakeId,
    mistakeRef: mistakeRef(r.mistakeNumber),
    clientId: r.clientId,
    kind: r.kind,
    amountMinor: r.amountMinor,
    currency: r.currency,
    hours: r.hoursCenti === null ? null : r.hoursCenti / 100,
    rateMinor: r.rateMinor,
    note: r.note,
    status: remedyStatus(r),
    requiresApproval: r.requiresApproval,
    approvalReasons: r.approvalReasons,
    approval: r.approval,
    reversesId: r.reversesId,
    reversedById: r.reversedById,
    accountingMessageId: r.notice?.messageId ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

/**
 * Totals per currency (never mixed): issued (approved or not needing approval, including ones
 * later reversed), reversed (reversing entries of issued remedies), net, and pending approval.
 * Sums run on BigInt and cross the API as decimal strings, so any sum the ledger can hold is exact.
 */
export function remedyTotals(entries: readonly StoredRemedy[]): RemedyTotal[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const sums = new Map<string, { issued: bigint; reversed: bigint; pending: bigint; count: number }>();
  const of = (currency: string) => {
    let s = sums.get(currency);
    if (!s) sums.set(currency, (s = { issued: 0n, reversed: 0n, pending: 0n, count: 0 }));
    return s;
  };
  const issued = (e: StoredRemedy) => !e.requiresApproval || e.approval !== null;
  for (const e of entries) {
    const s = of(e.currency);
    if (e.reversesId) {
      const original = byId.get(e.reversesId);
      if (original && issued(original)) s.reversed += BigInt(-e.amountMinor);
      continue;
    }
    s.count++;
    if (issued(e)) s.issued += BigInt(e.amountMinor);
    else if (!e.reversedById) s.pending += BigInt(e.amountMinor);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => ({
      currency,
      issuedMinor: s.issued.toString(),
      reversedMinor: s.reversed.toString(),
      netMinor: (s.issued - s.reversed).toString(),
      pendingMinor: s.pending.toString(),
      count: s.count,
    }));
}

/** The policy's proposal for a mistake, and its assessment of the proposal (or of a given amount). */
export async function remedyProposal(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  query: RemedyProposalQuery,
): Promise<RemedyProposal> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const [client, settings, entries] = await Promise.all([
    getClient(deps, actor, mistake.clientId),
    loadSettings(deps.store, actor.workspaceId),
    deps.store.remedies.list(actor.workspaceId, { mistakeId }),
  ]);
  const priorMinor = runningTotalMinor(entries, mistake.impact.currency);
  const { multiplierPercent, fullMinor, proposed } = proposeRemedy(settings, client, mistake, priorMinor);
  const assessed =
    query.amountMinor !== undefined
      ? { amountMinor: query.amountMinor, currency: query.currency ?? mistake.impact.currency }
      : { amountMinor: proposed.amountMinor, currency: query.currency ?? proposed.currency };
  return {
    mistakeId,
    clientId: client.id,
    tier: client.tier,
    severity: mistake.severity,
    impact: mistake.impact,
    multiplierPercent,
    fullProposalMinor: fullMinor,
    priorMinor,
    proposed,
    capPercent: settings.remedyPolicy.capPercent,
    // A huge impact times a large cap can pass a safe integer: report the ceiling instead.
    capAmountMinor: Math.min(
      Number((BigInt(mistake.impact.amountMinor) * BigInt(settings.remedyPolicy.capPercent)) / 100n),
      Number.MAX_SAFE_INTEGER,
    ),
    approvalThresholdMinor: settings.remedyPolicy.approvalThresholdMinor,
    assessment: assessRemedy(
      settings,
      mistake.impact,
      assessed,
      settings.locale,
      runningTotalMinor(entries, assessed.currency),
    ),
  };
}

/** What a request handler returns: the result, and whether this request created it. */
export interface LedgerOutcome {
  result: RemedyResult;
  created: boolean;
}

/** One entry of the actor's workspace or remedy_not_found. */
export async function getRemedy(deps: Deps, actor: Actor, id: string): Promise<RemedyEntry> {
  const stored = await deps.store.remedies.get(actor.workspaceId, id);
  if (!stored) throw notFound('remedy_not_found');
  return toRemedyEntry(stored);
}

/** The ledger of the workspace, a client or a mistake, oldest first. */
export async function listRemedies(deps: Deps, actor: Actor, filter: RemedyFilter): Promise<RemedyEntry[]> {
  await checkFilter(deps, actor, filter);
  const stored = await deps.store.remedies.list(actor.workspaceId, filter);
  return stored.map(toRemedyEntry);
}

/** Totals per currency of the workspace, a client or a mistake. */
export async function totalRemedies(deps: Deps, actor: Actor, filter: RemedyFilter): Promise<RemedyTotal[]> {
  await checkFilter(deps, actor, filter);
  return remedyTotals(await deps.store.remedies.list(actor.workspaceId, filter));
}

async function checkFilter(deps: Deps, actor: Actor, filter: RemedyFilter): Promise<void> {
  if (filter.clientId) await getClient(deps, actor, filter.clientId);
  if (filter.mistakeId) await getMistake(deps, actor, filter.mistakeId);
}

function requestHash(deps: Deps, request: Record<string, unknown>): string {
  return deps.crypto.sha256(JSON.stringify(request));
}

/** The answer to a retried request: the entry the key made, or 409 when the key was used for something else. */
async function replay(
  deps: Deps,
  store: Store,
  actor: Actor,
  existing: StoredRemedy,
  hash: string,
): Promise<LedgerOutcome> {
  if (existing.requestHash !== hash) {
    throw new DomainError(
      'idempotency_key_reused',
      'This idempotency key was already used for a different request; use a new key for a new remedy.',
      { field: 'idempotencyKey', remedyId: existing.id },
    );
  }
  const mistake = await store.mistakes.get(actor.workspaceId, existing.mistakeId);
  const messageId = existing.notice?.messageId ?? null;
  const accountingMessage = messageId ? await store.messages.get(actor.workspaceId, messageId) : null;
  return {
    created: false,
    result: {
      entry: toRemedyEntry(existing),
      accountingMessage,
      noticeSkippedReason: existing.notice?.skippedReason ?? null,
      stage: mistake?.stage ?? 'found',
    },
  };
}

/**
 * What issuing a remedy does, inside the caller's transaction: reaches "remedied" and queues a
 * separate accounting notice to the client's billing contact (recorded once per remedy), or holds
 * it until the client has been told (see noticeOrHold).
 */
async function issueEffects(
  deps: Deps,
  store: Store,
  actor: Actor,
  entry: StoredRemedy,
): Promise<{ accountingMessage: Message | null; noticeSkippedReason: string | null; stage: RecoveryStage }> {
  const now = deps.clock.now().toISOString();
  const mistake = await store.mistakes.get(actor.workspaceId, entry.mistakeId);
  if (!mistake) throw notFound('mistake_not_found');
  const reached = await markReached(store, actor.workspaceId, mistake, 'remedied', now, now);
  const notice = await noticeOrHold({ ...deps, store }, actor, mistake, entry);
  await refreshClientHealth({ ...deps, store }, actor.workspaceId, mistake.clientId, `${mistake.ref}: remedy given`);
  return { accountingMessage: notice.message, noticeSkippedReason: notice.skippedReason, stage: reached.stage };
}

/**
 * Records a remedy in the ledger for a mistake: issued at once, or pending approval when the policy
 * says so. Idempotent: the same key and body answer with the same entry; the same key with a
 * different body is refused.
 */
export async function issueRemedy(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  input: RemedyInput,
): Promise<LedgerOutcome> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const hoursCenti = input.hours === undefined ? null : Math.round(input.hours * 100);
  const rateMinor = input.rateMinor ?? null;
  let amountMinor = input.amountMinor;
  if (input.kind === 'rework' && hoursCenti !== null && rateMinor !== null) {
    const computed = reworkAmount(hoursCenti, rateMinor);
    if (amountMinor !== undefined && amountMinor !== computed) {
      throw new DomainError('validation_failed', `amountMinor: must equal hours × rateMinor (${computed}).`, {
        field: 'amountMinor',
      });
    }
    amountMinor = computed;
  }
  if (amountMinor === undefined || amountMinor < 1) {
    throw new DomainError('validation_failed', 'amountMinor: must be at least 1.', { field: 'amountMinor' });
  }
  // A computed amount is held to the same limit as a given one (a rework of 10,000 h × a huge rate
  // would otherwise reach storage as an unsafe integer).
  if (amountMinor > MAX_REMEDY_MINOR) {
    const fields = input.kind === 'rework' ? ['hours', 'rateMinor'] : ['amountMinor'];
    throw new DomainError(
      'validation_failed',
      `${fields.join(' × ')}: the remedy amount (${amountMinor}) is above the largest remedy the ledger takes (${MAX_REMEDY_MINOR}).`,
      {
        field: fields[0],
        issues: fields.map((field) => ({ field, message: `the amount is above ${MAX_REMEDY_MINOR} minor units` })),
      },
    );
  }
  const hash = requestHash(deps, {
    op: 'issue',
    mistakeId,
    kind: input.kind,
    amountMinor,
    currency: input.currency,
    hoursCenti,
    rateMinor,
    note: input.note,
  });
  const earlier = await deps.store.remedies.getByIdempotencyKey(actor.workspaceId, input.idempotencyKey);
  if (earlier) return replay(deps, deps.store, actor, earlier, hash);

  const settings = await loadSettings(deps.store, actor.workspaceId);
  // The cap and the threshold hold on the mistake's running total (issued and pending), not per remedy.
  const prior = runningTotalMinor(await deps.store.remedies.list(actor.workspaceId, { mistakeId }), input.currency);
  const assessment = assessRemedy(
    settings,
    mistake.impact,
    { amountMinor, currency: input.currency },
    settings.locale,
    prior,
  );
  const now = deps.clock.now().toISOString();
  const record: RemedyRecord = {
    id: deps.ids.id(),
    clientId: mistake.clientId,
    mistakeId,
    kind: input.kind,
    amountMinor,
    currency: input.currency,
    hoursCenti,
    rateMinor,
    note: input.note,
    reversesId: null,
    requiresApproval: assessment.requiresApproval,
    approvalReasons: assessment.reasons,
    idempotencyKey: input.idempotencyKey,
    requestHash: hash,
    createdBy: storedActor(actor),
    createdAt: now,
  };
  return deps.store.transaction(async (store) => {
    if (!(await store.remedies.insert(actor.workspaceId, record))) {
      const winner = await store.remedies.getByIdempotencyKey(actor.workspaceId, input.idempotencyKey);
      if (!winner) throw new Error('remedy insert conflicted without a row holding its key');
      return replay(deps, store, actor, winner, hash);
    }
    const amount = formatMoney({ amountMinor, currency: input.currency }, settings.locale);
    await recordEvent({ ...deps, store }, actor, {
      type: assessment.requiresApproval ? 'remedy.proposed' : 'remedy.issued',
      summary: assessment.requiresApproval
        ? `Remedy proposed: ${input.kind} of ${amount}, awaiting approval (${assessment.reasons.map((r) => r.code.replace('_', ' ')).join(', ')})`
        : `Remedy issued: ${input.kind} of ${amount}`,
      mistakeId,
      clientId: mistake.clientId,
      data: {
        remedyId: record.id,
        kind: input.kind,
        amountMinor,
        currency: input.currency,
        reasons: assessment.reasons,
      },
    });
    const stored = await store.remedies.get(actor.workspaceId, record.id);
    if (!stored) throw new Error('remedy vanished inside its own transaction');
    if (assessment.requiresApproval) {
      return {
        created: true,
        result: {
          entry: toRemedyEntry(stored),
          accountingMessage: null,
          noticeSkippedReason: null,
          stage: mistake.stage,
        },
      };
    }
    const effects = await issueEffects(deps, store, actor, stored);
    const after = await store.remedies.get(actor.workspaceId, record.id);
    return { created: true, result: { entry: toRemedyEntry(after ?? stored), ...effects } };
  });
}

/** Approves a remedy awaiting approval (owners and admins): issues it, with its accounting notice. */
export async function approveRemedy(
  deps: Deps,
  actor: Actor,
  remedyId: string,
  note: string | null,
): Promise<RemedyResult> {
  if (actor.role !== 'owner' && actor.role !== 'admin') {
    throw new DomainError('forbidden', 'Only an owner or admin can approve a remedy.', {
      requiredRoles: ['owner', 'admin'],
    });
  }
  const remedy = await deps.store.remedies.get(actor.workspaceId, remedyId);
  if (!remedy) throw notFound('remedy_not_found');
  if (remedy.reversesId || !remedy.requiresApproval) {
    throw new DomainError('remedy_not_pending', 'This entry does not need approval.');
  }
  if (remedy.reversedById)
    throw new DomainError('remedy_already_reversed', 'This remedy was withdrawn before approval.');
  // Four eyes: whoever proposed a remedy cannot approve it while someone else can. A one-person
  // workspace has no one else, so it may, and the timeline says it was self-approved.
  const selfApproved = actor.userId !== null && remedy.createdBy?.id === actor.userId;
  if (selfApproved) {
    const approvers = (await deps.store.users.members(actor.workspaceId)).filter(
      (m) => m.role === 'owner' || m.role === 'admin',
    );
    if (approvers.some((m) => m.id !== actor.userId)) {
      throw new DomainError(
        'self_approval_not_allowed',
        'You proposed this remedy, so another owner or admin must approve it.',
        { approvers: approvers.filter((m) => m.id !== actor.userId).map((m) => m.name) },
      );
    }
  }
  return deps.store.transaction(async (store) => {
    const now = deps.clock.now().toISOString();
    const first = await store.remedies.approve(actor.workspaceId, { remedyId, by: storedActor(actor), note, at: now });
    if (!first) {
      // Already approved (a retry, or another admin): answer with the entry as it stands.
      const current = await store.remedies.get(actor.workspaceId, remedyId);
      const mistake = await store.mistakes.get(actor.workspaceId, remedy.mistakeId);
      const messageId = current?.notice?.messageId ?? null;
      return {
        entry: toRemedyEntry(current ?? remedy),
        accountingMessage: messageId ? await store.messages.get(actor.workspaceId, messageId) : null,
        noticeSkippedReason: current?.notice?.skippedReason ?? null,
        stage: mistake?.stage ?? 'found',
      };
    }
    const settings = await loadSettings(store, actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'remedy.approved',
      summary: `Remedy ${selfApproved ? 'self-approved (the only owner or admin)' : 'approved'} by ${actor.name}: ${remedy.kind} of ${formatMoney(remedy, settings.locale)}${note ? ` (${note})` : ''}`,
      mistakeId: remedy.mistakeId,
      clientId: remedy.clientId,
      data: { remedyId, note, selfApproved },
    });
    const approved = await store.remedies.get(actor.workspaceId, remedyId);
    if (!approved) throw new Error('remedy vanished inside its own transaction');
    const effects = await issueEffects(deps, store, actor, approved);
    const after = await store.remedies.get(actor.workspaceId, remedyId);
    return { entry: toRemedyEntry(after ?? approved), ...effects };
  });
}

/**
 * Reverses an entry with a new, negative entry linked to it (the original is never changed). A
 * pending remedy reversed before approval is withdrawn and never counts. Idempotent like issuing.
 */
export async function reverseRemedy(
  deps: Deps,
  actor: Actor,
  remedyId: string,
  input: RemedyReverseInput,
): Promise<LedgerOutcome> {
  requireRole(actor, 'member');
  const original = await deps.store.remedies.get(actor.workspaceId, remedyId);
  if (!original) throw notFound('remedy_not_found');
  if (original.reversesId) throw new DomainError('remedy_not_reversible');
  const hash = requestHash(deps, { op: 'reverse', remedyId, reason: input.reason });
  const earlier = await deps.store.remedies.getByIdempotencyKey(actor.workspaceId, input.idempotencyKey);
  if (earlier) return replay(deps, deps.store, actor, earlier, hash);
  if (original.reversedById) throw new DomainError('remedy_already_reversed');
  // A reversal moves as much money as the remedy did: above the approval threshold it needs the
  // same approval as issuing one, so only an owner or admin can make it (their reversal is the approval).
  const issuedBefore = !original.requiresApproval || original.approval !== null;
  const threshold = (await loadSettings(deps.store, actor.workspaceId)).remedyPolicy.approvalThresholdMinor;
  if (issuedBefore && original.amountMinor > threshold && actor.role !== 'owner' && actor.role !== 'admin') {
    throw new DomainError(
      'forbidden',
      'Reversing a remedy above the approval threshold needs the same approval as issuing one: ask an owner or admin.',
      { requiredRoles: ['owner', 'admin'] },
    );
  }
  const now = deps.clock.now().toISOString();
  const record: RemedyRecord = {
    id: deps.ids.id(),
    clientId: original.clientId,
    mistakeId: original.mistakeId,
    kind: original.kind,
    amountMinor: -original.amountMinor,
    currency: original.currency,
    hoursCenti: original.hoursCenti,
    rateMinor: original.rateMinor,
    note: input.reason,
    reversesId: original.id,
    requiresApproval: false,
    approvalReasons: [],
    idempotencyKey: input.idempotencyKey,
    requestHash: hash,
    createdBy: storedActor(actor),
    createdAt: now,
  };
  return deps.store.transaction(async (store) => {
    if (!(await store.remedies.insert(actor.workspaceId, record))) {
      const winner = await store.remedies.getByIdempotencyKey(actor.workspaceId, input.idempotencyKey);
      if (winner) return replay(deps, store, actor, winner, hash);
      throw new DomainError('remedy_already_reversed');
    }
    const settings = await loadSettings(store, actor.workspaceId);
    const wasIssued = !original.requiresApproval || original.approval !== null;
    await recordEvent({ ...deps, store }, actor, {
      type: 'remedy.reversed',
      summary: `${wasIssued ? 'Remedy reversed' : 'Remedy withdrawn before approval'}: ${original.kind} of ${formatMoney(original, settings.locale)} (${input.reason})`,
      mistakeId: original.mistakeId,
      clientId: original.clientId,
      data: { remedyId: original.id, reversalId: record.id, reason: input.reason },
    });
    const stored = await store.remedies.get(actor.workspaceId, record.id);
    const mistake = await store.mistakes.get(actor.workspaceId, original.mistakeId);
    if (!stored) throw new Error('reversal vanished inside its own transaction');
    return {
      created: true,
      result: {
        entry: toRemedyEntry(stored),
        accountingMessage: null,
        noticeSkippedReason: null,
        stage: mistake?.stage ?? 'found',
      },
    };
  });
}

/** Records that no money will be given for a mistake, with the reason; reaches "remedied". */
export async function declineRemedy(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  input: RemedyDeclineInput,
): Promise<RemedyDecline> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const now = deps.clock.now().toISOString();
  const decline = { id: deps.ids.id(), mistakeId, reason: input.reason, by: storedActor(actor), at: now };
  const stage = await deps.store.transaction(async (store) => {
    await store.remedyDeclines.create(actor.workspaceId, decline);
    const reached = await markReached(store, actor.workspaceId, mistake, 'remedied', now, now);
    await recordEvent({ ...deps, store }, actor, {
      type: 'remedy.declined',
      summary: `No remedy for ${mistake.ref}: ${input.reason}`,
      mistakeId,
      clientId: mistake.clientId,
      data: { declineId: decline.id, reason: input.reason },
    });
    return reached.stage;
  });
  return { ...decline, stage };
}

/**
 * The accounting notice a remedy of this kind and amount would send, for review before it is
 * queued: the same composer and pre-send guard as the queued one.
 */
export async function accountingNoticeDraft(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  query: AccountingNoticeDraftQuery,
): Promise<AccountingNoticeDraftView> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const draft = await composeAccountingNotice(deps, actor.workspaceId, mistake, {
    clientId: mistake.clientId,
    kind: query.kind,
    amountMinor: query.amountMinor,
    currency: query.currency,
    hoursCenti: query.hours === undefined ? null : Math.round(query.hours * 100),
  });
  if (draft.skippedReason !== null) {
    return {
      mistakeId,
      fromName: null,
      toName: null,
      toAddress: null,
      subject: null,
      body: null,
      findings: [],
      skippedReason: draft.skippedReason,
    };
  }
  const findings = await checkAccountingNotice(deps, actor, mistake, draft);
  return {
    mistakeId,
    fromName: draft.fromName,
    toName: draft.toName,
    toAddress: draft.toAddress,
    subject: draft.subject,
    body: draft.body,
    findings,
    skippedReason: null,
  };
}
