import {
  SATISFACTION_DAYS,
  SATISFACTION_QUESTION,
  satisfactionLabels,
  type Mistake,
  type SatisfactionAnswerInput,
  type SatisfactionList,
  type SatisfactionPublic,
  type SatisfactionRequest,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import type { SatisfactionRequestRecord } from '../check-ins/ports.ts';
import { DomainError, notFound } from '../errors.ts';
import { refreshClientHealth } from '../health/refresh.ts';
import { queueMessage } from '../messages/outbox.ts';
import { hiddenLink } from '../messages/secret-links.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import { mistakeRef } from '../mistakes/stage.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import { emailOf, getContactOfMistake } from '../recovery/contact.ts';
import { inSentence } from '../recovery/compose.ts';
import { salutationOf } from '../recovery/salutation.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';

// The satisfaction check after a fix (issue 11 C). The owner (or, when the workspace setting is
// automatic, the last settled check-in) mails a contact one question with the five answers as links
// to a public page: /satisfaction/<token>?answer=n. The token is 256 random bits (unguessable, so a
// forged one matches nothing), single-use, expires after SATISFACTION_DAYS and is stored as its
// SHA-256 only; the raw token waits in message_secrets until the mailer sends the mail (the stored
// body shows the links hidden), so neither the outbox nor the export can reveal it. Opening a link
// changes nothing (mail scanners open links); the answer is sent from the page. It can be changed
// once within the token's life, then it is final. Every answer goes on the mistake's timeline and
// refreshes the client's health.

const DAY_MS = 86_400_000;

/** Where links in mail point: PUBLIC_URL, or the server's own address when it is unset. */
export interface SatisfactionLinks {
  linkBase: string;
}

function present(record: SatisfactionRequestRecord, ref: string, now: Date): SatisfactionRequest {
  return {
    id: record.id,
    mistakeId: record.mistakeId,
    mistakeRef: ref,
    clientId: record.clientId,
    contactId: record.contactId,
    contactName: record.contactName,
    messageId: record.messageId,
    requestedBy: { id: record.requestedBy.id ?? 'cli', name: record.requestedBy.name },
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    expired: Date.parse(record.expiresAt) <= now.getTime(),
    answer: record.answer,
    comment: record.comment,
    answeredAt: record.answeredAt,
    changedAt: record.changedAt,
  };
}

function listOf(items: SatisfactionRequest[]): SatisfactionList {
  const answered = items.filter((i) => i.answer !== null).map((i) => i.answer ?? 0);
  const average =
    answered.length === 0 ? null : Math.round((answered.reduce((a, b) => a + b, 0) / answered.length) * 100) / 100;
  return { items, average };
}

/** The satisfaction mail: the question, the five answers as links, plain words. */
export function satisfactionBody(input: {
  salutation: string;
  title: string;
  base: string;
  senderName: string;
  expiresAt: string;
}): string {
  const link = hiddenLink(input.base, 'satisfaction');
  return [
    `Dear ${input.salutation},`,
    '',
    `We recently put right our mistake — ${inSentence(input.title)}. One question, and one click:`,
    '',
    SATISFACTION_QUESTION,
    '',
    ...satisfactionLabels.map((label, i) => `${i + 1} – ${label}: ${link}?answer=${i + 1}`),
    '',
    'You can add a comment on the page if you like. The links work until ' +
      `${input.expiresAt.slice(0, 10)} (UTC), and you can change your answer once.`,
    '',
    'Thank you,',
    input.senderName,
  ].join('\n');
}

/** Queues a satisfaction request to one contact, in the caller's transaction (`store`). */
async function queueRequest(
  deps: Deps,
  store: Store,
  actor: Actor,
  mistake: Mistake,
  contact: { id: string; fullName: string; salutation: string; email: string },
  links: SatisfactionLinks,
  trigger: 'manual' | 'automatic',
): Promise<SatisfactionRequestRecord> {
  const settings = await loadSettings(store, actor.workspaceId);
  const workspace = await store.workspaces.get(actor.workspaceId);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SATISFACTION_DAYS * DAY_MS).toISOString();
  const token = deps.crypto.randomToken();
  const message = await queueMessage(
    deps,
    actor.workspaceId,
    {
      kind: 'satisfaction',
      clientId: mistake.clientId,
      mistakeId: mistake.id,
      fromName: settings.senderName,
      toName: contact.fullName,
      toAddress: contact.email,
      subject: `${SATISFACTION_QUESTION.replace(/\?$/u, '')}? One question from ${workspace?.name ?? settings.senderName}`,
      body: satisfactionBody({
        salutation: contact.salutation,
        title: mistake.title,
        base: links.linkBase,
        senderName: workspace?.name ?? settings.senderName,
        expiresAt,
      }),
    },
    store,
  );
  // The token waits apart from the body; only the mailer puts it into the links.
  await store.messageSecrets.put(actor.workspaceId, message.id, token, message.createdAt);
  const record: SatisfactionRequestRecord = {
    id: deps.ids.id(),
    workspaceId: actor.workspaceId,
    mistakeId: mistake.id,
    clientId: mistake.clientId,
    contactId: contact.id,
    contactName: contact.fullName,
    tokenHash: deps.crypto.sha256(token),
    messageId: message.id,
    requestedBy: { id: actor.userId, name: actor.name },
    createdAt: now.toISOString(),
    expiresAt,
    answer: null,
    comment: null,
    answeredAt: null,
    answerCount: 0,
    changedAt: null,
  };
  await store.satisfaction.create(actor.workspaceId, record);
  await recordEvent({ ...deps, store }, actor, {
    type: 'satisfaction.requested',
    summary: `${trigger === 'automatic' ? 'Satisfaction check mailed automatically' : 'Satisfaction check mailed'} to ${contact.fullName}: “${SATISFACTION_QUESTION}”`,
    mistakeId: mistake.id,
    clientId: mistake.clientId,
    data: { satisfactionRequestId: record.id, messageId: message.id, trigger },
  });
  return record;
}

/** Asks a contact of the mistake's client how well it was put right (after the fix is done). */
export async function requestSatisfaction(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  input: { contactId: string },
  links: SatisfactionLinks,
): Promise<SatisfactionRequest> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  if (!mistake.reached.fixed) throw new DomainError('mistake_not_fixed');
  const contact = await getContactOfMistake(deps, actor, mistake, input.contactId);
  const email = emailOf(contact);
  const record = await deps.store.transaction((store) =>
    queueRequest(
      deps,
      store,
      actor,
      mistake,
      { id: contact.id, fullName: contact.fullName, salutation: salutationOf(contact), email },
      links,
      'manual',
    ),
  );
  return present(record, mistake.ref, deps.clock.now());
}

/**
 * The automatic satisfaction check (setting `satisfaction.mode: automatic`): once every check-in of
 * the mistake is settled and none was requested yet, mail the contact the acknowledgment went to
 * (else the client's first contact with an email). Does nothing otherwise.
 */
export async function requestSatisfactionIfDue(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  links: SatisfactionLinks,
): Promise<SatisfactionRequest | null> {
  const settings = await loadSettings(deps.store, actor.workspaceId);
  if (settings.satisfaction.mode !== 'automatic') return null;
  const mistake = await deps.store.mistakes.get(actor.workspaceId, mistakeId);
  if (!mistake?.reached.fixed) return null;
  const checkIns = await deps.store.checkIns.listForMistake(actor.workspaceId, mistakeId);
  if (checkIns.some((c) => c.status === 'pending')) return null;
  if ((await deps.store.satisfaction.listForMistake(actor.workspaceId, mistakeId)).length > 0) return null;
  const acknowledged = await deps.store.acknowledgments.listByMistake(actor.workspaceId, mistakeId);
  const contacts = await deps.store.contacts.listByClient(actor.workspaceId, mistake.clientId);
  const ackContact = acknowledged.map((a) => contacts.find((c) => c.id === a.contactId)).find((c) => c?.email);
  const contact = ackContact ?? contacts.find((c) => c.email);
  if (!contact?.email) return null;
  const email = contact.email;
  const record = await deps.store.transaction((store) =>
    queueRequest(
      deps,
      store,
      actor,
      mistake,
      { id: contact.id, fullName: contact.fullName, salutation: salutationOf(contact), email },
      links,
      'automatic',
    ),
  );
  return present(record, mistake.ref, deps.clock.now());
}

/** The satisfaction requests and answers of a mistake, newest first, with their average. */
export async function listSatisfaction(deps: Deps, actor: Actor, mistakeId: string): Promise<SatisfactionList> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const now = deps.clock.now();
  const records = await deps.store.satisfaction.listForMistake(actor.workspaceId, mistakeId);
  return listOf(records.map((r) => present(r, mistake.ref, now)));
}

/** The satisfaction requests and answers of a client's mistakes, newest first, with their average. */
export async function listClientSatisfaction(deps: Deps, actor: Actor, clientId: string): Promise<SatisfactionList> {
  const client = await deps.store.clients.get(actor.workspaceId, clientId);
  if (!client) throw notFound('client_not_found');
  const now = deps.clock.now();
  const records = await deps.store.satisfaction.listForClient(actor.workspaceId, clientId);
  const refs = new Map<string, string>();
  for (const id of new Set(records.map((r) => r.mistakeId))) {
    const m = await deps.store.mistakes.get(actor.workspaceId, id);
    refs.set(id, m ? m.ref : mistakeRef(0));
  }
  return listOf(records.map((r) => present(r, refs.get(r.mistakeId) ?? mistakeRef(0), now)));
}

/** The request a token names, or the reason it cannot be answered (404 unknown, 410 expired or final). */
async function requestOfToken(deps: Deps, token: string): Promise<SatisfactionRequestRecord> {
  const record = await deps.store.satisfaction.findByTokenHash(deps.crypto.sha256(token));
  if (!record) throw new DomainError('satisfaction_token_invalid');
  if (Date.parse(record.expiresAt) <= deps.clock.now().getTime()) throw new DomainError('satisfaction_token_expired');
  if (record.answerCount >= 2) throw new DomainError('satisfaction_answer_final');
  return record;
}

async function publicView(deps: Deps, record: SatisfactionRequestRecord): Promise<SatisfactionPublic> {
  const settings = await loadSettings(deps.store, record.workspaceId);
  const workspace = await deps.store.workspaces.get(record.workspaceId);
  return {
    question: SATISFACTION_QUESTION,
    from: workspace?.name ?? settings.senderName,
    contactName: record.contactName,
    expiresAt: record.expiresAt,
    answer: record.answer,
    comment: record.comment,
    canAnswer: record.answerCount < 2,
    canChange: record.answerCount === 1,
  };
}

/** What the public page shows for a token (client-safe fields only); changes nothing. */
export async function previewSatisfaction(deps: Deps, token: string): Promise<SatisfactionPublic> {
  return publicView(deps, await requestOfToken(deps, token));
}

/**
 * Records the client's answer from the public page: the first answer, or its one change. Of two
 * answers at once, one wins and the other is refused (the conditional update on the count seen).
 */
export async function answerSatisfaction(
  deps: Deps,
  token: string,
  input: SatisfactionAnswerInput,
): Promise<SatisfactionPublic> {
  const record = await requestOfToken(deps, token);
  const workspaceId = record.workspaceId;
  const actor: Actor = { workspaceId, userId: null, name: `${record.contactName} (client)`, role: 'viewer' };
  const at = deps.clock.now().toISOString();
  const change = record.answerCount === 1;
  await deps.store.transaction(async (store) => {
    const won = await store.satisfaction.answer(workspaceId, record.id, record.answerCount, {
      answer: input.answer,
      comment: input.comment,
      at,
    });
    if (!won) throw new DomainError('satisfaction_answer_final');
    const mistake = await store.mistakes.get(workspaceId, record.mistakeId);
    const label = satisfactionLabels[input.answer - 1] ?? '';
    await recordEvent({ ...deps, store }, actor, {
      type: change ? 'satisfaction.changed' : 'satisfaction.answered',
      summary: `${record.contactName} ${change ? 'changed the answer to' : 'answered'} “${SATISFACTION_QUESTION}”: ${input.answer} of 5 (${label})${mistake ? ` on ${mistake.ref}` : ''}${input.comment ? ` — “${input.comment}”` : ''}`,
      mistakeId: record.mistakeId,
      clientId: record.clientId,
      data: { satisfactionRequestId: record.id, answer: input.answer, comment: input.comment, change },
    });
    await refreshClientHealth(
      { ...deps, store },
      workspaceId,
      record.clientId,
      `${mistake?.ref ?? 'a mistake'}: satisfaction ${change ? 'answer changed to' : 'answered'} ${input.answer} of 5`,
    );
  });
  const after = await deps.store.satisfaction.get(workspaceId, record.id);
  return publicView(deps, after ?? record);
}
