import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarCheck, IconCheck, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Commitment } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { CommitmentStatusBadge } from '../../components/badges.tsx';
import { usePhoneLayout } from '../../components/responsive.ts';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime, formatRelative, inputToIso } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { useAddCommitment, useCommitments, useCompleteCommitment } from './api.ts';
import { CountedTextInput } from '../../components/counted-input.tsx';
import { DateTimeInput } from '../../components/date-time-input.tsx';
import { MAX_COMMITMENT_TITLE } from '../../../shared/contract/index.ts';

interface CommitmentsTableProps {
  commitments: Commitment[];
  timeZone: string;
  onComplete: (id: string) => void;
  completingId: string | null;
  /** Link each commitment to its mistake (off on the mistake's own page). */
  linkMistakes?: boolean;
}

/** What was promised, with the fix badge and the link to its mistake. */
function CommitmentTitle({ c, linkMistakes }: { c: Commitment; linkMistakes: boolean | undefined }) {
  return (
    <Group gap={6}>
      <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {c.title}
      </Text>
      {c.isFix && (
        <Badge size="xs" variant="outline" color="grape">
          fix
        </Badge>
      )}
      {c.mistakeId && linkMistakes !== false && (
        <Anchor component={Link} to={`/mistakes/${c.mistakeId}`} fz="xs" underline="always">
          mistake
        </Anchor>
      )}
    </Group>
  );
}

/** "Mark done" on an open commitment, or when it was done. */
function CommitmentAction({ c, props }: { c: Commitment; props: CommitmentsTableProps }) {
  if (c.status !== 'done')
    return (
      <Button
        size="xs"
        variant="light"
        color="green"
        leftSection={<IconCheck size={14} />}
        onClick={() => props.onComplete(c.id)}
        loading={props.completingId === c.id}
        aria-label={`Mark “${c.title}” done`}
      >
        Mark done
      </Button>
    );
  return c.completedAt ? (
    <Text fz="xs" c="dimmed">
      Done {formatDateTime(c.completedAt, props.timeZone)}
    </Text>
  ) : null;
}

/** Commitments as rows with a "Mark done" button on open ones (one card each on a phone). */
export function CommitmentsTable(props: CommitmentsTableProps) {
  const phone = usePhoneLayout();
  if (phone)
    return (
      <Stack gap="xs" role="list" aria-label="Commitments">
        {props.commitments.map((c) => (
          <Paper key={c.id} withBorder p="sm" role="listitem">
            <CommitmentTitle c={c} linkMistakes={props.linkMistakes} />
            <Group gap={6} mt={4} wrap="wrap">
              <CommitmentStatusBadge status={c.status} />
              <Text fz="sm">Due {formatDateTime(c.dueAt, props.timeZone)}</Text>
              {c.status === 'open' && (
                <Text fz="xs" c={new Date(c.dueAt) < new Date() ? 'red' : 'dimmed'}>
                  {formatRelative(c.dueAt)}
                </Text>
              )}
            </Group>
            <Group mt={6}>
              <CommitmentAction c={c} props={props} />
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Table verticalSpacing="xs" aria-label="Commitments">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Commitment</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th w={130}>
            <span style={{ position: 'absolute', left: -9999 }}>Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.commitments.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <CommitmentTitle c={c} linkMistakes={props.linkMistakes} />
            </Table.Td>
            <Table.Td>
              <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(c.dueAt, props.timeZone)}
              </Text>
              {c.status === 'open' && (
                <Text fz="xs" c={new Date(c.dueAt) < new Date() ? 'red' : 'dimmed'}>
                  {formatRelative(c.dueAt)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <CommitmentStatusBadge status={c.status} />
            </Table.Td>
            <Table.Td>
              <CommitmentAction c={c} props={props} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A title and due time; `submit` receives the due time in UTC. */
export function CommitmentForm(props: {
  submitLabel: string;
  titlePlaceholder: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: { title: string; dueAt: string }, reset: () => void) => void;
  ariaLabel: string;
}) {
  const timeZone = useTimeZone();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<{ title?: string | undefined; dueAt?: string | undefined }>({});
  const api = apiFieldErrors(props.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!title.trim()) found.title = 'Say what was promised';
    const dueAt = inputToIso(due, timeZone);
    if (!dueAt) found.dueAt = 'Pick the date and time it is due';
    setErrors(found);
    if (Object.keys(found).length > 0 || !dueAt) return;
    props.onSubmit({ title: title.trim(), dueAt }, () => {
      setTitle('');
      setDue('');
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={props.ariaLabel}>
      <Stack gap="xs">
        <Group align="flex-start" gap="xs" wrap="wrap">
          <CountedTextInput
            max={MAX_COMMITMENT_TITLE}
            label="What was promised"
            placeholder={props.titlePlaceholder}
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              setErrors((x) => ({ ...x, title: undefined }));
            }}
            error={errors.title ?? fieldMessage(api['title'])}
            style={{ flex: '2 1 240px' }}
            required
          />
          <DateTimeInput
            label="Due"
            timeZone={timeZone}
            value={due}
            onChange={(value) => {
              setDue(value);
              setErrors((x) => ({ ...x, dueAt: undefined }));
            }}
            error={errors.dueAt ?? fieldMessage(api['dueAt'])}
            style={{ flex: '1 1 200px' }}
            required
          />
        </Group>
        <FormError error={Object.keys(api).length ? null : props.error} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={props.pending}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The client's commitments: what was promised and by when. */
export function CommitmentsSection({ clientId }: { clientId: string }) {
  const timeZone = useTimeZone();
  const commitments = useCommitments(clientId);
  const add = useAddCommitment(clientId);
  const complete = useCompleteCommitment(clientId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="commitments-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="commitments-title">
            Commitments
          </Title>
          <Text c="dimmed" fz="sm">
            Everything promised to this client, with its due time. A missed commitment becomes a mistake.
          </Text>
        </div>
        {commitments.isPending ? (
          <LoadingBlock label="Loading commitments…" />
        ) : commitments.isError ? (
          <ErrorBlock error={commitments.error} onRetry={() => void commitments.refetch()} />
        ) : commitments.data.length === 0 ? (
          <EmptyBlock
            compact
            icon={<IconCalendarCheck size={28} />}
            title="Nothing promised yet"
            description="Record deliverables and deadlines you owe this client."
          />
        ) : (
          <CommitmentsTable
            commitments={commitments.data}
            timeZone={timeZone}
            onComplete={(id) => complete.mutate(id)}
            completingId={complete.isPending ? (complete.variables ?? null) : null}
          />
        )}
        {complete.error && <FormError error={complete.error} />}
        <CommitmentForm
          ariaLabel="Add a commitment"
          submitLabel="Add commitment"
          titlePlaceholder="Send the revised brochure proofs"
          pending={add.isPending}
          error={add.error}
          onSubmit={(input, reset) => add.mutate(input, { onSuccess: reset })}
        />
      </Stack>
    </Paper>
  );
}
