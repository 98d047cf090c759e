import {
  INVITATION_DAYS,
  type AcceptInvitationInput,
  type Invitation,
  type InvitationPreview,
  type InviteInput,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError, notFound } from '../errors.ts';
import { queueMessage } from '../messages/outbox.ts';
import { hiddenLink } from '../messages/secret-links.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import type { InvitationRecord } from './invitation-ports.ts';
import { requireStrongPassword } from './password-policy.ts';
import { issueSession, type IssuedSession } from './workspaces.ts';

// Invitations by email (issue 14 B). An owner or admin invites an email with a role; the invitee
// gets a mail through the outbox with a single-use link (/invite/<token>, 7 days); the token is
// stored as its SHA-256 only. Opening the link shows who invited them to which workspace; they
// choose their own name and password and are signed in. A resend makes a new token (the old link
// stops working); a revoke ends the invitation. Inviting an email that already has an open
// invitation answers 409 invitation_pending (resend that one instead); an email that is already a
// member answers 409 already_member.

/** Where links in mail point: PUBLIC_URL, or the server's own address when it is unset. */
export interface LinkBase {
  linkBase: string;
}

const DAY_MS = 86_400_000;

function present(record: InvitationRecord, now: Date): Invitation {
  return {
    id: record.id,
    email: record.email,
    role: record.role,
    invitedBy: record.invitedBy,
    createdAt: record.createdAt,
    sentAt: record.sentAt,
    expiresAt: record.expiresAt,
    expired: Date.parse(record.expiresAt) <= now.getTime(),
  };
}

/** The invitation mail: plain words, the link on its own line. */
function invitationBody(input: { inviter: string; workspace: string; role: string; link: string; expiresAt: string }) {
  const article = input.role === 'admin' ? 'an' : 'a';
  return [
    'Hello,',
    '',
    `${input.inviter} invited you to join ${input.workspace} on makegood as ${article} ${input.role}.`,
    '',
    'Open this link to choose your name and password:',
    '',
    input.link,
    '',
    `The link works once and expires on ${input.expiresAt.slice(0, 10)} (UTC). If you did not expect this invitation, ignore this email.`,
    '',
    '— makegood',
  ].join('\n');
}

/** 409 when the email is already a member here or belongs to another workspace's member. */
async function requireNotMember(deps: Deps, workspaceId: string, email: string): Promise<void> {
  const user = await deps.store.users.findByEmail(email);
  if (!user) return;
  if ((await deps.store.users.membership(workspaceId, user.id)) !== null) {
    throw new DomainError('already_member', `${email} is already a member of this workspace.`, { field: 'email' });
  }
  if (await deps.store.users.firstMembership(user.id)) {
    throw new DomainError('email_taken', 'Another user already has this email.', { field: 'email' });
  }
}

async function queueInvitationMail(
  deps: Deps,
  store: Store,
  actor: Actor,
  record: { email: string; role: string; expiresAt: string },
  token: string,
  base: string,
): Promise<void> {
  const workspace = await store.workspaces.get(actor.workspaceId);
  const workspaceName = workspace?.name ?? 'a workspace';
  const message = await queueMessage(
    deps,
    actor.workspaceId,
    {
      kind: 'invitation',
      clientId: null,
      mistakeId: null,
      fromName: `${actor.name} via makegood`,
      toName: '',
      toAddress: record.email,
      subject: `${actor.name} invited you to ${workspaceName} on makegood`,
      body: invitationBody({
        inviter: actor.name,
        workspace: workspaceName,
        role: record.role,
        link: hiddenLink(base, 'invite'),
        expiresAt: record.expiresAt,
      }),
    },
    store,
  );
  // The token waits apart from the body; only the mailer puts it into the link.
  await store.messageSecrets.put(actor.workspaceId, message.id, token, message.createdAt);
}

/** Open invitations of the actor's workspace, newest first (any member may see who is invited). */
export async function listInvitations(deps: Deps, actor: Actor): Promise<Invitation[]> {
  const now = deps.clock.now();
  return (await deps.store.invitations.listOpen(actor.workspaceId)).map((r) => present(r, now));
}

/**
 * Invites an email with a role (owners and admins): the invitation, its mail and a member.invited
 * event in one transaction. The token is returned nowhere: only the mail carries it.
 */
export async function inviteMember(deps: Deps, actor: Actor, input: InviteInput, links: LinkBase): Promise<Invitation> {
  requireRole(actor, 'admin');
  await requireNotMember(deps, actor.workspaceId, input.email);
  const pending = (invitationId: string) =>
    new DomainError(
      'invitation_pending',
      `${input.email} already has a pending invitation; resend or revoke that one.`,
      {
        field: 'email',
        invitationId,
      },
    );
  const open = await deps.store.invitations.findOpen(actor.workspaceId, input.email);
  if (open) throw pending(open.id);
  const now = deps.clock.now();
  const token = deps.crypto.randomToken();
  const record: InvitationRecord = {
    id: deps.ids.id(),
    workspaceId: actor.workspaceId,
    email: input.email,
    role: input.role,
    tokenHash: deps.crypto.sha256(token),
    invitedBy: { id: actor.userId, name: actor.name },
    createdAt: now.toISOString(),
    sentAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString(),
    acceptedAt: null,
    acceptedUserId: null,
    revokedAt: null,
  };
  try {
    await deps.store.transaction(async (store) => {
      await store.invitations.create(record);
      await queueInvitationMail(deps, store, actor, record, token, links.linkBase);
      await recordEvent({ ...deps, store }, actor, {
        type: 'member.invited',
        summary: `${record.email} invited as ${record.role}`,
        data: { invitationId: record.id, email: record.email, role: record.role },
      });
    });
  } catch (error) {
    // Two invites of one email at once: the open-invitation unique index refuses the second.
    const winner = await deps.store.invitations.findOpen(actor.workspaceId, input.email);
    if (winner && winner.id !== record.id) throw pending(winner.id);
    throw error;
  }
  return present(record, now);
}

async function findInvitation(deps: Deps, actor: Actor, id: string): Promise<InvitationRecord> {
  const record = await deps.store.invitations.get(actor.workspaceId, id);
  // Another workspace's invitation is as unknown here as one that does not exist.
  if (!record) throw notFound('invitation_not_found');
  return record;
}

function notPending(record: InvitationRecord): DomainError {
  const state = record.acceptedAt ? 'accepted' : 'revoked';
  return new DomainError('invitation_not_pending', `This invitation was already ${state}.`);
}

/**
 * Sends an open invitation again with a new link (owners and admins): the old token stops
 * working, the expiry starts afresh (an expired invitation can be resent).
 */
export async function resendInvitation(deps: Deps, actor: Actor, id: string, links: LinkBase): Promise<Invitation> {
  requireRole(actor, 'admin');
  const record = await findInvitation(deps, actor, id);
  if (record.acceptedAt || record.revokedAt) throw notPending(record);
  const now = deps.clock.now();
  const token = deps.crypto.randomToken();
  const renewed: InvitationRecord = {
    ...record,
    tokenHash: deps.crypto.sha256(token),
    sentAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString(),
  };
  await deps.store.transaction(async (store) => {
    const ok = await store.invitations.renew(
      actor.workspaceId,
      id,
      renewed.tokenHash,
      renewed.sentAt,
      renewed.expiresAt,
    );
    if (!ok) throw notPending((await store.invitations.get(actor.workspaceId, id)) ?? record);
    await queueInvitationMail(deps, store, actor, renewed, token, links.linkBase);
    await recordEvent({ ...deps, store }, actor, {
      type: 'invitation.resent',
      summary: `Invitation to ${record.email} sent again`,
      data: { invitationId: id, email: record.email, role: record.role },
    });
  });
  return present(renewed, now);
}

/** Revokes an open invitation (owners and admins): its link stops working. */
export async function revokeInvitation(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  const record = await findInvitation(deps, actor, id);
  if (record.acceptedAt || record.revokedAt) throw notPending(record);
  await deps.store.transaction(async (store) => {
    if (!(await store.invitations.revoke(actor.workspaceId, id, deps.clock.now().toISOString()))) {
      throw notPending((await store.invitations.get(actor.workspaceId, id)) ?? record);
    }
    await recordEvent({ ...deps, store }, actor, {
      type: 'invitation.revoked',
      summary: `Invitation to ${record.email} revoked`,
      data: { invitationId: id, email: record.email, role: record.role },
    });
  });
}

/** The open, unexpired invitation a link's token belongs to; a clear 4xx for anything else. */
async function usableInvitation(deps: Deps, token: string): Promise<InvitationRecord> {
  const record = await deps.store.invitations.findByTokenHash(deps.crypto.sha256(token));
  if (!record) throw new DomainError('invitation_token_invalid');
  if (record.acceptedAt) throw new DomainError('invitation_used');
  if (record.revokedAt) throw new DomainError('invitation_revoked');
  if (Date.parse(record.expiresAt) <= deps.clock.now().getTime()) throw new DomainError('invitation_expired');
  return record;
}

/** What the accept page shows: who invited which email to which workspace, as what (public, by token). */
export async function previewInvitation(deps: Deps, token: string): Promise<InvitationPreview> {
  const record = await usableInvitation(deps, token);
  const workspace = await deps.store.workspaces.get(record.workspaceId);
  return {
    email: record.email,
    role: record.role,
    workspaceName: workspace?.name ?? '',
    invitedByName: record.invitedBy.name,
    expiresAt: record.expiresAt,
  };
}

/**
 * Accepts an invitation (public, by token): the invitee's user (new, or a removed person coming
 * back with the name and password they choose now), the membership with the invited role, the
 * invitation marked used and a member.joined event, in one transaction; then a session.
 * A second accept of the same link answers 410 invitation_used.
 */
export async function acceptInvitation(deps: Deps, input: AcceptInvitationInput): Promise<IssuedSession> {
  const record = await usableInvitation(deps, input.token);
  const existing = await deps.store.users.findByEmail(record.email);
  if (existing && (await deps.store.users.membership(record.workspaceId, existing.id)) !== null) {
    throw new DomainError('already_member', `${record.email} is already a member of this workspace; sign in instead.`);
  }
  if (existing && (await deps.store.users.firstMembership(existing.id))) {
    throw new DomainError('email_taken', 'Another user already has this email.');
  }
  const workspace = await deps.store.workspaces.get(record.workspaceId);
  requireStrongPassword(input.password, [record.email, input.name, workspace?.name ?? '']);
  const passwordHash = await deps.crypto.hashPassword(input.password);
  const now = deps.clock.now().toISOString();
  const userId = existing?.id ?? deps.ids.id();
  const actor: Actor = { workspaceId: record.workspaceId, userId, name: input.name, role: record.role };
  try {
    return await deps.store.transaction(async (store) => {
      // First: the conditional update decides which of two accepts at once wins.
      if (!(await store.invitations.markAccepted(record.workspaceId, record.id, record.tokenHash, userId, now))) {
        throw new DomainError('invitation_used');
      }
      if (existing) await store.users.setCredentials(userId, input.name, passwordHash);
      else
        await store.users.create({ id: userId, name: input.name, email: record.email, passwordHash, createdAt: now });
      await store.users.addMembership(record.workspaceId, userId, record.role, now);
      await recordEvent({ ...deps, store }, actor, {
        type: 'member.joined',
        summary: `${input.name} joined as ${record.role} (invited by ${record.invitedBy.name})`,
        data: { userId, invitationId: record.id, role: record.role, invitedById: record.invitedBy.id },
      });
      return issueSession({ ...deps, store }, userId, record.workspaceId);
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // The same email accepted through another path at once (a unique index refused the user row).
    const winner = await deps.store.users.findByEmail(record.email);
    if (winner && winner.id !== existing?.id) throw new DomainError('invitation_used');
    throw error;
  }
}
