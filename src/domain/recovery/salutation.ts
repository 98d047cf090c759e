import type { Contact } from '../../shared/contract/index.ts';

/**
 * How to greet a contact: honorific and surname ("Dr Okafor", "Ms Carter"); with no honorific,
 * their preferred name, else their first name ("Lynn"). Never a guessed title.
 */
export function salutationOf(contact: Pick<Contact, 'fullName' | 'preferredName' | 'honorific'>): string {
  const parts = contact.fullName.trim().split(/\s+/u);
  if (contact.honorific === 'none') return contact.preferredName?.trim() || parts[0] || contact.fullName;
  const surname = parts.length > 1 ? parts[parts.length - 1] : parts[0];
  return `${contact.honorific} ${surname ?? contact.fullName}`;
}
