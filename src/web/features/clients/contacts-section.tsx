import { ActionIcon, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMail, IconPencil, IconPlus, IconTrash, IconUser, IconVolume } from '@tabler/icons-react';
import { useState } from 'react';
import type { Contact } from '../../../shared/contract/index.ts';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { useContacts, useRemoveContact } from './api.ts';
import { ContactForm } from './contact-form.tsx';

function ContactCard({
  contact,
  onEdit,
  onRemove,
  removing,
}: {
  contact: Contact;
  onEdit: () => void;
  onRemove: () => void;
  removing: boolean;
}) {
  const title = contact.honorific === 'none' ? contact.fullName : `${contact.honorific} ${contact.fullName}`;
  return (
    <Paper withBorder p="sm" radius="md" aria-label={`Contact ${contact.fullName}`} component="article">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600}>{title}</Text>
            {contact.isBilling && (
              <Tooltip label="Accounting notices are sent to this contact">
                <Badge size="xs" variant="light" color="teal">
                  Billing
                </Badge>
              </Tooltip>
            )}
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
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Edit contact">
            <ActionIcon variant="subtle" color="gray" aria-label={`Edit contact ${contact.fullName}`} onClick={onEdit}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
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
      </Group>
    </Paper>
  );
}

/** The client's contacts, with dialogs to add one and to edit each. */
export function ContactsSection({ clientId }: { clientId: string }) {
  const contacts = useContacts(clientId);
  const remove = useRemoveContact(clientId);
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<Contact | null>(null);
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
                onEdit={() => setEditing(contact)}
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
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={<Text fw={700}>Edit {editing?.fullName ?? 'contact'}</Text>}
        size="lg"
      >
        {editing && (
          <ContactForm key={editing.id} clientId={clientId} contact={editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Paper>
  );
}
