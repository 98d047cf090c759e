import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconLinkOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SessionInfo } from '../../../shared/contract/index.ts';
import { ApiError, setCsrfToken } from '../../api/client.ts';
import { sessionKey, setupKey } from '../../app/session.tsx';

// What the public link pages (accept an invitation, reset a password) share: the message for a
// link that no longer works, and signing in with the session the API answered.

const linkProblems: Record<string, { title: string; body: string }> = {
  invitation_used: {
    title: 'This invitation was already used',
    body: 'Each invitation link works once. If you accepted it, sign in with the password you chose.',
  },
  invitation_expired: {
    title: 'This invitation has expired',
    body: 'Invitation links work for 7 days. Ask the person who invited you to send it again.',
  },
  invitation_revoked: {
    title: 'This invitation was withdrawn',
    body: 'Ask the workspace owner or an admin if you should still join.',
  },
  invitation_token_invalid: {
    title: 'This invitation link does not work',
    body: 'Check that you opened the whole link from the email. A newer invitation replaces an older link: use the latest email.',
  },
  reset_token_used: {
    title: 'This reset link was already used',
    body: 'Each link works once, and a newer link replaces older ones. Ask for a new link if you still need one.',
  },
  reset_token_expired: {
    title: 'This reset link has expired',
    body: 'Reset links work for one hour. Ask for a new one.',
  },
  reset_token_invalid: {
    title: 'This reset link does not work',
    body: 'Check that you opened the whole link from the email, or ask for a new one.',
  },
};

/** The message for a link the API refused (used, expired, revoked, unknown or malformed). */
export function linkProblem(error: unknown, kind: 'invitation' | 'reset'): { title: string; body: string } | null {
  if (!(error instanceof ApiError)) return null;
  const known = linkProblems[error.code];
  if (known) return known;
  // A malformed token (400 naming it) reads like an unknown link.
  if (error.status === 400 || error.status === 404) {
    return linkProblems[kind === 'invitation' ? 'invitation_token_invalid' : 'reset_token_invalid'] ?? null;
  }
  return null;
}

/** A refused link: what happened and where to go next. */
export function LinkProblem({ problem, action }: { problem: { title: string; body: string }; action?: ReactNode }) {
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" icon={<IconLinkOff size={18} />} title={problem.title} role="alert">
        {problem.body}
      </Alert>
      <Stack gap={4} align="flex-start">
        {action}
        <Anchor component={Link} to="/sign-in" fz="sm">
          Go to sign-in
        </Anchor>
      </Stack>
    </Stack>
  );
}

/** Stores a session the API answered (accept, reset) so the app opens signed in. */
export function useStartSession() {
  const queryClient = useQueryClient();
  return (session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    // Whatever was cached belonged to whoever was signed in before.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' && q.queryKey[0] !== 'session' });
    queryClient.setQueryData(setupKey, { needed: false });
    queryClient.setQueryData(sessionKey, session);
  };
}

/** A button back to the form for asking a new reset link. */
export function AskNewResetLink() {
  return (
    <Button component={Link} to="/forgot-password" variant="light" size="sm">
      Ask for a new link
    </Button>
  );
}

/** Small print under the password field. */
export function PasswordHint() {
  return (
    <Text fz="xs" c="dimmed">
      At least 10 characters. A few unrelated words are easy to remember and hard to guess.
    </Text>
  );
}
