import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { WorkspaceSettings } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { FormError } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';

/** Parses "7, 30, 90" into 1–5 distinct whole days of 1–365; null otherwise. */
export function parseCheckInDays(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 1 || parts.length > 5 || parts.some((p) => !/^\d+$/u.test(p))) return null;
  const days = parts.map(Number);
  if (days.some((d) => d < 1 || d > 365) || new Set(days).size !== days.length) return null;
  return days;
}

/** Settings → "Check-ins after a fix": the days after the fix, and whether the satisfaction check is mailed by itself. */
export function CheckInSettingsSection({ initial, canEdit }: { initial: WorkspaceSettings; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [days, setDays] = useState(initial.checkIns.offsetsDays.join(', '));
  const [mode, setMode] = useState(initial.satisfaction.mode);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Pick<WorkspaceSettings, 'checkIns' | 'satisfaction'>) =>
      api.patch<WorkspaceSettings>('/settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings'], saved);
      notifications.show({
        color: 'green',
        title: 'Check-in settings saved',
        message: 'They apply to fixes done from now on.',
      });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseCheckInDays(days);
    setError(
      parsed ? null : 'Enter 1 to 5 different whole days between 1 and 365, separated by commas, e.g. 7, 30, 90',
    );
    if (parsed) save.mutate({ checkIns: { offsetsDays: parsed }, satisfaction: { mode } });
  };
  const apiErrors = apiFieldErrors(save.error);
  return (
    <Paper withBorder radius="md" p="lg" mb="md" component="section" aria-labelledby="check-in-settings-title">
      <form onSubmit={submit} noValidate aria-label="Check-in settings">
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            <div>
              <Title order={2} fz="lg" id="check-in-settings-title">
                Check-ins after a fix
              </Title>
              <Text c="dimmed" fz="sm">
                When a fix is done, makegood schedules check-ins with the client and reminds the client&apos;s owner
                when each is due. Afterwards it can ask the client how well it was put right.
              </Text>
            </div>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label="Check in after (days)"
                description="Comma-separated days after the fix"
                value={days}
                onChange={(e) => setDays(e.currentTarget.value)}
                error={error ?? fieldMessage(apiErrors['checkIns.offsetsDays'] ?? apiErrors['checkIns'])}
                style={{ minWidth: 220 }}
              />
              <NativeSelect
                label="Satisfaction check"
                description="“How well did we put this right?” by email"
                value={mode}
                onChange={(e) => setMode(e.currentTarget.value === 'automatic' ? 'automatic' : 'manual')}
                data={[
                  { value: 'manual', label: 'Ask by hand from the mistake page' },
                  { value: 'automatic', label: 'Mail it after the last check-in' },
                ]}
                style={{ minWidth: 220 }}
              />
            </Group>
            <FormError error={save.error} />
            {canEdit && (
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  Save check-in settings
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Paper>
  );
}
