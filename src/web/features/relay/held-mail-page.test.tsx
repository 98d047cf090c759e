import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RelayMessageDetail } from '../../../shared/contract/index.ts';
import { renderApp, type RecordedCall } from '../../test-utils.tsx';

const text = 'Dear Mr. Lee,\nWelcome aboard.';
const held: RelayMessageDetail = {
  id: 'rm1',
  status: 'held',
  decision: 'held',
  sender: { id: 'u1', name: 'Dana Reyes' },
  envelopeFrom: 'dana@northwind.example',
  envelopeTo: ['jane@lumen.example'],
  subject: 'Welcome aboard',
  client: { id: 'c1', name: 'Lumen Labs' },
  findings: [
    {
      rule: 'honorific',
      severity: 'error',
      start: 5,
      end: 12,
      message: 'Jane Lee is addressed as Ms.',
      suggestion: 'Ms. Lee',
    },
  ],
  sizeBytes: 120,
  attachments: 0,
  attempts: 0,
  lastError: null,
  createdAt: '2026-03-02T09:00:00.000Z',
  relayedAt: null,
  resolvedBy: null,
  resolvedAt: null,
  text,
};

describe('held mail', () => {
  it('lists held mail and opens one with its findings quoted from the text', async () => {
    const { text: _t, ...listed } = held;
    const { user } = renderApp('/held-mail', {
      'GET /api/relay/messages': { body: { items: [listed] } },
      'GET /api/relay/messages/rm1': { body: held },
    });
    await user.click(await screen.findByRole('link', { name: 'Welcome aboard' }));
    expect(await screen.findByText('Jane Lee is addressed as Ms.')).toBeInTheDocument();
    expect(screen.getAllByText('Mr. Lee').length).toBeGreaterThan(0);
    expect(screen.getByText(/Suggestion: Ms\. Lee/u)).toBeInTheDocument();
  });

  it('releases a held message after confirming, and then offers no release', async () => {
    const released: RecordedCall[] = [];
    const { user } = renderApp('/held-mail/rm1', {
      'GET /api/relay/messages/rm1': { body: held },
      'GET /api/relay/messages': { body: { items: [] } },
      'POST /api/relay/messages/rm1/release': (call) => {
        released.push(call);
        return {
          body: {
            ...held,
            status: 'queued',
            decision: 'released',
            resolvedBy: { id: 'u1', name: 'Dana Reyes' },
            resolvedAt: '2026-03-02T09:05:00.000Z',
          },
        };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Release as it is' }));
    const dialog = await screen.findByRole('dialog', { name: 'Release this email as it is?' });
    expect(within(dialog).getByText(/with 1 error still in it/u)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));
    expect(await screen.findByText('Queued')).toBeInTheDocument();
    expect(released).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Release as it is' })).not.toBeInTheDocument();
  });
});
