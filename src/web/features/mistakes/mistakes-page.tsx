import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MistakeCategory, RecoveryStage, Severity } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { inputToIso } from '../../lib/dates.ts';
import { categoryOptions, severityOptions, stageOptions } from '../../lib/labels.ts';
import { useClients } from '../clients/api.ts';
import { countLabel, useMistakePages, type MistakeListFilter } from './api.ts';
import { MistakesTable } from './mistakes-table.tsx';

const PAGE_SIZE = 25;
const FILTER_KEYS = ['clientId', 'stage', 'severity', 'category', 'from', 'to', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const any = (label: string) => ({ value: '', label });

/** The URL's filter parameters as an API filter ("from"/"to" are whole days in the workspace zone). */
export function filterFromParams(params: URLSearchParams, timeZone: string): MistakeListFilter {
  const get = (key: string) => params.get(key) || undefined;
  const from = get('from');
  const to = get('to');
  const toStart = to ? inputToIso(to, timeZone) : null;
  return {
    clientId: get('clientId'),
    stage: get('stage') as RecoveryStage | undefined,
    severity: get('severity') as Severity | undefined,
    category: get('category') as MistakeCategory | undefined,
    from: (from && inputToIso(from, timeZone)) || undefined,
    // "to" includes the whole day: up to one millisecond before the next midnight.
    to: toStart ? new Date(new Date(toStart).getTime() + 86_400_000 - 1).toISOString() : undefined,
    q: get('q'),
    limit: PAGE_SIZE,
  };
}

/** Every mistake, filtered by client, stage, severity, category, found date and text; shown as MG-n. */
export function MistakesPage() {
  const timeZone = useTimeZone();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params, timeZone);
  const mistakes = useMistakePages(filter);
  const clients = useClients();
  const [text, setText] = useState(params.get('q') ?? '');

  const setFilter = (key: FilterKey, value: string) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  };
  const setQuery = useDebouncedCallback((value: string) => setFilter('q', value.trim()), 300);
  const active = FILTER_KEYS.some((key) => params.get(key));
  const activeCount = FILTER_KEYS.filter((key) => key !== 'q' && params.get(key)).length;
  // On a phone the six filters fold behind one button, so the list stays in view.
  const small = useMediaQuery('(max-width: 36em)') ?? false;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const first = mistakes.data?.pages[0];
  const items = mistakes.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Mistakes"
        description="Every mistake that reached a client, and how far its recovery has come."
      />
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-label="Filters">
          <Stack gap="sm">
            <TextInput
              leftSection={<IconSearch size={16} />}
              label="Search"
              placeholder="Words in the title or description, or a number like MG-12"
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setQuery(e.currentTarget.value);
              }}
            />
            {small && (
              <Button variant="light" size="xs" onClick={() => setFiltersOpen((o) => !o)} aria-expanded={filtersOpen}>
                {filtersOpen ? 'Hide filters' : `Filters${activeCount ? ` (${activeCount})` : ''}`}
              </Button>
            )}
            {(!small || filtersOpen) && (
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
                <NativeSelect
                  label="Client"
                  value={params.get('clientId') ?? ''}
                  onChange={(e) => setFilter('clientId', e.currentTarget.value)}
                  data={[any('All clients'), ...(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
                />
                <NativeSelect
                  label="Stage"
                  value={params.get('stage') ?? ''}
                  onChange={(e) => setFilter('stage', e.currentTarget.value)}
                  data={[any('Any stage'), ...stageOptions]}
                />
                <NativeSelect
                  label="Severity"
                  value={params.get('severity') ?? ''}
                  onChange={(e) => setFilter('severity', e.currentTarget.value)}
                  data={[any('Any severity'), ...severityOptions]}
                />
                <NativeSelect
                  label="Category"
                  value={params.get('category') ?? ''}
                  onChange={(e) => setFilter('category', e.currentTarget.value)}
                  data={[any('Any category'), ...categoryOptions]}
                />
                <TextInput
                  label="Found from"
                  type="date"
                  value={params.get('from') ?? ''}
                  onChange={(e) => setFilter('from', e.currentTarget.value)}
                />
                <TextInput
                  label="Found until"
                  type="date"
                  value={params.get('to') ?? ''}
                  onChange={(e) => setFilter('to', e.currentTarget.value)}
                />
              </SimpleGrid>
            )}
            {active && (
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconFilterOff size={14} />}
                  onClick={() => {
                    setText('');
                    setParams(new URLSearchParams(), { replace: true });
                  }}
                >
                  Clear filters
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>

        {mistakes.isPending ? (
          <LoadingBlock label="Loading mistakes…" />
        ) : mistakes.isError ? (
          <ErrorBlock error={mistakes.error} onRetry={() => void mistakes.refetch()} />
        ) : items.length === 0 ? (
          active ? (
            <EmptyBlock
              icon={<IconSearch size={28} />}
              title="No mistake matches these filters"
              description="Loosen a filter or clear them all."
            />
          ) : (
            <EmptyBlock
              icon={<IconAlertTriangle size={28} />}
              title="No mistakes logged yet"
              description="When something goes wrong for a client, log it here first: the sooner it is owned, the better the recovery."
              action={
                <Button component={Link} to="/mistakes/new" color="red" leftSection={<IconPlus size={16} />}>
                  Log a mistake
                </Button>
              }
            />
          )
        ) : (
          <Paper withBorder>
            <Group justify="space-between" px="md" pt="sm">
              <Text fz="sm" c="dimmed" aria-live="polite">
                {first ? countLabel(first) : ''}
                {active ? ' match' : ''}
                {items.length < (first?.total ?? 0) || mistakes.hasNextPage ? ` · showing ${items.length}` : ''}
              </Text>
            </Group>
            <MistakesTable mistakes={items} timeZone={timeZone} />
            {mistakes.hasNextPage && (
              <Group justify="center" p="md">
                <Button
                  variant="light"
                  loading={mistakes.isFetchingNextPage}
                  onClick={() => void mistakes.fetchNextPage()}
                >
                  Load more
                </Button>
              </Group>
            )}
          </Paper>
        )}
      </Stack>
    </>
  );
}
