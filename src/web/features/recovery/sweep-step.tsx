import { Anchor, Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { SweepItem, SweepItemKind, SweepList } from '../../../shared/contract/index.ts';
import { sweepItemKinds } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { useRecordSweep, useSweep } from './api.ts';

const kindTitles: Record<SweepItemKind, string> = {
  commitment: 'Open commitments',
  mistake: 'Other open mistakes',
  message: 'Messages not yet delivered',
  remedy: 'Remedies awaiting approval',
};

/** The API's detail with its UTC instants shown in the workspace's zone ("due 4 Dec 2026, 09:18"). */
function readableDetail(detail: string, timeZone: string): string {
  return detail.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g, (iso) => formatDateTime(iso, timeZone));
}

const itemKey = (item: { kind: string; id: string }) => `${item.kind}:${item.id}`;

function ItemLabel({ item }: { item: SweepItem }) {
  if (item.kind === 'mistake') {
    return (
      <Anchor component={Link} to={`/mistakes/${item.id}`} fz="sm">
        {item.label}
      </Anchor>
    );
  }
  if (item.kind === 'message') {
    return (
      <Anchor component={Link} to="/outbox" fz="sm">
        {item.label}
      </Anchor>
    );
  }
  return <>{item.label}</>;
}

/** The account sweep: every open thing on the client's account, each checked, then recorded. */
export function SweepStep({ mistakeId }: { mistakeId: string }) {
  const sweep = useSweep(mistakeId);
  if (sweep.isPending) return <LoadingBlock label="Loading the client's open items…" />;
  if (sweep.isError) return <ErrorBlock error={sweep.error} onRetry={() => void sweep.refetch()} />;
  return <SweepForm key={sweep.data.lastSweep?.id ?? 'none'} mistakeId={mistakeId} list={sweep.data} />;
}

function SweepForm({ mistakeId, list }: { mistakeId: string; list: SweepList }) {
  const timeZone = useTimeZone();
  const record = useRecordSweep(mistakeId);
  const [checked, setChecked] = useState<Set<string>>(
    () => new Set((list.lastSweep?.checked ?? []).map(itemKey).filter((k) => list.items.some((i) => itemKey(i) === k))),
  );
  const [note, setNote] = useState(list.lastSweep?.note ?? '');
  const fieldErrors = apiFieldErrors(record.error);
  const allChecked = list.items.length > 0 && list.items.every((i) => checked.has(itemKey(i)));

  const toggle = (key: string, on: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      checked: list.items.filter((i) => checked.has(itemKey(i))).map((i) => ({ kind: i.kind, id: i.id })),
      note: note.trim() || null,
    });
  };

  const last = list.lastSweep;
  return (
    <form onSubmit={submit} noValidate aria-label="Account sweep">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          Before you write to the client, check everything else open on their account, so nothing else surprises them.
        </Text>
        {last && (
          <Text fz="sm" role="status">
            Swept {formatDateTime(last.at, timeZone)}
            {last.by ? ` by ${last.by.name}` : ''}: {last.checked.length} checked
            {last.unchecked.length > 0 ? `, ${last.unchecked.length} left unchecked` : ''}.
          </Text>
        )}
        {list.items.length === 0 ? (
          <Paper withBorder p="md" radius="md">
            <Group gap="sm" wrap="nowrap">
              <IconListSearch size={22} color="var(--mantine-color-dimmed)" />
              <Text fz="sm">
                Nothing else is open on this account: no other commitments, mistakes, undelivered messages or pending
                remedies. Record the sweep to say you looked.
              </Text>
            </Group>
          </Paper>
        ) : (
          <Stack gap="sm">
            <Checkbox
              label={`Check all ${list.items.length}`}
              checked={allChecked}
              indeterminate={!allChecked && checked.size > 0}
              onChange={(e) =>
                setChecked(e.currentTarget.checked ? new Set(list.items.map(itemKey)) : new Set<string>())
              }
              fw={500}
            />
            {sweepItemKinds.map((kind) => {
              const items = list.items.filter((i) => i.kind === kind);
              if (items.length === 0) return null;
              return (
                <Stack key={kind} gap={6}>
                  <Title order={4} fz="sm" c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
                    {kindTitles[kind]} ({items.length})
                  </Title>
                  {items.map((item) => (
                    <Checkbox
                      key={itemKey(item)}
                      checked={checked.has(itemKey(item))}
                      onChange={(e) => toggle(itemKey(item), e.currentTarget.checked)}
                      aria-label={`Checked: ${item.label}`}
                      label={
                        <Stack gap={0}>
                          <Text fz="sm">
                            <ItemLabel item={item} />
                          </Text>
                          {item.detail && (
                            <Text fz="xs" c="dimmed">
                              {readableDetail(item.detail, timeZone)}
                            </Text>
                          )}
                        </Stack>
                      }
                    />
                  ))}
                </Stack>
              );
            })}
          </Stack>
        )}
        <Textarea
          label="Note"
          description="What you found or did (optional)."
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldMessage(fieldErrors['note'])}
        />
        <FormError error={record.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending} variant={last ? 'default' : 'filled'}>
            {last ? 'Record the sweep again' : 'Record the sweep'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
