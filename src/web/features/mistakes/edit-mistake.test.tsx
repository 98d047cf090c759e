import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Mistake, TimelineEvent } from '../../../shared/contract/index.ts';
import { renderApp, validationError, type FakeResponse, type RecordedCall } from '../../test-utils.tsx';

// Correcting a logged mistake from its detail page.

const logged: Mistake = {
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
};
const loggedEvent: TimelineEvent = {
  id: 'e1',
  mistakeId: 'm1',
  clientId: 'c1',
  type: 'mistake.logged',
  summary: 'MG-1 logged: Wrong short code in the newsletter (major, found by client)',
  data: {},
  actor: { id: 'u1', name: 'Dana Reyes' },
  at: '2026-11-30T09:00:00.000Z',
};
const members = {
  items: [
    { id: 'u1', name: 'Dana Reyes', email: 'dana@northwind.example', role: 'owner' },
    { id: 'u2', name: 'Sam Okafor', email: 'sam@northwind.example', role: 'member' },
  ],
};

/** The detail page with a mistake and timeline that a PATCH really changes (like the API does). */
function renderDetail(
  options: { members?: boolean; patch?: (call: RecordedCall) => FakeResponse; ownerId?: string | null } = {},
) {
  let current: Mistake = { ...logged, ownerId: options.ownerId === undefined ? 'u1' : options.ownerId };
  const events: TimelineEvent[] = [loggedEvent];
  return renderApp('/mistakes/m1', {
    'GET /api/mistakes/m1': () => ({ body: current }),
    'GET /api/mistakes/m1/timeline': () => ({ body: { items: [...events] } }),
    'GET /api/mistakes/m1/acknowledgments': { body: { items: [] } },
    'GET /api/commitments': { body: { items: [] } },
    'GET /api/clients/c1/contacts': { body: { items: [] } },
    ...(options.members === false ? {} : { 'GET /api/members': { body: members } }),
    'PATCH /api/mistakes/m1':
      options.patch ??
      ((call) => {
        const patch = call.body as Partial<Mistake>;
        current = { ...current, ...patch, updatedAt: '2026-11-30T11:00:00.000Z' };
        events.push({
          ...loggedEvent,
          id: `e${events.length + 1}`,
          type: 'mistake.updated',
          summary: `MG-1 updated: ${Object.keys(patch).join(', ')}`,
          at: '2026-11-30T11:00:00.000Z',
        });
        return { body: current };
      }),
  });
}

async function openEditor(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Edit details' }));
  return screen.findByRole('form', { name: 'Edit MG-1' });
}

describe('editing a mistake', () => {
  it('opens prefilled with what was logged, including the owner from the members list', async () => {
    const { user } = renderDetail();
    const form = await openEditor(user);
    expect(within(form).getByLabelText(/^Title/)).toHaveValue('Wrong short code in the newsletter');
    expect(within(form).getByLabelText(/What happened/)).toHaveValue('Told patients to text 55132.');
    expect(within(form).getByLabelText(/Category/)).toHaveValue('wrong_fact');
    expect(within(form).getByLabelText('Major')).toBeChecked();
    expect(within(form).getByLabelText(/^Impact/)).toHaveValue('250.00');
    expect(within(form).getByLabelText('Currency')).toHaveValue('EUR');
    expect(await within(form).findByLabelText(/Owner/)).toHaveValue('u1');
    expect(within(form).getByRole('option', { name: 'Sam Okafor' })).toBeInTheDocument();
  });

  it('sends only the changed fields, closes, and shows the change on the page and the timeline', async () => {
    const { user, sent } = renderDetail();
    const form = await openEditor(user);
    await within(form).findByLabelText(/Owner/);
    await user.clear(within(form).getByLabelText(/What happened/));
    await user.click(within(form).getByLabelText('Critical'));
    await user.clear(within(form).getByLabelText(/^Impact/));
    await user.type(within(form).getByLabelText(/^Impact/), '1,300.5');
    await user.selectOptions(within(form).getByLabelText(/Owner/), 'u2');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit MG-1' })).not.toBeInTheDocument());
    expect(sent('PATCH', '/api/mistakes/m1')).toHaveLength(1);
    expect(sent('PATCH', '/api/mistakes/m1')[0]?.body).toEqual({
      description: null,
      severity: 'critical',
      impact: { amountMinor: 130_050, currency: 'EUR' },
      ownerId: 'u2',
    });
    const details = screen.getByRole('region', { name: 'What happened' });
    await waitFor(() => expect(details).toHaveTextContent('€1,300.50'));
    expect(details).toHaveTextContent('No description yet.');
    const timeline = await screen.findByRole('list', { name: /Mistake timeline/ });
    await waitFor(() => expect(timeline).toHaveTextContent('MG-1 updated: description, severity, impact, ownerId'));
  });

  it('sends a new currency with the amount, and a cleared owner as null', async () => {
    const { user, sent } = renderDetail();
    const form = await openEditor(user);
    await within(form).findByLabelText(/Owner/);
    await user.selectOptions(within(form).getByLabelText('Currency'), 'USD');
    await user.selectOptions(within(form).getByLabelText(/Owner/), '');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(sent('PATCH', '/api/mistakes/m1')).toHaveLength(1));
    expect(sent('PATCH', '/api/mistakes/m1')[0]?.body).toEqual({
      impact: { amountMinor: 25_000, currency: 'USD' },
      ownerId: null,
    });
  });

  it("shows the API's field error on the title and keeps the dialog open", async () => {
    const { user } = renderDetail({
      patch: () => validationError([{ field: 'body.title', message: 'must be at most 200 characters' }]),
    });
    const form = await openEditor(user);
    await user.type(within(form).getByLabelText(/^Title/), ' again');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Must be at most 200 characters')).toBeInTheDocument();
    expect(within(form).getByLabelText(/^Title/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('form', { name: 'Edit MG-1' })).toBeInTheDocument();
  });

  it('checks the title and amount before asking the API', async () => {
    const { user, sent } = renderDetail();
    const form = await openEditor(user);
    await user.clear(within(form).getByLabelText(/^Title/));
    await user.clear(within(form).getByLabelText(/^Impact/));
    await user.type(within(form).getByLabelText(/^Impact/), '12.345');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(within(form).getByText('Say in a few words what went wrong')).toBeInTheDocument();
    expect(within(form).getByText('Enter an amount like 250 or 250.00')).toBeInTheDocument();
    expect(sent('PATCH', '/api/mistakes/m1')).toHaveLength(0);
  });

  it('leaves the owner out when the members list is not available, and sends nothing when nothing changed', async () => {
    const { user, sent } = renderDetail({ members: false });
    const form = await openEditor(user);
    await waitFor(() => expect(sent('GET', '/api/members')).toHaveLength(1));
    expect(within(form).queryByLabelText(/Owner/)).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit MG-1' })).not.toBeInTheDocument());
    expect(sent('PATCH', '/api/mistakes/m1')).toHaveLength(0);
  });

  it('can be driven from the keyboard: focus starts on the title, Escape cancels', async () => {
    const { user, sent } = renderDetail();
    const button = await screen.findByRole('button', { name: 'Edit details' });
    button.focus();
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Edit MG-1' });
    await waitFor(() => expect(within(form).getByLabelText(/^Title/)).toHaveFocus());
    await user.keyboard(' (55123)');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit MG-1' })).not.toBeInTheDocument());
    expect(sent('PATCH', '/api/mistakes/m1')).toHaveLength(0);
  });
});
