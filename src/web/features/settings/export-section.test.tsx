import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/contract/index.ts';
import { renderApp, testSession } from '../../test-utils.tsx';

const routes = (role: 'owner' | 'admin' | 'member' | 'viewer') => ({
  'GET /api/session': { body: { ...testSession, role } },
  'GET /api/settings': { body: defaultSettings() },
  'GET /api/members': { body: { items: [] } },
  'GET /api/invitations': { body: { items: [] } },
  'GET /api/webhooks': { body: { items: [] } },
  'GET /api/tokens': { body: { items: [] } },
  'GET /api/api-tokens': { body: { items: [] } },
});

describe('export section', () => {
  it.each(['owner', 'admin'] as const)(
    'offers the %s "Download everything" as a link to GET /api/export',
    async (role) => {
      renderApp('/settings', routes(role));
      const section = await screen.findByRole('region', { name: 'Export' });
      expect(section).toHaveTextContent('restore-archive');
      const link = await screen.findByRole('link', { name: 'Download everything' });
      expect(link).toHaveAttribute('href', '/api/export');
      expect(link).toHaveAttribute('download');
    },
  );

  it.each(['member', 'viewer'] as const)('tells a %s that only an owner or admin can download', async (role) => {
    renderApp('/settings', routes(role));
    const section = await screen.findByRole('region', { name: 'Export' });
    expect(section).toHaveTextContent('Only an owner or admin can download the workspace.');
    expect(screen.queryByRole('link', { name: 'Download everything' })).toBeNull();
  });
});
