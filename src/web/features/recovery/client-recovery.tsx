import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconReceipt, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Message, RemedyEntry } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { apiErrorMessage } from '../../lib/forms.ts';
import { useMessages, useRemedies, useRemedyTotals, useRetryMessage } from './api.ts';
import {
  formatSigned,
  messageKindLabels,
  messageStatusColors,
  messageStatusLabels,
  remedyKindLabels,
  remedyStatusColors,
  remedyStatusLabels,
} from './format.ts';
import { RemedyTotals } from './ledger.tsx';

// The client page shows recovery in a narrow column: lists rather than wide tables. Approving and
// reversing happen on the mistake's page, where the reasons are.

const RECENT_MESSAGES = 10;
const rowStyle = { borderTop: '1px solid var(--mantine-color-gray-2)' };

function LedgerRow({ entry }: { entry: RemedyEntry }) {
  const timeZone = useTimeZone();
  return (
    <Stack gap={2} py={8} component="li" style={rowStyle}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Text fz="sm" fw={500}>
          {entry.status === 'reversal' ? 'Reversal' : remedyKindLabels[entry.kind]}
        </Text>
        <Text
          fz="sm"
          fw={600}
          c={entry.amountMinor < 0 ? 'red' : undefined}
          td={entry.status === 'reversed' ? 'line-through' : undefined}
          style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
        >
          {formatSigned(entry.amountMinor, entry.currency)}
        </Text>
      </Group>
      <Group gap={6} wrap="wrap">
        <Badge size="xs" color={remedyStatusColors[entry.status]} variant="light" radius="sm">
          {remedyStatusLabels[entry.status]}
        </Badge>
        <Anchor component={Link} to={`/mistakes/${entry.mistakeId}`} fz="xs">
          {entry.mistakeRef}
        </Anchor>
        <Text fz="xs" c="dimmed">
          {formatDate(entry.createdAt, timeZone)}
        </Text>
      </Group>
      {entry.note && (
        <Text fz="xs" c="dimmed" lineClamp={2}>
          {entry.note}
        </Text>
      )}
    </Stack>
  );
}

function MessageRow({ message, onRetry, retrying }: { message: Message; onRetry: () => void; retrying: boolean }) {
  const timeZone = useTimeZone();
  return (
    <Stack gap={2} py={8} component="li" style={rowStyle}>
      <Text fz="sm" fw={500} lineClamp={2}>
        {message.subject}
      </Text>
      <Group gap={6} wrap="wrap">
        <Badge size="xs" color={messageStatusColors[message.status]} variant="light" radius="sm">
          {messageStatusLabels[message.status]}
        </Badge>
        <Text fz="xs" c="dimmed">
          {messageKindLabels[message.kind]} to {message.toName} · {formatDate(message.createdAt, timeZone)}
        </Text>
      </Group>
      {message.status === 'failed' && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text fz="xs" c="red" lineClamp={2} style={{ flex: 1 }}>
            {message.lastError ?? 'Delivery failed.'}
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconRefresh size={12} />}
            onClick={onRetry}
            loading={retrying}
            aria-label={`Retry “${message.subject}”`}
          >
            Retry
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** What recovering this client's mistakes cost (per currency), the ledger, and recent messages. */
export function ClientRecoveryPanel({ clientId }: { clientId: string }) {
  const totals = useRemedyTotals({ clientId });
  const remedies = useRemedies({ clientId });
  const messages = useMessages({ clientId, limit: RECENT_MESSAGES });
  const retry = useRetryMessage();

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="client-remedies-title">
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
              <RemedyTotals totals={totals.data} stacked />
              <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Remedy ledger">
                {remedies.data.map((entry) => (
                  <LedgerRow key={entry.id} entry={entry} />
                ))}
              </Stack>
            </>
          )}
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="client-messages-title">
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
            <Stack
              gap={0}
              component="ul"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label="Recent messages to this client"
            >
              {messages.data.map((m) => (
                <MessageRow
                  key={m.id}
                  message={m}
                  onRetry={() => retry.mutate(m.id)}
                  retrying={retry.isPending && retry.variables === m.id}
                />
              ))}
            </Stack>
          )}
          {retry.isError && (
            <Text c="red" fz="xs" role="alert">
              Retry failed: {apiErrorMessage(retry.error)}
            </Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
