import { Group, Paper, SegmentedControl, Stack } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import type { MessageStatus } from '../../../shared/contract/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { useMessages } from './api.ts';
import { MessagesTable } from './messages-table.tsx';

type Filter = 'all' | Extract<MessageStatus, 'queued' | 'failed' | 'sent'>;

const filters: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'queued', label: 'Queued' },
  { value: 'failed', label: 'Failed' },
  { value: 'sent', label: 'Sent' },
];

const emptyText: Record<Filter, string> = {
  all: 'Acknowledgments, accounting notices and progress updates to clients are listed here with their delivery status.',
  queued: 'Nothing is waiting to be sent.',
  failed: 'No message failed. When one does, its last error shows here and you can queue it again.',
  sent: 'Nothing has been sent yet.',
};

/** The outbox: every message to clients with its delivery status; failed ones can be retried. */
export function OutboxPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const messages = useMessages(filter === 'all' ? {} : { status: filter });
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Messages to clients. The outbox retries on its own and never sends the same message twice."
      />
      <Stack gap="md">
        <Group>
          <SegmentedControl value={filter} onChange={(v) => setFilter(v)} data={filters} aria-label="Show messages" />
        </Group>
        {messages.isPending ? (
          <LoadingBlock label="Loading the outbox…" />
        ) : messages.isError ? (
          <ErrorBlock error={messages.error} onRetry={() => void messages.refetch()} />
        ) : messages.data.length === 0 ? (
          <EmptyBlock icon={<IconMailForward size={28} />} title="No messages" description={emptyText[filter]} />
        ) : (
          <Paper withBorder radius="md" p="md">
            <MessagesTable messages={messages.data} label="Outbox" showClient />
          </Paper>
        )}
      </Stack>
    </>
  );
}
