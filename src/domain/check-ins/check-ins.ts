import type {
  CheckIn,
  CheckInDraft,
  CheckInRecordInput,
  CheckInSendInput,
  CheckInSendResult,
  CheckInSkipInput,
  CheckInState,
  Commitment,
  Mistake,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError, notFound } from '../errors.ts';
import type { GuardCache } from '../guard/check-text.ts';
import { CHECK_IN_GRACE_DAYS, checkInOutcome, checkInSchedule } from '../health/check-ins.ts';
import { recordDraftSent } from '../lessons/catches.ts';
import { queueMessage } from '../messages/outbox.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import { mistakeRef } from '../mistakes/stage.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import { emailOf, getContactOfMistake } from '../recovery/contact.ts';
import { inSentence } from '../recovery/compose.ts';
import { salutationOf } from '../recovery/salutation.ts';
import { refuseUnlessOverridden, vetText } from '../recovery/send.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { refreshClientHealth } from '../health/refresh.ts';
import { requestSatisfactionIfDue, type SatisfactionLinks } from '../satisfaction/satisfaction.ts';
import type { CheckInRecord } from './ports.ts';

// Rebuild check-ins (issue 11 B). When a mistake's fix commitment is done, check-ins are scheduled
// in the same transaction, one per workspace offset (default 7, 30 and 90 days after the fix). At
// due time the client's owner is reminded (scheduler, see remind.ts); a check-in is done by sending
// its message (composed from client-safe fields, checked by the client's guard, queued in the
// outbox), by recording a call or meeting, or skipped with a reason. Past CHECK_IN_GRACE_DAYS it is
// marked overdue. Every step is a timeline event and refreshes the client's health.

const DAY_MS = 86_400_000;

/** A stored check-in as the API shows it, with its state at `now`. */
export function presentCheckIn(record: CheckInRecord, ref: string, now: Date): CheckIn {
  const settled =
    record.status === 'pending' || !record.settledAt ? null : { kind: record.status, at: record.settledAt };
  const outcome = checkInOutcome(record.dueAt, settled, now);
  // Overdue is what the scheduler recorded; between the grace end and its tick it reads overdue too.
  const state: CheckInState =
    outcome === 'pending' ? (Date.parse(record.dueAt) <= now.getTime() ? 'due' : 'pending') : outcome;
  return {
    id: record.id,
    mistakeId: record.mistakeId,
    mistakeRef: ref,
    clientId: record.clientId,
    sequence: record.sequence,
    offsetDays: record.offsetDays,
    dueAt: record.dueAt,
    status: record.status,
    state,
    method: record.method,
    note: record.note,
    skipReason: record.skipReason,
    messageId: record.messageId,
    settledAt: record.settledAt,
    settledBy: record.settledBy ? { id: record.settledBy.id ?? 'cli', name: record.settledBy.name } : null,
    remindedAt: record.remindedAt,
    overdueAt: record.overdueAt,
    createdAt: record.createdAt,
  };
}

/**
 * Schedules the check-ins of a fix done at `fixedAt`, in the caller's transaction (`store`). Does
 * nothing for a commitment that is not a mistake's fix, or when the mistake already has check-ins.
 */
export async function scheduleCheckIns(
  deps: Deps,
  store: Store,
  actor: Actor,
  commitment: Commitment,
  fixedAt: string,
): Promise<CheckInRecord[]> {
  if (!commitment.isFix || !commitment.mistakeId) return [];
  const mistakeId = commitment.mistakeId;
  if ((await store.checkIns.listForMistake(actor.workspaceId, mistakeId)).length > 0) return [];
  const settings = await loadSettings(store, actor.workspaceId);
  const offsets = [...new Set(settings.checkIns.offsetsDays)].sort((a, b) => a - b);
  const dues = checkInSchedule(fixedAt, offsets);
  const records: CheckInRecord[] = dues.map((dueAt, i) => ({
    id: deps.ids.id(),
    mistakeId,
    clientId: commitment.clientId,
    commitmentId: commitment.id,
    sequence: i + 1,
    offsetDays: offsets[i] ?? 0,
    dueAt,
    status: 'pending',
    method: null,
    note: null,
    skipReason: null,
    messageId: null,
    settledAt: null,
    settledBy: null,
    remindedAt: null,
    overdueAt: null,
    createdAt: fixedAt,
  }));
  if (records.length === 0) return [];
  await store.checkIns.createMany(actor.workspaceId, records);
  const mistake = await store.mistakes.get(actor.workspaceId, mistakeId);
  await recordEvent({ ...deps, store }, actor, {
    type: 'check_in.scheduled',
    summary: `Check-ins scheduled with the client after the fix${mistake ? ` of ${mistake.ref}` : ''}: ${offsets
      .map((d) => `day ${d}`)
      .join(', ')}`,
    mistakeId,
    clientId: commitment.clientId,
    data: { checkInIds: records.map((r) => r.id), dueAt: dues },
  });
  return records;
}

/** The check-ins of a mistake, in due order. */
export async function listCheckIns(deps: Deps, actor: Actor, mistakeId: string): Promise<CheckIn[]> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const records = await deps.store.checkIns.listForMistake(actor.workspaceId, mistakeId);
  const now = deps.clock.now();
  return records.map((r) => presentCheckIn(r, mistake.ref, now));
}

/** The check-ins of a client's mistakes, in due order. */
export async function listClientCheckIns(deps: Deps, actor: Actor, clientId: string): Promise<CheckIn[]> {
  const client = await deps.store.clients.get(actor.workspaceId, clientId);
  if (!client) throw notFound('client_not_found');
  const records = await deps.store.checkIns.listForClient(actor.workspaceId, clientId);
  const refs = new Map<string, string>();
  for (const id of new Set(records.map((r) => r.mistakeId))) {
    const m = await deps.store.mistakes.get(actor.workspaceId, id);
    refs.set(id, m ? m.ref : mistakeRef(0));
  }
  const now = deps.clock.now();
  return records.map((r) => presentCheckIn(r, refs.get(r.mistakeId) ?? mistakeRef(0), now));
}

async function loadCheckIn(deps: Deps, actor: Actor, id: string): Promise<{ record: CheckInRecord; mistake: Mistake }> {
  const record = await deps.store.checkIns.get(actor.workspaceId, id);
  if (!record) throw notFound('check_in_not_found');
  const mistake = await getMistake(deps, actor, record.mistakeId);
  return { record, mistake };
}

function requirePending(record: CheckInRecord): void {
  if (record.status !== 'pending') throw new DomainError('check_in_not_pending');
}

const whenWords: Record<number, string> = {
  7: 'a week',
  14: 'two weeks',
  30: 'a month',
  60: 'two months',
  90: 'three months',
};

/** How long ago the fix was, in words ("a week", "three months", "45 days"). */
export function sinceWords(days: number): string {
  return whenWords[days] ?? `${days} day${days === 1 ? '' : 's'}`;
}

/**
 * The drafted check-in message: the contact's salutation, the mistake's title (a client-safe
 * field; never a note, rationale or root cause), a question and the sender.
 */
export function composeCheckIn(input: {
  salutation: string;
  title: string;
  offsetDays: number;
  signature: string;
  senderName: string;
}): { subject: string; body: string } {
  const what = inSentence(input.title);
  const body = [
    `Dear ${input.salutation},`,
    '',
    `It has been ${sinceWords(input.offsetDays)} since we put right our mistake — ${what}. I wanted to check in with you: is everything working as it should now, and is there anything else we can do?`,
    '',
    'Your answer helps us make sure it stays right.',
    '',
    'Best regards,',
    input.signature,
    input.senderName,
  ].join('\n');
  const subject = `Checking in: ${what}`;
  return { subject: subject.length > 300 ? `${subject.slice(0, 297)}...` : subject, body };
}

/** A drafted check-in message to one contact of the mistake's client. */
export async function checkInDraft(deps: Deps, actor: Actor, id: string, contactId: string): Promise<CheckInDraft> {
  const { record, mistake } = await loadCheckIn(deps, actor, id);
  const contact = await getContactOfMistake(deps, actor, mistake, contactId);
  const settings = await loadSettings(deps.store, actor.workspaceId);
  const workspace = await deps.store.workspaces.get(actor.workspaceId);
  const composed = composeCheckIn({
    salutation: salutationOf(contact),
    title: mistake.title,
    offsetDays: record.offsetDays,
    signature: actor.name,
    senderName: workspace?.name ?? settings.senderName,
  });
  return { checkInId: id, contactId, toName: contact.fullName, ...composed };
}

/**
 * Does a check-in by sending its message: checked by the client's guard (errors block unless
 * overridden), then in one transaction queued in the outbox, the check-in settled and the event
 * (and any override) put on the timeline.
 */
export async function sendCheckIn(
  deps: Deps,
  guards: GuardCache,
  actor: Actor,
  id: string,
  input: CheckInSendInput,
  links: SatisfactionLinks,
): Promise<CheckInSendResult> {
  requireRole(actor, 'member');
  const { record, mistake } = await loadCheckIn(deps, actor, id);
  requirePending(record);
  const contact = await getContactOfMistake(deps, actor, mistake, input.contactId);
  const toAddress = emailOf(contact);
  const findings = await vetText(deps, guards, actor, mistake, input, false);
  const blocking = refuseUnlessOverridden(findings, input.overrideReason);
  const settings = await loadSettings(deps.store, actor.workspaceId);
  const now = deps.clock.now().toISOString();
  const message = await deps.store.transaction(async (store) => {
    const message = await queueMessage(
      deps,
      actor.workspaceId,
      {
        kind: 'follow_up',
        clientId: mistake.clientId,
        mistakeId: mistake.id,
        fromName: settings.senderName,
        toName: contact.fullName,
        toAddress,
        subject: input.subject,
        body: input.body,
      },
      store,
    );
    const settled = await store.checkIns.settle(actor.workspaceId, id, {
      status: 'done',
      method: 'message',
      note: null,
      skipReason: null,
      messageId: message.id,
      settledAt: now,
      settledBy: { id: actor.userId, name: actor.name },
    });
    // Settled by someone else between the read and now: roll the message back with the error.
    if (!settled) throw new DomainError('check_in_not_pending');
    await recordEvent({ ...deps, store }, actor, {
      type: 'check_in.sent',
      summary: `Check-in ${record.sequence} (day ${record.offsetDays}) sent to ${contact.fullName}: ${message.subject}`,
      mistakeId: mistake.id,
      clientId: mistake.clientId,
      data: { checkInId: id, messageId: message.id },
    });
    await refreshClientHealth({ ...deps, store }, actor.workspaceId, mistake.clientId, `${mistake.ref} check-in sent`);
    if (blocking.length > 0 && input.overrideReason) {
      await recordEvent({ ...deps, store }, actor, {
        type: 'message.override',
        summary: `Check-in sent despite ${blocking.length} error finding${blocking.length === 1 ? '' : 's'}: ${input.overrideReason}`,
        mistakeId: mistake.id,
        clientId: mistake.clientId,
        data: { messageId: message.id, reason: input.overrideReason, rules: blocking.map((f) => f.rule) },
      });
    }
    return message;
  });
  await recordDraftSent(
    deps,
    actor,
    input.draftId,
    findings.filter((f) => f.field === 'body'),
  );
  await afterCheckInSettled(deps, actor, mistake, links);
  const after = await deps.store.checkIns.get(actor.workspaceId, id);
  return {
    checkIn: presentCheckIn(after ?? record, mistake.ref, deps.clock.now()),
    message,
    findings,
    overridden: blocking.length > 0,
  };
}

/** Does a check-in by a call or meeting; the note is internal (never sent to the client). */
export async function recordCheckIn(
  deps: Deps,
  actor: Actor,
  id: string,
  input: CheckInRecordInput,
  links: SatisfactionLinks,
): Promise<CheckIn> {
  requireRole(actor, 'member');
  const { record, mistake } = await loadCheckIn(deps, actor, id);
  requirePending(record);
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (store) => {
    const settled = await store.checkIns.settle(actor.workspaceId, id, {
      status: 'done',
      method: input.method,
      note: input.note,
      skipReason: null,
      messageId: null,
      settledAt: now,
      settledBy: { id: actor.userId, name: actor.name },
    });
    if (!settled) throw new DomainError('check_in_not_pending');
    await recordEvent({ ...deps, store }, actor, {
      type: 'check_in.recorded',
      summary: `Check-in ${record.sequence} (day ${record.offsetDays}) done by ${input.method}`,
      mistakeId: mistake.id,
      clientId: mistake.clientId,
      data: { checkInId: id, method: input.method },
    });
    await refreshClientHealth(
      { ...deps, store },
      actor.workspaceId,
      mistake.clientId,
      `${mistake.ref} check-in done by ${input.method}`,
    );
  });
  await afterCheckInSettled(deps, actor, mistake, links);
  return presentOne(deps, actor, id, mistake);
}

/** Skips a check-in with a reason (it counts against the client's health). */
export async function skipCheckIn(
  deps: Deps,
  actor: Actor,
  id: string,
  input: CheckInSkipInput,
  links: SatisfactionLinks,
): Promise<CheckIn> {
  requireRole(actor, 'member');
  const { record, mistake } = await loadCheckIn(deps, actor, id);
  requirePending(record);
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (store) => {
    const settled = await store.checkIns.settle(actor.workspaceId, id, {
      status: 'skipped',
      method: null,
      note: null,
      skipReason: input.reason,
      messageId: null,
      settledAt: now,
      settledBy: { id: actor.userId, name: actor.name },
    });
    if (!settled) throw new DomainError('check_in_not_pending');
    await recordEvent({ ...deps, store }, actor, {
      type: 'check_in.skipped',
      summary: `Check-in ${record.sequence} (day ${record.offsetDays}) skipped: ${input.reason}`,
      mistakeId: mistake.id,
      clientId: mistake.clientId,
      data: { checkInId: id, reason: input.reason },
    });
    await refreshClientHealth(
      { ...deps, store },
      actor.workspaceId,
      mistake.clientId,
      `${mistake.ref} check-in skipped`,
    );
  });
  await afterCheckInSettled(deps, actor, mistake, links);
  return presentOne(deps, actor, id, mistake);
}

async function presentOne(deps: Deps, actor: Actor, id: string, mistake: Mistake): Promise<CheckIn> {
  const record = await deps.store.checkIns.get(actor.workspaceId, id);
  if (!record) throw notFound('check_in_not_found');
  return presentCheckIn(record, mistake.ref, deps.clock.now());
}

/** After a check-in is settled: with the automatic setting, the satisfaction check after the last one. */
async function afterCheckInSettled(
  deps: Deps,
  actor: Actor,
  mistake: Mistake,
  links: SatisfactionLinks,
): Promise<void> {
  await requestSatisfactionIfDue(deps, actor, mistake.id, links);
}

/** The instant before which a pending check-in is overdue at `now`. */
export function overdueBefore(now: Date): string {
  return new Date(now.getTime() - CHECK_IN_GRACE_DAYS * DAY_MS).toISOString();
}
