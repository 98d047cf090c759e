import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Client, Contact, Fact } from '../../../shared/contract/index.ts';
import { renderApp, validationError } from '../../test-utils.tsx';

const acme: Client = {
  id: 'c1',
  name: 'Acme Dental',
  aliases: [],
  tier: 'key',
  status: 'active',
  value: { amountMinor: 1_200_000, currency: 'USD' },
  ownerId: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};
const priya: Contact = {
  id: 'p1',
  clientId: 'c1',
  fullName: 'Priya Raman',
  preferredName: 'Pri',
  honorific: 'Dr',
  pronouns: 'she/her',
  pronunciation: 'PREE-yah',
  email: 'priya@acme.example',
  isBilling: false,
  createdAt: '2026-11-01T10:00:00.000Z',
};
const shortCode: Fact = {
  id: 'f1',
  clientId: 'c1',
  kind: 'short_code',
  value: '55123',
  label: 'SMS short code',
  createdAt: '2026-11-01T10:00:00.000Z',
};

const detailRoutes = (overrides: Parameters<typeof renderApp>[1] = {}) => ({
  'GET /api/clients/c1': { body: acme },
  'GET /api/clients/c1/contacts': { body: { items: [] } },
  'GET /api/clients/c1/facts': { body: { items: [] } },
  'GET /api/clients/c1/commitments': { body: { items: [] } },
  'GET /api/clients/c1/timeline': { body: { items: [] } },
  'GET /api/mistakes': { body: { items: [], total: 0 } },
  ...overrides,
});

describe('clients list', () => {
  it('explains an empty workspace and offers to add the first client', async () => {
    renderApp('/clients');
    expect(await screen.findByText('No clients yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add your first client' })).toBeInTheDocument();
  });

  it('lists clients with tier, status and value as money', async () => {
    const health = { score: 100, band: 'healthy', trend: 0, openMistakes: 0, computedAt: null };
    renderApp('/clients', { 'GET /api/clients': { body: { items: [{ ...acme, health }] } } });
    const table = await screen.findByRole('table', { name: 'Clients' });
    expect(within(table).getByRole('link', { name: 'Acme Dental' })).toHaveAttribute('href', '/clients/c1');
    expect(table).toHaveTextContent('Key account');
    expect(table).toHaveTextContent('$12,000.00');
  });

  it('checks the add-client form, then sends the value in minor units with the CSRF header', async () => {
    const { user, sent, router } = renderApp('/clients', {
      'POST /api/clients': { status: 201, body: { ...acme, id: 'c9' } },
      'GET /api/clients/c9': { body: { ...acme, id: 'c9' } },
    });
    await user.click(await screen.findByRole('button', { name: 'Add your first client' }));
    const form = await screen.findByRole('form', { name: 'Add a client' });
    await user.type(within(form).getByLabelText(/Account value/), '12.345');
    await user.click(within(form).getByRole('button', { name: 'Add client' }));
    expect(within(form).getByText('Enter the client’s name')).toBeInTheDocument();
    expect(within(form).getByText('Enter an amount like 12000 or 12000.50')).toBeInTheDocument();
    expect(sent('POST', '/api/clients')).toHaveLength(0);

    await user.type(within(form).getByLabelText(/Client name/), 'Acme Dental');
    await user.clear(within(form).getByLabelText(/Account value/));
    await user.type(within(form).getByLabelText(/Account value/), '12,000.50');
    await user.selectOptions(within(form).getByLabelText(/Tier/), 'key');
    await user.click(within(form).getByRole('button', { name: 'Add client' }));

    await screen.findByRole('heading', { name: 'Acme Dental' });
    expect(router.state.location.pathname).toBe('/clients/c9');
    const [post] = sent('POST', '/api/clients');
    expect(post?.body).toEqual({
      name: 'Acme Dental',
      tier: 'key',
      status: 'active',
      value: { amountMinor: 1_200_050, currency: 'USD' },
    });
    expect(post?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it("shows the API's message for a field the form does not check itself", async () => {
    const { user } = renderApp('/clients', {
      'POST /api/clients': validationError([{ field: 'body.name', message: 'must be at most 160 characters' }]),
    });
    await user.click(await screen.findByRole('button', { name: 'Add your first client' }));
    const form = await screen.findByRole('form', { name: 'Add a client' });
    await user.type(within(form).getByLabelText(/Client name/), 'A very long name');
    await user.click(within(form).getByRole('button', { name: 'Add client' }));
    expect(await within(form).findByText('Must be at most 160 characters')).toBeInTheDocument();
  });
});

describe('client detail', () => {
  it('shows empty states for contacts, facts, commitments and mistakes', async () => {
    renderApp('/clients/c1', detailRoutes());
    expect(await screen.findByRole('heading', { name: 'Acme Dental' })).toBeInTheDocument();
    expect(await screen.findByText('No contacts yet')).toBeInTheDocument();
    expect(await screen.findByText('No facts yet')).toBeInTheDocument();
    expect(await screen.findByText('Nothing promised yet')).toBeInTheDocument();
    expect(await screen.findByText('No mistakes logged')).toBeInTheDocument();
  });

  it('shows how to address each contact and the facts that must be right', async () => {
    renderApp(
      '/clients/c1',
      detailRoutes({
        'GET /api/clients/c1/contacts': { body: { items: [priya] } },
        'GET /api/clients/c1/facts': { body: { items: [shortCode] } },
      }),
    );
    const card = await screen.findByRole('article', { name: 'Contact Priya Raman' });
    expect(card).toHaveTextContent('Dr Priya Raman');
    expect(card).toHaveTextContent('Goes by Pri');
    expect(card).toHaveTextContent('she/her');
    expect(card).toHaveTextContent('PREE-yah');
    const facts = await screen.findByRole('table', { name: 'Facts' });
    expect(facts).toHaveTextContent('Short code');
    expect(facts).toHaveTextContent('55123');
  });

  it('adds a contact with honorific and pronouns, refusing a malformed email first', async () => {
    const { user, sent } = renderApp(
      '/clients/c1',
      detailRoutes({ 'POST /api/clients/c1/contacts': { status: 201, body: priya } }),
    );
    await user.click(await screen.findByRole('button', { name: 'Add contact' }));
    const form = await screen.findByRole('form', { name: 'Add a contact' });
    await user.type(within(form).getByLabelText(/Email/), 'priya-at-acme');
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));
    expect(within(form).getByText('Enter the contact’s full name')).toBeInTheDocument();
    expect(within(form).getByText('Enter a valid email address or leave it empty')).toBeInTheDocument();

    await user.type(within(form).getByLabelText(/Full name/), 'Priya Raman');
    await user.selectOptions(within(form).getByLabelText(/Honorific/), 'Dr');
    await user.type(within(form).getByLabelText(/Pronouns/), 'she/her');
    await user.clear(within(form).getByLabelText(/Email/));
    await user.type(within(form).getByLabelText(/Email/), 'priya@acme.example');
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));
    await screen.findByText('No contacts yet');
    expect(sent('POST', '/api/clients/c1/contacts')[0]?.body).toEqual({
      fullName: 'Priya Raman',
      preferredName: null,
      honorific: 'Dr',
      pronouns: 'she/her',
      pronunciation: null,
      email: 'priya@acme.example',
      isBilling: false,
    });
  });

  it('records a fact only with a value', async () => {
    const { user, sent } = renderApp(
      '/clients/c1',
      detailRoutes({ 'POST /api/clients/c1/facts': { status: 201, body: shortCode } }),
    );
    const form = await screen.findByRole('form', { name: 'Add a fact' });
    await user.click(within(form).getByRole('button', { name: 'Add fact' }));
    expect(within(form).getByText(/Enter the value that must be right/)).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText(/Kind/), 'short_code');
    await user.type(within(form).getByLabelText(/Value/), '55123');
    await user.click(within(form).getByRole('button', { name: 'Add fact' }));
    await screen.findByText('No facts yet');
    expect(sent('POST', '/api/clients/c1/facts')[0]?.body).toEqual({ kind: 'short_code', value: '55123', label: null });
  });

  it('edits the status and value of a client, prefilled with what it was', async () => {
    const { user, sent } = renderApp(
      '/clients/c1',
      detailRoutes({ 'PATCH /api/clients/c1': (call) => ({ body: { ...acme, ...(call.body as object) } }) }),
    );
    await user.click(await screen.findByRole('button', { name: 'Edit client' }));
    const form = await screen.findByRole('form', { name: 'Edit client' });
    expect(within(form).getByLabelText(/Client name/)).toHaveValue('Acme Dental');
    expect(within(form).getByLabelText(/Account value/)).toHaveValue('12000.00');
    await user.selectOptions(within(form).getByLabelText(/Status/), 'at_risk');
    await user.clear(within(form).getByLabelText(/Account value/));
    await user.type(within(form).getByLabelText(/Account value/), '9000');
    await user.click(within(form).getByRole('button', { name: 'Save client' }));
    await waitFor(() => expect(sent('PATCH', '/api/clients/c1')).toHaveLength(1));
    expect(sent('PATCH', '/api/clients/c1')[0]?.body).toEqual({
      name: 'Acme Dental',
      tier: 'key',
      status: 'at_risk',
      value: { amountMinor: 900_000, currency: 'USD' },
    });
  });

  it('pages the client timeline newest first with "Load more"', async () => {
    const event = (id: string, summary: string, at: string) => ({
      id,
      mistakeId: null,
      clientId: 'c1',
      type: 'client.updated',
      summary,
      data: {},
      actor: null,
      at,
    });
    const { user, calls } = renderApp(
      '/clients/c1',
      detailRoutes({
        'GET /api/clients/c1/timeline': (call) =>
          call.query.get('cursor') === 'older'
            ? { body: { items: [event('e1', 'First change', '2026-11-01T10:00:00.000Z')], nextCursor: null } }
            : { body: { items: [event('e2', 'Second change', '2026-11-02T10:00:00.000Z')], nextCursor: 'older' } },
      }),
    );
    const list = await screen.findByRole('list', { name: 'Client timeline, newest first' });
    expect(within(list).getByText('Second change')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(list).findByText('First change')).toBeInTheDocument();
    const texts = within(list)
      .getAllByText(/change$/)
      .map((n) => n.textContent);
    expect(texts).toEqual(['Second change', 'First change']);
    expect(
      calls
        .filter((c) => c.path === '/api/clients/c1/timeline')
        .at(-1)!
        .query.get('cursor'),
    ).toBe('older');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument());
  });

  it('says when the client does not exist', async () => {
    renderApp('/clients/zz', {
      'GET /api/clients/zz': {
        status: 404,
        body: { error: { code: 'client_not_found', message: 'No such client.', requestId: 'r' } },
      },
    });
    expect(await screen.findByText('No such client.')).toBeInTheDocument();
    expect(screen.getByText('This client could not be loaded')).toBeInTheDocument();
  });
});
