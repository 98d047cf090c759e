import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMail, IconPlus, IconTrash, IconUser, IconVolume } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Contact, Honorific } from '../../../shared/contract/index.ts';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage, looksLikeEmail } from '../../lib/forms.ts';
import { honorificOptions } from '../../lib/labels.ts';
import { useAddContact, useContacts, useRemoveContact } from './api.ts';

const empty = {
  fullName: '',
  preferredName: '',
  honorific: 'none' as Honorific,
  pronouns: '',
  pronunciation: '',
  email: '',
};

/** The add-a-contact form: how to address this person, exactly. */
export function ContactForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const add = useAddContact(clientId);
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<{ fullName?: string | undefined; email?: string | undefined }>({});
  const api = apiFieldErrors(add.error);
  const set = (field: keyof typeof empty) => (e: { currentTarget: { value: string } }) => {
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
    add.mutate(
      {
        fullName: values.fullName.trim(),
        preferredName: values.preferredName.trim() || null,
        honorific: values.honorific,
        pronouns: values.pronouns.trim() || null,
        pronunciation: values.pronunciation.trim() || null,
        email: values.email.trim() || null,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add a contact">
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
          value={values.email}
          onChange={set('email')}
          error={errors.email ?? fieldMessage(api['email'])}
        />
        <FormError error={add.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Add contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ContactCard({ contact, onRemove, removing }: { contact: Contact; onRemove: () => void; removing: boolean }) {
  const title = contact.honorific === 'none' ? contact.fullName : `${contact.honorific} ${contact.fullName}`;
  return (
    <Paper withBorder p="sm" radius="md" aria-label={`Contact ${contact.fullName}`} component="article">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600}>{title}</Text>
            {contact.pronouns && (
              <Badge size="xs" variant="light" color="gray">
                {contact.pronouns}
              </Badge>
            )}
          </Group>
          {contact.preferredName && (
            <Text fz="sm" c="dimmed">
              Goes by <b>{contact.preferredName}</b>
            </Text>
          )}
          {contact.pronunciation && (
            <Group gap={4} wrap="nowrap">
              <IconVolume size={14} aria-hidden />
              <Text fz="sm" c="dimmed">
                {contact.pronunciation}
              </Text>
            </Group>
          )}
          {contact.email && (
            <Group gap={4} wrap="nowrap">
              <IconMail size={14} aria-hidden />
              <Text fz="sm" truncate>
                {contact.email}
              </Text>
            </Group>
          )}
        </Stack>
        <Tooltip label="Remove contact">
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove contact ${contact.fullName}`}
            onClick={onRemove}
            loading={removing}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Paper>
  );
}

/** The client's contacts with an add-contact dialog. */
export function ContactsSection({ clientId }: { clientId: string }) {
  const contacts = useContacts(clientId);
  const remove = useRemoveContact(clientId);
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contacts-title">
      <Stack gap="md">
        <Group justify="space-between">
          <div>
            <Title order={2} fz="lg" id="contacts-title">
              Contacts
            </Title>
            <Text c="dimmed" fz="sm">
              Who to address, and exactly how.
            </Text>
          </div>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
            Add contact
          </Button>
        </Group>
        {contacts.isPending ? (
          <LoadingBlock label="Loading contacts…" />
        ) : contacts.isError ? (
          <ErrorBlock error={contacts.error} onRetry={() => void contacts.refetch()} />
        ) : contacts.data.length === 0 ? (
          <EmptyBlock
            compact
            icon={<IconUser size={28} />}
            title="No contacts yet"
            description="Add the people you write to, with their honorific, preferred name and pronunciation."
          />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {contacts.data.map((contact) => (
              <ContactCard
                key={contact.id}
                contact={contact}
                onRemove={() => remove.mutate(contact.id)}
                removing={remove.isPending && remove.variables === contact.id}
              />
            ))}
          </SimpleGrid>
        )}
        {remove.error && <FormError error={remove.error} />}
      </Stack>
      <Modal opened={opened} onClose={close} title={<Text fw={700}>Add a contact</Text>} size="lg">
        <ContactForm clientId={clientId} onDone={close} />
      </Modal>
    </Paper>
  );
}
