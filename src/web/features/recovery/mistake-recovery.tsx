import { Accordion, Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconHourglass, IconMailForward } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RecoverySummary } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { AcknowledgeStep } from './acknowledge-step.tsx';
import { useMessages, useRecoverySummary } from './api.ts';
import { FixStep } from './fix-step.tsx';
import { formatDuration } from './format.ts';
import { formatTotal } from './ledger.tsx';
import { MessagesTable } from './messages-table.tsx';
import { RemedyStep } from './remedy-step.tsx';
import { SweepStep } from './sweep-step.tsx';
import { UpdatesStep } from './updates-step.tsx';

type StepState = 'done' | 'waiting' | 'todo' | 'info';

interface Step {
  value: string;
  title: string;
  state: StepState;
  status: string;
  content: ReactNode;
}

function StepIcon({ state, index }: { state: StepState; index: number }) {
  if (state === 'done') {
    return (
      <ThemeIcon color="green" radius="xl" size={28} aria-label="done">
        <IconCheck size={16} />
      </ThemeIcon>
    );
  }
  if (state === 'waiting') {
    return (
      <ThemeIcon color="yellow" radius="xl" size={28} aria-label="waiting">
        <IconHourglass size={16} />
      </ThemeIcon>
    );
  }
  return (
    <ThemeIcon color={state === 'info' ? 'blue' : 'gray'} variant="light" radius="xl" size={28} aria-hidden="true">
      <Text fz="sm" fw={700}>
        {index + 1}
      </Text>
    </ThemeIcon>
  );
}

function buildSteps(summary: RecoverySummary, timeZone: string): Step[] {
  const ack = summary.acknowledgment;
  const issued = summary.remedies.filter((r) => r.status === 'issued' || r.status === 'reversed');
  const pending = summary.remedies.filter((r) => r.status === 'pending_approval');
  const fix = summary.fixCommitment;
  const sweep = summary.lastSweep;
  const net = summary.totals.filter((t) => BigInt(t.netMinor) !== 0n).map((t) => formatTotal(t.netMinor, t.currency));

  return [
    {
      value: 'sweep',
      title: 'Check the whole account',
      state: sweep ? 'done' : 'todo',
      status: sweep
        ? `Swept ${formatDateTime(sweep.at, timeZone)} · ${sweep.checked.length} checked`
        : 'Look at everything else open for this client',
      content: <SweepStep mistakeId={summary.mistakeId} />,
    },
    {
      value: 'acknowledge',
      title: 'Own it: tell the client',
      state: ack ? 'done' : 'todo',
      status: ack
        ? `Told in ${formatDuration(ack.timeToAcknowledgeSeconds)} · ${ack.withinTarget ? 'within' : 'over'} target${ack.toldBeforeNoticed ? ' · before they noticed' : ''}`
        : `Due ${formatRelative(summary.acknowledgeTarget.dueAt)}`,
      content: <AcknowledgeStep summary={summary} />,
    },
    {
      value: 'remedy',
      title: 'Make it right',
      state: issued.length > 0 || summary.remedyDecline ? 'done' : pending.length > 0 ? 'waiting' : 'todo',
      status: summary.remedyDecline
        ? 'Declined with a reason'
        : issued.length > 0
          ? `${net.length ? net.join(' + ') : 'Nothing net'} given${pending.length ? ` · ${pending.length} awaiting approval` : ''}`
          : pending.length > 0
            ? `${pending.length} awaiting approval`
            : 'Over-respond: credit, discount, refund, rework or a gift',
      content: <RemedyStep summary={summary} />,
    },
    {
      value: 'fix',
      title: 'Fix it on time',
      state: fix?.status === 'done' ? 'done' : 'todo',
      status: !fix
        ? 'Promise a fix with a due time'
        : fix.status === 'done'
          ? `Fixed ${formatDateTime(fix.completedAt, timeZone)}`
          : fix.status === 'missed'
            ? 'Fix commitment missed'
            : `Due ${formatRelative(fix.dueAt)}`,
      content: <FixStep summary={summary} />,
    },
    {
      value: 'updates',
      title: 'Keep them informed',
      // Done while no update is owed (a minor mistake, or once the fix is done); else when the next one is due.
      state: summary.nextUpdateDueAt ? 'info' : 'done',
      status: summary.nextUpdateDueAt
        ? `Next update due ${formatRelative(summary.nextUpdateDueAt)}`
        : 'No updates owed',
      content: <UpdatesStep summary={summary} />,
    },
  ];
}

/**
 * The guided recovery of one mistake, the one place for each step: sweep, own it (email from here,
 * or record a call or meeting), make it right, fix it (confirmed, with a note and the "it's fixed"
 * message), keep them informed.
 */
export function MistakeRecoveryPanel({ mistakeId }: { mistakeId: string }) {
  const summary = useRecoverySummary(mistakeId);
  if (summary.isPending) {
    return (
      <Paper withBorder p="lg" radius="md">
        <LoadingBlock label="Loading the recovery…" />
      </Paper>
    );
  }
  if (summary.isError) {
    return (
      <ErrorBlock
        error={summary.error}
        onRetry={() => void summary.refetch()}
        title="The recovery could not be loaded"
      />
    );
  }
  return <RecoveryGuide summary={summary.data} />;
}

function RecoveryGuide({ summary }: { summary: RecoverySummary }) {
  const timeZone = useTimeZone();
  const steps = buildSteps(summary, timeZone);
  // The count is of the steps shown: every one of them, "keep them informed" included.
  const doneCount = steps.filter((s) => s.state === 'done').length;
  const current = steps.find((s) => s.state !== 'done' && s.state !== 'info')?.value ?? null;
  const [opened, setOpened] = useState<string[]>(current ? [current] : []);
  // When a step is finished, open the next one (the finished one stays open to show its result).
  const previous = useRef(current);
  useEffect(() => {
    if (previous.current === current) return;
    previous.current = current;
    setOpened((values) => (current && !values.includes(current) ? [...values, current] : values));
  }, [current]);

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="recovery-title">
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={2} fz="lg" id="recovery-title">
              Recovery
            </Title>
            <Badge variant="light" color={doneCount === steps.length ? 'green' : 'indigo'} size="lg" radius="sm">
              {doneCount} of {steps.length} steps done
            </Badge>
          </Group>
          <Accordion
            multiple
            value={opened}
            onChange={setOpened}
            variant="separated"
            radius="md"
            chevronPosition="right"
          >
            {steps.map((step, index) => (
              <Accordion.Item key={step.value} value={step.value}>
                <Accordion.Control icon={<StepIcon state={step.state} index={index} />}>
                  <Group justify="space-between" wrap="wrap" gap={4} pr="xs">
                    <Text fw={600}>{step.title}</Text>
                    <Text fz="sm" c={step.state === 'done' ? 'green.8' : 'dimmed'}>
                      {step.status}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>{step.content}</Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      </Paper>
      <MistakeMessages mistakeId={summary.mistakeId} />
    </Stack>
  );
}

function MistakeMessages({ mistakeId }: { mistakeId: string }) {
  const messages = useMessages({ mistakeId });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="recovery-messages-title">
      <Stack gap="sm">
        <Group gap={8}>
          <IconMailForward size={20} />
          <Title order={2} fz="lg" id="recovery-messages-title">
            Messages about this mistake
          </Title>
        </Group>
        {messages.isPending ? (
          <LoadingBlock label="Loading messages…" />
        ) : messages.isError ? (
          <ErrorBlock error={messages.error} onRetry={() => void messages.refetch()} />
        ) : messages.data.length === 0 ? (
          <Text fz="sm" c="dimmed">
            Nothing sent yet. The acknowledgment, the accounting notice and every update will appear here with their
            delivery status.
          </Text>
        ) : (
          <MessagesTable messages={messages.data} label="Messages about this mistake" />
        )}
      </Stack>
    </Paper>
  );
}
