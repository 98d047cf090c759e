import type { Message, Mistake, RemedyKind, SourcedFinding } from '../../shared/contract/index.ts';
import { checkText, GuardCache } from '../guard/check-text.ts';
import { queueMessage } from '../messages/outbox.ts';
import type { Actor, Deps } from '../ports.ts';
import { salutationOf } from '../recovery/salutation.ts';
import { mistakeInClientTerms } from '../recovery/voice.ts';
import { loadSettings } from '../settings/settings.ts';
import { formatMoney } from './money.ts';
import type { StoredRemedy } from './ports.ts';
import { recordEvent } from '../timeline/record-event.ts';

const kindLabel: Record<RemedyKind, string> = {
  credit: 'Credit',
  discount: 'Discount',
  refund: 'Refund',
  rework: 'Rework at no charge',
  gift: 'Gift',
  other: 'Remedy',
};

/** The part of a remedy the notice is composed from: never its note (the rationale is internal). */
export interface NoticeRemedy {
  clientId: string;
  kind: RemedyKind;
  amountMinor: number;
  currency: string;
  hoursCenti: number | null;
}

function whatWeDid(entry: NoticeRemedy, amount: string): string {
  switch (entry.kind) {
    case 'credit':
      return `We have added a credit of ${amount} to your account; it will be applied to your next invoice.`;
    case 'discount':
      return `We have applied a discount of ${amount}, which you will see on your next invoice.`;
    case 'refund':
      return `We have issued a refund of ${amount} to you; please allow a few business days for it to arrive.`;
    case 'rework': {
      const hours = entry.hoursCenti === null ? '' : `${entry.hoursCenti / 100} hours, `;
      return `The rework (${hours}worth ${amount}) is on us: it will not appear on any invoice.`;
    }
    case 'gift':
      return `A gift worth ${amount} is on its way to you, with our apologies; there is nothing to pay.`;
    case 'other':
      return `We have recorded a remedy of ${amount} on your account.`;
  }
}

/** The accounting notice as it would be queued, or why none can be (no billing contact with an email). */
export type AccountingNoticeDraft =
  | { fromName: string; toName: string; toAddress: string; subject: string; body: string; skippedReason: null }
  | { skippedReason: string };

/**
 * Composes the accounting notice from client words only: the mistake's title (what went wrong) and
 * the remedy's kind and amount (what was credited). Internal fields — the remedy's rationale, override
 * reasons, sweep notes, root-cause steps — are never read here, so none can reach the billing contact.
 */
export async function composeAccountingNotice(
  deps: Deps,
  workspaceId: string,
  mistake: Mistake,
  entry: NoticeRemedy,
): Promise<AccountingNoticeDraft> {
  const contacts = await deps.store.contacts.listByClient(workspaceId, entry.clientId);
  const billing = contacts.find((c) => c.isBilling && c.email);
  if (!billing?.email) {
    return { skippedReason: `${mistake.clientName} has no billing contact with an email address.` };
  }
  const [settings, workspace] = await Promise.all([
    loadSettings(deps.store, workspaceId),
    deps.store.workspaces.get(workspaceId),
  ]);
  const amount = formatMoney(entry, settings.locale);
  const business = workspace?.name ?? settings.senderName;
  const body = [
    `Dear ${salutationOf(billing)},`,
    '',
    `This is a separate note from the accounting team at ${business}.`,
    '',
    `We made a mistake ${mistakeInClientTerms[mistake.category]}, and we want to make it right. ${whatWeDid(entry, amount)}`,
    '',
    `Our reference: ${mistake.ref}.`,
    '',
    'If anything here does not match your records, reply to this email and we will put it right.',
    '',
    settings.accountingSenderName,
    business,
  ].join('\n');
  return {
    fromName: settings.accountingSenderName,
    toName: billing.fullName,
    toAddress: billing.email,
    subject: `${kindLabel[entry.kind]} of ${amount} on your account`,
    body,
    skippedReason: null,
  };
}

/** The guard of accounting notices (versioned per workspace like every guard cache, so never stale for long). */
let noticeGuardCache: GuardCache | undefined;
// Made on first use: guard/check-text.ts and this module import each other (through mistakes.ts).
const noticeGuards = (): GuardCache => (noticeGuardCache ??= new GuardCache());

/** The pre-send guard on a composed notice, as on every client message: subject and body. */
export async function checkAccountingNotice(
  deps: Deps,
  actor: Actor,
  mistake: Mistake,
  draft: { subject: string; body: string },
): Promise<SourcedFinding[]> {
  const [subject, body] = await Promise.all([
    checkText(deps, noticeGuards(), actor, { clientId: mistake.clientId, text: draft.subject }),
    checkText(deps, noticeGuards(), actor, { clientId: mistake.clientId, text: draft.body }),
  ]);
  return [
    ...subject.map((f) => ({ ...f, source: 'guard' as const, field: 'subject' as const })),
    ...body.map((f) => ({ ...f, source: 'guard' as const, field: 'body' as const })),
  ];
}

/**
 * Queues the accounting notice of an issued remedy: a separate email from the accounting sender to
 * the client's billing contact (the seed: "a separate email immediately after mine"), after the
 * pre-send guard. Without a billing contact with an email address, or when the guard finds an
 * error in the composed text, nothing is queued and the reason is returned.
 */
export async function queueAccountingNotice(
  deps: Deps,
  actor: Actor,
  mistake: Mistake,
  entry: StoredRemedy,
): Promise<{ message: Message | null; record: { messageId: string | null; skippedReason: string | null } }> {
  const draft = await composeAccountingNotice(deps, actor.workspaceId, mistake, entry);
  if (draft.skippedReason !== null)
    return { message: null, record: { messageId: null, skippedReason: draft.skippedReason } };
  const blocking = (await checkAccountingNotice(deps, actor, mistake, draft)).filter((f) => f.severity === 'error');
  if (blocking.length > 0) {
    const skippedReason = `The pre-send guard found ${blocking.length} error${blocking.length === 1 ? '' : 's'} in the accounting notice (first: ${blocking[0]?.message ?? ''}); nothing was sent — correct the mistake's title or tell the billing contact yourself.`;
    return { message: null, record: { messageId: null, skippedReason } };
  }
  // One second after "now": the outbox sends oldest first, so a notice released together with the
  // acknowledgment always goes out after it.
  const later = { ...deps, clock: { now: () => new Date(deps.clock.now().getTime() + 1_000) } };
  const message = await queueMessage(
    later,
    actor.workspaceId,
    {
      kind: 'accounting',
      clientId: entry.clientId,
      mistakeId: entry.mistakeId,
      fromName: draft.fromName,
      toName: draft.toName,
      toAddress: draft.toAddress,
      subject: draft.subject,
      body: draft.body,
    },
    deps.store,
  );
  return { message, record: { messageId: message.id, skippedReason: null } };
}

/** Why an issued remedy has no accounting notice yet: the client has not been told. */
export const NOTICE_HELD_REASON =
  'Held until the client has been told: the accounting notice goes out right after the acknowledgment.';

/**
 * The accounting notice of an issued remedy, in the caller's transaction (`deps.store`). The seed:
 * accounting writes "a separate email immediately after mine" — so while the mistake has no
 * acknowledgment the notice is held (nothing queued, nothing recorded) and the timeline says so;
 * once it has one (email, phone or meeting) it is queued at once and recorded once per remedy.
 */
export async function noticeOrHold(
  deps: Deps,
  actor: Actor,
  mistake: Mistake,
  entry: StoredRemedy,
): Promise<{ message: Message | null; skippedReason: string | null }> {
  const acknowledged = (await deps.store.acknowledgments.listByMistake(actor.workspaceId, mistake.id)).length > 0;
  if (!acknowledged) {
    await recordEvent(deps, actor, {
      type: 'remedy.accounting_notice_held',
      summary: 'Accounting notice held until the client has been told',
      mistakeId: entry.mistakeId,
      clientId: entry.clientId,
      data: { remedyId: entry.id },
    });
    return { message: null, skippedReason: NOTICE_HELD_REASON };
  }
  const now = deps.clock.now().toISOString();
  const notice = await queueAccountingNotice(deps, actor, mistake, entry);
  if (await deps.store.remedies.recordNotice(actor.workspaceId, { remedyId: entry.id, ...notice.record, at: now })) {
    await recordEvent(deps, actor, {
      type: notice.message ? 'remedy.accounting_notice_queued' : 'remedy.accounting_notice_skipped',
      summary: notice.message
        ? `Accounting notice queued to ${notice.message.toName || notice.message.toAddress}`
        : `No accounting notice sent: ${notice.record.skippedReason ?? ''}`,
      mistakeId: entry.mistakeId,
      clientId: entry.clientId,
      data: { remedyId: entry.id, messageId: notice.message?.id ?? null },
    });
  }
  return { message: notice.message, skippedReason: notice.record.skippedReason };
}

/**
 * Queues the held accounting notices of a mistake right after its acknowledgment was recorded
 * (email: queued in the same transaction, one second behind it; phone or meeting: at once).
 * Remedies reversed or still pending get none; each notice is recorded once per remedy.
 */
export async function releaseHeldAccountingNotices(deps: Deps, actor: Actor, mistakeId: string): Promise<Message[]> {
  const [mistake, entries] = await Promise.all([
    deps.store.mistakes.get(actor.workspaceId, mistakeId),
    deps.store.remedies.list(actor.workspaceId, { mistakeId }),
  ]);
  if (!mistake) return [];
  const released: Message[] = [];
  for (const entry of entries) {
    const issued = !entry.requiresApproval || entry.approval !== null;
    if (entry.reversesId || entry.reversedById || !issued || entry.notice) continue;
    const { message } = await noticeOrHold(deps, actor, mistake, entry);
    if (message) released.push(message);
  }
  return released;
}
