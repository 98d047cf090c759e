import type { Contact, Mistake } from '../../shared/contract/index.ts';
import { DomainError } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';

/** A contact of the mistake's client, or contact_not_found naming the field. */
export async function getContactOfMistake(
  deps: Deps,
  actor: Actor,
  mistake: Mistake,
  contactId: string,
): Promise<Contact> {
  const contact = await deps.store.contacts.get(actor.workspaceId, contactId);
  if (!contact || contact.clientId !== mistake.clientId) {
    throw new DomainError('contact_not_found', 'No such contact for this client.', { field: 'contactId' });
  }
  return contact;
}

/** The contact's email address, or a 400 naming contactId when none is recorded. */
export function emailOf(contact: Contact): string {
  if (!contact.email) {
    throw new DomainError('validation_failed', `contactId: ${contact.fullName} has no email address.`, {
      field: 'contactId',
      issues: [{ field: 'contactId', message: 'has no email address' }],
    });
  }
  return contact.email;
}
