import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Mistake } from '../../../shared/contract/index.ts';
import { renderApp } from '../../test-utils.tsx';

// Issue 13 B: the mistake page has one recovery path (the guide), and an unknown impact says so.

const mistake = (over: Partial<Mistake> = {}): Mistake => ({
  id: 'm1',
  number: 1,
  ref: 'MG-1',
  clientId: 'c1',
  clientName: 'Acme Dental',
  title: 'Wrong short code in the newsletter',
  description: 'Told patients to text 55132.',
  category: 'wrong_fact',
  severity: 'major',
  impact: { amountMinor: 0, currency: 'USD' },
  foundBy: 'client',
  happenedAt: null,
  foundAt: '2026-11-30T09:00:00.000Z',
  stage: 'found',
  reached: { acknowledged: null, remedied: null, fixed: null, learned: null, verified: null, closed: null },
  ownerId: 'u1',
  regressed: false,
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
  ...over,
});

function open(m: Mistake) {
  return renderApp('/mistakes/m1', {
    'GET /api/mistakes/m1': { body: m },
    'GET /api/mistakes/m1/timeline': { body: { items: [] } },
    'GET /api/members': { body: { items: [] } },
  });
}

describe('mistake page', () => {
  it('shows an unknown impact as "not set", not $0.00', async () => {
    open(mistake());
    const facts = await screen.findByRole('region', { name: 'What happened' });
    expect(within(facts).getByText('not set')).toBeInTheDocument();
    expect(within(facts).queryByText('$0.00')).not.toBeInTheDocument();
  });

  it('shows a recorded impact as money', async () => {
    open(mistake({ impact: { amountMinor: 25_000, currency: 'USD' } }));
    const facts = await screen.findByRole('region', { name: 'What happened' });
    expect(within(facts).getByText('$250.00')).toBeInTheDocument();
  });

  it('has no separate Acknowledgment or Fix commitment cards: each step lives in the recovery guide', async () => {
    open(mistake());
    await screen.findByRole('region', { name: 'What happened' });
    expect(screen.queryByRole('heading', { name: 'Acknowledgment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Fix commitment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Promise the fix' })).not.toBeInTheDocument();
  });

  it('puts the 200-character limit and a counter on the title in the edit dialog', async () => {
    const { user } = open(mistake());
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    const title = await screen.findByRole('textbox', { name: /Title/ });
    expect(title).toHaveAttribute('maxLength', '200');
    expect(screen.getByText(/34 \/ 200/)).toBeInTheDocument();
  });
});
