import type {
  Acknowledgment,
  Client,
  ClientPatch,
  Commitment,
  CommitmentStatus,
  Contact,
  ContactPatch,
  Fact,
  GuardRule,
  Mistake,
  MistakeFilter,
  Role,
  TimelineEvent,
} from '../shared/contract/index.ts';
import type { Speller } from '../engine/index.ts';
import type { MessagingRepositories } from './messages/ports.ts';
import type { RecoveryRepositories } from './remedies/ports.ts';
import type { LearningRepositories } from './learning/ports.ts';
import type { LessonRepositories } from './lessons/ports.ts';
import type { ImportRepositories } from './imports/ports.ts';
import type { WebhookRepositories } from './webhooks/ports.ts';
import type { HealthRepositories } from './health/ports.ts';
import type { RelayRepositories } from './relay/ports.ts';
import type { CalendarRepositories } from './calendars/ports.ts';
import type { InvitationRepositories } from './workspaces/invitation-ports.ts';
import type { ApiTokenRepository } from './workspaces/api-token-ports.ts';
import type { CheckInRepositories } from './check-ins/ports.ts';
import type { MetricsRepositories } from './metrics/ports.ts';

// Ports: what the domain needs from the outside world. Storage implements the repositories;
// bootstrap supplies the clock, ids and crypto. Every tenant repository method takes workspaceId.

/** The time source; tests inject a fixed clock. */
export interface Clock {
  now(): Date;
}

/** Id source; ids sort by creation time so timelines have a stable order. */
export interface Ids {
  id(): string;
}

/** Password hashing and random tokens. */
export interface Crypto {
  hashPassword(password: string): Promise<string>;
  verifyPassword(hash: string, password: string): Promise<boolean>;
  randomToken(): string;
  sha256(value: string): string;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  timezone: string;
  createdAt: string;
}

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  createdAt: string;
}

export interface SessionRecord {
  id: string;
  userId: string;
  workspaceId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** When the membership began (UTC ISO). */
  since: string;
}

export interface WorkspaceRepository {
  count(): Promise<number>;
  create(workspace: WorkspaceRecord): Promise<void>;
  get(id: string): Promise<WorkspaceRecord | null>;
  first(): Promise<WorkspaceRecord | null>;
  /**
   * Claims the installation for first-run setup (one row with a fixed key, safe across instances);
   * false when it is already claimed. Call first inside the setup transaction.
   */
  claimInstallation(workspaceId: string, at: string): Promise<boolean>;
  /** Atomically takes the next per-workspace mistake number (MG-1, MG-2, …). */
  nextMistakeNumber(id: string): Promise<number>;
  /** The stored settings JSON (possibly partial; the domain fills defaults). */
  getSettings(id: string): Promise<unknown>;
  setSettings(id: string, settings: unknown): Promise<void>;
  /** Changes the workspace's time zone (an IANA name, checked by the caller). */
  setTimezone(id: string, timezone: string): Promise<void>;
  /** Every workspace id (for scheduled work across tenants). */
  listIds(): Promise<string[]>;
  /** Bumped whenever anything the pre-send guard is built from changes (names, contacts, facts, rules, words). */
  guardVersion(id: string): Promise<number>;
  bumpGuardVersion(id: string): Promise<void>;
}

export interface UserRepository {
  create(user: UserRecord): Promise<void>;
  findByEmail(email: string): Promise<UserRecord | null>;
  get(id: string): Promise<UserRecord | null>;
  addMembership(workspaceId: string, userId: string, role: Role, createdAt: string): Promise<void>;
  membership(workspaceId: string, userId: string): Promise<Role | null>;
  firstMembership(userId: string): Promise<{ workspaceId: string; role: Role } | null>;
  members(workspaceId: string): Promise<Member[]>;
  setRole(workspaceId: string, userId: string, role: Role): Promise<void>;
  /** New name and password for a user who belongs to no workspace any more (re-added after removal). */
  setCredentials(userId: string, name: string, passwordHash: string): Promise<void>;
  removeMembership(workspaceId: string, userId: string): Promise<void>;
  /** A member's own time zone; null goes back to the workspace's. */
  setMemberTimezone(workspaceId: string, userId: string, timezone: string | null): Promise<void>;
  /** A member's own time zone, or null (the workspace's). */
  memberTimezone(workspaceId: string, userId: string): Promise<string | null>;
}

/** A session joined with its user, workspace and membership (what every request needs). */
export interface ResolvedSession {
  userId: string;
  workspaceId: string;
  csrfToken: string;
  expiresAt: string;
  userName: string;
  userEmail: string;
  workspaceName: string;
  workspaceTimezone: string;
  /** The member's own time zone; null = the workspace's. */
  memberTimezone: string | null;
  role: Role;
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  /**
   * The session with user, workspace and role in one indexed query; null when unknown, expired
   * (at `now`) or no longer a member. Cached per instance for a few seconds; sign-out, removal,
   * role and name changes drop the entry on this instance at once.
   */
  resolve(id: string, now: Date): Promise<ResolvedSession | null>;
  delete(id: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
  /** Ends every session of one user in one workspace (on removal). */
  deleteForUser(workspaceId: string, userId: string): Promise<number>;
}

export interface ClientListQuery {
  q?: string | undefined;
  status?: Client['status'] | undefined;
}

export interface ClientRepository {
  create(workspaceId: string, client: Client): Promise<void>;
  update(workspaceId: string, id: string, patch: ClientPatch, updatedAt: string): Promise<void>;
  get(workspaceId: string, id: string): Promise<Client | null>;
  findByName(workspaceId: string, name: string): Promise<Client | null>;
  list(workspaceId: string, query: ClientListQuery): Promise<Client[]>;
}

export interface ContactRepository {
  create(workspaceId: string, contact: Contact): Promise<void>;
  update(workspaceId: string, id: string, patch: ContactPatch): Promise<void>;
  delete(workspaceId: string, id: string): Promise<void>;
  get(workspaceId: string, id: string): Promise<Contact | null>;
  listByClient(workspaceId: string, clientId: string): Promise<Contact[]>;
  listAll(workspaceId: string): Promise<Contact[]>;
}

export interface FactRepository {
  create(workspaceId: string, fact: Fact): Promise<void>;
  delete(workspaceId: string, id: string): Promise<void>;
  get(workspaceId: string, id: string): Promise<Fact | null>;
  /** clientId null lists workspace-wide facts; undefined lists all. */
  list(workspaceId: string, clientId?: string | null): Promise<Fact[]>;
}

export interface CommitmentQuery {
  clientId?: string | undefined;
  mistakeId?: string | undefined;
  status?: CommitmentStatus | undefined;
}

export interface CommitmentRepository {
  /** `recordedLate` defaults to false. */
  create(workspaceId: string, commitment: Omit<Commitment, 'recordedLate'> & { recordedLate?: boolean }): Promise<void>;
  get(workspaceId: string, id: string): Promise<Commitment | null>;
  setStatus(workspaceId: string, id: string, status: CommitmentStatus, completedAt: string | null): Promise<void>;
  list(workspaceId: string, query: CommitmentQuery): Promise<Commitment[]>;
}

/** A mistake as stored: the domain derives `ref` and `stage`. */
export type MistakeRecord = Omit<Mistake, 'ref' | 'clientName'>;

export interface MistakeRepository {
  create(workspaceId: string, mistake: MistakeRecord): Promise<void>;
  update(workspaceId: string, mistake: MistakeRecord): Promise<void>;
  get(workspaceId: string, id: string): Promise<Mistake | null>;
  getByNumber(workspaceId: string, number: number): Promise<Mistake | null>;
  /** Newest found first (found_at desc, number desc); keyset after `after`, never a full count unless asked. */
  list(
    workspaceId: string,
    query: MistakeListQuery,
  ): Promise<{ items: Mistake[]; total: number | null; totalExact: boolean }>;
}

/** The list filters, a keyset position and how to count (see mistakeFilterSchema). */
export type MistakeListQuery = Omit<MistakeFilter, 'cursor' | 'count'> & {
  /** Only mistakes after this one in list order. */
  after?: { foundAt: string; number: number } | undefined;
  /** Default none. */
  count?: 'bounded' | 'exact' | 'none' | undefined;
};

export interface AcknowledgmentRepository {
  create(workspaceId: string, acknowledgment: Acknowledgment): Promise<void>;
  listByMistake(workspaceId: string, mistakeId: string): Promise<Acknowledgment[]>;
}

export interface EventRepository {
  append(workspaceId: string, event: TimelineEvent): Promise<void>;
  listForMistake(workspaceId: string, mistakeId: string): Promise<TimelineEvent[]>;
  /** A client's events newest first (at desc, id desc), `limit` after the keyset position `before`. */
  listForClient(
    workspaceId: string,
    clientId: string,
    page: { limit: number; before?: { at: string; id: string } | undefined },
  ): Promise<TimelineEvent[]>;
}

export interface GuardRuleRepository {
  create(workspaceId: string, rule: GuardRule): Promise<void>;
  delete(workspaceId: string, id: string): Promise<void>;
  get(workspaceId: string, id: string): Promise<GuardRule | null>;
  list(workspaceId: string): Promise<GuardRule[]>;
}

export interface VocabularyRepository {
  add(workspaceId: string, word: string, createdAt: string): Promise<void>;
  remove(workspaceId: string, word: string): Promise<boolean>;
  list(workspaceId: string): Promise<string[]>;
}

/** All repositories, plus a transaction that hands the same set bound to one transaction. */
export interface Store
  extends RecoveryRepositories,
    MessagingRepositories,
    LearningRepositories,
    LessonRepositories,
    InvitationRepositories,
    WebhookRepositories,
    RelayRepositories,
    CalendarRepositories,
    HealthRepositories,
    ImportRepositories,
    CheckInRepositories,
    MetricsRepositories {
  guardRules: GuardRuleRepository;
  vocabulary: VocabularyRepository;
  workspaces: WorkspaceRepository;
  users: UserRepository;
  sessions: SessionRepository;
  /** Personal API tokens (bearer credentials of members). */
  apiTokens: ApiTokenRepository;
  clients: ClientRepository;
  contacts: ContactRepository;
  facts: FactRepository;
  commitments: CommitmentRepository;
  mistakes: MistakeRepository;
  acknowledgments: AcknowledgmentRepository;
  events: EventRepository;
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
}

/** What every use case receives. */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: Ids;
  crypto: Crypto;
  /** The shared spell checker for a locale (built once per process; see src/bootstrap/spellers.ts). */
  speller(locale: 'en-US' | 'en-GB'): Promise<Speller>;
  /** The domain of the configured sender address (MAIL_FROM), for Message-IDs; makegood.invalid when unset. */
  mailDomain?: string;
}

/** Who is acting, in which workspace. `userId` null means the local CLI acting as the owner. */
export interface Actor {
  workspaceId: string;
  userId: string | null;
  name: string;
  role: Role;
}
