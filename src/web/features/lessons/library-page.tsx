import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { causeCategories, effectivenessStates } from '../../../shared/contract/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { categoryOptions, options } from '../../lib/labels.ts';
import { useClients } from '../clients/api.ts';
import { causeLabels } from '../learning/labels.ts';
import { useLessonLibrary } from './api.ts';
import { effectivenessLabels, LessonCard } from './lesson-card.tsx';

const any = (label: string) => ({ value: '', label });

/** The lessons library: every lesson of the team, searchable, so nobody learns the same thing twice. */
export function LibraryPage() {
  const clients = useClients();
  const [q, setQ] = useState('');
  const [clientId, setClientId] = useState('');
  const [category, setCategory] = useState('');
  const [cause, setCause] = useState('');
  const [effective, setEffective] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const lessons = useLessonLibrary({ q: debounced.trim(), clientId, category, cause, effective });
  const filtered = Boolean(debounced.trim() || clientId || category || cause || effective);
  return (
    <>
      <PageHeader
        title="Lessons"
        description="Smart people learn from their mistakes; the smartest learn from the mistakes of others. Search what the whole team has learned."
      />
      <Stack gap="md">
        <Stack gap="sm">
          <TextInput
            label="Search"
            placeholder="short code, proof, late…"
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            maxLength={200}
          />
          {/* Two filters a row on a phone, all four on one row from a tablet up. */}
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <NativeSelect
              label="Client"
              value={clientId}
              onChange={(e) => setClientId(e.currentTarget.value)}
              data={[any('Every client'), ...(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            />
            <NativeSelect
              label="Category"
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value)}
              data={[any('Any category'), ...categoryOptions]}
            />
            <NativeSelect
              label="Cause"
              value={cause}
              onChange={(e) => setCause(e.currentTarget.value)}
              data={[any('Any cause'), ...options(causeCategories, causeLabels)]}
            />
            <NativeSelect
              label="Actions"
              value={effective}
              onChange={(e) => setEffective(e.currentTarget.value)}
              data={[any('Any outcome'), ...options(effectivenessStates, effectivenessLabels)]}
            />
          </SimpleGrid>
        </Stack>
        {lessons.isPending ? (
          <LoadingBlock label="Searching the lessons…" />
        ) : lessons.isError ? (
          <ErrorBlock error={lessons.error} onRetry={() => void lessons.refetch()} />
        ) : lessons.data.length === 0 ? (
          <EmptyBlock
            icon={<IconBulb size={28} />}
            title={filtered ? 'No lesson matches' : 'No lessons yet'}
            description={
              filtered
                ? 'Try fewer or shorter words; word beginnings match ("proo" finds proofs).'
                : 'Write a lesson from a mistake, in its Learn section: what let it through, and the check that stops it next time.'
            }
          />
        ) : (
          <Stack gap="sm" aria-label="Lessons found">
            <Text fz="sm" c="dimmed">
              {lessons.data.length} lesson{lessons.data.length === 1 ? '' : 's'}
              {debounced.trim() ? `, best match first` : ', newest first'}
            </Text>
            {lessons.data.map((l) => (
              <LessonCard key={l.id} lesson={l} showMistake />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
