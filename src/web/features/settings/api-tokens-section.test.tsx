import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type ApiTokenDto } from '../../../shared/contract/index.ts';
import { renderApp, testSession, validationError, type RecordedCall } from '../../test-utils.tsx';

const SECRET = `mg_pat_${'Q'.repeat(43)}`;

const ci: ApiTokenDto = {
  id: 't1',
  name: 'GitHub Actions',
  scope: 'read',
  user: { id: 'u1', name: 'Dana Reyes' },
  createdAt: '2026-03-01T09:00:00.000Z',
  expiresAt: '2026-06-01T09:00:00.000Z',
  lastUsedAt: '2026-03-05T14:30:00.000Z',
  expired: false,
};
const jos: ApiTokenDto = {
  id: 't2',
  name: 'Deploy script',
  scope: 'read_write',
  user: { id: 'u2', name: 'Jo Park' },
  createdAt: '2026-02-01T09:00:00.000Z',
  expiresAt: '2026-02-20T09:00:00.000Z',
  lastUsedAt: null,
  expired: true,
};

const base = (tokens: ApiTokenDto[]) => ({
  'GET /api/settings': { body: defaultSettings() },
  'GET /api/members': { body: { items: [] } },
  'GET /api/tokens': () => ({ body: { items: [...tokens] } }),
});

const tokensTable = () => screen.findByRole('table', { name: 'API tokens' });

describe('API tokens section', () => {
  it('lists each token with its member, access, last use and expiry, never a secret', async () => {
    renderApp('/settings', base([ci, jos]));
    const table = await tokensTable();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByText('GitHub Actions')).toBeInTheDocument();
    expect(first.getByText('You')).toBeInTheDocument();
    expect(first.getByText('Read only')).toBeInTheDocument();
    expect(first.getByText('5 Mar 2026, 14:30')).toBeInTheDocument();
    expect(first.getByText('1 Jun 2026')).toBeInTheDocument();
    const second = within(rows[1]!);
    expect(second.getByText('Jo Park')).toBeInTheDocument();
    expect(second.getByText('Read and write')).toBeInTheDocument();
    expect(second.getByText('Never')).toBeInTheDocument();
    expect(second.getByText('Expired')).toBeInTheDocument();
    expect(table.textContent).not.toContain('mg_pat_');
  });

  it('creates a token and shows the secret once, with a copy button and a warning', async () => {
    const tokens: ApiTokenDto[] = [];
    const { user, sent } = renderApp('/settings', {
      ...base(tokens),
      'POST /api/tokens': (call: RecordedCall) => {
        const body = call.body as { name: string; scope: ApiTokenDto['scope']; expiresAt: string | null };
        const apiToken: ApiTokenDto = {
          id: 't9',
          name: body.name,
          scope: body.scope,
          user: { id: 'u1', name: 'Dana Reyes' },
          createdAt: '2026-03-06T09:00:00.000Z',
          expiresAt: body.expiresAt,
          lastUsedAt: null,
          expired: false,
        };
        tokens.push(apiToken);
        return { status: 201, body: { token: SECRET, apiToken } };
      },
    });
    expect(await screen.findByText('No API tokens yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API token' });
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await within(dialog).findByText(/Name it after where it will be used/)).toBeInTheDocument();
    expect(sent('POST', '/api/tokens')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Name/), '  CI  ');
    await user.selectOptions(within(dialog).getByLabelText(/Access/), 'read_write');
    await user.selectOptions(within(dialog).getByLabelText(/Expires/), '0');
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }));

    const shown = await screen.findByRole('dialog', { name: 'Copy your new token' });
    expect(within(shown).getByText("You won't see this token again")).toBeInTheDocument();
    expect(within(shown).getByLabelText('New API token')).toHaveTextContent(SECRET);
    expect(within(shown).getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    expect(sent('POST', '/api/tokens')[0]!.body).toEqual({ name: 'CI', scope: 'read_write', expiresAt: null });

    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const table = await tokensTable();
    expect(within(table).getByText('CI')).toBeInTheDocument();
    // Gone for good: reopening the form shows a fresh form, not the secret.
    expect(screen.queryByText(SECRET)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByRole('dialog', { name: 'Create an API token' })).toBeInTheDocument();
    expect(screen.queryByText(SECRET)).toBeNull();
  });

  it('sends an expiry in the future for a limited token and shows the API naming a bad field', async () => {
    const { user, sent } = renderApp('/settings', {
      ...base([]),
      'POST /api/tokens': validationError([{ field: 'body.name', message: 'must be at most 100 characters' }]),
    });
    await user.click(await screen.findByRole('button', { name: 'Create token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API token' });
    await user.type(within(dialog).getByLabelText(/Name/), 'Nightly report');
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await within(dialog).findByText('Must be at most 100 characters')).toBeInTheDocument();
    const body = sent('POST', '/api/tokens')[0]!.body as { scope: string; expiresAt: string };
    expect(body.scope).toBe('read');
    const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThanOrEqual(90);
  });

  it('revokes a token only after confirmation', async () => {
    const tokens = [ci];
    const { user, sent } = renderApp('/settings', {
      ...base(tokens),
      'DELETE /api/tokens/t1': () => {
        tokens.splice(0, 1);
        return { status: 204 };
      },
    });
    await tokensTable();
    await user.click(screen.getByRole('button', { name: 'Revoke GitHub Actions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this token?' });
    expect(within(dialog).getByText(/stops working at once/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('DELETE', '/api/tokens/t1')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Revoke GitHub Actions' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Revoke this token?' })).getByRole('button', {
        name: 'Revoke token',
      }),
    );
    await waitFor(() => expect(sent('DELETE', '/api/tokens/t1')).toHaveLength(1));
    expect(await screen.findByText('No API tokens yet')).toBeInTheDocument();
  });

  it('hides the member column from a member, who sees only their own tokens', async () => {
    renderApp('/settings', {
      ...base([ci]),
      'GET /api/session': { body: { ...testSession, role: 'member' } },
    });
    const table = await tokensTable();
    expect(within(table).queryByRole('columnheader', { name: 'Member' })).toBeNull();
    expect(within(table).getByText('GitHub Actions')).toBeInTheDocument();
  });
});
