import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, testSession, validationError } from '../../test-utils.tsx';

const emptyMistakes = { body: { items: [], total: 0 } };

describe('first-run setup', () => {
  it('sends a fresh install to setup, and names every missing field without calling the API', async () => {
    const { user, router, sent } = renderApp('/', { 'GET /api/setup': { body: { needed: true } } });
    expect(await screen.findByRole('heading', { name: 'Set up makegood' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/setup');

    await user.click(screen.getByRole('button', { name: 'Create workspace' }));
    expect(screen.getByText('Name your workspace (your business or team)')).toBeInTheDocument();
    expect(screen.getByText('Enter your name')).toBeInTheDocument();
    expect(screen.getByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('Use at least 10 characters')).toBeInTheDocument();
    expect(sent('POST', '/api/setup')).toHaveLength(0);
  });

  it("shows the API's field error under the field it names", async () => {
    const { user } = renderApp('/setup', {
      'GET /api/setup': { body: { needed: true } },
      'POST /api/setup': validationError([{ field: 'body.email', message: 'must be a valid email address' }]),
    });
    await user.type(await screen.findByLabelText(/Workspace name/), 'Northwind Studio');
    await user.type(screen.getByLabelText(/Your name/), 'Dana Reyes');
    await user.type(screen.getByLabelText(/Email/), 'dana@northwind.example');
    await user.type(screen.getByLabelText(/^Password/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create workspace' }));

    const email = screen.getByLabelText(/Email/);
    await waitFor(() => expect(email).toHaveAccessibleDescription(/Must be a valid email address/));
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need attention');
  });

  it('creates the workspace, signs in and opens the dashboard', async () => {
    const { user, router, sent } = renderApp('/setup', {
      'GET /api/setup': { body: { needed: true } },
      'GET /api/session': {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Sign in first.', requestId: 'r' } },
      },
      'POST /api/setup': { status: 201, body: testSession },
      'GET /api/mistakes': emptyMistakes,
    });
    await user.type(await screen.findByLabelText(/Workspace name/), ' Northwind Studio ');
    await user.type(screen.getByLabelText(/Your name/), 'Dana Reyes');
    await user.type(screen.getByLabelText(/Email/), 'dana@northwind.example');
    await user.type(screen.getByLabelText(/^Password/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create workspace' }));

    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(sent('POST', '/api/setup')[0]?.body).toMatchObject({
      workspaceName: 'Northwind Studio',
      ownerName: 'Dana Reyes',
      email: 'dana@northwind.example',
      password: 'correct horse battery',
    });
    expect(screen.getByText('Northwind Studio')).toBeInTheDocument();
  });
});

describe('sign-in', () => {
  it('sends a signed-out visitor to sign-in and back to where they were going', async () => {
    let signedIn = false;
    const { user, router } = renderApp('/clients', {
      'GET /api/session': () =>
        signedIn
          ? { body: testSession }
          : { status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in first.', requestId: 'r' } } },
      'POST /api/session': () => {
        signedIn = true;
        return { body: testSession };
      },
    });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');

    await user.type(screen.getByLabelText(/Email/), 'dana@northwind.example');
    await user.type(screen.getByLabelText(/^Password/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('No clients yet')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/clients');
  });

  it('says so when the password is wrong', async () => {
    const { user } = renderApp('/sign-in', {
      'GET /api/session': {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Sign in first.', requestId: 'r' } },
      },
      'POST /api/session': {
        status: 401,
        body: { error: { code: 'invalid_credentials', message: 'Wrong email or password.', requestId: 'r' } },
      },
    });
    await user.type(await screen.findByLabelText(/Email/), 'dana@northwind.example');
    await user.type(screen.getByLabelText(/^Password/), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });
});
