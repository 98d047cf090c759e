import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PasswordResetConfirm, SessionInfo } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage, looksLikeEmail } from '../../lib/forms.ts';
import { AuthCard } from './auth-card.tsx';
import { AskNewResetLink, linkProblem, LinkProblem, PasswordHint, useStartSession } from './link-pages.tsx';

/** /reset/:token — a member sets a new password from the mailed link and lands signed in. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: ['password-reset-preview', token],
    queryFn: () => api.get<{ expiresAt: string }>(`/auth/password-reset/${encodeURIComponent(token)}`),
    retry: false,
  });
  if (preview.isPending) {
    return (
      <AuthCard title="Set a new password" subtitle="Checking your link…">
        <LoadingBlock label="Checking the link…" />
      </AuthCard>
    );
  }
  if (preview.isError) {
    const problem = linkProblem(preview.error, 'reset');
    return (
      <AuthCard title="Set a new password" subtitle="This link cannot be used.">
        {problem ? (
          <LinkProblem problem={problem} action={<AskNewResetLink />} />
        ) : (
          <ErrorBlock error={preview.error} onRetry={() => void preview.refetch()} />
        )}
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Set a new password"
      subtitle="Choose a new password. You will be signed out everywhere else and signed in here."
    >
      <ResetForm token={token} />
    </AuthCard>
  );
}

function ResetForm({ token }: { token: string }) {
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reset = useMutation({
    mutationFn: (body: PasswordResetConfirm) => api.post<SessionInfo>('/auth/password-reset/confirm', body),
    onSuccess: (session) => {
      startSession(session);
      void navigate('/', { replace: true });
    },
  });
  const apiErrors = apiFieldErrors(reset.error);
  const problem = linkProblem(reset.error, 'reset');
  if (problem && !apiErrors['newPassword']) return <LinkProblem problem={problem} action={<AskNewResetLink />} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 10) {
      setError('Use at least 10 characters');
      return;
    }
    setError(undefined);
    reset.mutate({ token, newPassword: password });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Set a new password">
      <Stack gap="md">
        <Stack gap={4}>
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            autoFocus
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setError(undefined);
            }}
            error={error ?? fieldMessage(apiErrors['newPassword'])}
          />
          <PasswordHint />
        </Stack>
        {!apiErrors['newPassword'] && <FormError error={reset.error} />}
        <Button type="submit" loading={reset.isPending} fullWidth size="md">
          Set password and sign in
        </Button>
      </Stack>
    </form>
  );
}

/** /forgot-password — asks for a reset link; the answer is the same whether or not the email is known. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const request = useMutation({
    mutationFn: (body: { email: string }) =>
      api.post<{ status: 'accepted'; message: string }>('/auth/password-reset', body),
  });
  const apiErrors = apiFieldErrors(request.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!looksLikeEmail(email)) {
      setError('Enter the email address you sign in with');
      return;
    }
    setError(undefined);
    request.mutate({ email: email.trim() });
  };
  return (
    <AuthCard title="Forgot your password?" subtitle="We will email you a link to choose a new one.">
      {request.isSuccess ? (
        <Stack gap="md">
          <Text role="status">{request.data.message}</Text>
          <Anchor component={Link} to="/sign-in" fz="sm">
            Back to sign-in
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Ask for a reset link">
          <Stack gap="md">
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              autoFocus
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                setError(undefined);
              }}
              error={error ?? fieldMessage(apiErrors['email'])}
            />
            {!apiErrors['email'] && <FormError error={request.error} />}
            <Button type="submit" loading={request.isPending} fullWidth size="md">
              Email me a link
            </Button>
            <Anchor component={Link} to="/sign-in" fz="sm" ta="center">
              Back to sign-in
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
