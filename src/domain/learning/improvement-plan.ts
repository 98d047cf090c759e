import type {
  ImprovementPlanDraft,
  ImprovementPlanInput,
  ImprovementPlanResult,
  MistakeCategory,
  WorkspaceSettings,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import type { GuardCache } from '../guard/check-text.ts';
import { queueMessage, replyToOf } from '../messages/outbox.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import type { Actor, Deps } from '../ports.ts';
import { humanDue } from '../recovery/compose.ts';
import { emailOf, getContactOfMistake } from '../recovery/contact.ts';
import { salutationOf } from '../recovery/salutation.ts';
import { inVoice, mistakeInClientTerms, speakerOf, type Speaker } from '../recovery/voice.ts';
import { refuseUnlessOverridden, vetText } from '../recovery/send.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordDraftSent } from '../lessons/catches.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { refreshLearning } from './learning.ts';
import type { ActionRecord } from './ports.ts';
import { livePreventive } from './stages.ts';

/** What the plan is composed from: only client-safe facts (never the why-steps or internal notes). */
export interface PlanFacts {
  /** What went wrong is said by its category in the client's terms (the title is internal). */
  category: MistakeCategory;
  /** "I" (one-person workspace) or "we"; "we" when not given. */
  voice?: Speaker;
  salutation: string;
  /** The root cause's one client-safe sentence, if written. */
  summary: string | null;
  preventive: readonly Pick<ActionRecord, 'title' | 'status' | 'dueAt' | 'doneAt'>[];
  checkDays: number;
  settings: WorkspaceSettings;
  timeZone: string;
  senderName: string;
  signature: string;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/u.test(t) ? t : `${t}.`;
}

function dateOnly(iso: string, timeZone: string, locale: WorkspaceSettings['locale']): string {
  return humanDue(iso, timeZone, locale).replace(/^.* on /u, '');
}

/** The improvement plan: why it happened (the client-safe summary) and what we change, with dates. */
export function composeImprovementPlan(f: PlanFacts): { subject: string; body: string } {
  const t = (template: string) => inVoice(template, f.voice ?? 'we');
  const what = t(mistakeInClientTerms[f.category]);
  const lines = [
    `Dear ${f.salutation},`,
    '',
    t(`I promised to tell you what we would change after our mistake ${what}. Here is our plan.`),
    '',
  ];
  if (f.summary) lines.push(`Why it happened: ${sentence(f.summary)}`, '');
  if (f.preventive.length > 0) {
    lines.push(t('What we are changing:'));
    for (const a of f.preventive) {
      const when =
        a.status === 'done' && a.doneAt
          ? `in place since ${dateOnly(a.doneAt, f.timeZone, f.settings.locale)}`
          : `in place by ${dateOnly(a.dueAt, f.timeZone, f.settings.locale)}`;
      lines.push(`- ${sentence(a.title).replace(/\.$/u, '')} (${when}).`);
    }
    lines.push('', t(`We check each change ${f.checkDays} days after it is in place to make sure it works.`));
  }
  lines.push(
    '',
    t('Thank you for your patience while we put this right. If you have any questions about the plan, reply to this email.'),
  );
  lines.push('', 'Best regards,', f.signature, f.senderName);
  const subject = t('What we are changing after our mistake');
  return { subject: subject.length > 300 ? `${subject.slice(0, 297)}...` : subject, body: lines.join('\n') };
}

/** A draft of the improvement plan to one of the client's contacts, from the recorded facts. */
export async function improvementPlanDraft(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  contactId: string,
): Promise<ImprovementPlanDraft> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const contact = await getContactOfMistake(deps, actor, mistake, contactId);
  const [settings, workspace, rootCause, actions, members] = await Promise.all([
    loadSettings(deps.store, actor.workspaceId),
    deps.store.workspaces.get(actor.workspaceId),
    deps.store.rootCauses.get(actor.workspaceId, mistakeId),
    deps.store.actions.list(actor.workspaceId, { mistakeId }),
    deps.store.users.members(actor.workspaceId),
  ]);
  const composed = composeImprovementPlan({
    category: mistake.category,
    voice: speakerOf(settings, members.length),
    salutation: salutationOf(contact),
    summary: rootCause?.summary ?? null,
    preventive: livePreventive(actions),
    checkDays: settings.effectivenessCheckDays,
    settings,
    timeZone: workspace?.timezone ?? 'UTC',
    senderName: settings.senderName,
    signature: actor.name,
  });
  return { contactId, toName: contact.fullName, toAddress: contact.email ?? '', ...composed };
}

/**
 * Sends the improvement plan through the outbox after the client's guard (errors block unless
 * overridden); recorded on the timeline, and it can close a verified mistake.
 */
export async function sendImprovementPlan(
  deps: Deps,
  guards: GuardCache,
  actor: Actor,
  mistakeId: string,
  input: ImprovementPlanInput,
): Promise<ImprovementPlanResult> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const contact = await getContactOfMistake(deps, actor, mistake, input.contactId);
  const toAddress = emailOf(contact);
  const findings = await vetText(deps, guards, actor, mistake, input, false);
  const blocking = refuseUnlessOverridden(findings, input.overrideReason);
  const settings = await loadSettings(deps.store, actor.workspaceId);
  const replyTo = await replyToOf(deps, actor);
  const { message, stage } = await deps.store.transaction(async (store) => {
    const message = await queueMessage(
      deps,
      actor.workspaceId,
      {
        kind: 'improvement_plan',
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
      type: 'mistake.plan_sent',
      summary: `Improvement plan to ${contact.fullName} queued: ${message.subject}`,
      mistakeId,
      clientId: mistake.clientId,
      data: { messageId: message.id },
    });
    if (blocking.length > 0 && input.overrideReason) {
      await recordEvent({ ...deps, store }, actor, {
        type: 'message.override',
        summary: `Improvement plan sent despite ${blocking.length} error finding${blocking.length === 1 ? '' : 's'}: ${input.overrideReason}`,
        mistakeId,
        clientId: mistake.clientId,
        data: { messageId: message.id, reason: input.overrideReason, rules: blocking.map((f) => f.rule) },
      });
    }
    const after = await refreshLearning(deps, store, actor, mistakeId, 'the improvement plan was sent to the client');
    return { message, stage: after.stage };
  });
  await recordDraftSent(deps, actor, input.draftId, findings.filter((f) => f.field === 'body'));
  return { message, findings, overridden: blocking.length > 0, stage };
}
