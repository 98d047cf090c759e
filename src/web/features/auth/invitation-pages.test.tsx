import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InvitationPreview, SessionInfo } from '../../../shared/contract/index.ts';
import { renderApp, testSession, validationError } from '../../test-utils.tsx';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz012345678';
const preview: InvitationPreview = {
  email: 'jo@northwind.example',
  role: 'member',
  workspaceName: 'Northwind Studio',
  invitedByName: 'Dana Reyes',
  expiresAt: '2026-03-09T09:00:00.000Z',
};
const joSession: SessionInfo = {
  ...testSession,
  user: { id: 'u7', name: 'Jo Park', email: 'jo@northwind.example', timezone: null },
  role: 'member',
  csrfToken: 'csrf-jo',
};
const signedOut = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Sign in first.', requestId: 'r' } },
};
const refused = (status: number, code: string) => ({
  status,
  body: { error: { code, message: code, requestId: 'r' } },
});
const emptyMistakes = { body: { items: [], total: 0 } };

describe('accepting an invitation', () => {
  it('shows who invited which email, checks the fields, then signs the invitee in and opens the app', async () => {
    let joined = false;
    const { user, router, sent } = renderApp(`/invite/${TOKEN}`, {
      'GET /api/session': () => (joined ? { body: joSession } : signedOut),
      [`GET /api/invitations/accept/${TOKEN}`]: { body: preview },
      'POST /api/invitations/accept': () => {
        joined = true;
        return { body: joSession };
      },
      'GET /api/mistakes': emptyMistakes,
    });
    expect(await screen.findByRole('heading', { name: 'Join Northwind Studio' })).toBeInTheDocument();
    expect(screen.getByText(/Dana Reyes invited/)).toHaveTextContent('jo@northwind.example');
    expect(screen.getByText(/Member: records and recovers mistakes/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Join Northwind Studio' }));
    expect(screen.getByText('Enter your name as your team knows it')).toBeInTheDocument();
    expect(screen.getByText('Use at least 10 characters')).toBeInTheDocument();
    expect(sent('POST', '/api/invitations/accept')).toHaveLength(0);

    await user.type(screen.getByLabelText(/Your name/), ' Jo Park ');
    await user.type(screen.getByLabelText(/^Password/), 'lantern orchard whistle');
    await user.click(screen.getByRole('button', { name: 'Join Northwind Studio' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(sent('POST', '/api/invitations/accept')[0]?.body).toEqual({
      token: TOKEN,
      name: 'Jo Park',
      password: 'lantern orchard whistle',
    });
    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();
  });

  it("shows the API's reason under the password field when it is guessable", async () => {
    const { user } = renderApp(`/invite/${TOKEN}`, {
      [`GET /api/invitations/accept/${TOKEN}`]: { body: preview },
      'POST /api/invitations/accept': validationError([
        { field: 'password', message: 'This is a very common password. Use a few unrelated words.' },
      ]),
    });
    await user.type(await screen.findByLabelText(/Your name/), 'Jo Park');
    await user.type(screen.getByLabelText(/^Password/), 'password123');
    await user.click(screen.getByRole('button', { name: 'Join Northwind Studio' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription(/This is a very common password/),
    );
  });

  it.each([
    [410, 'invitation_used', 'This invitation was already used'],
    [410, 'invitation_expired', 'This invitation has expired'],
    [410, 'invitation_revoked', 'This invitation was withdrawn'],
    [404, 'invitation_token_invalid', 'This invitation link does not work'],
    [400, 'validation_failed', 'This invitation link does not work'],
  ])('a link answered %i %s says so plainly and offers sign-in', async (status, code, title) => {
    renderApp(`/invite/${TOKEN}`, {
      'GET /api/session': signedOut,
      [`GET /api/invitations/accept/${TOKEN}`]: refused(status, code),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(title);
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/sign-in');
    expect(screen.queryByLabelText(/Your name/)).toBeNull();
  });

  it('a link used up while the form was open (second accept) says it was already used', async () => {
    const { user } = renderApp(`/invite/${TOKEN}`, {
      [`GET /api/invitations/accept/${TOKEN}`]: { body: preview },
      'POST /api/invitations/accept': refused(410, 'invitation_used'),
    });
    await user.type(await screen.findByLabelText(/Your name/), 'Jo Park');
    await user.type(screen.getByLabelText(/^Password/), 'lantern orchard whistle');
    await user.click(screen.getByRole('button', { name: 'Join Northwind Studio' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation was already used');
  });
});

describe('password reset', () => {
  it('the sign-in page links to "Forgot your password?"; the answer is the same sentence for any email', async () => {
    const { user, router, sent } = renderApp('/sign-in', {
      'GET /api/session': signedOut,
      'POST /api/auth/password-reset': {
        status: 202,
        body: { status: 'accepted', message: 'If that email belongs to a member, a link is on its way.' },
      },
    });
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    expect(router.state.location.pathname).toBe('/forgot-password');
    await user.type(await screen.findByLabelText(/Email/), 'nobody');
    await user.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect(screen.getByText('Enter the email address you sign in with')).toBeInTheDocument();
    expect(sent('POST', '/api/auth/password-reset')).toHaveLength(0);
    await user.clear(screen.getByLabelText(/Email/));
    await user.type(screen.getByLabelText(/Email/), 'jo@northwind.example');
    await user.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('If that email belongs to a member');
    expect(sent('POST', '/api/auth/password-reset')[0]?.body).toEqual({ email: 'jo@northwind.example' });
  });

  it('sets a new password from the link and opens the app signed in', async () => {
    let done = false;
    const { user, router, sent } = renderApp(`/reset/${TOKEN}`, {
      'GET /api/session': () => (done ? { body: joSession } : signedOut),
      [`GET /api/auth/password-reset/${TOKEN}`]: { body: { expiresAt: '2026-03-02T10:00:00.000Z' } },
      'POST /api/auth/password-reset/confirm': () => {
        done = true;
        return { body: joSession };
      },
      'GET /api/mistakes': emptyMistakes,
    });
    expect(await screen.findByRole('heading', { name: 'Set a new password' })).toBeInTheDocument();
    await user.type(await screen.findByLabelText(/New password/), 'quartz meadow lantern 9');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(sent('POST', '/api/auth/password-reset/confirm')[0]?.body).toEqual({
      token: TOKEN,
      newPassword: 'quartz meadow lantern 9',
    });
  });

  it('an expired link says so and offers a new one', async () => {
    const { user, router } = renderApp(`/reset/${TOKEN}`, {
      'GET /api/session': signedOut,
      [`GET /api/auth/password-reset/${TOKEN}`]: refused(410, 'reset_token_expired'),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('This reset link has expired');
    await user.click(screen.getByRole('link', { name: 'Ask for a new link' }));
    expect(router.state.location.pathname).toBe('/forgot-password');
  });

  it('a guessable new password shows the reason under the field', async () => {
    const { user } = renderApp(`/reset/${TOKEN}`, {
      'GET /api/session': signedOut,
      [`GET /api/auth/password-reset/${TOKEN}`]: { body: { expiresAt: '2026-03-02T10:00:00.000Z' } },
      'POST /api/auth/password-reset/confirm': validationError([
        { field: 'newPassword', message: 'Repeated characters are easy to guess.' },
      ]),
    });
    await user.type(await screen.findByLabelText(/New password/), 'aaaaaaaaaaaa');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/New password/)).toHaveAccessibleDescription(/Repeated characters/),
    );
  });
});
