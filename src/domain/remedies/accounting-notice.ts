import type { Message, Mistake, RemedyKind } from '../../shared/contract/index.ts';
import { queueMessage } from '../messages/outbox.ts';
import type { Deps } from '../ports.ts';
import { salutationOf } from '../recovery/salutation.ts';
import { loadSettings } from '../settings/settings.ts';
import { formatMoney } from './money.ts';
import type { StoredRemedy } from './ports.ts';

const kindLabel: Record<RemedyKind, string> = {
  credit: 'Credit',
  discount: 'Discount',
  refund: 'Refund',
  rework: 'Rework at no charge',
  gift: 'Gift',
  other: 'Remedy',
};

function whatWeDid(entry: StoredRemedy, amount: string): string {
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

/**
 * Queues the accounting notice of an issued remedy: a separate email from the accounting sender to
 * the client's billing contact (the seed: "a separate email immediately after mine"). Without a
 * billing contact that has an email address, nothing is queued and the reason is returned.
 */
export async function queueAccountingNotice(
  deps: Deps,
  workspaceId: string,
  mistake: Mistake,
  entry: StoredRemedy,
): Promise<{ message: Message | null; record: { messageId: string | null; skippedReason: string | null } }> {
  const contacts = await deps.store.contacts.listByClient(workspaceId, entry.clientId);
  const billing = contacts.find((c) => c.isBilling && c.email);
  if (!billing?.email) {
    const skippedReason = `${mistake.clientName} has no billing contact with an email address.`;
    return { message: null, record: { messageId: null, skippedReason } };
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
    `This is a separate note from the accounting team at ${business} about ${mistake.title}.`,
    '',
    whatWeDid(entry, amount),
    ...(entry.note ? ['', entry.note] : []),
    '',
    `Our reference: ${mistake.ref}.`,
    '',
    'If anything here does not match your records, reply to this email and we will put it right.',
    '',
    settings.accountingSenderName,
    business,
  ].join('\n');
  const message = await queueMessage(
    deps,
    workspaceId,
    {
      kind: 'accounting',
      clientId: entry.clientId,
      mistakeId: entry.mistakeId,
      fromName: settings.accountingSenderName,
      toName: billing.fullName,
      toAddress: billing.email,
      subject: `${kindLabel[entry.kind]} of ${amount} on your account (${mistake.ref})`,
      body,
    },
    deps.store,
  );
  return { message, record: { messageId: message.id, skippedReason: null } };
}
