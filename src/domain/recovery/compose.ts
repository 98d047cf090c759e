import type {
  AcknowledgmentDraft,
  Commitment,
  Contact,
  Mistake,
  MistakeCategory,
  WorkspaceSettings,
} from '../../shared/contract/index.ts';
import { getContactOfMistake } from './contact.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import type { Actor, Deps } from '../ports.ts';
import { remedyStatus } from '../remedies/ledger.ts';
import { formatMoney } from '../remedies/money.ts';
import type { StoredRemedy } from '../remedies/ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { salutationOf } from './salutation.ts';

/** The prevention step promised for each category until a root cause names a better one. */
const prevention: Record<MistakeCategory, string> = {
  communication: 'we are adding a review step so that every message to you is checked before it goes out',
  deliverable_quality: 'we are adding a quality check to our delivery process before anything reaches you',
  deadline: 'we are building earlier checkpoints into our schedule so that the dates we give you are dates we keep',
  billing: 'we are adding a second check of every invoice before it is sent',
  requirements: 'we will confirm requirements with you in writing before work starts',
  wrong_fact: 'we now check every number, name and address against your records before anything goes out',
  other: 'we are changing our process and adding a check so this cannot reach you again',
};

const remedyPhrase: Record<StoredRemedy['kind'], string> = {
  credit: 'a credit of',
  discount: 'a discount of',
  refund: 'a refund of',
  rework: 'the rework, worth',
  gift: 'a gift worth',
  other: 'a remedy of',
};

/** A due time for people, in the workspace's zone: "5:00 PM UTC on Tuesday, March 3, 2026". */
export function humanDue(iso: string, timeZone: string, locale: WorkspaceSettings['locale']): string {
  const at = new Date(iso);
  const zone = safeZone(timeZone);
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(at);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
  return `${time} on ${date}`;
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** "Wrong short code in SMS blast" → "wrong short code in SMS blast" (an acronym or name keeps its capital). */
function inSentence(title: string): string {
  const first = title.split(/\s/u, 1)[0] ?? '';
  const keep = first.length > 1 && first.slice(1) !== first.slice(1).toLowerCase();
  return keep ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/u.test(t) ? t : `${t}.`;
}

/** What the composer needs to know; everything comes from recorded facts. */
export interface AcknowledgmentFacts {
  mistake: Mistake;
  contact: Pick<Contact, 'fullName' | 'preferredName' | 'honorific'>;
  fix: Commitment | null;
  remedies: readonly StoredRemedy[];
  settings: WorkspaceSettings;
  timeZone: string;
  senderName: string;
  signature: string;
}

/**
 * Composes an acknowledgment: what went wrong in plain words, that it was our mistake, what we are
 * doing and by when, the remedy if one was issued, the prevention step — brief, with no excuses.
 */
export function composeAcknowledgment(f: AcknowledgmentFacts): { salutation: string; subject: string; body: string } {
  const { mistake, settings } = f;
  const salutation = salutationOf(f.contact);
  const what = inSentence(mistake.title);
  const opening =
    mistake.foundBy === 'client'
      ? `Thank you for raising this with us. You were right: we made a mistake — ${what}.`
      : `I want you to hear this from us first: we made a mistake — ${what}.`;
  const lines = [`Dear ${salutation},`, '', opening];
  if (mistake.description) lines.push(sentence(mistake.description));
  lines.push('', 'This was our error, and I am sorry. Putting it right is now our priority.', '');
  if (f.fix) {
    lines.push(
      `We will fix it by ${humanDue(f.fix.dueAt, f.timeZone, settings.locale)}: ${sentence(inSentence(f.fix.title))}`,
    );
  } else {
    const hours = settings.targets[mistake.severity].fixHours;
    const within = hours >= 48 && hours % 24 === 0 ? `${hours / 24} days` : `${hours} hours`;
    lines.push(`We are fixing it now, and I will confirm the date it will be done within ${within}.`);
  }
  const issued = f.remedies.filter((r) => remedyStatus(r) === 'issued');
  if (issued.length > 0) {
    const given = issued.map((r) => `${remedyPhrase[r.kind]} ${formatMoney(r, settings.locale)}`).join(' and ');
    lines.push(
      `To make up for it, we are giving you ${given}; our accounting team will confirm this in a separate email.`,
    );
  }
  lines.push(`To make sure this does not happen again, ${prevention[mistake.category]}.`);
  if (mistake.severity !== 'minor') {
    lines.push('', `I will send you an update at least every ${settings.updateIntervalHours} hours until it is fixed.`);
  }
  lines.push('', 'Best regards,', f.signature, f.senderName);
  const subject = `Our mistake: ${what}`;
  return {
    salutation,
    subject: subject.length > 300 ? `${subject.slice(0, 297)}...` : subject,
    body: lines.join('\n'),
  };
}

/** A draft acknowledgment of a mistake to one of its client's contacts, from the recorded facts. */
export async function acknowledgmentDraft(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  contactId: string,
): Promise<AcknowledgmentDraft> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const contact = await getContactOfMistake(deps, actor, mistake, contactId);
  const [settings, workspace, commitments, remedies] = await Promise.all([
    loadSettings(deps.store, actor.workspaceId),
    deps.store.workspaces.get(actor.workspaceId),
    deps.store.commitments.list(actor.workspaceId, { mistakeId, status: 'open' }),
    deps.store.remedies.list(actor.workspaceId, { mistakeId }),
  ]);
  const fix = commitments.find((c) => c.isFix) ?? null;
  const composed = composeAcknowledgment({
    mistake,
    contact,
    fix,
    remedies,
    settings,
    timeZone: workspace?.timezone ?? 'UTC',
    senderName: workspace?.name ?? settings.senderName,
    signature: actor.name,
  });
  return {
    mistakeId,
    contactId,
    toName: contact.fullName,
    toAddress: contact.email,
    salutation: composed.salutation,
    subject: composed.subject,
    body: composed.body,
    fixDueAt: fix?.dueAt ?? null,
  };
}
