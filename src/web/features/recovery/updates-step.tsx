import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProgressUpdateResult, RecoverySummary } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { useContacts, useSendUpdate } from './api.ts';
import { MessageComposer } from './composer.tsx';

/** Whether progress updates are owed: critical and major mistakes, until fixed. */
export function updatesOwed(summary: RecoverySummary): boolean {
  return summary.nextUpdateDueAt !== null;
}

/** Keep them informed: when the next update is due, and a composer to send it. */
export function UpdatesStep({ summary }: { summary: RecoverySummary }) {
  const timeZone = useTimeZone();
  const contacts = useContacts(summary.clientId);
  const send = useSendUpdate(summary.mistakeId);
  const [contactId, setContactId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<ProgressUpdateResult | null>(null);

  const due = summary.nextUpdateDueAt;
  const overdue = due !== null && new Date(due).getTime() < Date.now();
  return (
    <Stack gap="md">
      {due ? (
        <Group gap={6} wrap="nowrap">
          <IconClock size={18} color={`var(--mantine-color-${overdue ? 'red' : 'blue'}-6)`} />
          <Text fz="sm" c={overdue ? 'red' : undefined}>
            Next update {overdue ? 'was due' : 'due'} {formatDateTime(due, timeZone)} ({formatRelative(due)}). While
            this {summary.severity} mistake is unfixed, the client hears from you every {summary.updateIntervalHours} h.
          </Text>
        </Group>
      ) : (
        <Text fz="sm" c="dimmed">
          {summary.severity === 'minor'
            ? 'No regular updates are owed for a minor mistake; send one whenever it helps.'
            : 'The fix is done: no more updates are owed. A follow-up is always welcome.'}
        </Text>
      )}
      {sent && (
        <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} role="status">
          Update queued to {sent.message.toName}.
          {sent.nextUpdateDueAt ? ` Next one due ${formatDateTime(sent.nextUpdateDueAt, timeZone)}.` : ''}
        </Alert>
      )}
      {contacts.isPending ? (
        <LoadingBlock label="Loading contacts…" />
      ) : contacts.isError ? (
        <ErrorBlock error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : contacts.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          Add a contact with an email address on the client&apos;s page to send updates from here.
        </Text>
      ) : (
        <MessageComposer
          mistakeId={summary.mistakeId}
          clientId={summary.clientId}
          contacts={contacts.data}
          contactId={contactId}
          onContactChange={setContactId}
          subject={subject}
          onSubjectChange={setSubject}
          body={body}
          onBodyChange={setBody}
          kind="general"
          bodyLabel="Update"
          sendLabel="Send the update"
          onSend={async (message) => {
            const result = await send.mutateAsync(message);
            setSent(result);
            setSubject('');
            setBody('');
          }}
          sending={send.isPending}
          error={send.error}
        />
      )}
    </Stack>
  );
}
