import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCheck, IconClockExclamation, IconEye, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { RecoverySummary } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { apiErrorMessage } from '../../lib/forms.ts';
import { fetchAcknowledgmentDraft, useClientNoticed, useContacts, useSendAcknowledgment } from './api.ts';
import { MessageComposer, useDraftedMessage } from './composer.tsx';
import { formatDuration } from './format.ts';
import { AcknowledgmentList, RecordAcknowledgmentForm } from './record-acknowledgment.tsx';

/** How fast the client was told, against the target, and whether we told them before they noticed. */
export function AcknowledgmentTiming({ summary }: { summary: RecoverySummary }) {
  const timeZone = useTimeZone();
  const ack = summary.acknowledgment;
  if (!ack) return null;
  return (
    <Paper withBorder p="md" radius="md" bg={ack.withinTarget ? 'green.0' : 'orange.0'}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={ack.withinTarget ? 'green' : 'orange'} leftSection={<IconCheck size={12} />}>
            {ack.withinTarget ? 'Within target' : 'Over target'}
          </Badge>
          {ack.toldBeforeNoticed ? (
            <Badge color="teal" variant="light">
              Told before they noticed
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              The client noticed first
            </Badge>
          )}
        </Group>
        <Text fz="sm">
          Acknowledged to <strong>{ack.recipient}</strong> on {formatDateTime(ack.sentAt, timeZone)}:{' '}
          <strong>{formatDuration(ack.timeToAcknowledgeSeconds)}</strong> after it was found (target{' '}
          {formatDuration(ack.targetMinutes * 60)}).
        </Text>
      </Stack>
    </Paper>
  );
}

/** Once the client has been told: the timing, every acknowledgment, and another one (a follow-up call). */
function Acknowledged({ summary }: { summary: RecoverySummary }) {
  const contacts = useContacts(summary.clientId);
  const [another, setAnother] = useState(false);
  return (
    <Stack gap="sm">
      <AcknowledgmentTiming summary={summary} />
      <AcknowledgmentList mistakeId={summary.mistakeId} />
      {another ? (
        <RecordAcknowledgmentForm
          mistakeId={summary.mistakeId}
          foundAt={summary.foundAt}
          contacts={contacts.data ?? []}
          onDone={() => setAnother(false)}
        />
      ) : (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setAnother(true)}>
            Record another acknowledgment
          </Button>
        </Group>
      )}
    </Stack>
  );
}

type Way = 'email' | 'recorded';

/**
 * Own it: email the client from here (choose the contact, start from the API's draft, edit with
 * the live checks, send), or record that they were told another way (phone, meeting, chat).
 */
export function AcknowledgeStep({ summary }: { summary: RecoverySummary }) {
  const timeZone = useTimeZone();
  const contacts = useContacts(summary.clientId);
  const send = useSendAcknowledgment(summary.mistakeId);
  const noticed = useClientNoticed(summary.mistakeId);
  const { contactId, subject, setSubject, body, setBody, drafting, draftError, loadDraft, chooseContact } =
    useDraftedMessage((forContact) => fetchAcknowledgmentDraft(summary.mistakeId, forContact));
  const [way, setWay] = useState<Way>('email');

  if (summary.acknowledgment) return <Acknowledged summary={summary} />;
  if (contacts.isPending) return <LoadingBlock label="Loading contacts…" />;
  if (contacts.isError) return <ErrorBlock error={contacts.error} onRetry={() => void contacts.refetch()} />;

  const due = summary.acknowledgeTarget.dueAt;
  const overdue = new Date(due).getTime() < Date.now();
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          <IconClockExclamation size={18} color={`var(--mantine-color-${overdue ? 'red' : 'orange'}-6)`} />
          <Text fz="sm" c={overdue ? 'red' : undefined}>
            {overdue ? 'Acknowledgment overdue: it was due' : 'Tell the client by'} {formatDateTime(due, timeZone)} (
            {formatRelative(due)}; target {formatDuration(summary.acknowledgeTarget.targetMinutes * 60)})
          </Text>
        </Group>
        {summary.clientNoticedAt ? (
          <Badge color="gray" variant="light" leftSection={<IconEye size={12} />}>
            Client noticed {formatDateTime(summary.clientNoticedAt, timeZone)}
          </Badge>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconEye size={14} />}
            loading={noticed.isPending}
            onClick={() => noticed.mutate(undefined)}
          >
            The client noticed it first
          </Button>
        )}
      </Group>
      {noticed.isError && (
        <Text c="red" fz="sm">
          {apiErrorMessage(noticed.error)}
        </Text>
      )}

      <SegmentedControl
        value={way}
        onChange={(v) => setWay(v === 'recorded' ? 'recorded' : 'email')}
        data={[
          { value: 'email', label: 'Email from here' },
          { value: 'recorded', label: 'By phone or in person' },
        ]}
        aria-label="How you tell the client"
        fullWidth
        size="sm"
      />
      {way === 'recorded' ? (
        <RecordAcknowledgmentForm mistakeId={summary.mistakeId} foundAt={summary.foundAt} contacts={contacts.data} />
      ) : contacts.data.length === 0 ? (
        <Alert color="orange" variant="light" title="No contacts yet">
          Add a contact with an email address on the client&apos;s page to draft and send the acknowledgment here.
        </Alert>
      ) : (
        <MessageComposer
          mistakeId={summary.mistakeId}
          clientId={summary.clientId}
          contacts={contacts.data}
          contactId={contactId}
          onContactChange={chooseContact}
          subject={subject}
          onSubjectChange={setSubject}
          body={body}
          onBodyChange={setBody}
          kind="acknowledgment"
          bodyLabel="Acknowledgment"
          sendLabel="Send the acknowledgment"
          onSend={(message) => send.mutateAsync(message)}
          sending={send.isPending}
          error={send.error}
          recipientAction={
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              disabled={!contactId}
              loading={drafting}
              onClick={() => void loadDraft(contactId)}
            >
              {body.trim() ? 'Redraft' : 'Draft'}
            </Button>
          }
        />
      )}
      {way === 'email' && draftError !== null && (
        <Text c="red" fz="sm" role="alert">
          The draft could not be made: {apiErrorMessage(draftError)}
        </Text>
      )}
    </Stack>
  );
}
