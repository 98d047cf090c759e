import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Client, Contact } from '../../../shared/contract/index.ts';
import { renderApp, validationError, type RecordedCall } from '../../test-utils.tsx';

// Editing contacts and the billing-contact flag on the client page.

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
const omar: Contact = {
  ...priya,
  id: 'p2',
  fullName: 'Omar Haddad',
  preferredName: null,
  honorific: 'Mr',
  pronouns: null,
  pronunciation: null,
  email: 'accounts@acme.example',
  isBilling: true,
};

/** The client page with a contacts list that a PATCH really changes. */
function renderClient(contacts: Contact[], patch?: (call: RecordedCall) => { status?: number; body?: unknown }) {
  let items = contacts;
  return renderApp('/clients/c1', {
    'GET /api/clients/c1': { body: acme },
    'GET /api/clients/c1/contacts': () => ({ body: { items } }),
    'GET /api/clients/c1/facts': { body: { items: [] } },
    'GET /api/clients/c1/commitments': { body: { items: [] } },
    'GET /api/clients/c1/timeline': { body: { items: [] } },
    'GET /api/mistakes': { body: { items: [], total: 0 } },
    'PATCH /api/clients/c1/contacts/p1':
      patch ??
      ((call) => {
        items = items.map((c) => (c.id === 'p1' ? { ...c, ...(call.body as Partial<Contact>) } : c));
        return { body: items.find((c) => c.id === 'p1') };
      }),
    'POST /api/clients/c1/contacts': (call) => ({
      status: 201,
      body: { ...priya, ...(call.body as Partial<Contact>), id: 'p9' },
    }),
  });
}

describe('client contacts', () => {
  it('marks the billing contact with a badge, and only that one', async () => {
    renderClient([priya, omar]);
    const billing = await screen.findByRole('article', { name: 'Contact Omar Haddad' });
    expect(within(billing).getByText('Billing')).toBeInTheDocument();
    const other = screen.getByRole('article', { name: 'Contact Priya Raman' });
    expect(within(other).queryByText('Billing')).not.toBeInTheDocument();
  });

  it('edits a contact in a dialog prefilled with what it was, sending only the changed fields', async () => {
    const { user, sent } = renderClient([priya]);
    await user.click(await screen.findByRole('button', { name: 'Edit contact Priya Raman' }));
    const form = await screen.findByRole('form', { name: 'Edit contact Priya Raman' });
    expect(within(form).getByLabelText(/Full name/)).toHaveValue('Priya Raman');
    expect(within(form).getByLabelText(/Honorific/)).toHaveValue('Dr');
    expect(within(form).getByLabelText(/Preferred name/)).toHaveValue('Pri');
    expect(within(form).getByLabelText(/Pronouns/)).toHaveValue('she/her');
    expect(within(form).getByLabelText(/Pronunciation/)).toHaveValue('PREE-yah');
    expect(within(form).getByLabelText(/Email/)).toHaveValue('priya@acme.example');
    expect(within(form).getByRole('checkbox', { name: /Billing contact/ })).not.toBeChecked();

    await user.clear(within(form).getByLabelText(/Preferred name/));
    await user.type(within(form).getByLabelText(/Preferred name/), 'Priya');
    await user.clear(within(form).getByLabelText(/Pronunciation/));
    await user.click(within(form).getByRole('checkbox', { name: /Billing contact/ }));
    await user.click(within(form).getByRole('button', { name: 'Save contact' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: /Edit contact/ })).not.toBeInTheDocument());
    expect(sent('PATCH', '/api/clients/c1/contacts/p1')).toHaveLength(1);
    expect(sent('PATCH', '/api/clients/c1/contacts/p1')[0]?.body).toEqual({
      preferredName: 'Priya',
      pronunciation: null,
      isBilling: true,
    });
    // The list is read again and shows what was saved.
    const card = await screen.findByRole('article', { name: 'Contact Priya Raman' });
    await waitFor(() => expect(within(card).getByText('Billing')).toBeInTheDocument());
    expect(card).toHaveTextContent('Goes by Priya');
    expect(card).not.toHaveTextContent('PREE-yah');
  });

  it("shows the API's field error on the field and keeps the dialog open", async () => {
    const { user, sent } = renderClient([priya], () =>
      validationError([{ field: 'body.email', message: 'is already used by another contact' }]),
    );
    await user.click(await screen.findByRole('button', { name: 'Edit contact Priya Raman' }));
    const form = await screen.findByRole('form', { name: 'Edit contact Priya Raman' });
    await user.clear(within(form).getByLabelText(/Email/));
    await user.type(within(form).getByLabelText(/Email/), 'omar@acme.example');
    await user.click(within(form).getByRole('button', { name: 'Save contact' }));
    expect(await within(form).findByText('Is already used by another contact')).toBeInTheDocument();
    expect(within(form).getByLabelText(/Email/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('alert')).toHaveTextContent('Some fields need attention');
    expect(sent('PATCH', '/api/clients/c1/contacts/p1')[0]?.body).toEqual({ email: 'omar@acme.example' });
  });

  it('checks the edited fields before asking the API, and closes without a request when nothing changed', async () => {
    const { user, sent } = renderClient([priya]);
    await user.click(await screen.findByRole('button', { name: 'Edit contact Priya Raman' }));
    let form = await screen.findByRole('form', { name: 'Edit contact Priya Raman' });
    await user.clear(within(form).getByLabelText(/Full name/));
    await user.click(within(form).getByRole('button', { name: 'Save contact' }));
    expect(within(form).getByText('Enter the contact’s full name')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: /Edit contact/ })).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Edit contact Priya Raman' }));
    form = await screen.findByRole('form', { name: 'Edit contact Priya Raman' });
    // Reopened: prefilled again, not with the abandoned edit.
    expect(within(form).getByLabelText(/Full name/)).toHaveValue('Priya Raman');
    await user.click(within(form).getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: /Edit contact/ })).not.toBeInTheDocument());
    expect(sent('PATCH', '/api/clients/c1/contacts/p1')).toHaveLength(0);
  });

  it('can be keyboard-driven: Escape closes the edit dialog', async () => {
    const { user } = renderClient([priya]);
    const edit = await screen.findByRole('button', { name: 'Edit contact Priya Raman' });
    edit.focus();
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Edit contact Priya Raman' });
    await waitFor(() => expect(within(form).getByLabelText(/Full name/)).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('form', { name: /Edit contact/ })).not.toBeInTheDocument());
  });

  it('adds a billing contact', async () => {
    const { user, sent } = renderClient([]);
    await user.click(await screen.findByRole('button', { name: 'Add contact' }));
    const form = await screen.findByRole('form', { name: 'Add a contact' });
    await user.type(within(form).getByLabelText(/Full name/), 'Omar Haddad');
    await user.type(within(form).getByLabelText(/Email/), 'accounts@acme.example');
    await user.click(within(form).getByRole('checkbox', { name: /Billing contact/ }));
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(sent('POST', '/api/clients/c1/contacts')).toHaveLength(1));
    expect(sent('POST', '/api/clients/c1/contacts')[0]?.body).toMatchObject({
      fullName: 'Omar Haddad',
      email: 'accounts@acme.example',
      isBilling: true,
    });
  });
});
