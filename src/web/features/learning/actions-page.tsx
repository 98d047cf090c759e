import { Anchor, Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTimeZone } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { ActionBadges } from './actions-section.tsx';
import { useActions, useMembers, type ActionFilter } from './api.ts';

const filters: { value: ActionFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'done', label: 'Done' },
  { value: 'all', label: 'All' },
];

const emptyText: Record<ActionFilter, string> = {
  open: 'No open actions. Actions added to a mistake’s Learn section appear here until they are done.',
  overdue: 'Nothing is overdue.',
  done: 'No action has been done yet.',
  cancelled: 'No cancelled actions.',
  all: 'No actions yet. Record a root cause on a mistake and add the actions that stop it happening again.',
};

/** The team's to-do list of improvements: every action by owner and due date. */
export function ActionsPage() {
  const timeZone = useTimeZone();
  const [status, setStatus] = useState<ActionFilter>('open');
  const [ownerId, setOwnerId] = useState('');
  const members = useMembers();
  const actions = useActions({ status, ownerId: ownerId || undefined });
  // A phone gets one card per action (title, mistake, owner, due, status) instead of a table that
  // would scroll sideways and hide the owner and due date.
  const small = useMediaQuery('(max-width: 36em)') ?? false;
  const sorted = [...(actions.data ?? [])].sort((a, b) => a.dueAt.localeCompare(b.dueAt));

  return (
    <>
      <PageHeader
        title="Actions"
        description="Corrective and preventive actions across every mistake, by due date. Done is not proven: a preventive action counts once its check says effective."
      />
      <Paper withBorder p="md">
        <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
          <SegmentedControl value={status} onChange={(v) => setStatus(v)} data={filters} aria-label="Status" />
          <NativeSelect
            label="Owner"
            value={ownerId}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
            data={[
              { value: '', label: 'Everyone' },
              ...(members.data ?? []).map((m) => ({ value: m.id, label: m.name })),
            ]}
            style={{ minWidth: 200 }}
          />
        </Group>
        {actions.isPending ? (
          <LoadingBlock label="Loading actions…" />
        ) : actions.isError ? (
          <ErrorBlock error={actions.error} onRetry={() => void actions.refetch()} />
        ) : actions.data.length === 0 ? (
          <EmptyBlock
            icon={<IconChecklist size={28} />}
            title="No actions here"
            description={emptyText[status]}
            compact
          />
        ) : small ? (
          <Stack gap="xs" role="list" aria-label="Actions">
            {sorted.map((a) => (
              <Paper key={a.id} withBorder p="sm" role="listitem">
                <Text fz="sm" fw={500}>
                  {a.title}
                </Text>
                <Group gap="xs" mt={4} wrap="wrap">
                  <Anchor component={Link} to={`/mistakes/${a.mistakeId}`} fz="sm" ff="monospace">
                    {a.mistakeRef}
                  </Anchor>
                  <Text fz="sm">{a.ownerName ?? 'No owner'}</Text>
                  <Text fz="sm" c={a.overdue && a.status === 'open' ? 'red' : undefined}>
                    Due {formatDate(a.dueAt, timeZone)}
                  </Text>
                </Group>
                <Group mt={6}>
                  <ActionBadges action={a} />
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="Actions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Mistake</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Due ({timeZone})</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text fz="sm" fw={500}>
                        {a.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/mistakes/${a.mistakeId}`} fz="sm" ff="monospace">
                        {a.mistakeRef}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{a.ownerName ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" c={a.overdue && a.status === 'open' ? 'red' : undefined}>
                        {formatDate(a.dueAt, timeZone)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ActionBadges action={a} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}
