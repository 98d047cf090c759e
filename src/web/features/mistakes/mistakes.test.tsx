import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Client, Mistake, TimelineEvent } from '../../../shared/contract/index.ts';
import { renderApp, validationError } from '../../test-utils.tsx';

const acme: Client = {
  id: 'c1',
  name: 'Acme Dental',
  aliases: [],
  tier: 'key',
  status: 'active',
  value: { amountMinor: 0, currency: 'EUR' },
  ownerId: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};
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
  impact: { amountMinor: 25_000, currency: 'EUR' },
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
const logged: TimelineEvent = {
  id: 'e1',
  mistakeId: 'm1',
  clientId: 'c1',
  type: 'mistake.logged',
  summary: 'MG-1 logged: Wrong short code in the newsletter (major, found by client)',
  data: {},
  actor: { id: 'u1', name: 'Dana Reyes' },
  at: '2026-11-30T09:00:00.000Z',
};

describe('log a mistake', () => {
  it('asks for a client first when there is none', async () => {
    renderApp('/mistakes/new');
    expect(await screen.findByText('Add a client first')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to clients' })).toHaveAttribute('href', '/clients');
  });

  it('names what is missing, then sends the mistake with the impact in minor units of the client currency', async () => {
    const { user, sent, router } = renderApp('/mistakes/new', {
      'GET /api/clients': { body: { items: [acme] } },
      'POST /api/mistakes': { status: 201, body: mistake() },
      'GET /api/mistakes/m1': { body: mistake() },
      'GET /api/mistakes/m1/timeline': { body: { items: [logged] } },
      'GET /api/mistakes/m1/acknowledgments': { body: { items: [] } },
      'GET /api/commitments': { body: { items: [] } },
      'GET /api/clients/c1/contacts': { body: { items: [] } },
    });
    const form = await screen.findByRole('form', { name: 'Log a mistake' });
    await user.click(within(form).getByRole('button', { name: 'Log mistake' }));
    expect(within(form).getByText('Choose the client this mistake reached')).toBeInTheDocument();
    expect(within(form).getByText('Say in a few words what went wrong')).toBeInTheDocument();
    expect(sent('POST', '/api/mistakes')).toHaveLength(0);

    await user.selectOptions(within(form).getByLabelText(/^Client/), 'c1');
    await user.type(within(form).getByLabelText(/^Title/), 'Wrong short code in the newsletter');
    await user.type(within(form).getByLabelText(/What happened/), 'Told patients to text 55132.');
    await user.selectOptions(within(form).getByLabelText(/Category/), 'wrong_fact');
    await user.click(within(form).getByLabelText('Major'));
    await user.click(within(form).getByLabelText('The client'));
    await user.type(within(form).getByLabelText(/^Impact/), '250');
    await user.clear(within(form).getByLabelText(/Found at/));
    await user.type(within(form).getByLabelText(/Found at/), '2026-11-30T09:00');
    await user.click(within(form).getByRole('button', { name: 'Log mistake' }));

    await screen.findByRole('heading', { name: /MG-1/ });
    expect(router.state.location.pathname).toBe('/mistakes/m1');
    expect(sent('POST', '/api/mistakes')[0]?.body).toEqual({
      clientId: 'c1',
      title: 'Wrong short code in the newsletter',
      description: 'Told patients to text 55132.',
      category: 'wrong_fact',
      severity: 'major',
      impact: { amountMinor: 25_000, currency: 'EUR' },
      foundBy: 'client',
      happenedAt: null,
      foundAt: '2026-11-30T09:00:00.000Z',
    });
  });

  it('refuses a mistake that happened after it was found, before asking the API', async () => {
    const { user, sent } = renderApp('/mistakes/new?clientId=c1', { 'GET /api/clients': { body: { items: [acme] } } });
    const form = await screen.findByRole('form', { name: 'Log a mistake' });
    expect(within(form).getByLabelText(/^Client/)).toHaveValue('c1');
    await user.type(within(form).getByLabelText(/^Title/), 'Late delivery');
    await user.clear(within(form).getByLabelText(/Found at/));
    await user.type(within(form).getByLabelText(/Found at/), '2026-11-30T09:00');
    await user.type(within(form).getByLabelText(/Happened at/), '2026-11-30T10:00');
    await user.click(within(form).getByRole('button', { name: 'Log mistake' }));
    expect(within(form).getByText('It cannot have happened after it was found')).toBeInTheDocument();
    expect(sent('POST', '/api/mistakes')).toHaveLength(0);
  });

  it("shows the API's field error on the impact amount", async () => {
    const { user } = renderApp('/mistakes/new?clientId=c1', {
      'GET /api/clients': { body: { items: [acme] } },
      'POST /api/mistakes': validationError([
        { field: 'body.impact.amountMinor', message: 'must be at most 1000000000000000' },
      ]),
    });
    const form = await screen.findByRole('form', { name: 'Log a mistake' });
    await user.type(within(form).getByLabelText(/^Title/), 'Overbilled');
    await user.type(within(form).getByLabelText(/^Impact/), '10000000000001');
    await user.click(within(form).getByRole('button', { name: 'Log mistake' }));
    expect(await within(form).findByText('Must be at most 1000000000000000')).toBeInTheDocument();
  });
});

describe('mistakes list', () => {
  it('invites logging the first mistake when there is none', async () => {
    renderApp('/mistakes', { 'GET /api/mistakes': { body: { items: [], total: 0 } } });
    expect(await screen.findByText('No mistakes logged yet')).toBeInTheDocument();
  });

  it('marks a regressed mistake in the list', async () => {
    renderApp('/mistakes', {
      'GET /api/clients': { body: { items: [acme] } },
      'GET /api/mistakes': {
        body: {
          items: [mistake({ regressed: true }), mistake({ id: 'm2', number: 2, ref: 'MG-2', title: 'Late brochure' })],
          total: 2,
          totalExact: true,
          nextCursor: null,
        },
      },
    });
    const rows = await screen.findAllByRole('row');
    const first = rows.find((r) => within(r).queryByText('Wrong short code in the newsletter'));
    const second = rows.find((r) => within(r).queryByText('Late brochure'));
    expect(within(first!).getByText('Regressed')).toBeInTheDocument();
    expect(within(second!).queryByText('Regressed')).toBeNull();
  });

  it('shows mistakes as MG-n and sends each filter to the API', async () => {
    const { user, calls } = renderApp('/mistakes', {
      'GET /api/clients': { body: { items: [acme] } },
      'GET /api/mistakes': (call) =>
        call.query.get('severity') === 'critical'
          ? { body: { items: [], total: 0 } }
          : {
              body: {
                items: [
                  mistake(),
                  mistake({ id: 'm2', number: 2, ref: 'MG-2', title: 'Misspelled name', severity: 'minor' }),
                ],
                total: 2,
              },
            },
    });
    const table = await screen.findByRole('table', { name: 'Mistakes' });
    expect(within(table).getByText('MG-1')).toBeInTheDocument();
    expect(within(table).getByText('MG-2')).toBeInTheDocument();
    expect(table).toHaveTextContent('€250.00');
    expect(screen.getByText('2 mistakes')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Client'), 'c1');
    await user.selectOptions(screen.getByLabelText('Stage'), 'found');
    await user.selectOptions(screen.getByLabelText('Category'), 'wrong_fact');
    await user.type(screen.getByLabelText('Found from'), '2026-11-01');
    await user.type(screen.getByLabelText('Found until'), '2026-11-30');
    await user.type(screen.getByLabelText('Search'), 'short code');
    await user.selectOptions(screen.getByLabelText('Severity'), 'critical');

    expect(await screen.findByText('No mistake matches these filters')).toBeInTheDocument();
    await waitFor(() => {
      const last = calls.filter((c) => c.path === '/api/mistakes').at(-1)!;
      expect(Object.fromEntries(last.query)).toMatchObject({
        clientId: 'c1',
        stage: 'found',
        category: 'wrong_fact',
        severity: 'critical',
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-30T23:59:59.999Z',
        q: 'short code',
      });
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await within(await screen.findByRole('table', { name: 'Mistakes' })).findByText('MG-2')).toBeInTheDocument();
  });
});

describe('mistakes list paging', () => {
  it('loads the next page by cursor with "Load more" and shows a bounded count as 1,000+', async () => {
    const { user, calls } = renderApp('/mistakes', {
      'GET /api/clients': { body: { items: [acme] } },
      'GET /api/mistakes': (call) =>
        call.query.get('cursor') === 'c2'
          ? {
              body: {
                items: [mistake({ id: 'm9', number: 9, ref: 'MG-9' })],
                total: null,
                totalExact: false,
                nextCursor: null,
              },
            }
          : { body: { items: [mistake()], total: 1000, totalExact: false, nextCursor: 'c2' } },
    });
    const table = await screen.findByRole('table', { name: 'Mistakes' });
    expect(within(table).getByText('MG-1')).toBeInTheDocument();
    expect(screen.getByText(/1,000\+ mistakes/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByText('MG-9')).toBeInTheDocument();
    expect(within(table).getByText('MG-1')).toBeInTheDocument();
    expect(
      calls
        .filter((c) => c.path === '/api/mistakes')
        .at(-1)!
        .query.get('cursor'),
    ).toBe('c2');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument());
  });
});

describe('mistake detail', () => {
  const detailRoutes = (over = {}) => ({
    'GET /api/mistakes/m1': { body: mistake() },
    'GET /api/mistakes/m1/timeline': { body: { items: [logged] } },
    'GET /api/mistakes/m1/acknowledgments': { body: { items: [] } },
    'GET /api/commitments': { body: { items: [] } },
    'GET /api/clients/c1/contacts': {
      body: {
        items: [
          {
            id: 'p1',
            clientId: 'c1',
            fullName: 'Priya Raman',
            preferredName: null,
            honorific: 'Dr',
            pronouns: null,
            pronunciation: null,
            email: null,
            isBilling: false,
            createdAt: '2026-11-01T10:00:00.000Z',
          },
        ],
      },
    },
    ...over,
  });

  it('shows the stage, what happened and the timeline', async () => {
    renderApp('/mistakes/m1', detailRoutes());
    expect(await screen.findByRole('heading', { name: /MG-1.*Wrong short code/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'What happened' })).toHaveTextContent('Told patients to text 55132.');
    expect(screen.getByLabelText('Found: reached 30 Nov 2026, 09:00')).toBeInTheDocument();
    expect(screen.getByLabelText('Acknowledged: not reached')).toBeInTheDocument();
    const timeline = await screen.findByRole('list', { name: /Mistake timeline/ });
    expect(timeline).toHaveTextContent('MG-1 logged: Wrong short code in the newsletter (major, found by client)');
    expect(timeline).toHaveTextContent('Dana Reyes');
  });

  it('says when the mistake is not in this workspace', async () => {
    renderApp('/mistakes/m9', {
      'GET /api/mistakes/m9': {
        status: 404,
        body: { error: { code: 'mistake_not_found', message: 'No such mistake.', requestId: 'r' } },
      },
    });
    expect(await screen.findByText('No such mistake.')).toBeInTheDocument();
    expect(screen.getByText('This mistake could not be loaded')).toBeInTheDocument();
  });
});
