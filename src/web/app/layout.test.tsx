import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test-utils.tsx';

describe('signed-in layout', () => {
  it('shows the workspace, the main navigation and a skip link to the content', async () => {
    renderApp('/clients');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Mistakes', 'Clients', 'Workspace facts', 'Settings']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(within(nav).getByRole('link', { name: 'Clients' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('Northwind Studio')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main-content');
    for (const link of screen.getAllByRole('link', { name: 'Log a mistake' }))
      expect(link).toHaveAttribute('href', '/mistakes/new');
  });

  it('opens the log-a-mistake form with the "n" key', async () => {
    const { user, router } = renderApp('/clients');
    await screen.findByText('No clients yet');
    await user.keyboard('n');
    await waitFor(() => expect(router.state.location.pathname).toBe('/mistakes/new'));
  });

  it('signs out through the account menu and lands on sign-in', async () => {
    let signedIn = true;
    const { user, router, sent } = renderApp('/clients', {
      'GET /api/session': () =>
        signedIn
          ? {
              body: {
                user: { id: 'u1', name: 'Dana Reyes', email: 'dana@northwind.example' },
                workspace: { id: 'w1', name: 'Northwind Studio', timezone: 'UTC' },
                role: 'owner',
                csrfToken: 'csrf-123',
              },
            }
          : { status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in first.', requestId: 'r' } } },
      'DELETE /api/session': () => {
        signedIn = false;
        return { status: 204 };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Account menu for Dana Reyes' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(sent('DELETE', '/api/session')[0]?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('answers an unknown address with a not-found page inside the app', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByText('Page not found')).toBeInTheDocument();
  });
});
