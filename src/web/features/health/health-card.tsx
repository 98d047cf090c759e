import { LineChart } from '@mantine/charts';
import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ClientHealth, ClientStatus, HealthAlert } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { useClientHealth, useResolveHealthAlert } from './api.ts';
import { bandColors, bandLabels, signed, trendText } from './health-score.tsx';

// The client page's health card: the score and its band, the open at-risk alert with "Mark at
// risk", why it is where it is (the lines), why it last moved, and the history as a chart with a
// table equivalent for screen readers.

function AlertBox({
  alert,
  clientId,
  clientStatus,
  rule,
}: {
  alert: HealthAlert;
  clientId: string;
  clientStatus: ClientStatus;
  rule: ClientHealth['rule'];
}) {
  const resolve = useResolveHealthAlert(clientId);
  const title =
    alert.kind === 'cluster'
      ? `${alert.mistakes.length} mistakes within ${rule.days} days`
      : `Health fell below ${alert.threshold ?? rule.threshold}`;
  const decide = (decision: 'mark_at_risk' | 'dismiss') =>
    resolve.mutate(
      { alertId: alert.id, decision },
      {
        onSuccess: () =>
          notifications.show({
            color: decision === 'mark_at_risk' ? 'red' : 'gray',
            title: decision === 'mark_at_risk' ? 'Marked at risk' : 'Alert dismissed',
            message: decision === 'mark_at_risk' ? 'The status change is on the timeline.' : title,
          }),
      },
    );
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`At-risk alert: ${title}`}
      role="alert"
    >
      <Stack gap="xs">
        <List size="sm" spacing={2}>
          {alert.mistakes.map((m) => (
            <List.Item key={m.id}>
              <Text span fw={600} fz="sm">
                {m.ref}
              </Text>{' '}
              {m.title}{' '}
              <Text span c="dimmed" fz="xs">
                ({m.severity})
              </Text>
            </List.Item>
          ))}
        </List>
        <Text fz="sm">
          {clientStatus === 'at_risk'
            ? 'The client is already marked at risk.'
            : 'Proposed: mark this client "at risk". The status changes only when you confirm.'}
        </Text>
        <FormError error={resolve.error} />
        <Group gap="xs">
          <Button size="xs" color="red" loading={resolve.isPending} onClick={() => decide('mark_at_risk')}>
            Mark at risk
          </Button>
          <Button size="xs" variant="default" disabled={resolve.isPending} onClick={() => decide('dismiss')}>
            Dismiss
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The history as a line chart (hidden from screen readers) and the same points as a table. */
function HealthHistory({ health, timeZone }: { health: ClientHealth; timeZone: string }) {
  if (health.history.length === 0) {
    return (
      <Text c="dimmed" fz="sm">
        No change yet: the score starts at 100 and moves with every mistake and recovery step.
      </Text>
    );
  }
  const first = health.history[0];
  const points = [
    ...(first ? [{ at: formatDate(first.recordedAt, timeZone), score: first.previousScore }] : []),
    ...health.history.map((h) => ({ at: formatDate(h.recordedAt, timeZone), score: h.score })),
  ];
  return (
    <Stack gap="xs">
      <div aria-hidden="true">
        <LineChart
          h={160}
          data={points}
          dataKey="at"
          series={[{ name: 'score', label: 'Health', color: 'blue.6' }]}
          yAxisProps={{ domain: [0, 100] }}
          curveType="linear"
          withDots
          referenceLines={[{ y: health.rule.threshold, label: `Threshold ${health.rule.threshold}`, color: 'red.5' }]}
        />
      </div>
      <details>
        <summary>
          <Text span fz="sm">
            Score history as a table
          </Text>
        </summary>
        <Table.ScrollContainer minWidth={320}>
          <Table fz="sm" aria-label="Health score history" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th ta="right">Score</Table.Th>
                <Table.Th ta="right">Change</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...health.history].reverse().map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.recordedAt, timeZone)}</Table.Td>
                  <Table.Td ta="right">{h.score}</Table.Td>
                  <Table.Td ta="right">{signed(h.score - h.previousScore)}</Table.Td>
                  <Table.Td>{h.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Stack>
  );
}

/** One client's health: score, the open alert, why it is where it is, why it moved, and its history. */
export function ClientHealthCard({ clientId, clientStatus }: { clientId: string; clientStatus: ClientStatus }) {
  const timeZone = useTimeZone();
  const health = useClientHealth(clientId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-health-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="client-health-title">
          Health
        </Title>
        {health.isPending ? (
          <LoadingBlock label="Loading health…" />
        ) : health.isError ? (
          <ErrorBlock error={health.error} onRetry={() => void health.refetch()} />
        ) : (
          <HealthBody health={health.data} clientId={clientId} clientStatus={clientStatus} timeZone={timeZone} />
        )}
      </Stack>
    </Paper>
  );
}

function HealthBody({
  health,
  clientId,
  clientStatus,
  timeZone,
}: {
  health: ClientHealth;
  clientId: string;
  clientStatus: ClientStatus;
  timeZone: string;
}) {
  const open = health.alerts.filter((a) => a.status === 'open');
  const last = health.history.at(-1);
  return (
    <>
      <Group gap="sm" align="baseline">
        <Text fz={36} fw={700} lh={1} aria-label={`Health score ${health.score} of 100`} data-testid="health-score">
          {health.score}
        </Text>
        <Text c="dimmed" fz="sm">
          of 100
        </Text>
        <Badge color={bandColors[health.band]} variant="light" radius="sm">
          {bandLabels[health.band]}
        </Badge>
        <Text fz="sm" c={health.trend < 0 ? 'red' : health.trend > 0 ? 'green' : 'dimmed'}>
          {trendText(health.trend)}
        </Text>
      </Group>
      <Text fz="sm" c="dimmed">
        {health.openMistakes === 0
          ? 'No open mistakes.'
          : `${health.openMistakes} open mistake${health.openMistakes === 1 ? '' : 's'} (not fixed yet).`}
      </Text>
      {open.map((alert) => (
        <AlertBox key={alert.id} alert={alert} clientId={clientId} clientStatus={clientStatus} rule={health.rule} />
      ))}
      <section aria-labelledby="health-why-title">
        <Title order={3} fz="sm" id="health-why-title" mb={4}>
          Why it is {health.score}
        </Title>
        {health.lines.length === 0 ? (
          <Text fz="sm" c="dimmed">
            Nothing counts against this client.
          </Text>
        ) : (
          <List size="sm" spacing={2} aria-label="Why the score is what it is">
            <List.Item>100 to start</List.Item>
            {health.lines.map((l) => (
              <List.Item key={l.key}>
                <Text span fw={600} c={l.points < 0 ? 'red' : 'green'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {signed(l.points)}
                </Text>{' '}
                {l.reason}
              </List.Item>
            ))}
          </List>
        )}
      </section>
      {last && (
        <section aria-labelledby="health-moved-title">
          <Title order={3} fz="sm" id="health-moved-title" mb={4}>
            Why it moved: {last.previousScore} → {last.score}
          </Title>
          <Text fz="xs" c="dimmed" mb={4}>
            {last.reason}, {formatDateTime(last.recordedAt, timeZone)}
          </Text>
          <List size="sm" spacing={2} aria-label="Why it moved">
            {last.moves.map((m) => (
              <List.Item key={m.key}>
                <Text span fw={600} c={m.delta < 0 ? 'red' : 'green'}>
                  {signed(m.delta)}
                </Text>{' '}
                {m.reason}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <HealthHistory health={health} timeZone={timeZone} />
    </>
  );
}
