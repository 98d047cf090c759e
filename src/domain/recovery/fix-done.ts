import type {
  Commitment,
  CompleteFixInput,
  CompleteFixResult,
  Contact,
  FixedNoticeDraft,
  Mistake,
  WorkspaceSettings,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { markCommitmentDone } from '../commitments/commitments.ts';
import { DomainError } from '../errors.ts';
import type { GuardCache } from '../guard/check-text.ts';
import { recordDraftSent } from '../lessons/catches.ts';
import { queueMessage } from '../messages/outbox.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import type { Actor, Deps } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { humanDue, inSentence } from './compose.ts';
import { emailOf, getContactOfMistake } from './contact.ts';
import { salutationOf } from './salutation.ts';
import { refuseUnlessOverridden, vetText } from './send.ts';

// The last step of "fix it on time": the fix commitment marked done, with an internal note and,
// if wanted, a message telling the client it is fixed. The message is composed from client-safe
// fields only (the fix as it was promised to the client, when it was done, the contact's name):
// never the mistake's internal title, its description, the note or any rationale.

/** What the "it's fixed" composer needs; all of it may be seen by the client. */
export interface FixedNoticeFacts {
  fix: Pick<Commitment, 'title' | 'dueAt'>;
  doneAt: string;
  contact: Pick<Contact, 'fullName' | 'preferredName' | 'honorific'>;
  settings: Pick<WorkspaceSettings, 'locale'>;
  timeZone: string;
  senderName: string;
  signature: string;
}

/** Composes the message that tells the client the promised fix is done. */
export function composeFixedNotice(f: FixedNoticeFacts): { subject: string; body: string } {
  const what = f.fix.title.trim().replace(/[.!?]+$/u, '');
  const onTime = f.doneAt <= f.fix.dueAt;
  const done = humanDue(f.doneAt, f.timeZone, f.settings.locale);
  const lines = [
    `Dear ${salutationOf(f.contact)},`,
    '',
    `The fix we promised is done: ${inSentence(what)}. It was completed at ${done}${onTime ? ', as promised' : ''}.`,
    '',
    'Thank you for your patience while we put this right. If anything still does not look right, reply to this email and we will look at it straight away.',
    '',
    'Best regards,',
    f.signature,
    f.senderName,
  ];
  const subject = `Fixed: ${what}`;
  return { subject: subject.length > 300 ? `${subject.slice(0, 297)}...` : subject, body: lines.join('\n') };
}

async function openFixOf(deps: Deps, actor: Actor, mistakeId: string): Promise<Commitment> {
  const open = await deps.store.commitments.list(actor.workspaceId, { mistakeId, status: 'open' });
  const fix = open.find((c) => c.isFix);
  if (!fix) throw new DomainError('commitment_not_open', 'This mistake has no open fix commitment to mark done.');
  return fix;
}

async function senderOf(deps: Deps, actor: Actor) {
  const [settings, workspace] = await Promise.all([
    loadSettings(deps.store, actor.workspaceId),
    deps.store.workspaces.get(actor.workspaceId),
  ]);
  return { settings, timeZone: workspace?.timezone ?? 'UTC', senderName: settings.senderName };
}

/** A draft "it's fixed" message to one contact of the mistake's client, as if the open fix were done now. */
export async function fixedNoticeDraft(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  contactId: string,
): Promise<FixedNoticeDraft> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const contact = await getContactOfMistake(deps, actor, mistake, contactId);
  const fix = await openFixOf(deps, actor, mistakeId);
  const sender = await senderOf(deps, actor);
  const composed = composeFixedNotice({
    fix,
    doneAt: deps.clock.now().toISOString(),
    contact,
    settings: sender.settings,
    timeZone: sender.timeZone,
    senderName: sender.senderName,
    signature: actor.name,
  });
  return {
    mistakeId,
    contactId,
    toName: contact.fullName,
    toAddress: contact.email,
    subject: composed.subject,
    body: composed.body,
  };
}

/**
 * Marks the mistake's open fix commitment done (reaching "fixed"), with an optional internal note
 * and an optional "it's fixed" message. The message is checked by the client's guard first (error
 * findings refuse everything unless overridden); then the completion, the queued message and their
 * events are written in one transaction, so the fix is never marked done with its message lost.
 */
export async function completeFix(
  deps: Deps,
  guards: GuardCache,
  actor: Actor,
  mistakeId: string,
  input: CompleteFixInput,
): Promise<CompleteFixResult> {
  requireRole(actor, 'member');
  const mistake: Mistake = await getMistake(deps, actor, mistakeId);
  const fix = await openFixOf(deps, actor, mistakeId);
  const notice = input.notice;
  const contact = notice ? await getContactOfMistake(deps, actor, mistake, notice.contactId) : null;
  const toAddress = contact ? emailOf(contact) : null;
  const findings = notice ? await vetText(deps, guards, actor, mistake, notice, false) : [];
  const blocking = notice ? refuseUnlessOverridden(findings, notice.overrideReason) : [];
  const { senderName } = await senderOf(deps, actor);
  const now = deps.clock.now().toISOString();
  const message = await deps.store.transaction(async (store) => {
    const tx = { ...deps, store };
    await markCommitmentDone(tx, actor, fix, now, input.note);
    if (!notice || !contact || !toAddress) return null;
    const queued = await queueMessage(
      deps,
      actor.workspaceId,
      {
        kind: 'update',
        clientId: mistake.clientId,
        mistakeId,
        fromName: senderName,
        toName: contact.fullName,
        toAddress,
        subject: notice.subject,
        body: notice.body,
      },
      store,
    );
    await recordEvent(tx, actor, {
      type: 'mistake.update_sent',
      summary: `"It's fixed" message to ${contact.fullName} queued: ${queued.subject}`,
      mistakeId,
      clientId: mistake.clientId,
      data: { messageId: queued.id, fixed: true },
    });
    if (blocking.length > 0 && notice.overrideReason) {
      await recordEvent(tx, actor, {
        type: 'message.override',
        summary: `"It's fixed" message sent despite ${blocking.length} error finding${blocking.length === 1 ? '' : 's'}: ${notice.overrideReason}`,
        mistakeId,
        clientId: mistake.clientId,
        data: { messageId: queued.id, reason: notice.overrideReason, rules: blocking.map((f) => f.rule) },
      });
    }
    return queued;
  });
  if (notice) {
    await recordDraftSent(deps, actor, notice.draftId, findings.filter((f) => f.field === 'body'));
  }
  const [commitment, after] = await Promise.all([
    deps.store.commitments.get(actor.workspaceId, fix.id),
    getMistake(deps, actor, mistakeId),
  ]);
  return {
    commitment: commitment ?? { ...fix, status: 'done', completedAt: now },
    note: input.note,
    message,
    findings,
    overridden: blocking.length > 0,
    stage: after.stage,
  };
}
