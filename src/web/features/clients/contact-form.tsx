import { Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Contact, ContactPatch, Honorific } from '../../../shared/contract/index.ts';
import { FormError } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage, looksLikeEmail } from '../../lib/forms.ts';
import { honorificOptions } from '../../lib/labels.ts';
import { useAddContact, useUpdateContact } from './api.ts';

interface Values {
  fullName: string;
  preferredName: string;
  honorific: Honorific;
  pronouns: string;
  pronunciation: string;
  email: string;
  isBilling: boolean;
}
type TextField = Exclude<keyof Values, 'isBilling'>;

const empty: Values = {
  fullName: '',
  preferredName: '',
  honorific: 'none',
  pronouns: '',
  pronunciation: '',
  email: '',
  isBilling: false,
};

function valuesOf(contact: Contact): Values {
  return {
    fullName: contact.fullName,
    preferredName: contact.preferredName ?? '',
    honorific: contact.honorific,
    pronouns: contact.pronouns ?? '',
    pronunciation: contact.pronunciation ?? '',
    email: contact.email ?? '',
    isBilling: contact.isBilling,
  };
}

/** The request body for the form's values: trimmed, with empty optional text as null. */
function bodyOf(values: Values) {
  return {
    fullName: values.fullName.trim(),
    preferredName: values.preferredName.trim() || null,
    honorific: values.honorific,
    pronouns: values.pronouns.trim() || null,
    pronunciation: values.pronunciation.trim() || null,
    email: values.email.trim() || null,
    isBilling: values.isBilling,
  };
}

/** Only the fields whose value differs from the contact as it is. */
function changedFields(contact: Contact, values: Values): ContactPatch {
  const next = bodyOf(values);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (next[key] !== contact[key]) patch[key] = next[key];
  }
  return patch;
}

/**
 * The contact form: how to address this person, exactly, and whether accounting notices go to them.
 * Without `contact` it adds one; with it, it edits that contact and sends only what changed.
 */
export function ContactForm({
  clientId,
  contact,
  onDone,
}: {
  clientId: string;
  contact?: Contact | undefined;
  onDone: () => void;
}) {
  const add = useAddContact(clientId);
  const update = useUpdateContact(clientId);
  const change = contact ? update : add;
  const [values, setValues] = useState<Values>(() => (contact ? valuesOf(contact) : empty));
  const [errors, setErrors] = useState<{ fullName?: string | undefined; email?: string | undefined }>({});
  const api = apiFieldErrors(change.error);
  const set = (field: TextField) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((x) => ({ ...x, [field]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!values.fullName.trim()) found.fullName = 'Enter the contact’s full name';
    if (values.email.trim() && !looksLikeEmail(values.email))
      found.email = 'Enter a valid email address or leave it empty';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!contact) {
      add.mutate(bodyOf(values), { onSuccess: onDone });
      return;
    }
    const patch = changedFields(contact, values);
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    update.mutate({ contactId: contact.id, patch }, { onSuccess: onDone });
  };

  const label = contact ? `Edit contact ${contact.fullName}` : 'Add a contact';
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="md">
        <Group grow align="flex-start">
          <NativeSelect
            label="Honorific"
            data={honorificOptions}
            value={values.honorific}
            onChange={set('honorific')}
            error={fieldMessage(api['honorific'])}
            style={{ flex: '0 0 120px' }}
          />
          <TextInput
            label="Full name"
            placeholder="Priya Raman"
            value={values.fullName}
            onChange={set('fullName')}
            error={errors.fullName ?? fieldMessage(api['fullName'])}
            required
            data-autofocus
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Preferred name"
            description="What they like to be called"
            placeholder="Pri"
            value={values.preferredName}
            onChange={set('preferredName')}
            error={fieldMessage(api['preferredName'])}
          />
          <TextInput
            label="Pronouns"
            description="As they state them"
            placeholder="she/her"
            value={values.pronouns}
            onChange={set('pronouns')}
            error={fieldMessage(api['pronouns'])}
          />
        </Group>
        <TextInput
          label="Pronunciation note"
          placeholder="PREE-yah rah-MAHN"
          value={values.pronunciation}
          onChange={set('pronunciation')}
          error={fieldMessage(api['pronunciation'])}
        />
        <TextInput
          label="Email"
          type="email"
          placeholder="priya@acme.example"
          description={
            values.isBilling && !values.email.trim()
              ? 'Accounting notices need an email address to reach them'
              : undefined
          }
          value={values.email}
          onChange={set('email')}
          error={errors.email ?? fieldMessage(api['email'])}
        />
        <Checkbox
          label="Billing contact"
          description="The accounting notice of each remedy (credit, discount, refund…) is emailed to this person."
          checked={values.isBilling}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setValues((v) => ({ ...v, isBilling: checked }));
          }}
          error={fieldMessage(api['isBilling'])}
        />
        <FormError error={change.error} />
        <Group justify="flex-end">
          {contact && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={change.isPending}>
            {contact ? 'Save contact' : 'Add contact'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
