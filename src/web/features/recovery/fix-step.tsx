import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarCheck, IconCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { RecoverySummary } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { CommitmentStatusBadge } from '../../components/badges.tsx';
import { FormError } from '../../components/states.tsx';
import { formatDateTime, formatRelative, inputToIso, isoToInput } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { useAddFixCommitment, useCompleteCommitment } from './api.ts';

function PromiseFixForm({ mistakeId }: { mistakeId: string }) {
  const timeZone = useTimeZone();
  const add = useAddFixCommitment(mistakeId);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => isoToInput(new Date(Date.now() + 24 * 3_600_000).toISOString(), timeZone));
  const [localError, setLocalError] = useState<string | null>(null);
  const fieldErrors = apiFieldErrors(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const dueAt = inputToIso(due, timeZone);
    if (!dueAt) {
      setLocalError('Choose a date and time');
      return;
    }
    setLocalError(null);
    add.mutate({ title: title.trim(), dueAt });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Fix timeline">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          Give the client a reasonable timeline, then make it happen: the fix is a commitment with a due time, and you
          are reminded before it slips.
        </Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="What will be fixed"
            placeholder="Reprint the posters with the right short code"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldMessage(fieldErrors['title'])}
            style={{ flex: 1, minWidth: 240 }}
          />
          <TextInput
            type="datetime-local"
            label={`Due (${timeZone})`}
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={localError ?? fieldMessage(fieldErrors['dueAt'])}
            w={230}
          />
        </Group>
        <FormError error={add.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} disabled={!title.trim()}>
            Promise the fix
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Fix it on a timeline: the fix commitment, its due time, and completing it. */
export function FixStep({ summary }: { summary: RecoverySummary }) {
  const timeZone = useTimeZone();
  const complete = useCompleteCommitment();
  const fix = summary.fixCommitment;
  if (!fix) return <PromiseFixForm mistakeId={summary.mistakeId} />;
  const late = fix.status === 'open' && new Date(fix.dueAt).getTime() < Date.now();
  return (
    <Stack gap="sm">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Group gap={6}>
              <IconCalendarCheck size={18} />
              <Text fw={600}>{fix.title}</Text>
              <CommitmentStatusBadge status={fix.status} />
              {late && <Badge color="red">Overdue</Badge>}
            </Group>
            <Text fz="sm" c={late ? 'red' : 'dimmed'}>
              {fix.status === 'done' && fix.completedAt
                ? `Done ${formatDateTime(fix.completedAt, timeZone)} (due ${formatDateTime(fix.dueAt, timeZone)})`
                : `Due ${formatDateTime(fix.dueAt, timeZone)} (${formatRelative(fix.dueAt)})`}
            </Text>
          </Stack>
          {fix.status === 'open' && (
            <Button
              color="green"
              leftSection={<IconCheck size={16} />}
              loading={complete.isPending}
              onClick={() => complete.mutate(fix.id)}
            >
              Mark the fix done
            </Button>
          )}
        </Group>
      </Paper>
      {fix.status === 'missed' && (
        <Text fz="sm" c="red">
          This fix commitment was missed, which is itself a new mistake. Promise a new date below.
        </Text>
      )}
      <FormError error={complete.error} />
      {fix.status === 'missed' && <PromiseFixForm mistakeId={summary.mistakeId} />}
    </Stack>
  );
}
