import { Anchor, Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Mistake, RecoveryStage } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { RegressedBadge, SeverityBadge, StageBadge } from '../../components/badges.tsx';
import { TimelineSection } from '../../components/timeline-section.tsx';
import { StageTrack } from '../../components/stage-track.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { categoryLabels, finderLabels } from '../../lib/labels.ts';
import { formatMoney } from '../../lib/money.ts';
import { LearnSection } from '../learning/index.tsx';
import { MistakeRecovery } from '../recovery/index.tsx';
import { CheckInsSection } from '../check-ins/check-ins-section.tsx';
import { useMistake, useMistakeTimeline } from './api.ts';
import { EditMistakeDialog } from './edit-mistake-dialog.tsx';

/** When each stage was reached ("found" at the time it was found). */
function reachedTimes(mistake: Mistake): Record<RecoveryStage, string | null> {
  return { found: mistake.foundAt, ...mistake.reached };
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fz="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function MistakeTimeline({ mistakeId }: { mistakeId: string }) {
  return (
    <TimelineSection
      timeline={useMistakeTimeline(mistakeId)}
      timeZone={useTimeZone()}
      titleId="timeline-title"
      emptyTitle="Nothing recorded yet"
      emptyDescription="Every step of the recovery is recorded here."
      label="Mistake timeline, oldest first"
    />
  );
}

/** One mistake: its stage, the facts, the recovery guide (each step in one place), learning and timeline. */
export function MistakeDetailPage() {
  const { mistakeId = '' } = useParams();
  const timeZone = useTimeZone();
  const mistake = useMistake(mistakeId);
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  if (mistake.isPending) return <LoadingBlock label="Loading mistake…" />;
  if (mistake.isError) {
    return (
      <>
        <PageHeader title="Mistake" crumbs={[{ label: 'Mistakes', to: '/mistakes' }]} />
        <ErrorBlock
          error={mistake.error}
          title="This mistake could not be loaded"
          onRetry={() => void mistake.refetch()}
        />
      </>
    );
  }
  const m = mistake.data;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Mistakes', to: '/mistakes' }]}
        title={
          <>
            <Text span inherit c="dimmed" ff="monospace" fw={600}>
              {m.ref}
            </Text>{' '}
            {m.title}
          </>
        }
        badges={
          <>
            <StageBadge stage={m.stage} />
            {m.regressed && <RegressedBadge />}
            <SeverityBadge severity={m.severity} />
          </>
        }
        description={
          <>
            <Anchor component={Link} to={`/clients/${m.clientId}`} fz="sm" underline="always">
              {m.clientName}
            </Anchor>{' '}
            · found {formatDateTime(m.foundAt, timeZone)} by {finderLabels[m.foundBy].toLowerCase()}
          </>
        }
        actions={
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={openEdit}>
            Edit details
          </Button>
        }
      />
      <EditMistakeDialog mistake={m} opened={editing} onClose={closeEdit} />
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-label="Recovery stages">
          <StageTrack stage={m.stage} reachedAt={reachedTimes(m)} timeZone={timeZone} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-label="What happened">
          <Stack gap="md">
            <Detail label="What happened">
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} c={m.description ? undefined : 'dimmed'}>
                {m.description ?? 'No description yet.'}
              </Text>
            </Detail>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
              <Detail label="Category">{categoryLabels[m.category]}</Detail>
              <Detail label="Impact">
                {m.impact.amountMinor > 0 ? (
                  formatMoney(m.impact)
                ) : (
                  <Text span fz="sm" c="dimmed">
                    not set
                  </Text>
                )}
              </Detail>
              <Detail label="Happened">{formatDateTime(m.happenedAt, timeZone)}</Detail>
              <Detail label="Found">{formatDateTime(m.foundAt, timeZone)}</Detail>
            </SimpleGrid>
          </Stack>
        </Paper>
        <MistakeRecovery mistakeId={m.id} />
        <CheckInsSection mistakeId={m.id} clientId={m.clientId} fixed={m.reached.fixed !== null} />
        <LearnSection mistakeId={m.id} clientId={m.clientId} />
        <MistakeTimeline mistakeId={m.id} />
      </Stack>
    </>
  );
}
