import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { useMessages, useRemedies, useRemedyTotals } from './api.ts';
import { RemedyLedger, RemedyTotals } from './ledger.tsx';
import { MessagesTable } from './messages-table.tsx';

const RECENT_MESSAGES = 10;

/** What recovering this client's mistakes cost (per currency), the ledger, and recent messages. */
export function ClientRecoveryPanel({ clientId }: { clientId: string }) {
  const totals = useRemedyTotals({ clientId });
  const remedies = useRemedies({ clientId });
  const messages = useMessages({ clientId, limit: RECENT_MESSAGES });

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="client-remedies-title">
        <Stack gap="sm">
          <Group gap={8}>
            <IconReceipt size={20} />
            <Title order={2} fz="lg" id="client-remedies-title">
              Remedies
            </Title>
          </Group>
          {totals.isPending || remedies.isPending ? (
            <LoadingBlock label="Loading the ledger…" />
          ) : totals.isError ? (
            <ErrorBlock error={totals.error} onRetry={() => void totals.refetch()} />
          ) : remedies.isError ? (
            <ErrorBlock error={remedies.error} onRetry={() => void remedies.refetch()} />
          ) : remedies.data.length === 0 ? (
            <Text fz="sm" c="dimmed">
              No remedies for this client yet. Credits, discounts, refunds, rework and gifts given while recovering from
              a mistake are recorded here, per currency.
            </Text>
          ) : (
            <>
              <RemedyTotals totals={totals.data} />
              <RemedyLedger entries={remedies.data} showMistake />
            </>
          )}
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="client-messages-title">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} fz="lg" id="client-messages-title">
              Recent messages
            </Title>
            <Anchor component={Link} to="/outbox" fz="sm">
              Outbox
            </Anchor>
          </Group>
          {messages.isPending ? (
            <LoadingBlock label="Loading messages…" />
          ) : messages.isError ? (
            <ErrorBlock error={messages.error} onRetry={() => void messages.refetch()} />
          ) : messages.data.length === 0 ? (
            <Text fz="sm" c="dimmed">
              No messages to this client yet.
            </Text>
          ) : (
            <MessagesTable messages={messages.data} label="Recent messages to this client" showClient />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
