import { BarChart, LineChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconChartBar, IconDownload, IconHeartHandshake, IconPlus } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { AtRiskClient, DurationStats, Metrics } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { formatMinor } from '../../lib/money.ts';
import {
  metricsCsvUrl,
  useAtRisk,
  useMetrics,
  useOverdueActions,
  useOverdueCommitments,
  useUnacknowledged,
  type Period,
} from './api.ts';

const DAY = 86_400_000;
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period choices: the last 30 or 90 days or 12 months, ending today (UTC days). */
const periods = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '12 months' },
] as const;
type PeriodChoice = (typeof periods)[number]['value'];

export function periodFor(choice: PeriodChoice, now: Date): Period {
  const to = dayText(now.getTime());
  return { from: dayText(now.getTime() - (Number(choice) - 1) * DAY), to };
}

/** Minutes as words: 23 min, 4.5 h, 3 days. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round((minutes / 60) * 10) / 10} h`;
  return `${Math.round((minutes / 1440) * 10) / 10} days`;
}

/** A share as a percentage, or a dash when there is no data. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

const bandColor: Record<AtRiskClient['band'], string> = { healthy: 'teal', watch: 'yellow', at_risk: 'red' };
const bandLabel: Record<AtRiskClient['band'], string> = { healthy: 'Healthy', watch: 'Watch', at_risk: 'At risk' };

/** What to do next for a client at risk, from what is open. */
export function nextStep(c: AtRiskClient): string {
  if (c.openAlertId) return 'Open the client, review the alert and decide whether to mark them at risk.';
  if (c.openMistakes > 0) {
    return `Put right the ${c.openMistakes === 1 ? 'open mistake' : `${c.openMistakes} open mistakes`} first, then check in.`;
  }
  return 'Check in with them: ask how things are going since the last mistake.';
}

function Section(props: { title: string; description?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const id = `dash-${props.title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={2} fz="h4" id={id}>
            {props.title}
          </Title>
          {props.description ? (
            <Text fz="sm" c="dimmed">
              {props.description}
            </Text>
          ) : null}
        </div>
        {props.actions}
      </Group>
      {props.children}
    </Paper>
  );
}

function AtRiskSection() {
  const atRisk = useAtRisk(5);
  return (
    <Section title="Clients at risk" description="Lowest health first: the score, why it is low and what to do next.">
      {atRisk.isPending ? (
        <LoadingBlock label="Loading client health…" />
      ) : atRisk.isError ? (
        <ErrorBlock error={atRisk.error} onRetry={() => void atRisk.refetch()} />
      ) : atRisk.data.length === 0 ? (
        <EmptyBlock
          icon={<IconHeartHandshake size={28} />}
          title="No client is at risk"
          description="A client shows up here when mistakes pile up or their health score falls."
          compact
        />
      ) : (
        <Stack gap="sm" role="list" aria-label="Clients at risk">
          {atRisk.data.map((c) => (
            <Paper key={c.clientId} withBorder p="sm" role="listitem">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Anchor component={Link} to={`/clients/${c.clientId}`} fw={600}>
                  {c.clientName}
                </Anchor>
                <Group gap="xs">
                  <Text fw={700} aria-label={`Health score ${c.score} of 100`}>
                    {c.score}
                    <Text span c="dimmed" fz="sm">
                      /100
                    </Text>
                  </Text>
                  <Badge color={bandColor[c.band]} variant="light">
                    {bandLabel[c.band]}
                  </Badge>
                </Group>
              </Group>
              {c.why.length > 0 ? (
                <Stack gap={2} mt={6} component="ul" style={{ paddingLeft: 18, margin: 0 }} aria-label="Why">
                  {c.why.map((line) => (
                    <Text key={line.key} component="li" fz="sm">
                      {line.points > 0 ? `+${line.points}` : line.points} {line.reason}
                    </Text>
                  ))}
                </Stack>
              ) : null}
              <Text fz="sm" mt={6}>
                <Text span fw={600}>
                  Next:{' '}
                </Text>
                {nextStep(c)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function OpenSection() {
  const timeZone = useTimeZone();
  const now = useMemo(() => new Date(), []);
  const waiting = useUnacknowledged(5);
  const promises = useOverdueCommitments(now);
  const actions = useOverdueActions();
  const pending = waiting.isPending || promises.isPending || actions.isPending;
  const error = waiting.error ?? promises.error ?? actions.error;
  return (
    <Section
      title="Open recoveries"
      description="Mistakes not yet acknowledged to the client, and promises and actions past due."
    >
      {pending ? (
        <LoadingBlock label="Loading what is open…" />
      ) : error ? (
        <ErrorBlock error={error} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <div>
            <Text fw={600} fz="sm" mb={4}>
              Not acknowledged yet
              {waiting.data?.total ? ` (${waiting.data.total}${waiting.data.totalExact ? '' : '+'})` : ''}
            </Text>
            {waiting.data?.items.length ? (
              <Stack gap={4} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                {waiting.data.items.map((m) => (
                  <Text key={m.id} component="li" fz="sm">
                    <Anchor component={Link} to={`/mistakes/${m.id}`} ff="monospace" fz="sm">
                      {m.ref}
                    </Anchor>{' '}
                    {m.title} · {m.clientName}
                  </Text>
                ))}
              </Stack>
            ) : (
              <Text fz="sm" c="dimmed">
                Every mistake has been acknowledged.
              </Text>
            )}
          </div>
          <div>
            <Text fw={600} fz="sm" mb={4}>
              Overdue promises{promises.data?.length ? ` (${promises.data.length})` : ''}
            </Text>
            {promises.data?.length ? (
              <Stack gap={4} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                {promises.data.slice(0, 5).map((c) => (
                  <Text key={c.id} component="li" fz="sm">
                    <Anchor
                      component={Link}
                      to={c.mistakeId ? `/mistakes/${c.mistakeId}` : `/clients/${c.clientId}`}
                      fz="sm"
                    >
                      {c.isFix ? 'Fix: ' : ''}
                      {c.title}
                    </Anchor>{' '}
                    · due {formatDate(c.dueAt, timeZone)}
                  </Text>
                ))}
              </Stack>
            ) : (
              <Text fz="sm" c="dimmed">
                No promise is past due.
              </Text>
            )}
          </div>
          <div>
            <Text fw={600} fz="sm" mb={4}>
              Overdue actions{actions.data?.length ? ` (${actions.data.length})` : ''}
            </Text>
            {actions.data?.length ? (
              <Stack gap={4} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                {actions.data.slice(0, 5).map((a) => (
                  <Text key={a.id} component="li" fz="sm">
                    <Anchor component={Link} to={`/mistakes/${a.mistakeId}`} fz="sm">
                      {a.title}
                    </Anchor>{' '}
                    · {a.ownerName ?? 'no owner'} · due {formatDate(a.dueAt, timeZone)}
                  </Text>
                ))}
              </Stack>
            ) : (
              <Text fz="sm" c="dimmed">
                No action is past due.
              </Text>
            )}
          </div>
        </SimpleGrid>
      )}
    </Section>
  );
}

function Figure(props: { label: string; value: string; detail?: string; definition: string }) {
  return (
    <Paper withBorder p="sm">
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
        {props.label}
      </Text>
      <Text fz={26} fw={700} lh={1.2}>
        {props.value}
      </Text>
      {props.detail ? <Text fz="sm">{props.detail}</Text> : null}
      <Text fz="xs" c="dimmed" mt={4}>
        {props.definition}
      </Text>
    </Paper>
  );
}

const severityLabel: Record<DurationStats['severity'], string> = {
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
};

function DurationTable(props: { caption: string; metric: Metrics['timeToAcknowledge'] }) {
  return (
    <div>
      <Table fz="sm" verticalSpacing={4} horizontalSpacing={6} captionSide="top" layout="fixed">
        <Table.Caption style={{ textAlign: 'left', fontWeight: 600, color: 'inherit' }}>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Median</Table.Th>
            <Table.Th>p90</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>In target</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...props.metric.bySeverity].reverse().map((s) => (
            <Table.Tr key={s.severity}>
              <Table.Td>{severityLabel[s.severity]}</Table.Td>
              <Table.Td>{formatMinutes(s.medianMinutes)}</Table.Td>
              <Table.Td>{formatMinutes(s.p90Minutes)}</Table.Td>
              <Table.Td>{formatMinutes(s.targetMinutes)}</Table.Td>
              <Table.Td>
                {formatRate(s.withinTargetRate)}
                {s.count > 0 ? ` of ${s.count}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fz="xs" c="dimmed" mt={4}>
        {props.metric.definition}
      </Text>
    </div>
  );
}

const categoryColors = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'red.6', 'gray.6'];

function TrendChart({ metrics }: { metrics: Metrics }) {
  const unit = metrics.bucket;
  const data = metrics.trend.items.map((b) => ({
    start: b.start,
    Mistakes: b.mistakes,
    'Told before they noticed': b.toldBeforeNoticed,
    Repeats: b.repeats,
  }));
  return (
    <figure style={{ margin: 0, minWidth: 0 }}>
      <Text component="figcaption" fw={600} fz="sm" mb={4}>
        Mistakes per {unit}
      </Text>
      <div aria-hidden="true">
        <LineChart
          h={220}
          data={data}
          dataKey="start"
          curveType="monotone"
          withDots={data.length <= 31}
          series={[
            { name: 'Mistakes', color: 'indigo.6' },
            { name: 'Told before they noticed', color: 'teal.6' },
            { name: 'Repeats', color: 'red.6' },
          ]}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ allowDecimals: false, width: 32 }}
        />
      </div>
      <VisuallyHidden>
        <table>
          <caption>Mistakes per {unit}, with how many we told the client about first, and repeats</caption>
          <thead>
            <tr>
              <th scope="col">{unit} starting</th>
              <th scope="col">Mistakes</th>
              <th scope="col">Told before they noticed</th>
              <th scope="col">Repeats</th>
            </tr>
          </thead>
          <tbody>
            {metrics.trend.items.map((b) => (
              <tr key={b.start}>
                <th scope="row">{b.start}</th>
                <td>{b.mistakes}</td>
                <td>{b.toldBeforeNoticed}</td>
                <td>{b.repeats}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
      <Text fz="xs" c="dimmed" mt={4}>
        {metrics.trend.definition}
      </Text>
    </figure>
  );
}

function CategoryChart({ metrics }: { metrics: Metrics }) {
  const items = metrics.byCategory.items;
  return (
    <figure style={{ margin: 0, minWidth: 0 }}>
      <Text component="figcaption" fw={600} fz="sm" mb={4}>
        Mistakes by category
      </Text>
      <div aria-hidden="true">
        <BarChart
          h={Math.max(120, items.length * 34)}
          data={items.map((c) => ({ category: c.label, Mistakes: c.count }))}
          dataKey="category"
          orientation="vertical"
          series={[{ name: 'Mistakes', color: categoryColors[0]! }]}
          yAxisProps={{ width: 120 }}
          xAxisProps={{ allowDecimals: false }}
        />
      </div>
      <VisuallyHidden>
        <table>
          <caption>Mistakes by category</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Mistakes</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
      <Text fz="xs" c="dimmed" mt={4}>
        {metrics.byCategory.definition}
      </Text>
    </figure>
  );
}

function CountList(props: { title: string; items: Metrics['byCause']['items']; definition: string }) {
  return (
    <div>
      <Table fz="sm" verticalSpacing={4} captionSide="top">
        <Table.Caption style={{ textAlign: 'left', fontWeight: 600, color: 'inherit' }}>{props.title}</Table.Caption>
        <Table.Tbody>
          {props.items.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Th scope="row" fw={400} style={{ overflowWrap: 'anywhere' }}>
                {c.label}
              </Table.Th>
              <Table.Td ta="right">{c.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fz="xs" c="dimmed" mt={4}>
        {props.definition}
      </Text>
    </div>
  );
}

function MetricsBody({ metrics }: { metrics: Metrics }) {
  if (metrics.mistakes.value === 0) {
    return (
      <EmptyBlock
        icon={<IconChartBar size={28} />}
        title="No mistakes in this period"
        description="The figures and charts fill in as mistakes are logged and put right. Pick a longer period, or log a mistake."
        action={
          <Button component={Link} to="/mistakes/new" leftSection={<IconPlus size={16} />} variant="light">
            Log a mistake
          </Button>
        }
        compact
      />
    );
  }
  const cost =
    metrics.cost.remedies.length === 0
      ? 'None'
      : metrics.cost.remedies.map((r) => formatMinor(r.amountMinor, r.currency)).join(' + ');
  const after = metrics.clientsAfterMistake;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Figure label="Mistakes" value={String(metrics.mistakes.value)} definition={metrics.mistakes.definition} />
        <Figure
          label="Told before they noticed"
          value={formatRate(metrics.toldBeforeNoticed.value)}
          detail={`${metrics.toldBeforeNoticed.told} of ${metrics.toldBeforeNoticed.mistakes}`}
          definition={metrics.toldBeforeNoticed.definition}
        />
        <Figure
          label="Fix promises kept"
          value={formatRate(metrics.fixPromisesKept.value)}
          detail={
            metrics.fixPromisesKept.resolved
              ? `${metrics.fixPromisesKept.kept} of ${metrics.fixPromisesKept.resolved}`
              : 'None resolved yet'
          }
          definition={metrics.fixPromisesKept.definition}
        />
        <Figure
          label="Repeat rate"
          value={formatRate(metrics.repeatRate.value)}
          detail={`${metrics.repeatRate.repeats} repeat${metrics.repeatRate.repeats === 1 ? '' : 's'}`}
          definition={metrics.repeatRate.definition}
        />
        <Figure
          label="Satisfaction"
          value={metrics.satisfaction.value === null ? '—' : `${metrics.satisfaction.value} / 5`}
          detail={`${metrics.satisfaction.answers} answer${metrics.satisfaction.answers === 1 ? '' : 's'}`}
          definition={metrics.satisfaction.definition}
        />
        <Figure
          label="Cost of mistakes"
          value={cost}
          detail={metrics.cost.reworkHours ? `${metrics.cost.reworkHours} h unbilled rework` : 'No unbilled rework'}
          definition={metrics.cost.definition}
        />
        <Figure
          label="Clients kept after a mistake"
          value={`${after.kept} kept · ${after.lost} lost`}
          detail={after.tooEarly ? `${after.tooEarly} too early to tell` : undefined}
          definition={metrics.clientsAfterMistake.definition}
        />
        <Figure
          label="Time to acknowledge (median)"
          value={formatMinutes(metrics.timeToAcknowledge.all.medianMinutes)}
          detail={`${formatRate(metrics.timeToAcknowledge.all.withinTargetRate)} within target`}
          definition="All severities together; the table below has each severity against its own target."
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DurationTable caption="Time to acknowledge" metric={metrics.timeToAcknowledge} />
        <DurationTable caption="Time to fix" metric={metrics.timeToFix} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TrendChart metrics={metrics} />
        <CategoryChart metrics={metrics} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CountList title="By root cause" items={metrics.byCause.items} definition={metrics.byCause.definition} />
        {metrics.clientId ? null : (
          <CountList title="By client" items={metrics.byClient.items} definition={metrics.byClient.definition} />
        )}
      </SimpleGrid>
    </Stack>
  );
}

function MetricsSection() {
  const [choice, setChoice] = useState<PeriodChoice>('90');
  const now = useMemo(() => new Date(), []);
  const period = periodFor(choice, now);
  const metrics = useMetrics(period);
  return (
    <Section
      title="How recoveries went"
      description={`${period.from} to ${period.to} (UTC days)`}
      actions={
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            size="xs"
            value={choice}
            onChange={(v) => setChoice(v)}
            data={[...periods]}
            aria-label="Period"
          />
          <Button
            component="a"
            href={metricsCsvUrl(period)}
            download
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
          >
            CSV
          </Button>
        </Group>
      }
    >
      {metrics.isPending ? (
        <LoadingBlock label="Loading metrics…" />
      ) : metrics.isError ? (
        <ErrorBlock error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : (
        <MetricsBody metrics={metrics.data} />
      )}
    </Section>
  );
}

/** The home page: clients at risk first, then what is open or overdue, then how recoveries went. */
export function DashboardPage() {
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Who needs attention, what is late, and how well mistakes are being put right."
      />
      <Stack gap="md">
        <AtRiskSection />
        <OpenSection />
        <MetricsSection />
      </Stack>
    </>
  );
}
