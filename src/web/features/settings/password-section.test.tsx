import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/contract/index.ts';
import { renderApp, testSession, validationError, type RecordedCall } from '../../test-utils.tsx';

const base = {
  'GET /api/settings': { body: defaultSettings() },
  'GET /api/members': { body: { items: [] } },
};

const section = () => screen.findByRole('region', { name: 'Your password' });

describe('your password (settings)', () => {
  it('checks the fields, sends current and new password, and keeps the new CSRF token for the next change', async () => {
    const { user, sent } = renderApp('/settings', {
      ...base,
      'POST /api/account/password': () => ({ body: { ...testSession, csrfToken: 'csrf-fresh' } }),
      'PATCH /api/settings': (call: RecordedCall) => ({ body: call.body }),
    });
    const form = await section();
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(within(form).getByText('Enter your current password')).toBeInTheDocument();
    expect(
      within(form).getByText('At least 10 characters', { selector: '.mantine-InputWrapper-error' }),
    ).toBeInTheDocument();
    expect(sent('POST', '/api/account/password')).toHaveLength(0);

    await user.type(within(form).getByLabelText(/Current password/), 'correct horse battery');
    await user.type(within(form).getByLabelText(/^New password/), 'lantern orchard whistle');
    await user.type(within(form).getByLabelText(/Repeat the new password/), 'lantern orchard whistles');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(within(form).getByText('The two new passwords differ')).toBeInTheDocument();
    expect(sent('POST', '/api/account/password')).toHaveLength(0);

    await user.type(within(form).getByLabelText(/^New password/), 's');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(sent('POST', '/api/account/password')).toHaveLength(1));
    const call = sent('POST', '/api/account/password')[0]!;
    expect(call.body).toEqual({ currentPassword: 'correct horse battery', newPassword: 'lantern orchard whistles' });
    expect(call.headers['x-csrf-token']).toBe('csrf-123');
    expect(await screen.findByText(/your other sessions were signed out/)).toBeInTheDocument();
    await waitFor(() => expect(within(form).getByLabelText(/Current password/)).toHaveValue(''));

    // The next change made from this page carries the fresh session's CSRF token.
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(sent('PATCH', '/api/settings')).toHaveLength(1));
    expect(sent('PATCH', '/api/settings')[0]?.headers['x-csrf-token']).toBe('csrf-fresh');
  });

  it("shows the API's reasons on the fields: wrong current password, guessable new one", async () => {
    let answer = validationError([{ field: 'currentPassword', message: 'is not your current password' }]);
    const { user } = renderApp('/settings', { ...base, 'POST /api/account/password': () => answer });
    const form = await section();
    await user.type(within(form).getByLabelText(/Current password/), 'wrong one here');
    await user.type(within(form).getByLabelText(/^New password/), 'aaaaaaaaaa');
    await user.type(within(form).getByLabelText(/Repeat the new password/), 'aaaaaaaaaa');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    const current = within(form).getByLabelText(/Current password/);
    await waitFor(() => expect(current).toHaveAccessibleDescription(/Is not your current password/));

    answer = validationError([
      { field: 'newPassword', message: 'Repeated characters like "aaa" are easy to guess. Add more words.' },
    ]);
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    const next = within(form).getByLabelText(/^New password/);
    await waitFor(() => expect(next).toHaveAccessibleDescription(/Repeated characters like "aaa" are easy to guess/));
  });

  it('says when to try again after too many wrong current passwords', async () => {
    const { user } = renderApp('/settings', {
      ...base,
      'POST /api/account/password': {
        status: 429,
        body: {
          error: {
            code: 'rate_limited',
            message: 'Too many wrong current passwords; try again in 60 s.',
            details: { retryAfterSeconds: 60 },
            requestId: 'r1',
          },
        },
      },
    });
    const form = await section();
    await user.type(within(form).getByLabelText(/Current password/), 'wrong one here');
    await user.type(within(form).getByLabelText(/^New password/), 'lantern orchard whistle');
    await user.type(within(form).getByLabelText(/Repeat the new password/), 'lantern orchard whistle');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('try again in 60 s');
  });
});
