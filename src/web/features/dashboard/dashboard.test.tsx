import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtRiskClient, Metrics } from '../../../shared/contract/index.ts';
import { renderApp } from '../../test-utils.tsx';
import { formatMinutes, nextStep, periodFor } from './dashboard-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const definition = (name: string) => `Definition of ${name}.`;
const duration = (name: string) => ({
  definition: definition(name),
  all: { count: 2, medianMinutes: 30, p90Minutes: 114, withinTarget: 1, withinTargetRate: 0.5 },
  bySeverity: [
    {
      severity: 'minor' as const,
      count: 0,
      medianMinutes: null,
      p90Minutes: null,
      targetMinutes: 1440,
      withinTarget: 0,
      withinTargetRate: null,
    },
    {
      severity: 'major' as const,
      count: 1,
      medianMinutes: 23,
      p90Minutes: 29,
      targetMinutes: 240,
      withinTarget: 1,
      withinTargetRate: 1,
    },
    {
      severity: 'critical' as const,
      count: 1,
      medianMinutes: 105,
      p90Minutes: 117,
      targetMinutes: 60,
      withinTarget: 0,
      withinTargetRate: 0,
    },
  ],
});

function metrics(overrides: Partial<Metrics> = {}): Metrics {
  return {
    from: '2026-01-01',
    to: '2026-03-31',
    clientId: null,
    clientName: null,
    bucket: 'week',
    mistakes: { value: 4, definition: definition('mistakes') },
    timeToAcknowledge: duration('time to acknowledge'),
    timeToFix: duration('time to fix'),
    fixPromisesKept: { value: 1, kept: 1, resolved: 1, definition: definition('fix promises kept') },
    toldBeforeNoticed: { value: 0.25, told: 1, mistakes: 4, definition: definition('told before they noticed') },
    repeatRate: { value: 0.25, repeats: 1, mistakes: 4, definition: definition('repeat rate') },
    cost: { definition: definition('cost'), remedies: [{ currency: 'USD', amountMinor: 5_000 }], reworkHours: 2.5 },
    satisfaction: { value: 4, answers: 1, definition: definition('satisfaction') },
    clientsAfterMistake: { definition: definition('clients kept'), kept: 1, lost: 0, tooEarly: 1 },
    byCategory: {
      definition: definition('by category'),
      items: [
        { key: 'wrong_fact', label: 'Wrong fact', count: 2 },
        { key: 'deadline', label: 'Deadline or schedule', count: 2 },
      ],
    },
    byCause: { definition: definition('by cause'), items: [{ key: 'none', label: 'No root cause yet', count: 4 }] },
    byClient: { definition: definition('by client'), items: [{ key: 'c1', label: 'Serenity Day Spas', count: 4 }] },
    trend: {
      definition: definition('trend'),
      items: [
        {
          start: '2026-03-02',
          mistakes: 3,
          toldBeforeNoticed: 1,
          repeats: 1,
          byCategory: { wrong_fact: 2, deadline: 1 },
        },
        { start: '2026-03-09', mistakes: 1, toldBeforeNoticed: 0, repeats: 0, byCategory: { deadline: 1 } },
      ],
    },
    ...overrides,
  };
}

const serenity: AtRiskClient = {
  clientId: 'c1',
  clientName: 'Serenity Day Spas',
  clientStatus: 'active',
  score: 38,
  band: 'at_risk',
  why: [
    { key: 'm1', kind: 'mistake', points: -18, reason: 'MG-14 critical, found by the client', mistakeRef: 'MG-14' },
    {
      key: 'r1',
      kind: 'repeat',
      points: -10,
      reason: 'second mistake of the same kind this month',
      mistakeRef: 'MG-15',
    },
  ],
  openMistakes: 2,
  openAlertId: 'alert-1',
  computedAt: '2026-03-02T09:00:00.000Z',
};

const empty = { body: { items: [], total: 0, totalExact: true, nextCursor: null } };

describe('the dashboard', () => {
  it('is the home page: clients at risk first with score, why and the next step, then what is open, then the figures', async () => {
    const { sent } = renderApp('/', {
      'GET /api/health/at-risk': { body: { items: [serenity] } },
      'GET /api/mistakes': {
        body: {
          items: [{ id: 'm9', ref: 'MG-9', title: 'Late proof', clientName: 'Kestrel Print' }],
          total: 1,
          totalExact: true,
          nextCursor: null,
        },
      },
      'GET /api/commitments': {
        body: {
          items: [
            {
              id: 'k1',
              clientId: 'c1',
              mistakeId: 'm1',
              title: 'Resend the brief',
              dueAt: '2026-01-05T12:00:00.000Z',
              status: 'open',
              isFix: true,
              ownerId: null,
              completedAt: null,
              recordedLate: false,
              createdAt: '2026-01-01T00:00:00.000Z',
            },
            {
              id: 'k2',
              clientId: 'c1',
              mistakeId: null,
              title: 'Next month',
              dueAt: '2999-01-01T00:00:00.000Z',
              status: 'open',
              isFix: false,
              ownerId: null,
              completedAt: null,
              recordedLate: false,
              createdAt: '2026-01-01T00:00:00.000Z',
            },
          ],
        },
      },
      'GET /api/actions': { body: { items: [] } },
      'GET /api/metrics': { body: metrics() },
    });
    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();
    const sections = await screen.findAllByRole('region');
    expect(sections.map((s) => within(s).getAllByRole('heading')[0]?.textContent)).toEqual([
      'Clients at risk',
      'Open recoveries',
      'How recoveries went',
    ]);

    const atRisk = within(await screen.findByRole('list', { name: 'Clients at risk' }));
    expect(atRisk.getByRole('link', { name: 'Serenity Day Spas' })).toHaveAttribute('href', '/clients/c1');
    expect(atRisk.getByLabelText('Health score 38 of 100')).toBeInTheDocument();
    expect(atRisk.getByText('At risk')).toBeInTheDocument();
    expect(atRisk.getByText('-18 MG-14 critical, found by the client')).toBeInTheDocument();
    expect(atRisk.getByText(/review the alert/)).toBeInTheDocument();

    const open = within(sections[1]!);
    expect(await open.findByRole('link', { name: 'MG-9' })).toHaveAttribute('href', '/mistakes/m9');
    // Only the promise past its due time, a fix first.
    expect(open.getByRole('link', { name: 'Fix: Resend the brief' })).toHaveAttribute('href', '/mistakes/m1');
    expect(open.queryByText('Next month')).not.toBeInTheDocument();
    expect(open.getByText('No action is past due.')).toBeInTheDocument();

    const figures = within(sections[2]!);
    // Told before they noticed and the repeat rate are both 1 of 4.
    expect(await figures.findAllByText('25%')).toHaveLength(2);
    expect(figures.getByText('Definition of told before they noticed.')).toBeInTheDocument();
    expect(figures.getByText('$50.00')).toBeInTheDocument();
    expect(figures.getByText('4 / 5')).toBeInTheDocument();
    expect(figures.getByText('1 kept · 0 lost')).toBeInTheDocument();
    // Each chart has a table for screen readers.
    const trend = figures.getByRole('table', { name: /Mistakes per week/ });
    expect(
      within(trend)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['week startingMistakesTold before they noticedRepeats', '2026-03-02311', '2026-03-09100']);
    const categories = figures.getByRole('table', { name: 'Mistakes by category' });
    expect(within(categories).getByRole('row', { name: 'Wrong fact 2' })).toBeInTheDocument();
    const ack = figures.getByRole('table', { name: 'Time to acknowledge' });
    expect(within(ack).getByRole('row', { name: /Critical 1.8 h 2 h 1 h 0% of 1/ })).toBeInTheDocument();

    // The default period is the 90 days ending today; the CSV link asks for the same period.
    const query = sent('GET', '/api/metrics')[0]!.query;
    expect(query.get('from')).toBe(periodFor('90', new Date()).from);
    expect(figures.getByRole('link', { name: 'CSV' })).toHaveAttribute(
      'href',
      `/api/metrics.csv?from=${query.get('from')}&to=${query.get('to')}`,
    );
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  });

  it('asks for another period when one is picked', async () => {
    const { user, sent } = renderApp('/', {
      'GET /api/health/at-risk': { body: { items: [] } },
      'GET /api/mistakes': empty,
      'GET /api/commitments': { body: { items: [] } },
      'GET /api/actions': { body: { items: [] } },
      'GET /api/metrics': { body: metrics() },
    });
    await screen.findByText('Definition of mistakes.');
    await user.click(screen.getByRole('radio', { name: '12 months' }));
    await screen.findByText(`${periodFor('365', new Date()).from} to ${periodFor('365', new Date()).to} (UTC days)`);
    expect(sent('GET', '/api/metrics').map((c) => c.query.get('from'))).toContain(periodFor('365', new Date()).from);
  });

  it('explains an empty new workspace instead of showing zeros', async () => {
    renderApp('/', {
      'GET /api/health/at-risk': { body: { items: [] } },
      'GET /api/mistakes': empty,
      'GET /api/commitments': { body: { items: [] } },
      'GET /api/actions': { body: { items: [] } },
      'GET /api/metrics': { body: metrics({ mistakes: { value: 0, definition: definition('mistakes') } }) },
    });
    expect(await screen.findByText('No client is at risk')).toBeInTheDocument();
    expect(await screen.findByText('No mistakes in this period')).toBeInTheDocument();
    expect(screen.getByText('Every mistake has been acknowledged.')).toBeInTheDocument();
    const figures = within(screen.getAllByRole('region')[2]!);
    expect(figures.getByRole('link', { name: 'Log a mistake' })).toHaveAttribute('href', '/mistakes/new');
    expect(screen.queryByRole('table', { name: /Mistakes per/ })).not.toBeInTheDocument();
  });

  it('says durations in words and picks the next step from what is open', () => {
    expect(formatMinutes(null)).toBe('—');
    expect(formatMinutes(23)).toBe('23 min');
    expect(formatMinutes(270)).toBe('4.5 h');
    expect(formatMinutes(4320)).toBe('3 days');
    expect(nextStep({ ...serenity, openAlertId: null })).toBe('Put right the 2 open mistakes first, then check in.');
    expect(nextStep({ ...serenity, openAlertId: null, openMistakes: 0 })).toMatch(/^Check in with them/);
    expect(periodFor('30', new Date('2026-03-31T23:00:00.000Z'))).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  });
});
