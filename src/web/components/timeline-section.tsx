import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { TimelineEvent } from '../../shared/contract/index.ts';
import { EventTimeline } from './event-timeline.tsx';
import { EmptyBlock, ErrorBlock, LoadingBlock } from './states.tsx';

/**
 * A "Timeline" card over a timeline query: loading, error with retry, empty, or the events; over a
 * paged (infinite) query, a "Load more" button while there are older pages.
 */
export function TimelineSection(props: {
  timeline: UseQueryResult<TimelineEvent[]> | UseInfiniteQueryResult<TimelineEvent[]>;
  timeZone: string;
  /** Id of the heading (the section is labelled by it). */
  titleId: string;
  emptyTitle: string;
  emptyDescription: string;
  /** Accessible name of the event list. */
  label: string;
  /** Show the newest event first (the API returns oldest first). */
  newestFirst?: boolean;
}) {
  const { timeline } = props;
  const paged = 'fetchNextPage' in timeline ? timeline : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={props.titleId}>
      <Stack gap="md">
        <Title order={2} fz="lg" id={props.titleId}>
          Timeline
        </Title>
        {timeline.isPending ? (
          <LoadingBlock label="Loading timeline…" />
        ) : timeline.isError ? (
          <ErrorBlock error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : timeline.data.length === 0 ? (
          <EmptyBlock
            compact
            icon={<IconHistory size={28} />}
            title={props.emptyTitle}
            description={props.emptyDescription}
          />
        ) : (
          <EventTimeline
            events={props.newestFirst ? [...timeline.data].reverse() : timeline.data}
            timeZone={props.timeZone}
            label={props.label}
          />
        )}
        {paged?.hasNextPage && (
          <Group justify="center">
            <Button
              variant="light"
              size="xs"
              loading={paged.isFetchingNextPage}
              onClick={() => void paged.fetchNextPage()}
            >
              Load more
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
