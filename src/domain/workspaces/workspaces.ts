import type { SessionInfo, SetupInput, SignInInput } from '../../shared/contract/index.ts';
import { requireStrongPassword } from './password-policy.ts';
import { DomainError } from '../errors.ts';
import type { Deps, SessionRecord } from '../ports.ts';

/** How long a sign-in lasts. */
export const SESSION_DAYS = 30;

/** True until first-run setup has created a workspace. */
export async function needsSetup(deps: Deps): Promise<boolean> {
  return (await deps.store.workspaces.count()) === 0;
}

/** A fresh session token (returned once, for the cookie) and the stored record (hash only). */
export interface IssuedSession {
  token: string;
  session: SessionInfo;
}

/** Starts a session for a member: a fresh token (for the cookie) and CSRF token. */
export async function issueSession(deps: Deps, userId: string, workspaceId: string): Promise<IssuedSession> {
  const token = deps.crypto.randomToken();
  const now = deps.clock.now();
  const record: SessionRecord = {
    id: deps.crypto.sha256(token),
    userId,
    workspaceId,
    csrfToken: deps.crypto.randomToken(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  };
  await deps.store.sessions.create(record);
  const session = await resolveSession(deps, token);
  if (!session) throw new Error('session vanished right after creation');
  return { token, session };
}

/** Creates a workspace with its owner (used by setup, the CLI and test factories). */
export async function createWorkspace(
  deps: Deps,
  input: SetupInput,
  options: { firstRun?: boolean } = {},
): Promise<{ workspaceId: string; userId: string }> {
  const existing = await deps.store.users.findByEmail(input.email);
  requireStrongPassword(input.password, [input.email, input.ownerName, input.workspaceName]);
  if (existing) throw new DomainError('email_taken', 'Another user already has this email.', { field: 'email' });
  const passwordHash = await deps.crypto.hashPassword(input.password);
  const now = deps.clock.now().toISOString();
  const workspaceId = deps.ids.id();
  const userId = deps.ids.id();
  await deps.store.transaction(async (store) => {
    // First: another instance's setup in flight holds this row, so ours waits and then gives up
    // before touching users (whose unique email would otherwise fail as a 500).
    if (options.firstRun && !(await store.workspaces.claimInstallation(workspaceId, now))) {
      throw new DomainError('setup_already_done');
    }
    await store.workspaces.create({
      id: workspaceId,
      name: input.workspaceName,
      timezone: input.timezone ?? 'UTC',
      createdAt: now,
    });
    await store.users.create({ id: userId, name: input.ownerName, email: input.email, passwordHash, createdAt: now });
    await store.users.addMembership(workspaceId, userId, 'owner', now);
    // Client mail carries the business's name from the first message, never "makegood".
    await store.workspaces.setSettings(workspaceId, { senderName: input.senderName ?? input.workspaceName });
  });
  return { workspaceId, userId };
}

/** Setups of this process, one after another: two first-run forms sent at once make one workspace. */
let setupQueue: Promise<unknown> = Promise.resolve();

/**
 * First-run setup: only allowed while no workspace exists; signs the owner in. Setups are
 * serialised in this process, so a double submit answers 409 `setup_already_done` the second time;
 * across instances on one database the installation row (a fixed primary key claimed in the
 * setup transaction) lets exactly one setup commit and the others answer the same 409.
 */
export async function setupWorkspace(deps: Deps, input: SetupInput): Promise<IssuedSession> {
  const run = setupQueue.then(async () => {
    if (!(await needsSetup(deps))) throw new DomainError('setup_already_done');
    const { workspaceId, userId } = await createWorkspace(deps, input, { firstRun: true });
    return issueSession(deps, userId, workspaceId);
  });
  setupQueue = run.catch(() => undefined);
  return run;
}

/** Checks email and password; the same error for an unknown email and a wrong password. */
export async function signIn(deps: Deps, input: SignInInput): Promise<IssuedSession> {
  const user = await deps.store.users.findByEmail(input.email);
  // Verify against a hash even for unknown emails so timing doesn't reveal which emails exist.
  const hash = user?.passwordHash ?? (await dummyHash(deps));
  const ok = await deps.crypto.verifyPassword(hash, input.password);
  if (!user || !ok) throw new DomainError('invalid_credentials');
  const membership = await deps.store.users.firstMembership(user.id);
  if (!membership) throw new DomainError('invalid_credentials');
  return issueSession(deps, user.id, membership.workspaceId);
}

let cachedDummy: Promise<string> | undefined;
function dummyHash(deps: Deps): Promise<string> {
  cachedDummy ??= deps.crypto.hashPassword('not-a-real-password-placeholder');
  return cachedDummy;
}

/** Ends a session. */
export async function signOut(deps: Deps, token: string): Promise<void> {
  await deps.store.sessions.delete(deps.crypto.sha256(token));
}

/** Looks a session token up; null when unknown, expired or no longer a member (one query, cached briefly). */
export async function resolveSession(deps: Deps, token: string): Promise<SessionInfo | null> {
  const s = await deps.store.sessions.resolve(deps.crypto.sha256(token), deps.clock.now());
  if (!s) return null;
  return {
    user: { id: s.userId, name: s.userName, email: s.userEmail, timezone: s.memberTimezone },
    workspace: { id: s.workspaceId, name: s.workspaceName, timezone: s.workspaceTimezone },
    role: s.role,
    csrfToken: s.csrfToken,
  };
}
