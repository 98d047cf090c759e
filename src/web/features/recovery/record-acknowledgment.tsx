import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessageCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { AcknowledgmentChannel, Contact } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { CountedTextarea, CountedTextInput } from '../../components/counted-input.tsx';
import { DateTimeInput } from '../../components/date-time-input.tsx';
import { FormError } from '../../components/states.tsx';
import { formatDateTime, inputToIso, nowInput } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { channelLabels, channelOptions } from '../../lib/labels.ts';
import { useAcknowledgmentList, useRecordAcknowledgment } from './api.ts';

// The other way to own it: the client was told by phone, in a meeting or in a chat. Recording it
// is an option of the "Own it" step of the recovery guide (not a card of its own).

const MAX_RECIPIENT = 200;
const MAX_NOTE = 5_000;

/** Record that the client was told outside makegood: when, how and to whom. */
export function RecordAcknowledgmentForm({
  mistakeId,
  foundAt,
  contacts,
  onDone,
}: {
  mistakeId: string;
  foundAt: string;
  contacts: Contact[];
  onDone?: () => void;
}) {
  const timeZone = useTimeZone();
  const record = useRecordAcknowledgment(mistakeId);
  const [at, setAt] = useState(() => nowInput(timeZone));
  const [channel, setChannel] = useState<AcknowledgmentChannel>('phone');
  const [contactId, setContactId] = useState('');
  const [recipient, setRecipient] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ at?: string | undefined; recipient?: string | undefined }>({});
  const api = apiFieldErrors(record.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    const atIso = inputToIso(at, timeZone);
    if (!atIso) found.at = 'Enter when the client was told';
    else if (atIso < foundAt) found.at = 'The client cannot have been told before the mistake was found';
    if (!contactId && !recipient.trim()) found.recipient = 'Choose a contact or name who was told';
    setErrors(found);
    if (Object.keys(found).length > 0 || !atIso) return;
    record.mutate(
      {
        at: atIso,
        channel,
        contactId: contactId || null,
        recipient: recipient.trim() || null,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: 'Acknowledgment recorded',
            message: 'The client has been told.',
          });
          setNote('');
          setRecipient('');
          onDone?.();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Record an acknowledgment">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateTimeInput
            label="When"
            timeZone={timeZone}
            value={at}
            onChange={(value) => {
              setAt(value);
              setErrors((x) => ({ ...x, at: undefined }));
            }}
            error={errors.at ?? fieldMessage(api['at'])}
            required
          />
          <NativeSelect
            label="How"
            data={channelOptions}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value as AcknowledgmentChannel)}
          />
          <NativeSelect
            label="To whom"
            value={contactId}
            onChange={(e) => {
              setContactId(e.currentTarget.value);
              setErrors((x) => ({ ...x, recipient: undefined }));
            }}
            data={[
              { value: '', label: contacts.length ? 'Someone else…' : 'No contacts on file' },
              ...contacts.map((c) => ({ value: c.id, label: c.fullName })),
            ]}
            error={fieldMessage(api['contactId'])}
          />
          <CountedTextInput
            label="Recipient name"
            description={contactId ? 'Optional when a contact is chosen' : undefined}
            placeholder="e.g. the client’s front desk"
            max={MAX_RECIPIENT}
            value={recipient}
            onChange={(e) => {
              setRecipient(e.currentTarget.value);
              setErrors((x) => ({ ...x, recipient: undefined }));
            }}
            error={errors.recipient ?? fieldMessage(api['recipient'])}
          />
        </SimpleGrid>
        <CountedTextarea
          label="Note"
          placeholder="What you said, and what you promised"
          autosize
          minRows={2}
          max={MAX_NOTE}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldMessage(api['note'])}
        />
        <FormError error={Object.keys(api).length ? null : record.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            Record acknowledgment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Every acknowledgment recorded so far: who was told, how and when. */
export function AcknowledgmentList({ mistakeId }: { mistakeId: string }) {
  const timeZone = useTimeZone();
  const list = useAcknowledgmentList(mistakeId);
  if (!list.isSuccess || list.data.length === 0) return null;
  return (
    <Stack gap="xs" aria-label="Acknowledgments recorded" role="list">
      {list.data.map((a) => (
        <Group key={a.id} gap="sm" wrap="nowrap" align="flex-start" role="listitem">
          <IconMessageCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
          <div>
            <Text fz="sm" fw={500}>
              Told {a.recipient} by {channelLabels[a.channel].toLowerCase()}
            </Text>
            <Text fz="xs" c="dimmed">
              {formatDateTime(a.at, timeZone)}
              {a.note ? ` · ${a.note}` : ''}
            </Text>
          </div>
        </Group>
      ))}
    </Stack>
  );
}
