import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Client, type ClientHealth } from '../../../shared/contract/index.ts';
import { renderApp } from '../../test-utils.tsx';

const spa: Client = {
  id: 'c1',
  name: 'Serenity Day Spas',
  aliases: [],
  tier: 'key',
  status: 'active',
  value: { amountMinor: 1_200_000, currency: 'USD' },
  ownerId: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};
const calm: Client = { ...spa, id: 'c2', name: 'Calm Clinic', tier: 'standard' };

const health = (over: Partial<ClientHealth> = {}): ClientHealth => ({
  clientId: 'c1',
  score: 70,
  band: 'watch',
  trend: -30,
  openMistakes: 4,
  computedAt: '2026-11-20T10:00:00.000Z',
  lines: [
    { key: 'mistake:m1', kind: 'mistake', points: -9, reason: 'MG-1 minor, found by the client', mistakeRef: 'MG-1' },
    { key: 'mistake:m3', kind: 'mistake', points: -9, reason: 'MG-3 minor, found by the client', mistakeRef: 'MG-3' },
    { key: 'mistake:m2', kind: 'mistake', points: -6, reason: 'MG-2 minor, found by us', mistakeRef: 'MG-2' },
    { key: 'mistake:m4', kind: 'mistake', points: -6, reason: 'MG-4 minor, found by us', mistakeRef: 'MG-4' },
  ],
  history: [
    {
      id: 'h1',
      score: 91,
      previousScore: 100,
      moves: [{ key: 'mistake:m1', reason: 'MG-1 minor, found by the client', delta: -9, mistakeRef: 'MG-1' }],
      reason: 'MG-1 logged',
      recordedAt: '2026-11-01T10:00:00.000Z',
    },
    {
      id: 'h4',
      score: 70,
      previousScore: 76,
      moves: [{ key: 'mistake:m4', reason: 'MG-4 minor, found by us', delta: -6, mistakeRef: 'MG-4' }],
      reason: 'MG-4 logged',
      recordedAt: '2026-11-20T10:00:00.000Z',
    },
  ],
  alerts: [
    {
      id: 'a1',
      clientId: 'c1',
      kind: 'cluster',
      mistakes: [
        {
          id: 'm1',
          ref: 'MG-1',
          title: 'Misspelled name in the brief',
          severity: 'minor',
          foundAt: '2026-11-01T10:00:00Z',
        },
        { id: 'm2', ref: 'MG-2', title: 'Misunderstood request', severity: 'minor', foundAt: '2026-11-07T10:00:00Z' },
        { id: 'm3', ref: 'MG-3', title: 'Double-booked call', severity: 'minor', foundAt: '2026-11-13T10:00:00Z' },
        { id: 'm4', ref: 'MG-4', title: 'Late deliverable', severity: 'minor', foundAt: '2026-11-20T10:00:00Z' },
      ],
      score: 76,
      threshold: null,
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
      createdAt: '2026-11-13T10:00:00.000Z',
    },
  ],
  rule: { count: 3, days: 30, threshold: 60 },
  ...over,
});

const detail = (h: ClientHealth, client: Client = spa) => ({
  'GET /api/clients/c1': { body: client },
  'GET /api/clients/c1/contacts': { body: { items: [] } },
  'GET /api/clients/c1/facts': { body: { items: [] } },
  'GET /api/clients/c1/commitments': { body: { items: [] } },
  'GET /api/clients/c1/timeline': { body: { items: [], nextCursor: null } },
  'GET /api/mistakes': { body: { items: [], total: 0, totalExact: true, nextCursor: null } },
  'GET /api/clients/c1/health': { body: h },
});

describe('client health', () => {
  it('the client page shows the score, why it is there, why it last moved and the history as a table', async () => {
    renderApp('/clients/c1', detail(health()));
    const card = await screen.findByRole('region', { name: 'Health' });
    expect(await within(card).findByLabelText('Health score 70 of 100')).toBeInTheDocument();
    expect(card).toHaveTextContent('Watch');
    expect(card).toHaveTextContent('−30 in 30 days');
    const why = within(card).getByRole('list', { name: 'Why the score is what it is' });
    expect(why).toHaveTextContent('−9 MG-1 minor, found by the client');
    expect(why).toHaveTextContent('100 to start');
    expect(within(card).getByRole('heading', { name: 'Why it moved: 76 → 70' })).toBeInTheDocument();
    expect(within(card).getByRole('list', { name: 'Why it moved' })).toHaveTextContent('−6 MG-4 minor, found by us');
    const table = within(card).getByRole('table', { name: 'Health score history', hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true });
    // Header, then newest first.
    expect(rows[1]).toHaveTextContent('70');
    expect(rows[1]).toHaveTextContent('−6');
    expect(rows[1]).toHaveTextContent('MG-4 logged');
    expect(rows[2]).toHaveTextContent('MG-1 logged');
  });

  it('the at-risk alert lists the mistakes; "Mark at risk" asks the API to record the status', async () => {
    const decided = health({
      alerts: health().alerts.map((a) => ({ ...a, status: 'marked_at_risk' as const, resolvedBy: 'Dana Reyes' })),
    });
    let resolved = false;
    const { user, sent } = renderApp('/clients/c1', {
      ...detail(health()),
      'GET /api/clients/c1/health': () => ({ body: resolved ? decided : health() }),
      'POST /api/clients/c1/health/alerts/a1/resolve': () => {
        resolved = true;
        return { body: decided };
      },
    });
    const alert = await screen.findByRole('alert', { name: /At-risk alert/ });
    expect(alert).toHaveTextContent('At-risk alert: 4 mistakes within 30 days');
    for (const ref of ['MG-1', 'MG-2', 'MG-3', 'MG-4']) expect(alert).toHaveTextContent(ref);
    expect(alert).toHaveTextContent('Misspelled name in the brief');
    expect(alert).toHaveTextContent('The status changes only when you confirm');
    await user.click(within(alert).getByRole('button', { name: 'Mark at risk' }));
    await waitFor(() => expect(sent('POST', '/api/clients/c1/health/alerts/a1/resolve')).toHaveLength(1));
    expect(sent('POST', '/api/clients/c1/health/alerts/a1/resolve')[0]?.body).toEqual({ decision: 'mark_at_risk' });
    await waitFor(() => expect(screen.queryByRole('alert', { name: /At-risk alert/ })).not.toBeInTheDocument());
  });

  it('a client with no history says the score starts at 100', async () => {
    renderApp(
      '/clients/c1',
      detail(health({ score: 100, band: 'healthy', trend: 0, openMistakes: 0, lines: [], history: [], alerts: [] })),
    );
    const card = await screen.findByRole('region', { name: 'Health' });
    expect(await within(card).findByText(/the score starts at 100/)).toBeInTheDocument();
    expect(within(card).getByText('Nothing counts against this client.')).toBeInTheDocument();
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('the clients list shows score, trend and open mistakes, and asks for the riskiest first', async () => {
    const summary = (score: number, trend: number, openMistakes: number) => ({
      score,
      band: score >= 80 ? 'healthy' : score >= 60 ? 'watch' : 'at_risk',
      trend,
      openMistakes,
      computedAt: null,
    });
    const { user, sent } = renderApp('/clients', {
      'GET /api/clients': (call) => ({
        body: {
          items:
            call.query.get('sort') === 'risk'
              ? [
                  { ...spa, health: summary(52, -48, 4) },
                  { ...calm, health: summary(94, -6, 1) },
                ]
              : [
                  { ...calm, health: summary(94, -6, 1) },
                  { ...spa, health: summary(52, -48, 4) },
                ],
        },
      }),
    });
    const table = await screen.findByRole('table', { name: 'Clients' });
    const spaRow = within(table).getByRole('link', { name: 'Serenity Day Spas' }).closest('tr')!;
    expect(within(spaRow).getByLabelText('Health 52 of 100, at risk')).toBeInTheDocument();
    expect(spaRow).toHaveTextContent('−48 in 30 days');
    expect(spaRow).toHaveTextContent('4');
    await user.selectOptions(screen.getByLabelText('Sort clients'), 'risk');
    await waitFor(() => expect(sent('GET', '/api/clients').some((c) => c.query.get('sort') === 'risk')).toBe(true));
    await waitFor(() => {
      const links = within(screen.getByRole('table', { name: 'Clients' })).getAllByRole('link');
      expect(links.map((l) => l.textContent)).toEqual(['Serenity Day Spas', 'Calm Clinic']);
    });
  });

  it('Settings: the cluster rule and threshold are checked, then saved', async () => {
    const { user, sent } = renderApp('/settings', {
      'GET /api/settings': { body: defaultSettings() },
      'PATCH /api/settings': (call) => ({ body: { ...defaultSettings(), ...(call.body as object) } }),
    });
    const form = await screen.findByRole('form', { name: 'Client health alert settings' });
    const count = within(form).getByLabelText(/Cluster: mistakes/);
    expect(count).toHaveValue('3');
    expect(within(form).getByLabelText(/Cluster: within/)).toHaveValue('30');
    expect(within(form).getByLabelText(/Alert below score/)).toHaveValue('60');
    await user.clear(count);
    await user.type(count, '1');
    await user.click(within(form).getByRole('button', { name: 'Save health alert settings' }));
    expect(within(form).getByText('Between 2 and 20 mistakes')).toBeInTheDocument();
    expect(sent('PATCH', '/api/settings')).toHaveLength(0);
    await user.clear(count);
    await user.type(count, '4');
    await user.click(within(form).getByRole('button', { name: 'Save health alert settings' }));
    await waitFor(() => expect(sent('PATCH', '/api/settings')).toHaveLength(1));
    expect(sent('PATCH', '/api/settings')[0]?.body).toEqual({
      health: { cluster: { count: 4, days: 30 }, threshold: 60 },
    });
  });
});
