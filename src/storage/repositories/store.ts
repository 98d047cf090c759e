import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import { MISTAKE_COUNT_BOUND, type Role, type TimelineEvent } from '../../shared/contract/index.ts';
import type { MistakeRecord, Store } from '../../domain/ports.ts';
import type { DialectCapabilities } from '../dialect.ts';
import { toInt, toIso } from '../dialect.ts';
import type { DB } from '../schema.ts';
import { createLearningRepositories } from './learning.ts';
import { fullTextIndex } from '../fulltext.ts';
import { createLessonRepositories } from './lessons.ts';
import { createImportRepositories } from './imports.ts';
import { createInvitationRepositories } from './invitations.ts';
import { createMessagingRepositories } from './messaging.ts';
import { refreshUpdateAnchor } from './update-anchor.ts';
import { compiledQuery } from './compiled.ts';
import { createApiTokenRepository } from './api-tokens.ts';
import { createSessionRepository, invalidate, SessionCache, type SessionInvalidation } from './sessions.ts';
import { createRecoveryRepositories } from './recovery.ts';
import { createWebhookRepositories } from './webhooks.ts';
import { createMetricsRepositories } from './metrics.ts';
import { createHealthRepositories } from './health.ts';
import { createRelayRepositories } from './relay.ts';
import { createCalendarRepositories } from './calendars.ts';
import { createCheckInRepository } from './check-ins.ts';
import { createSatisfactionRepository } from './satisfaction.ts';
import {
  likePattern,
  parseJson,
  toAcknowledgment,
  toClient,
  toCommitment,
  toContact,
  toEvent,
  toFact,
  toGuardRule,
  toMistake,
} from './rows.ts';

// Hot reads compiled once (see compiled.ts).
const mistakeById = compiledQuery((db: Kysely<DB>, workspaceId: string, id: string) =>
  db
    .selectFrom('mistakes')
    .innerJoin('clients', 'clients.id', 'mistakes.client_id')
    .selectAll('mistakes')
    .select('clients.name as client_name')
    .where('mistakes.workspace_id', '=', workspaceId)
    .where('mistakes.id', '=', id),
);
const clientById = compiledQuery((db: Kysely<DB>, workspaceId: string, id: string) =>
  db.selectFrom('clients').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id),
);

/** The update-due anchor of a mistake without messages (see refreshUpdateAnchor). */
function initialUpdateAnchor(m: MistakeRecord): string | null {
  if (m.severity === 'minor' || m.reached.fixed || m.reached.closed) return null;
  const times = [m.foundAt, m.reached.acknowledged].filter((t): t is string => t !== null).map((t) => Date.parse(t));
  return new Date(Math.max(...times)).toISOString();
}

/** The transaction open in this async context (if any), and what to run after it commits. */
interface OpenTransaction {
  trx: Kysely<DB>;
  afterCommit: (() => void)[];
  done: boolean;
  /** Mistakes changed in this transaction (workspace → ids): their metrics are refreshed before commit. */
  metricsDirty: Map<string, Set<string>>;
}

/**
 * A Kysely handle that is the open transaction of the current async context, or the database.
 * The repositories are built once over it (building them per transaction cost ~0.2 ms each).
 * A callback that outlives its transaction (done) falls back to the database.
 */
function contextualDb(db: Kysely<DB>, open: AsyncLocalStorage<OpenTransaction>): Kysely<DB> {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(db, {
    get(_target, key) {
      const tx = open.getStore();
      const target = tx && !tx.done ? tx.trx : db;
      if (target === db) {
        const cached = bound.get(key);
        if (cached !== undefined) return cached;
      }
      const value: unknown = Reflect.get(target, key, target);
      // Methods are bound to their handle; getters (db.fn, a callable with methods; db.schema) are not.
      if (typeof value !== 'function' || isGetter(target, key)) return value;
      const method = (value as (...a: unknown[]) => unknown).bind(target);
      if (target === db) bound.set(key, method);
      return method;
    },
  });
}

function isGetter(object: object, key: PropertyKey): boolean {
  for (let o: object | null = object; o; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, key);
    if (descriptor) return descriptor.get !== undefined;
  }
  return false;
}

/**
 * Builds the repositories once over the database; inside `transaction(work)` the same store (and
 * `deps.store`) runs on the transaction through an AsyncLocalStorage context.
 */
export function createStore(db: Kysely<DB>, capabilities: DialectCapabilities): Store {
  const open = new AsyncLocalStorage<OpenTransaction>();
  const root = db;
  db = contextualDb(root, open);
  const sessionCtx: SessionInvalidation = {
    cache: new SessionCache(),
    get afterCommit() {
      const tx = open.getStore();
      return tx && !tx.done ? tx.afterCommit : undefined;
    },
  };
  // The list's search: words of title and description (see storage/fulltext.ts).
  const mistakeSearch = fullTextIndex(db, capabilities, {
    index: 'mistake_search',
    base: 'mistakes',
    idColumn: 'mistake_id',
  });
  // The metrics rollup follows every change to a mistake in the change's own transaction.
  const metricsRollup = createMetricsRepositories(db, capabilities, () => store);
  async function markMetricsDirty(workspaceId: string, mistakeId: string): Promise<void> {
    const tx = open.getStore();
    if (tx && !tx.done) {
      const ids = tx.metricsDirty.get(workspaceId) ?? new Set<string>();
      tx.metricsDirty.set(workspaceId, ids.add(mistakeId));
      return;
    }
    await store.transaction(() => markMetricsDirty(workspaceId, mistakeId));
  }
  async function insertEvent(workspaceId: string, e: TimelineEvent): Promise<void> {
    await db
      .insertInto('events')
      .values({
        id: e.id,
        workspace_id: workspaceId,
        mistake_id: e.mistakeId,
        client_id: e.clientId,
        actor_id: e.actor?.id ?? null,
        actor_name: e.actor?.name ?? null,
        type: e.type,
        summary: e.summary,
        data: JSON.stringify(e.data),
        at: e.at,
      })
      .execute();
  }
  const store: Store = {
    metrics: metricsRollup.metrics,
    ...createRecoveryRepositories(db, capabilities),
    ...createMessagingRepositories(db, capabilities),
    ...createLearningRepositories(db, capabilities),
    ...createLessonRepositories(db, capabilities),
    ...createImportRepositories(db),
    ...createHealthRepositories(db),
    ...createWebhookRepositories(db, capabilities),
    ...createRelayRepositories(db, capabilities),
    ...createCalendarRepositories(db),
    ...createInvitationRepositories(db),
    checkIns: createCheckInRepository(db),
    satisfaction: createSatisfactionRepository(db),
    workspaces: {
      async count() {
        const row = await db.selectFrom('workspaces').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
        return toInt(row.n);
      },
      async create(w) {
        await db
          .insertInto('workspaces')
          .values({ id: w.id, name: w.name, timezone: w.timezone, created_at: w.createdAt })
          .execute();
        // A new workspace has no mistakes: its metrics rollup is built (empty) from the start.
        await db.insertInto('metrics_state').values({ workspace_id: w.id, built_at: w.createdAt }).execute();
      },
      async get(id) {
        const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? { id: row.id, name: row.name, timezone: row.timezone, createdAt: toIso(row.created_at) } : null;
      },
      async first() {
        const row = await db.selectFrom('workspaces').selectAll().orderBy('created_at').executeTakeFirst();
        return row ? { id: row.id, name: row.name, timezone: row.timezone, createdAt: toIso(row.created_at) } : null;
      },
      async claimInstallation(workspaceId, at) {
        const rows = await db
          .insertInto('installation')
          .values({ id: 'singleton', workspace_id: workspaceId, created_at: at })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        return rows.length === 1;
      },
      async nextMistakeNumber(id) {
        // One upsert … RETURNING on a counter row nothing else touches: atomic on both dialects,
        // so concurrent logs never share a number. Its row lock lasts until commit, so callers
        // take it as late in their transaction as they can.
        const row = await db
          .insertInto('mistake_counters')
          .values({ workspace_id: id, seq: 1 })
          .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ seq: sql<number>`mistake_counters.seq + 1` }))
          .returning('seq')
          .executeTakeFirstOrThrow();
        return toInt(row.seq);
      },
      async getSettings(id) {
        const row = await db.selectFrom('workspaces').select('settings').where('id', '=', id).executeTakeFirst();
        return row ? parseJson<unknown>(row.settings, {}) : {};
      },
      async setSettings(id, settings) {
        await db
          .updateTable('workspaces')
          .set({ settings: JSON.stringify(settings) })
          .where('id', '=', id)
          .execute();
      },
      async setTimezone(id, timezone) {
        await db.updateTable('workspaces').set({ timezone }).where('id', '=', id).execute();
        invalidate(sessionCtx, (cache) => cache.deleteWorkspace(id));
      },
      async guardVersion(id) {
        const row = await db.selectFrom('workspaces').select('guard_version').where('id', '=', id).executeTakeFirst();
        return row ? toInt(row.guard_version) : 0;
      },
      async bumpGuardVersion(id) {
        await db
          .updateTable('workspaces')
          .set((eb) => ({ guard_version: eb('guard_version', '+', 1) }))
          .where('id', '=', id)
          .execute();
      },
      async listIds() {
        const rows = await db.selectFrom('workspaces').select('id').orderBy('created_at').execute();
        return rows.map((r) => r.id);
      },
    },

    users: {
      async create(u) {
        await db
          .insertInto('users')
          .values({ id: u.id, name: u.name, email: u.email, password_hash: u.passwordHash, created_at: u.createdAt })
          .execute();
      },
      async findByEmail(email) {
        const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
        return row
          ? {
              id: row.id,
              name: row.name,
              email: row.email,
              passwordHash: row.password_hash,
              createdAt: toIso(row.created_at),
            }
          : null;
      },
      async get(id) {
        const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        return row
          ? {
              id: row.id,
              name: row.name,
              email: row.email,
              passwordHash: row.password_hash,
              createdAt: toIso(row.created_at),
            }
          : null;
      },
      async addMembership(workspaceId, userId, role, createdAt) {
        await db
          .insertInto('memberships')
          .values({ workspace_id: workspaceId, user_id: userId, role, created_at: createdAt })
          .execute();
      },
      async membership(workspaceId, userId) {
        const row = await db
          .selectFrom('memberships')
          .select('role')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        return row ? (row.role as Role) : null;
      },
      async firstMembership(userId) {
        const row = await db
          .selectFrom('memberships')
          .select(['workspace_id', 'role'])
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .executeTakeFirst();
        return row ? { workspaceId: row.workspace_id, role: row.role as Role } : null;
      },
      async members(workspaceId) {
        const rows = await db
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
          .where('memberships.workspace_id', '=', workspaceId)
          .orderBy('users.name')
          .orderBy('users.id')
          .execute();
        return rows.map((r) => ({
          id: r.id,
          name: r.name,
          email: r.email,
          role: r.role as Role,
          since: toIso(r.created_at),
        }));
      },
      async setRole(workspaceId, userId, role) {
        await db
          .updateTable('memberships')
          .set({ role })
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute();
        invalidate(sessionCtx, (cache) => cache.deleteUser(workspaceId, userId));
      },
      async setCredentials(userId, name, passwordHash) {
        await db.updateTable('users').set({ name, password_hash: passwordHash }).where('id', '=', userId).execute();
        invalidate(sessionCtx, (cache) => cache.deleteUser(null, userId));
      },
      async setMemberTimezone(workspaceId, userId, timezone) {
        await db
          .updateTable('memberships')
          .set({ timezone })
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute();
        invalidate(sessionCtx, (cache) => cache.deleteUser(workspaceId, userId));
      },
      async memberTimezone(workspaceId, userId) {
        const row = await db
          .selectFrom('memberships')
          .select('timezone')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        return row?.timezone ?? null;
      },
      async removeMembership(workspaceId, userId) {
        await db
          .deleteFrom('memberships')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute();
        invalidate(sessionCtx, (cache) => cache.deleteUser(workspaceId, userId));
      },
    },

    sessions: createSessionRepository(db, sessionCtx),
    apiTokens: createApiTokenRepository(db, sessionCtx),

    clients: {
      async create(workspaceId, c) {
        await db
          .insertInto('clients')
          .values({
            id: c.id,
            workspace_id: workspaceId,
            name: c.name,
            name_key: c.name.toLowerCase(),
            aliases: JSON.stringify(c.aliases),
            tier: c.tier,
            status: c.status,
            value_minor: c.value.amountMinor,
            value_currency: c.value.currency,
            owner_id: c.ownerId,
            created_at: c.createdAt,
            updated_at: c.updatedAt,
          })
          .execute();
      },
      async update(workspaceId, id, patch, updatedAt) {
        await db
          .updateTable('clients')
          .set({
            ...(patch.name !== undefined && { name: patch.name, name_key: patch.name.toLowerCase() }),
            ...(patch.aliases !== undefined && { aliases: JSON.stringify(patch.aliases) }),
            ...(patch.tier !== undefined && { tier: patch.tier }),
            ...(patch.status !== undefined && { status: patch.status }),
            ...(patch.value !== undefined && {
              value_minor: patch.value.amountMinor,
              value_currency: patch.value.currency,
            }),
            ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
            updated_at: updatedAt,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      },
      async get(workspaceId, id) {
        const [row] = await clientById(db, workspaceId, id);
        return row ? toClient(row) : null;
      },
      async findByName(workspaceId, name) {
        const row = await db
          .selectFrom('clients')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('name_key', '=', name.trim().toLowerCase())
          .executeTakeFirst();
        return row ? toClient(row) : null;
      },
      async list(workspaceId, query) {
        let q = db.selectFrom('clients').selectAll().where('workspace_id', '=', workspaceId);
        if (query.status) q = q.where('status', '=', query.status);
        if (query.q) q = q.where(sql<boolean>`name_key like ${likePattern(query.q)} escape '\\'`);
        const rows = await q.orderBy('name_key').execute();
        return rows.map(toClient);
      },
    },

    contacts: {
      async create(workspaceId, c) {
        await db
          .insertInto('contacts')
          .values({
            id: c.id,
            workspace_id: workspaceId,
            client_id: c.clientId,
            full_name: c.fullName,
            preferred_name: c.preferredName,
            honorific: c.honorific,
            pronouns: c.pronouns,
            pronunciation: c.pronunciation,
            email: c.email,
            is_billing: c.isBilling ? 1 : 0,
            created_at: c.createdAt,
          })
          .execute();
      },
      async update(workspaceId, id, patch) {
        await db
          .updateTable('contacts')
          .set({
            ...(patch.fullName !== undefined && { full_name: patch.fullName }),
            ...(patch.preferredName !== undefined && { preferred_name: patch.preferredName }),
            ...(patch.honorific !== undefined && { honorific: patch.honorific }),
            ...(patch.pronouns !== undefined && { pronouns: patch.pronouns }),
            ...(patch.pronunciation !== undefined && { pronunciation: patch.pronunciation }),
            ...(patch.email !== undefined && { email: patch.email }),
            ...(patch.isBilling !== undefined && { is_billing: patch.isBilling ? 1 : 0 }),
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      },
      async delete(workspaceId, id) {
        await db.deleteFrom('contacts').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      },
      async get(workspaceId, id) {
        const row = await db
          .selectFrom('contacts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toContact(row) : null;
      },
      async listByClient(workspaceId, clientId) {
        const rows = await db
          .selectFrom('contacts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', clientId)
          .orderBy('full_name')
          .execute();
        return rows.map(toContact);
      },
      async listAll(workspaceId) {
        const rows = await db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).execute();
        return rows.map(toContact);
      },
    },

    facts: {
      async create(workspaceId, f) {
        await db
          .insertInto('facts')
          .values({
            id: f.id,
            workspace_id: workspaceId,
            client_id: f.clientId,
            kind: f.kind,
            value: f.value,
            label: f.label,
            created_at: f.createdAt,
          })
          .execute();
      },
      async delete(workspaceId, id) {
        await db.deleteFrom('facts').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      },
      async get(workspaceId, id) {
        const row = await db
          .selectFrom('facts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toFact(row) : null;
      },
      async list(workspaceId, clientId) {
        let q = db.selectFrom('facts').selectAll().where('workspace_id', '=', workspaceId);
        if (clientId === null) q = q.where('client_id', 'is', null);
        else if (clientId !== undefined) q = q.where('client_id', '=', clientId);
        const rows = await q.orderBy('created_at').orderBy('id').execute();
        return rows.map(toFact);
      },
    },

    commitments: {
      async create(workspaceId, c) {
        await db
          .insertInto('commitments')
          .values({
            id: c.id,
            workspace_id: workspaceId,
            client_id: c.clientId,
            mistake_id: c.mistakeId,
            title: c.title,
            due_at: c.dueAt,
            status: c.status,
            is_fix: c.isFix ? 1 : 0,
            owner_id: c.ownerId,
            completed_at: c.completedAt,
            recorded_late: c.recordedLate ? 1 : 0,
            created_at: c.createdAt,
          })
          .execute();
      },
      async get(workspaceId, id) {
        const row = await db
          .selectFrom('commitments')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toCommitment(row) : null;
      },
      async setStatus(workspaceId, id, status, completedAt) {
        await db
          .updateTable('commitments')
          .set({ status, completed_at: completedAt })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      },
      async list(workspaceId, query) {
        let q = db.selectFrom('commitments').selectAll().where('workspace_id', '=', workspaceId);
        if (query.clientId) q = q.where('client_id', '=', query.clientId);
        if (query.mistakeId) q = q.where('mistake_id', '=', query.mistakeId);
        if (query.status) q = q.where('status', '=', query.status);
        const rows = await q.orderBy('due_at').orderBy('id').execute();
        return rows.map(toCommitment);
      },
    },

    mistakes: {
      async create(workspaceId, m) {
        await db
          .insertInto('mistakes')
          .values({
            id: m.id,
            workspace_id: workspaceId,
            number: m.number,
            client_id: m.clientId,
            title: m.title,
            description: m.description,
            category: m.category,
            severity: m.severity,
            impact_minor: m.impact.amountMinor,
            impact_currency: m.impact.currency,
            found_by: m.foundBy,
            happened_at: m.happenedAt,
            found_at: m.foundAt,
            stage: m.stage,
            acknowledged_at: m.reached.acknowledged,
            remedied_at: m.reached.remedied,
            fixed_at: m.reached.fixed,
            learned_at: m.reached.learned,
            verified_at: m.reached.verified,
            closed_at: m.reached.closed,
            owner_id: m.ownerId,
            regressed: m.regressed ? 1 : 0,
            created_at: m.createdAt,
            updated_at: m.updatedAt,
            // A new mistake has no messages yet: its update-due anchor is known without a query
            // (what refreshUpdateAnchor would compute).
            update_anchor_at: initialUpdateAnchor(m),
          })
          .execute();
        await mistakeSearch.put(workspaceId, m.id, { title: m.title, body: m.description ?? '' });
        await markMetricsDirty(workspaceId, m.id);
      },
      async update(workspaceId, m) {
        await db
          .updateTable('mistakes')
          .set({
            title: m.title,
            description: m.description,
            category: m.category,
            severity: m.severity,
            impact_minor: m.impact.amountMinor,
            impact_currency: m.impact.currency,
            stage: m.stage,
            acknowledged_at: m.reached.acknowledged,
            remedied_at: m.reached.remedied,
            fixed_at: m.reached.fixed,
            learned_at: m.reached.learned,
            verified_at: m.reached.verified,
            closed_at: m.reached.closed,
            owner_id: m.ownerId,
            regressed: m.regressed ? 1 : 0,
            updated_at: m.updatedAt,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', m.id)
          .execute();
        // Severity, acknowledged, fixed and closed move the update-due queue.
        await refreshUpdateAnchor(db, workspaceId, m.id);
        await mistakeSearch.put(workspaceId, m.id, { title: m.title, body: m.description ?? '' });
        await markMetricsDirty(workspaceId, m.id);
      },
      async get(workspaceId, id) {
        const [row] = await mistakeById(db, workspaceId, id);
        return row ? toMistake(row) : null;
      },
      async getByNumber(workspaceId, number) {
        const row = await mistakesWithClient()
          .where('mistakes.workspace_id', '=', workspaceId)
          .where('mistakes.number', '=', number)
          .executeTakeFirst();
        return row ? toMistake(row) : null;
      },
      async list(workspaceId, f) {
        let q = mistakesWithClient().where('mistakes.workspace_id', '=', workspaceId);
        if (f.clientId) q = q.where('mistakes.client_id', '=', f.clientId);
        if (f.stage) q = q.where('mistakes.stage', '=', f.stage);
        if (f.severity) q = q.where('mistakes.severity', '=', f.severity);
        if (f.category) q = q.where('mistakes.category', '=', f.category);
        if (f.from) q = q.where('mistakes.found_at', '>=', f.from);
        if (f.to) q = q.where('mistakes.found_at', '<=', f.to);
        if (f.q) {
          // Words of the title and description through the full-text index (never a LIKE scan),
          // or the mistake's own reference (MG-7 or 7).
          const words = await mistakeSearch.matching(workspaceId, f.q);
          const ref = /^(?:mg-)?(\d{1,9})$/i.exec(f.q.trim());
          q = q.where((eb) =>
            eb.or([
              ...(words ? [words] : []),
              ...(ref ? [eb('mistakes.number', '=', Number(ref[1]))] : []),
              ...(!words && !ref ? [sql<boolean>`1 = 0`] : []),
            ]),
          );
        }
        // The count first (it ignores the keyset position): exact only when asked, else bounded.
        let total: number | null = null;
        let totalExact = false;
        if (f.count === 'exact') {
          const row = await q
            .clearSelect()
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow();
          total = toInt(row.n);
          totalExact = true;
        } else if (f.count === 'bounded') {
          const row = await db
            .selectFrom(
              q
                .clearSelect()
                .select(sql<number>`1`.as('one'))
                .limit(MISTAKE_COUNT_BOUND + 1)
                .as('capped'),
            )
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow();
          const n = toInt(row.n);
          totalExact = n <= MISTAKE_COUNT_BOUND;
          total = Math.min(n, MISTAKE_COUNT_BOUND);
        }
        // Keyset on the sort key (index mistakes_list / mistakes_client_list): a row value compare.
        if (f.after) {
          q = q.where(sql<boolean>`(mistakes.found_at, mistakes.number) < (${f.after.foundAt}, ${f.after.number})`);
        }
        const rows = await q
          .orderBy('mistakes.found_at', 'desc')
          .orderBy('mistakes.number', 'desc')
          .limit(f.limit)
          .execute();
        return { items: rows.map(toMistake), total, totalExact };
      },
    },

    acknowledgments: {
      async create(workspaceId, a) {
        await db
          .insertInto('acknowledgments')
          .values({
            id: a.id,
            workspace_id: workspaceId,
            mistake_id: a.mistakeId,
            at: a.at,
            channel: a.channel,
            contact_id: a.contactId,
            recipient: a.recipient,
            note: a.note,
            message_id: a.messageId,
            created_at: a.createdAt,
          })
          .execute();
      },
      async listByMistake(workspaceId, mistakeId) {
        const rows = await db
          .selectFrom('acknowledgments')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', mistakeId)
          .orderBy('at')
          .execute();
        return rows.map(toAcknowledgment);
      },
    },

    events: {
      async append(workspaceId, e) {
        // An event about a mistake changes what its metrics may count: refreshed before commit.
        if (e.mistakeId) {
          const mistakeId = e.mistakeId;
          await store.transaction(async () => {
            await insertEvent(workspaceId, e);
            await markMetricsDirty(workspaceId, mistakeId);
          });
          return;
        }
        await insertEvent(workspaceId, e);
      },
      async listForMistake(workspaceId, mistakeId) {
        const rows = await db
          .selectFrom('events')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', mistakeId)
          .orderBy('at')
          .orderBy('id')
          .execute();
        return rows.map(toEvent);
      },
      async listForClient(workspaceId, clientId, page) {
        let q = db
          .selectFrom('events')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', clientId);
        // Keyset on (at, id), index events_client_page.
        if (page.before) q = q.where(sql<boolean>`(at, id) < (${page.before.at}, ${page.before.id})`);
        const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
        return rows.map(toEvent);
      },
    },

    guardRules: {
      async create(workspaceId, r) {
        await db
          .insertInto('guard_rules')
          .values({
            id: r.id,
            workspace_id: workspaceId,
            client_id: r.clientId,
            mistake_id: r.mistakeId,
            kind: r.kind,
            phrase: r.phrase,
            pattern: r.pattern,
            trigger: r.when,
            message: r.message,
            created_at: r.createdAt,
          })
          .execute();
      },
      async delete(workspaceId, id) {
        await db.deleteFrom('guard_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      },
      async get(workspaceId, id) {
        const row = await guardRulesWithRef()
          .where('guard_rules.workspace_id', '=', workspaceId)
          .where('guard_rules.id', '=', id)
          .executeTakeFirst();
        return row ? toGuardRule(row) : null;
      },
      async list(workspaceId) {
        const rows = await guardRulesWithRef()
          .where('guard_rules.workspace_id', '=', workspaceId)
          .orderBy('guard_rules.created_at')
          .orderBy('guard_rules.id')
          .execute();
        return rows.map(toGuardRule);
      },
    },

    vocabulary: {
      async add(workspaceId, word, createdAt) {
        await db
          .insertInto('vocabulary_words')
          .values({ workspace_id: workspaceId, word, created_at: createdAt })
          .onConflict((oc) => oc.columns(['workspace_id', 'word']).doNothing())
          .execute();
      },
      async remove(workspaceId, word) {
        const result = await db
          .deleteFrom('vocabulary_words')
          .where('workspace_id', '=', workspaceId)
          .where('word', '=', word)
          .executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      },
      async list(workspaceId) {
        const rows = await db
          .selectFrom('vocabulary_words')
          .select('word')
          .where('workspace_id', '=', workspaceId)
          .orderBy('word')
          .execute();
        return rows.map((r) => r.word);
      },
    },

    async transaction(work) {
      // Already inside a transaction: reuse it (Kysely has no nested transactions).
      const current = open.getStore();
      if (current && !current.done) return work(store);
      let tx: OpenTransaction | undefined;
      try {
        const result = await root.transaction().execute((trx) => {
          const opened: OpenTransaction = { trx, afterCommit: [], done: false, metricsDirty: new Map() };
          tx = opened;
          return open.run(opened, async () => {
            const value = await work(store);
            // Last, so the refresh sees every write of the transaction (an event often comes first).
            for (const [workspaceId, ids] of opened.metricsDirty) await metricsRollup.refresh(workspaceId, [...ids]);
            return value;
          });
        });
        for (const run of tx?.afterCommit ?? []) run();
        return result;
      } finally {
        if (tx) tx.done = true;
      }
    },
  };

  function guardRulesWithRef() {
    return db
      .selectFrom('guard_rules')
      .leftJoin('mistakes', (join) =>
        join
          .onRef('mistakes.id', '=', 'guard_rules.mistake_id')
          .onRef('mistakes.workspace_id', '=', 'guard_rules.workspace_id'),
      )
      .selectAll('guard_rules')
      .select('mistakes.number as mistake_number');
  }

  function mistakesWithClient() {
    return db
      .selectFrom('mistakes')
      .innerJoin('clients', 'clients.id', 'mistakes.client_id')
      .selectAll('mistakes')
      .select('clients.name as client_name');
  }

  return store;
}
