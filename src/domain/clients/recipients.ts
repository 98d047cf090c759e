import type { Client } from '../../shared/contract/index.ts';
import type { Actor, Deps } from '../ports.ts';

/** An email address compared as mail systems do in practice: trimmed, case-insensitive. */
function normalise(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The client an email is for, from its recipients: the client with the most recipients among its
 * contacts (ties go to the client of the earliest such recipient, so To outranks Cc). Null when no
 * recipient is a known contact of the actor's workspace — the mail is not to a client.
 */
export async function clientForRecipients(
  deps: Deps,
  actor: Actor,
  recipients: readonly string[],
): Promise<Client | null> {
  const wanted = recipients.map(normalise);
  if (wanted.length === 0) return null;
  const contacts = await deps.store.contacts.listAll(actor.workspaceId);
  const clientOf = new Map<string, string>();
  for (const contact of contacts) {
    if (contact.email) {
      const email = normalise(contact.email);
      if (!clientOf.has(email)) clientOf.set(email, contact.clientId);
    }
  }
  const tally = new Map<string, { count: number; first: number }>();
  wanted.forEach((email, index) => {
    const clientId = clientOf.get(email);
    if (!clientId) return;
    const entry = tally.get(clientId) ?? { count: 0, first: index };
    entry.count += 1;
    tally.set(clientId, entry);
  });
  const best = [...tally.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)[0];
  if (!best) return null;
  return deps.store.clients.get(actor.workspaceId, best[0]);
}
