import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Mistake } from '../../../shared/contract/index.ts';
import { RegressedBadge, SeverityBadge, StageBadge } from '../../components/badges.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { categoryLabels } from '../../lib/labels.ts';
import { formatMoney } from '../../lib/money.ts';

/** Mistakes as rows: MG number, title and client, stage, severity, category, impact, found. */
export function MistakesTable({
  mistakes,
  timeZone,
  showClient = true,
}: {
  mistakes: Mistake[];
  timeZone: string;
  showClient?: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Mistakes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Ref</Table.Th>
            <Table.Th style={{ minWidth: 280 }}>Mistake</Table.Th>
            <Table.Th style={{ minWidth: 130 }}>Stage</Table.Th>
            <Table.Th style={{ minWidth: 100 }}>Severity</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th ta="right">Impact</Table.Th>
            <Table.Th>Found</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mistakes.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Text ff="monospace" fz="sm" fw={600} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {m.ref}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/mistakes/${m.id}`} fw={600} fz="sm">
                    {m.title}
                  </Anchor>
                  {showClient && (
                    <Text fz="xs" c="dimmed">
                      {m.clientName}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <StageBadge stage={m.stage} />
                  {m.regressed && <RegressedBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <SeverityBadge severity={m.severity} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {categoryLabels[m.category]}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <Text fz="sm" c={m.impact.amountMinor ? undefined : 'dimmed'}>
                  {formatMoney(m.impact)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(m.foundAt, timeZone)}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
