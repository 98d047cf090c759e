import type {
  Client,
  ClientInput,
  ClientPatch,
  Contact,
  ContactInput,
  ContactPatch,
  Fact,
  FactInput,
  TimelinePage,
  TimelinePageQuery,
} from '../../shared/contract/index.ts';
import { requireMember, requireRole } from '../access.ts';
import { DomainError, notFound } from '../errors.ts';
import type { Actor, ClientListQuery, Deps } from '../ports.ts';
import { cursorInstant, decodeCursor, encodeCursor } from '../timeline/cursor.ts';
import { recordEvent } from '../timeline/record-event.ts';

/** Loads a client of the actor's workspace or throws client_not_found. */
export async function getClient(deps: Deps, actor: Actor, id: string): Promise<Client> {
  const client = await deps.store.clients.get(actor.workspaceId, id);
  if (!client) throw notFound('client_not_found');
  return client;
}

/** Lists the workspace's clients, optionally filtered by name text and status. */
export function listClients(deps: Deps, actor: Actor, query: ClientListQuery): Promise<Client[]> {
  return deps.store.clients.list(actor.workspaceId, query);
}

async function assertNameFree(deps: Deps, actor: Actor, name: string, exceptId?: string): Promise<void> {
  const existing = await deps.store.clients.findByName(actor.workspaceId, name);
  if (existing && existing.id !== exceptId) {
    throw new DomainError('client_name_taken', `A client named "${existing.name}" already exists.`, { field: 'name' });
  }
}

/** Adds a client. */
export async function createClient(deps: Deps, actor: Actor, input: ClientInput): Promise<Client> {
  requireRole(actor, 'member');
  await requireMember(deps, actor, input.ownerId);
  await assertNameFree(deps, actor, input.name);
  const now = deps.clock.now().toISOString();
  const client: Client = { id: deps.ids.id(), ...input, createdAt: now, updatedAt: now };
  await deps.store.transaction(async (store) => {
    await store.clients.create(actor.workspaceId, client);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'client.created',
      summary: `Client ${client.name} added`,
      clientId: client.id,
    });
  });
  return client;
}

/** Changes a client's fields; the timeline records which fields changed. */
export async function updateClient(deps: Deps, actor: Actor, id: string, patch: ClientPatch): Promise<Client> {
  requireRole(actor, 'member');
  const before = await getClient(deps, actor, id);
  await requireMember(deps, actor, patch.ownerId);
  if (patch.name !== undefined) await assertNameFree(deps, actor, patch.name, id);
  const changed = Object.keys(patch).filter(
    (k) => JSON.stringify(patch[k as keyof ClientPatch]) !== JSON.stringify(before[k as keyof Client]),
  );
  if (changed.length === 0) return before;
  await deps.store.transaction(async (store) => {
    await store.clients.update(actor.workspaceId, id, patch, deps.clock.now().toISOString());
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'client.updated',
      summary: `Client ${patch.name ?? before.name} updated: ${changed.join(', ')}`,
      clientId: id,
      data: { changed },
    });
  });
  return getClient(deps, actor, id);
}

/** The client's timeline, newest first, one keyset page at a time (`nextCursor` continues). */
export async function clientTimeline(
  deps: Deps,
  actor: Actor,
  clientId: string,
  query: TimelinePageQuery,
): Promise<TimelinePage> {
  await getClient(deps, actor, clientId);
  let before: { at: string; id: string } | undefined;
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ['string', 'string'] as const);
    before = { at: cursorInstant(at), id };
  }
  const rows = await deps.store.events.listForClient(actor.workspaceId, clientId, { limit: query.limit + 1, before });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.id]) : null };
}

/** Lists a client's contacts. */
export async function listContacts(deps: Deps, actor: Actor, clientId: string): Promise<Contact[]> {
  await getClient(deps, actor, clientId);
  return deps.store.contacts.listByClient(actor.workspaceId, clientId);
}

/** Adds a contact to a client. */
export async function addContact(deps: Deps, actor: Actor, clientId: string, input: ContactInput): Promise<Contact> {
  requireRole(actor, 'member');
  await getClient(deps, actor, clientId);
  const contact: Contact = { id: deps.ids.id(), clientId, ...input, createdAt: deps.clock.now().toISOString() };
  await deps.store.transaction(async (store) => {
    await store.contacts.create(actor.workspaceId, contact);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'contact.added',
      summary: `Contact ${contact.fullName} added`,
      clientId,
      data: { contactId: contact.id },
    });
  });
  return contact;
}

async function getContact(deps: Deps, actor: Actor, clientId: string, id: string): Promise<Contact> {
  const contact = await deps.store.contacts.get(actor.workspaceId, id);
  if (!contact || contact.clientId !== clientId) throw notFound('contact_not_found');
  return contact;
}

/** Edits a contact. */
export async function updateContact(
  deps: Deps,
  actor: Actor,
  clientId: string,
  id: string,
  patch: ContactPatch,
): Promise<Contact> {
  requireRole(actor, 'member');
  const before = await getContact(deps, actor, clientId, id);
  await deps.store.transaction(async (store) => {
    await store.contacts.update(actor.workspaceId, id, patch);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'contact.updated',
      summary: `Contact ${patch.fullName ?? before.fullName} updated`,
      clientId,
      data: { contactId: id, changed: Object.keys(patch) },
    });
  });
  return getContact(deps, actor, clientId, id);
}

/** Removes a contact; the timeline keeps the record of it. */
export async function removeContact(deps: Deps, actor: Actor, clientId: string, id: string): Promise<void> {
  requireRole(actor, 'member');
  const contact = await getContact(deps, actor, clientId, id);
  await deps.store.transaction(async (store) => {
    await store.contacts.delete(actor.workspaceId, id);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'contact.removed',
      summary: `Contact ${contact.fullName} removed`,
      clientId,
      data: { contact },
    });
  });
}

/** Lists facts: a client's own, or (clientId null) the workspace-wide ones. */
export async function listFacts(deps: Deps, actor: Actor, clientId: string | null): Promise<Fact[]> {
  if (clientId) await getClient(deps, actor, clientId);
  return deps.store.facts.list(actor.workspaceId, clientId);
}

/** Records a fact that must be right in anything sent (per client, or workspace-wide when clientId is null). */
export async function addFact(deps: Deps, actor: Actor, clientId: string | null, input: FactInput): Promise<Fact> {
  requireRole(actor, 'member');
  if (clientId) await getClient(deps, actor, clientId);
  const fact: Fact = { id: deps.ids.id(), clientId, ...input, createdAt: deps.clock.now().toISOString() };
  await deps.store.transaction(async (store) => {
    await store.facts.create(actor.workspaceId, fact);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'fact.added',
      summary: `Fact recorded: ${fact.label ?? fact.kind} = ${fact.value}`,
      clientId,
      data: { factId: fact.id },
    });
  });
  return fact;
}

/** Removes a fact. */
export async function removeFact(deps: Deps, actor: Actor, clientId: string | null, id: string): Promise<void> {
  requireRole(actor, 'member');
  const fact = await deps.store.facts.get(actor.workspaceId, id);
  if (!fact || fact.clientId !== clientId) throw notFound('fact_not_found');
  await deps.store.transaction(async (store) => {
    await store.facts.delete(actor.workspaceId, id);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'fact.removed',
      summary: `Fact removed: ${fact.label ?? fact.kind} = ${fact.value}`,
      clientId,
      data: { fact },
    });
  });
}
