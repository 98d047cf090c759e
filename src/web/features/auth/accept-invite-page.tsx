import { Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AcceptInvitationInput, InvitationPreview, SessionInfo } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { AuthCard } from './auth-card.tsx';
import { linkProblem, LinkProblem, PasswordHint, useStartSession } from './link-pages.tsx';

const roleWords: Record<InvitationPreview['role'], string> = {
  admin: 'Admin: records and recovers mistakes, approves remedies, changes settings and manages people.',
  member: 'Member: records and recovers mistakes.',
  viewer: 'Viewer: reads everything, changes nothing.',
};

/** /invite/:token — the invitee chooses their name and password and lands signed in. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => api.get<InvitationPreview>(`/invitations/accept/${encodeURIComponent(token)}`),
    retry: false,
  });

  if (preview.isPending) {
    return (
      <AuthCard title="Join a workspace" subtitle="Opening your invitation…">
        <LoadingBlock label="Checking the invitation…" />
      </AuthCard>
    );
  }
  if (preview.isError) {
    const problem = linkProblem(preview.error, 'invitation');
    return (
      <AuthCard title="Join a workspace" subtitle="This link cannot be used.">
        {problem ? (
          <LinkProblem problem={problem} />
        ) : (
          <ErrorBlock error={preview.error} onRetry={() => void preview.refetch()} />
        )}
      </AuthCard>
    );
  }
  const invitation = preview.data;
  return (
    <AuthCard
      title={`Join ${invitation.workspaceName}`}
      subtitle={
        <>
          {invitation.invitedByName} invited <strong>{invitation.email}</strong> to makegood. Choose your name and a
          password to finish.
        </>
      }
    >
      <AcceptForm token={token} invitation={invitation} />
    </AuthCard>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ name?: string | undefined; password?: string | undefined }>({});
  const accept = useMutation({
    mutationFn: (body: AcceptInvitationInput) => api.post<SessionInfo>('/invitations/accept', body),
    onSuccess: (session) => {
      startSession(session);
      void navigate('/', { replace: true });
    },
  });
  const apiErrors = apiFieldErrors(accept.error);
  const problem = linkProblem(accept.error, 'invitation');
  if (problem && !apiErrors['password'] && !apiErrors['name']) return <LinkProblem problem={problem} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = 'Enter your name as your team knows it';
    if (password.length < 10) found.password = 'Use at least 10 characters';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    accept.mutate({ token, name: name.trim(), password });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Accept the invitation">
      <Stack gap="md">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {invitation.role}
          </Badge>
          <Text fz="sm" c="dimmed">
            {roleWords[invitation.role]}
          </Text>
        </Group>
        <TextInput label="Email" value={invitation.email} readOnly disabled />
        <TextInput
          label="Your name"
          autoComplete="name"
          required
          autoFocus
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setErrors((x) => ({ ...x, name: undefined }));
          }}
          error={errors.name ?? fieldMessage(apiErrors['name'])}
        />
        <Stack gap={4}>
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setErrors((x) => ({ ...x, password: undefined }));
            }}
            error={errors.password ?? fieldMessage(apiErrors['password'])}
          />
          <PasswordHint />
        </Stack>
        {!apiErrors['password'] && !apiErrors['name'] && <FormError error={accept.error} />}
        <Button type="submit" loading={accept.isPending} fullWidth size="md">
          Join {invitation.workspaceName}
        </Button>
        <Text fz="xs" c="dimmed" ta="center">
          This invitation works once and until {formatDate(invitation.expiresAt, 'UTC')}.
        </Text>
      </Stack>
    </form>
  );
}
