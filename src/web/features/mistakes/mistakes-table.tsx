import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Mistake } from '../../../shared/contract/index.ts';
import { RegressedBadge, SeverityBadge, StageBadge } from '../../components/badges.tsx';
import { usePhoneLayout } from '../../components/responsive.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { categoryLabels } from '../../lib/labels.ts';
import { formatImpact } from '../../lib/money.ts';

/** Mistakes as cards (phones, narrow columns): the title, then stage and severity (what decides what to do next), then the rest. */
function MistakeCards({
  mistakes,
  timeZone,
  showClient,
  padded,
}: {
  mistakes: Mistake[];
  timeZone: string;
  showClient: boolean;
  padded: boolean;
}) {
  return (
    <Stack gap="xs" p={padded ? 'sm' : 0} role="list" aria-label="Mistakes">
      {mistakes.map((m) => (
        <Paper key={m.id} withBorder p="sm" role="listitem">
          <Group gap={6} wrap="nowrap" align="baseline">
            <Text ff="monospace" fz="sm" fw={600} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {m.ref}
            </Text>
            <Anchor component={Link} to={`/mistakes/${m.id}`} fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
              {m.title}
            </Anchor>
          </Group>
          {showClient && (
            <Text fz="xs" c="dimmed">
              {m.clientName}
            </Text>
          )}
          <Group gap={6} mt={6} wrap="wrap">
            <StageBadge stage={m.stage} />
            {m.regressed && <RegressedBadge />}
            <SeverityBadge severity={m.severity} />
          </Group>
          <Text fz="xs" c="dimmed" mt={6}>
            {categoryLabels[m.category]} · impact {formatImpact(m.impact)} · found {formatDateTime(m.foundAt, timeZone)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** The table: one row per mistake. */
function MistakeRows({
  mistakes,
  timeZone,
  showClient,
  minWidth,
}: {
  mistakes: Mistake[];
  timeZone: string;
  showClient: boolean;
  minWidth: number;
}) {
  return (
    // On a client's page (no client column) the category goes under the title, severity under the
    // stage and the found time is a date, so the table fits the page's main column.
    <Table.ScrollContainer minWidth={minWidth}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing={showClient ? 'md' : 'sm'} aria-label="Mistakes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Ref</Table.Th>
            <Table.Th style={{ minWidth: showClient ? 280 : 220 }}>Mistake</Table.Th>
            <Table.Th style={{ minWidth: 130 }}>{showClient ? 'Stage' : 'Stage and severity'}</Table.Th>
            {showClient && <Table.Th style={{ minWidth: 100 }}>Severity</Table.Th>}
            {showClient && <Table.Th>Category</Table.Th>}
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
                  <Text fz="xs" c="dimmed">
                    {showClient ? m.clientName : categoryLabels[m.category]}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap={showClient ? 'nowrap' : 'wrap'}>
                  <StageBadge stage={m.stage} />
                  {m.regressed && <RegressedBadge />}
                  {!showClient && <SeverityBadge severity={m.severity} />}
                </Group>
              </Table.Td>
              {showClient && (
                <Table.Td>
                  <SeverityBadge severity={m.severity} />
                </Table.Td>
              )}
              {showClient && (
                <Table.Td>
                  <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {categoryLabels[m.category]}
                  </Text>
                </Table.Td>
              )}
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <Text fz="sm" c={m.impact.amountMinor ? undefined : 'dimmed'}>
                  {formatImpact(m.impact)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {showClient ? formatDateTime(m.foundAt, timeZone) : formatDate(m.foundAt, timeZone)}
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

/** Mistakes as rows: MG number, title and client, stage, severity, category, impact, found (cards on a phone). */
export function MistakesTable({
  mistakes,
  timeZone,
  showClient = true,
  padded = true,
}: {
  mistakes: Mistake[];
  timeZone: string;
  showClient?: boolean;
  /** Cards get a margin of their own (off inside a section that has padding already). */
  padded?: boolean;
}) {
  const phone = usePhoneLayout();
  // Cards also where the table would not fit its place (a client page's main column on a laptop):
  // scrolled sideways, it hid the impact and when it was found.
  const { ref, width } = useElementSize<HTMLDivElement>();
  const minWidth = showClient ? 760 : 620;
  const cards = phone || (width > 0 && width < minWidth);
  return (
    <div ref={ref}>
      {cards ? (
        <MistakeCards mistakes={mistakes} timeZone={timeZone} showClient={showClient} padded={padded} />
      ) : (
        <MistakeRows mistakes={mistakes} timeZone={timeZone} showClient={showClient} minWidth={minWidth} />
      )}
    </div>
  );
}
