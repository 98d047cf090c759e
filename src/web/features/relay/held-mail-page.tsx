import { Anchor, Badge, Button, Card, Code, Group, List, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconMailPause } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { RelayMessageDto, RelayStatus } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useRelayMessage, useRelayMessages, useResolveHeld } from './api.ts';

const statusLabels: Record<RelayStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  held: 'Held',
  relayed: 'Delivered',
  discarded: 'Discarded',
  failed: 'Not delivered',
};
const statusColors: Record<RelayStatus, string> = {
  queued: 'blue',
  sending: 'blue',
  held: 'orange',
  relayed: 'green',
  discarded: 'gray',
  failed: 'red',
};

function StatusBadge({ status }: { status: RelayStatus }) {
  return (
    <Badge color={statusColors[status]} variant="light">
      {statusLabels[status]}
    </Badge>
  );
}

function errorsOf(m: RelayMessageDto): number {
  return m.findings.filter((f) => f.severity === 'error').length;
}

/** Mail the SMTP relay held (or delivered) for a known client, newest first. */
export function HeldMailPage() {
  const [filter, setFilter] = useState<'held' | 'all'>('held');
  const messages = useRelayMessages(filter === 'held' ? 'held' : undefined);
  const timeZone = useTimeZone();
  return (
    <>
      <PageHeader
        title="Held mail"
        description="Email to a client that the SMTP relay held because the pre-send guard found errors. Release it as it is, or discard it and send a corrected one from your mail client."
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label="Which mail"
          value={filter}
          onChange={(v) => setFilter(v === 'all' ? 'all' : 'held')}
          data={[
            { value: 'held', label: 'Held' },
            { value: 'all', label: 'All relayed mail' },
          ]}
          w="fit-content"
        />
        {messages.isPending ? (
          <LoadingBlock />
        ) : messages.isError ? (
          <ErrorBlock error={messages.error} onRetry={() => void messages.refetch()} />
        ) : messages.data.length === 0 ? (
          <EmptyBlock
            icon={<IconMailPause size={28} />}
            title={filter === 'held' ? 'Nothing held' : 'No mail through the relay yet'}
            description="Set makegood's SMTP relay as your mail client's outgoing server (README: The SMTP relay); mail to a client with errors waits here."
          />
        ) : (
          <Stack gap="sm" role="list">
            {messages.data.map((m) => (
              <Card key={m.id} withBorder padding="sm" role="listitem">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Anchor component={Link} to={`/held-mail/${m.id}`} fw={600}>
                    {m.subject || '(no subject)'}
                  </Anchor>
                  <StatusBadge status={m.status} />
                </Group>
                <Text fz="sm" c="dimmed">
                  To {m.envelopeTo.join(', ')}
                  {m.client && ` · ${m.client.name}`} · {formatDateTime(m.createdAt, timeZone)} · {m.sender.name}
                </Text>
                {m.findings.length > 0 && (
                  <Text fz="sm">
                    {errorsOf(m)} error{errorsOf(m) === 1 ? '' : 's'}, {m.findings.length - errorsOf(m)} other finding
                    {m.findings.length - errorsOf(m) === 1 ? '' : 's'}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

/** One relayed message: its findings in the text, and release or discard while it is held. */
export function HeldMailDetailPage() {
  const { relayMessageId = '' } = useParams();
  const message = useRelayMessage(relayMessageId);
  const resolve = useResolveHeld(relayMessageId);
  const [confirm, setConfirm] = useState<'release' | 'discard' | null>(null);
  const timeZone = useTimeZone();
  if (message.isPending) return <LoadingBlock />;
  if (message.isError) return <ErrorBlock error={message.error} onRetry={() => void message.refetch()} />;
  const m = message.data;
  const errors = errorsOf(m);
  return (
    <>
      <PageHeader
        title={m.subject || '(no subject)'}
        crumbs={[{ label: 'Held mail', to: '/held-mail' }]}
        badges={<StatusBadge status={m.status} />}
        actions={
          m.status === 'held' && (
            <Group gap="xs">
              <Button variant="default" onClick={() => setConfirm('discard')}>
                Discard
              </Button>
              <Button color="orange" onClick={() => setConfirm('release')}>
                Release as it is
              </Button>
            </Group>
          )
        }
      />
      <Stack gap="md">
        <Text fz="sm">
          To {m.envelopeTo.join(', ')}
          {m.client && ` (${m.client.name})`}, from {m.envelopeFrom}, sent by {m.sender.name} on{' '}
          {formatDateTime(m.createdAt, timeZone)}
          {m.resolvedBy &&
            ` · ${m.status === 'discarded' ? 'discarded' : 'released'} by ${m.resolvedBy.name} on ${formatDateTime(m.resolvedAt, timeZone)}`}
          {m.relayedAt && ` · delivered ${formatDateTime(m.relayedAt, timeZone)}`}
        </Text>
        {m.lastError && <Text c="red.8">Last delivery attempt: {m.lastError}</Text>}
        <Card withBorder padding="md">
          <Text fw={600} mb="xs">
            What the guard found
          </Text>
          {m.findings.length === 0 ? (
            <Text fz="sm">Nothing.</Text>
          ) : (
            <List spacing="xs">
              {m.findings.map((f, i) => (
                <List.Item key={`${f.rule}-${f.start}-${i}`}>
                  <Badge size="sm" color={f.severity === 'error' ? 'red' : 'yellow'} variant="light" mr="xs">
                    {f.severity}
                  </Badge>
                  {f.end > f.start && <Code>{m.text.slice(f.start, f.end)}</Code>} {f.message}
                  {f.suggestion && (
                    <Text span c="dimmed">
                      {' '}
                      Suggestion: {f.suggestion}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder padding="md">
          <Text fw={600} mb="xs">
            The text the guard read
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap' }}>
            {m.text}
          </Code>
        </Card>
        <FormError error={resolve.error} />
      </Stack>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'release' ? 'Release this email as it is?' : 'Discard this email?'}
      >
        <Stack gap="md">
          <Text fz="sm">
            {confirm === 'release'
              ? `It goes to ${m.envelopeTo.join(', ')} exactly as you wrote it, with ${errors} error${errors === 1 ? '' : 's'} still in it. The override is recorded on the client's timeline.`
              : 'It is never sent. Send a corrected email from your mail client.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              Cancel
            </Button>
            <Button
              color={confirm === 'release' ? 'orange' : 'red'}
              loading={resolve.isPending}
              onClick={() => {
                if (confirm) resolve.mutate(confirm, { onSettled: () => setConfirm(null) });
              }}
            >
              {confirm === 'release' ? 'Release' : 'Discard'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
