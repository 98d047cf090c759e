import type {
  AcknowledgmentDraft,
  Commitment,
  Contact,
  Fact,
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
import { inVoice, mistakeInClientTerms, speakerOf, type Speaker } from './voice.ts';

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

/** Days within which the acknowledgment promises the improvement plan when no preventive action is recorded yet. */
const PLAN_DAYS = 7;

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
export function inSentence(title: string): string {
  const first = title.split(/\s/u, 1)[0] ?? '';
  const keep = first.length > 1 && first.slice(1) !== first.slice(1).toLowerCase();
  return keep ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/u.test(t) ? t : `${t}.`;
}

const factWords: Record<Fact['kind'], string> = {
  phone: 'phone number',
  short_code: 'short code',
  url: 'web address',
  email: 'email address',
  price: 'price',
  identifier: 'reference',
  term: 'name',
  date: 'date',
};

/** A recorded fact that the mistake's description quotes wrongly: the wrong value and the right one. */
export interface WrongValue {
  wrong: string;
  right: string;
  what: string;
}

function digitsOf(s: string): string {
  return s.replace(/\D/gu, '');
}

/** Same length and one digit changed, or two neighbouring digits swapped. */
function nearDigits(a: string, b: string): boolean {
  if (a.length !== b.length || a === b || a.length < 3) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * The numbers in a description that are near misses of the client's recorded numeric facts (a short
 * code with two digits swapped): so the acknowledgment can name the wrong value beside the right one.
 */
export function wrongValuesIn(description: string | null, facts: readonly Fact[]): WrongValue[] {
  if (!description) return [];
  const numeric = facts.filter((f) => f.kind === 'short_code' || f.kind === 'phone' || f.kind === 'identifier' || f.kind === 'price');
  const out: WrongValue[] = [];
  for (const m of description.matchAll(/[$£€]?\d[\d ,.()-]*\d/gu)) {
    const written = m[0].trim();
    const digits = digitsOf(written);
    if (numeric.some((f) => digitsOf(f.value) === digits)) continue;
    const fact = numeric.find((f) => nearDigits(digits, digitsOf(f.value)));
    if (fact && !out.some((w) => w.wrong === written)) {
      out.push({ wrong: written, right: fact.value, what: fact.label ?? factWords[fact.kind] });
    }
  }
  return out;
}

/** What the composer needs to know; everything comes from recorded facts. */
export interface AcknowledgmentFacts {
  mistake: Mistake;
  contact: Pick<Contact, 'fullName' | 'preferredName' | 'honorific'>;
  fix: Commitment | null;
  remedies: readonly StoredRemedy[];
  /** Values the description quotes wrongly (named as wrong, beside the right value). */
  wrongValues?: readonly WrongValue[];
  /** The preventive actions recorded so far (named instead of a promise we have not made yet). */
  preventive?: readonly { title: string; dueAt: string; status: string }[];
  /** When the client will have our plan if no preventive action is recorded yet. */
  planBy?: string;
  settings: WorkspaceSettings;
  timeZone: string;
  senderName: string;
  signature: string;
  /** "I" (one-person workspace) or "we" (an agency); "we" when not given. */
  voice?: Speaker;
}

/**
 * Composes an acknowledgment: what went wrong in plain words, that it was our mistake, what we are
 * doing and by when, the remedy if one was issued, the prevention step — brief, with no excuses.
 * The mistake's title is an internal note and never appears: what went wrong is said by its
 * category in the client's terms, then in the words of its description ("what happened").
 */
export function composeAcknowledgment(f: AcknowledgmentFacts): { salutation: string; subject: string; body: string } {
  const { mistake, settings } = f;
  const t = (template: string) => inVoice(template, f.voice ?? 'we');
  const salutation = salutationOf(f.contact);
  const what = t(mistakeInClientTerms[mistake.category]);
  const opening =
    mistake.foundBy === 'client'
      ? t(`Thank you for raising this with us. You were right: we made a mistake ${what}.`)
      : t(`I want you to hear this from us first: we made a mistake ${what}.`);
  const lines = [`Dear ${salutation},`, '', opening];
  const wrong = f.wrongValues ?? [];
  if (mistake.description) {
    // A sentence quoting a wrong value is replaced by one that names it as wrong beside the right one.
    const kept = mistake.description
      .split(/(?<=[.!?])\s+/u)
      .filter((s) => s.trim() && !wrong.some((w) => s.includes(w.wrong)));
    if (kept.length > 0) lines.push(sentence(kept.join(' ')));
  }
  for (const w of wrong) lines.push(t(`We used the wrong ${w.what}, ${w.wrong}; the right ${w.what} is ${w.right}.`));
  lines.push('', t('This was our error, and I am sorry. Putting it right is now our priority.'), '');
  if (f.fix) {
    lines.push(
      `${t('We will fix it by')} ${humanDue(f.fix.dueAt, f.timeZone, settings.locale)}: ${sentence(inSentence(f.fix.title))}`,
    );
  } else {
    const hours = settings.targets[mistake.severity].fixHours;
    const within = hours >= 48 && hours % 24 === 0 ? `${hours / 24} days` : `${hours} hours`;
    lines.push(t(`We are fixing it now, and I will confirm the date it will be done within ${within}.`));
  }
  const issued = f.remedies.filter((r) => remedyStatus(r) === 'issued');
  if (issued.length > 0) {
    const given = issued.map((r) => `${remedyPhrase[r.kind]} ${formatMoney(r, settings.locale)}`).join(' and ');
    lines.push(
      `${t('To make up for it, we are giving you')} ${given}; ${settings.accountingSenderName} will confirm this in a separate email.`,
    );
  }
  const preventive = (f.preventive ?? []).filter((a) => a.status !== 'cancelled');
  if (preventive.length > 0) {
    const steps = preventive.map((a) => inSentence(a.title).replace(/[.]$/u, '')).join('; and ');
    lines.push(`${t('To make sure this does not happen again, we are putting these changes in place:')} ${steps}.`);
  } else if (f.planBy) {
    lines.push(
      `${t('We are finding out why this happened, and I will send you our plan to stop it happening again by')} ${humanDue(f.planBy, f.timeZone, settings.locale).replace(/^.* on /u, '')}.`,
    );
  } else {
    lines.push(t(`To make sure this does not happen again, ${prevention[mistake.category]}.`));
  }
  if (mistake.severity !== 'minor') {
    lines.push('', `I will send you an update at least every ${settings.updateIntervalHours} hours until it is fixed.`);
  }
  lines.push('', 'Best regards,', f.signature, f.senderName);
  const subject = t(`Our mistake ${mistakeInClientTerms[mistake.category]}, and how we are putting it right`);
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
  const [settings, workspace, commitments, remedies, facts, actions, members] = await Promise.all([
    loadSettings(deps.store, actor.workspaceId),
    deps.store.workspaces.get(actor.workspaceId),
    deps.store.commitments.list(actor.workspaceId, { mistakeId, status: 'open' }),
    deps.store.remedies.list(actor.workspaceId, { mistakeId }),
    deps.store.facts.list(actor.workspaceId),
    deps.store.actions.list(actor.workspaceId, { mistakeId }),
    deps.store.users.members(actor.workspaceId),
  ]);
  const clientFacts = facts.filter((x) => x.clientId === null || x.clientId === mistake.clientId);
  const fix = commitments.find((c) => c.isFix) ?? null;
  const composed = composeAcknowledgment({
    mistake,
    contact,
    fix,
    remedies,
    wrongValues: wrongValuesIn(mistake.description, clientFacts),
    preventive: actions.filter((a) => a.kind === 'preventive'),
    planBy: new Date(deps.clock.now().getTime() + PLAN_DAYS * 86_400_000).toISOString(),
    settings,
    timeZone: workspace?.timezone ?? 'UTC',
    senderName: settings.senderName,
    signature: actor.name,
    voice: speakerOf(settings, members.length),
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
