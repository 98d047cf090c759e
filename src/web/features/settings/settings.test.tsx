import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/contract/index.ts';
import { renderApp, testSession, validationError } from '../../test-utils.tsx';

describe('settings', () => {
  it('shows the recovery targets, remedy policy, reminders and sender names from the API', async () => {
    renderApp('/settings', { 'GET /api/settings': { body: defaultSettings() } });
    const targets = await screen.findByRole('table', { name: 'Recovery targets' });
    expect(within(targets).getByLabelText('Critical: acknowledge within minutes')).toHaveValue('60');
    expect(within(targets).getByLabelText('Minor: fix within hours')).toHaveValue('168');
    expect(screen.getByLabelText('Key account major remedy percent')).toHaveValue('200%');
    expect(screen.getByLabelText(/Approval threshold/)).toHaveValue('500.00');
    expect(screen.getByLabelText(/Remind before due/)).toHaveValue('1440, 60, 0');
    expect(screen.getByLabelText('Sender name')).toHaveValue('makegood');
  });

  it('refuses malformed reminder offsets, then saves the whole policy with the threshold in minor units', async () => {
    const { user, sent } = renderApp('/settings', {
      'GET /api/settings': { body: defaultSettings() },
      'PATCH /api/settings': (call) => ({ body: call.body }),
    });
    const offsets = await screen.findByLabelText(/Remind before due/);
    await user.clear(offsets);
    await user.type(offsets, '60, soon');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText('Enter whole minutes separated by commas, e.g. 1440, 60, 0')).toBeInTheDocument();
    expect(sent('PATCH', '/api/settings')).toHaveLength(0);

    await user.clear(offsets);
    await user.type(offsets, '120, 0');
    const threshold = screen.getByLabelText(/Approval threshold/);
    await user.clear(threshold);
    await user.type(threshold, '750');
    await user.clear(screen.getByLabelText('Sender name'));
    await user.type(screen.getByLabelText('Sender name'), 'Northwind Studio');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(sent('PATCH', '/api/settings')).toHaveLength(1));
    expect(sent('PATCH', '/api/settings')[0]?.body).toMatchObject({
      reminderOffsetsMinutes: [120, 0],
      senderName: 'Northwind Studio',
      remedyPolicy: { approvalThresholdMinor: 75_000, capPercent: 150 },
      targets: { critical: { acknowledgeMinutes: 60, fixHours: 24 } },
    });
  });

  it('shows a field error the API found', async () => {
    const { user } = renderApp('/settings', {
      'GET /api/settings': { body: defaultSettings() },
      'PATCH /api/settings': validationError([{ field: 'body.updateIntervalHours', message: 'must be at most 720' }]),
    });
    await user.click(await screen.findByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Must be at most 720')).toBeInTheDocument();
  });

  it('is read-only for a member', async () => {
    renderApp('/settings', {
      'GET /api/session': { body: { ...testSession, role: 'member' } },
      'GET /api/settings': { body: defaultSettings() },
    });
    expect(await screen.findByText('Only an owner or admin can change these settings.')).toBeInTheDocument();
    expect(await screen.findByLabelText('Sender name')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
  });
});
