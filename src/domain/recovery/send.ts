import { analyseApology } from '../../engine/index.ts';
import type {
  Mistake,
  ProgressUpdateInput,
  ProgressUpdateResult,
  SendAcknowledgmentInput,
  SendAcknowledgmentResult,
  SourcedFinding,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError } from '../errors.ts';
import { checkText, type GuardCache } from '../guard/check-text.ts';
import { recordDraftSent } from '../lessons/catches.ts';
import { queueMessage, replyToOf } from '../messages/outbox.ts';
import { getMistake, markReached } from '../mistakes/mistakes.ts';
import type { Actor, Deps } from '../ports.ts';
import { nextUpdateDue } from '../scheduler/update-due.ts';
import { releaseHeldAccountingNotices } from '../remedies/accounting-notice.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { emailOf, getContactOfMistake } from './contact.ts';
import { acknowledgmentTiming } from './timing.ts';
import { refreshClientHealth } from '../health/refresh.ts';

/** What a text to a client is checked with: the apology analyser (acknowledgments) and the client's guard (always). */
export async function vetText(
  deps: Deps,
  guards: GuardCache,
  actor: Actor,
  mistake: Mistake,
  text: { subject: string; body: string },
  apology: boolean,
): Promise<SourcedFinding[]> {
  const [subjectFindings, bodyFindings] = await Promise.all([
    checkText(deps, guards, actor, { clientId: mistake.clientId, text: text.subject }),
    checkText(deps, guards, actor, { clientId: mistake.clientId, text: text.body }),
  ]);
  const findings: SourcedFinding[] = [
    ...subjectFindings.map((f) => ({ ...f, source: 'guard' as const, field: 'subject' as const })),
    ...bodyFindings.map((f) => ({ ...f, source: 'guard' as const, field: 'body' as const })),
  ];
  if (apology) {
    const analysis = analyseApology(text.body, {
      kind: 'acknowledgment',
      mistake: { title: mistake.title, ...(mistake.description && { description: mistake.description }) },
    });
    findings.push(...analysis.findings.map((f) => ({ ...f, source: 'apology' as const, field: 'body' as const })));
  }
  return findings;
}

/** Refuses a text with error findings unless an override reason is given. */
export function refuseUnlessOverridden(findings: SourcedFinding[], overrideReason: string | null): SourcedFinding[] {
  const blocking = findings.filter((f) => f.severity === 'error');
  if (blocking.length > 0 && !overrideReason) {
    const first = blocking[0];
    throw new DomainError(
      'blocking_findings',
      `The text has ${blocking.length} error finding${blocking.length === 1 ? '' : 's'}${first ? ` (first: ${first.message})` : ''}; fix ${blocking.length === 1 ? 'it' : 'them'} or send with an overrideReason.`,
      { findings, blocking },
    );
  }
  return blocking;
}

/**
 * Sends an acknowledgment by email: the analyser and the client's guard run first (errors block
 * unless overridden), then in one transaction the email is queued in the outbox, the acknowledgment
 * recorded (reaching "acknowledged") and the override, if any, put on the timeline.
 */
export async function sendAcknowledgment(
  deps: Deps,
  guards: GuardCache,
  actor: Actor,
  mistakeId: string,
  input: SendAcknowledgmentInput,
): Promise<SendAcknowledgmentResult> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const contact = await getContactOfMistake(deps, actor, mistake, input.contactId);
  const toAddress = emailOf(contact);
  const findings = await vetText(deps, guards, actor, mistake, input, true);
  const blocking = refuseUnlessOverridden(findings, input.overrideReason);
  const settings = await loadSettings(deps.store, actor.workspaceId);
  const replyTo = await replyToOf(deps, actor);
  const now = deps.clock.now().toISOString();
  const { message, acknowledgment, stage } = await deps.store.transaction(async (store) => {
    const message = await queueMessage(
      deps,
      actor.workspaceId,
      {
        kind: 'acknowledgment',
        clientId: mistake.clientId,
        mistakeId,
        fromName: settings.senderName,
        replyTo,
        toName: contact.fullName,
        toAddress,
        subject: input.subject,
        body: input.body,
      },
      store,
    );
    const acknowledgment = {
      id: deps.ids.id(),
      mistakeId,
      at: now,
      channel: 'email' as const,
      contactId: contact.id,
      recipient: contact.fullName,
      note: input.subject,
      messageId: message.id,
      createdAt: now,
    };
    await store.acknowledgments.create(actor.workspaceId, acknowledgment);
    const current = (await store.mistakes.get(actor.workspaceId, mistakeId)) ?? mistake;
    const reached = await markReached(store, actor.workspaceId, current, 'acknowledged', now, now);
    await recordEvent({ ...deps, store }, actor, {
      type: 'mistake.acknowledged',
      summary: `${mistake.ref} acknowledged to ${contact.fullName} by email: ${message.subject}`,
      mistakeId,
      clientId: mistake.clientId,
      data: { acknowledgmentId: acknowledgment.id, channel: 'email', at: now, messageId: message.id },
    });
    // Accounting's separate notice goes out right after the acknowledgment, never before it.
    await releaseHeldAccountingNotices({ ...deps, store }, actor, mistakeId);
    await refreshClientHealth({ ...deps, store }, actor.workspaceId, mistake.clientId, `${mistake.ref} acknowledged`);
    if (blocking.length > 0 && input.overrideReason) {
      await recordEvent({ ...deps, store }, actor, {
        type: 'message.override',
        summary: `Acknowledgment sent despite ${blocking.length} error finding${blocking.length === 1 ? '' : 's'}: ${input.overrideReason}`,
        mistakeId,
        clientId: mistake.clientId,
        data: { messageId: message.id, reason: input.overrideReason, rules: blocking.map((f) => f.rule) },
      });
    }
    return { message, acknowledgment, stage: reached.stage };
  });
  const after = await getMistake(deps, actor, mistakeId);
  const noticedAt = await deps.store.clientNotices.get(actor.workspaceId, mistakeId);
  const timing = acknowledgmentTiming(after, after.reached.acknowledged ?? now, noticedAt, settings);
  await recordDraftSent(deps, actor, input.draftId, findings.filter((f) => f.field === 'body'));
  return { ...timing, acknowledgment, message, findings, overridden: blocking.length > 0, stage };
}

/**
 * Sends a progress update to a contact of the mistake's client (checked by the client's guard;
 * errors block unless overridden). Queuing it moves the next update due.
 */
export async function sendProgressUpdate(
  deps: Deps,
  guards: GuardCache,
  actor: Actor,
  mistakeId: string,
  input: ProgressUpdateInput,
): Promise<ProgressUpdateResult> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const contact = await getContactOfMistake(deps, actor, mistake, input.contactId);
  const toAddress = emailOf(contact);
  const findings = await vetText(deps, guards, actor, mistake, input, false);
  const blocking = refuseUnlessOverridden(findings, input.overrideReason);
  const settings = await loadSettings(deps.store, actor.workspaceId);
  const replyTo = await replyToOf(deps, actor);
  const message = await deps.store.transaction(async (store) => {
    const message = await queueMessage(
      deps,
      actor.workspaceId,
      {
        kind: 'update',
        clientId: mistake.clientId,
        mistakeId,
        fromName: settings.senderName,
        replyTo,
        toName: contact.fullName,
        toAddress,
        subject: input.subject,
        body: input.body,
      },
      store,
    );
    await recordEvent({ ...deps, store }, actor, {
      type: 'mistake.update_sent',
      summary: `Progress update to ${contact.fullName} queued: ${message.subject}`,
      mistakeId,
      clientId: mistake.clientId,
      data: { messageId: message.id },
    });
    if (blocking.length > 0 && input.overrideReason) {
      await recordEvent({ ...deps, store }, actor, {
        type: 'message.override',
        summary: `Update sent despite ${blocking.length} error finding${blocking.length === 1 ? '' : 's'}: ${input.overrideReason}`,
        mistakeId,
        clientId: mistake.clientId,
        data: { messageId: message.id, reason: input.overrideReason, rules: blocking.map((f) => f.rule) },
      });
    }
    return message;
  });
  const messages = await deps.store.messages.list(actor.workspaceId, { mistakeId, limit: 500 });
  await recordDraftSent(deps, actor, input.draftId, findings.filter((f) => f.field === 'body'));
  return {
    message,
    findings,
    overridden: blocking.length > 0,
    nextUpdateDueAt: nextUpdateDue(mistake, messages, settings.updateIntervalHours),
  };
}
