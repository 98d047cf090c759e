import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { ChangePasswordInput, SessionInfo } from '../../../shared/contract/index.ts';
import { api, setCsrfToken } from '../../api/client.ts';
import { sessionKey } from '../../app/session.tsx';
import { FormError } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';

const empty = { currentPassword: '', newPassword: '', confirm: '' };

/** Changing your own password (every member): signs out your other sessions, keeps this one. */
export function PasswordSection() {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(empty);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const change = useMutation({
    mutationFn: (body: ChangePasswordInput) => api.post<SessionInfo>('/account/password', body),
    onSuccess: (session) => {
      // This browser got a fresh session (new cookie and CSRF token).
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
      setDraft(empty);
      notifications.show({
        color: 'green',
        title: 'Password changed',
        message: 'You stay signed in here; your other sessions were signed out.',
      });
    },
  });
  const server = apiFieldErrors(change.error);
  const err = (field: 'currentPassword' | 'newPassword' | 'confirm') =>
    local[field] ?? fieldMessage(field === 'confirm' ? undefined : server[field]);
  const set = (field: keyof typeof empty) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setLocal((l) => ({ ...l, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string | undefined> = {};
    if (!draft.currentPassword) problems.currentPassword = 'Enter your current password';
    if (draft.newPassword.length < 10) problems.newPassword = 'At least 10 characters';
    if (draft.confirm !== draft.newPassword) problems.confirm = 'The two new passwords differ';
    setLocal(problems);
    if (Object.values(problems).some(Boolean)) return;
    change.mutate({ currentPassword: draft.currentPassword, newPassword: draft.newPassword });
  };

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-label="Your password">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} fz="lg">
              Your password
            </Title>
            <Text c="dimmed" fz="sm">
              Change the password you sign in with. Your other sessions are signed out; this one continues.
            </Text>
          </div>
          {change.error !== null && Object.keys(server).length === 0 && <FormError error={change.error} />}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={draft.currentPassword}
            onChange={(e) => set('currentPassword')(e.currentTarget.value)}
            error={err('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 10 characters; a few unrelated words work well"
            autoComplete="new-password"
            required
            value={draft.newPassword}
            onChange={(e) => set('newPassword')(e.currentTarget.value)}
            error={err('newPassword')}
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            required
            value={draft.confirm}
            onChange={(e) => set('confirm')(e.currentTarget.value)}
            error={err('confirm')}
          />
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconKey size={16} />} loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
