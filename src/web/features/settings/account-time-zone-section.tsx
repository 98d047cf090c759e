import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import type { AccountTimeZone, AccountTimeZoneInput } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { sessionKey, useSession } from '../../app/session.tsx';
import { FormError } from '../../components/states.tsx';
import { timeZoneOptions } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';

const WORKSPACE = '';

/** Your own time zone (every member): times show and are entered in it instead of the workspace's. */
export function AccountTimeZoneSection() {
  const session = useSession();
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZoneOptions(), []);
  const [zone, setZone] = useState(session.user.timezone ?? WORKSPACE);
  const save = useMutation({
    mutationFn: (body: AccountTimeZoneInput) => api.put<AccountTimeZone>('/account/timezone', body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: sessionKey });
      notifications.show({ color: 'green', title: 'Time zone saved', message: `Times now show in ${saved.effective}.` });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ timezone: zone === WORKSPACE ? null : zone });
  };
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-label="Your time zone">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} fz="lg">
              Your time zone
            </Title>
            <Text c="dimmed" fz="sm">
              Times are stored in UTC and shown to you in this zone. The workspace&apos;s is{' '}
              {session.workspace.timezone}.
            </Text>
          </div>
          <NativeSelect
            label="Show my times in"
            data={[
              { value: WORKSPACE, label: `The workspace's zone (${session.workspace.timezone})` },
              ...zones,
            ]}
            value={zone}
            onChange={(e) => setZone(e.currentTarget.value)}
            error={fieldMessage(apiFieldErrors(save.error)['timezone'])}
            maw={420}
          />
          <FormError error={Object.keys(apiFieldErrors(save.error)).length ? null : save.error} />
          <Group>
            <Button type="submit" variant="light" loading={save.isPending}>
              Save my time zone
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
