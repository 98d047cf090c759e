import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action, Learning } from '../../../shared/contract/index.ts';
import { fakeApi, renderRecovery, type Routes } from '../recovery/testing.tsx';
import { ActionsPage } from './actions-page.tsx';
import { LearnSection } from './learn-section.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const at = '2026-03-02T09:00:00.000Z';

function action(overrides: Partial<Action> = {}): Action {
  return {
    id: 'a1',
    mistakeId: 'm1',
    mistakeRef: 'MG-1',
    clientId: 'c1',
    kind: 'preventive',
    title: 'Collateral check before print',
    ownerId: 'u1',
    ownerName: 'Dana Reyes',
    dueAt: '2099-04-01T23:59:00.000Z',
    status: 'open',
    cancelReason: null,
    doneAt: null,
    checkDueAt: null,
    checkResult: null,
    checkNote: null,
    checkedBy: null,
    checkedAt: null,
    overdue: false,
    createdAt: at,
    ...overrides,
  };
}

// Cast: the learning shape is still growing (recurrence fields); the Learn section ignores extra ones.
function learning(overrides: Partial<Learning> = {}): Learning {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- see above
  return {
    repeatOf: null,
    repeats: [],
    regressed: false,
    mistakeId: 'm1',
    stage: 'fixed',
    rootCause: null,
    advisories: [],
    actions: [],
    noPreventionReason: null,
    noPlanReason: null,
    planMessageId: null,
    missing: {
      learned: ['Record the root cause with a category'],
      verified: ['Every preventive action done and checked effective'],
      closed: ['Send the client the improvement plan'],
    },
    ...overrides,
  } as Learning;
}

const base = (l: Learning): Routes => ({
  'GET /mistakes/m1/learning': { body: l },
  'GET /clients/c1/contacts': { body: { items: [] } },
  'GET /members': {
    body: {
      items: [
        { id: 'u1', name: 'Dana Reyes', email: 'dana@northwind.example', role: 'owner', since: at },
        { id: 'u2', name: 'Jo Park', email: 'jo@northwind.example', role: 'member', since: at },
      ],
    },
  },
});

describe('root-cause form', () => {
  it('refuses an empty why-step and a missing category, then saves the ordered steps', async () => {
    const api = fakeApi({
      ...base(learning()),
      'PUT /mistakes/m1/root-cause': (seen) => ({
        body: learning({ rootCause: { mistakeId: 'm1', ...seen.body, updatedAt: at, updatedBy: 'u1' } }),
      }),
    });
    const { user } = renderRecovery(<LearnSection mistakeId="m1" clientId="c1" />);
    const form = await screen.findByRole('form', { name: 'Root cause' });
    await user.click(within(form).getByRole('button', { name: 'Record the root cause' }));
    expect(await within(form).findByText('Write this step or remove it')).toBeInTheDocument();
    expect(within(form).getByText('Choose the main cause')).toBeInTheDocument();
    expect(api.sent('PUT', '/mistakes/m1/root-cause')).toHaveLength(0);

    await user.type(within(form).getByLabelText('Why 1'), 'The posters carried the wrong code');
    await user.click(within(form).getByRole('button', { name: 'Ask why again' }));
    await user.type(within(form).getByLabelText('Why 2'), 'The proof was never checked against the facts card');
    await user.selectOptions(within(form).getByLabelText(/Main cause/), 'process');
    await user.selectOptions(within(form).getByLabelText(/Escape point/), 'no_check');
    await user.type(within(form).getByLabelText(/Where it should have been caught/), 'proof review');
    await user.click(within(form).getByRole('button', { name: 'Record the root cause' }));
    await waitFor(() => expect(api.sent('PUT', '/mistakes/m1/root-cause')).toHaveLength(1));
    expect(api.sent('PUT', '/mistakes/m1/root-cause')[0]?.body).toEqual({
      whySteps: ['The posters carried the wrong code', 'The proof was never checked against the facts card'],
      category: 'process',
      otherCategories: [],
      escapePoint: { kind: 'no_check', where: 'proof review' },
      summary: null,
    });
  });

  it('allows at most five why-steps', async () => {
    fakeApi(base(learning()));
    const { user } = renderRecovery(<LearnSection mistakeId="m1" clientId="c1" />);
    const form = await screen.findByRole('form', { name: 'Root cause' });
    for (let i = 0; i < 4; i++) await user.click(within(form).getByRole('button', { name: 'Ask why again' }));
    expect(within(form).getByLabelText('Why 5')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Five whys is the limit' })).toBeDisabled();
  });

  it('shows the blameless advisory beside the step it names, and still lets the user save', async () => {
    const l = learning({
      rootCause: {
        mistakeId: 'm1',
        whySteps: ['The code was wrong', 'Dana forgot to check it'],
        category: 'process',
        otherCategories: [],
        escapePoint: null,
        summary: null,
        updatedAt: at,
        updatedBy: 'u1',
      },
      advisories: [
        {
          field: 'whySteps.1',
          name: 'Dana',
          message: 'This step puts the cause on Dana.',
          suggestion: 'Ask what let it through: was there a check?',
        },
      ],
    });
    fakeApi(base(l));
    renderRecovery(<LearnSection mistakeId="m1" clientId="c1" />);
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('This step puts the cause on Dana.');
    // Beside step 2, not step 1: the note follows the second field.
    const step2 = screen.getByLabelText('Why 2');
    expect(step2.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      screen.getByLabelText('Why 1').compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.getAllByRole('note')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Save the root cause' })).toBeEnabled();
  });
});

describe('actions of a mistake', () => {
  it('adds a preventive action with an owner and a due date', async () => {
    const api = fakeApi({ ...base(learning()), 'POST /mistakes/m1/actions': { status: 201, body: action() } });
    const { user } = renderRecovery(<LearnSection mistakeId="m1" clientId="c1" />);
    const form = await screen.findByRole('form', { name: 'Add an action' });
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));
    expect(await within(form).findByText('Choose who owns it')).toBeInTheDocument();
    expect(api.sent('POST', '/mistakes/m1/actions')).toHaveLength(0);
    await user.type(within(form).getByLabelText(/^Action/), 'New account manager');
    await screen.findByRole('option', { name: 'Jo Park' });
    await user.selectOptions(within(form).getByLabelText(/Owner/), 'u2');
    await user.type(within(form).getByLabelText(/Due/), '2099-04-01');
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/actions')).toHaveLength(1));
    expect(api.sent('POST', '/mistakes/m1/actions')[0]?.body).toEqual({
      kind: 'preventive',
      title: 'New account manager',
      ownerId: 'u2',
      dueAt: '2099-04-01T23:59:00.000Z',
    });
  });

  it('marks an action done, and cancels only with a reason', async () => {
    const api = fakeApi({
      ...base(learning({ actions: [action(), action({ id: 'a2', kind: 'corrective', title: 'Reprint' })] })),
      'POST /actions/a1/done': { body: action({ status: 'done', doneAt: at }) },
      'POST /actions/a2/cancel': { body: action({ id: 'a2', status: 'cancelled' }) },
    });
    const { user } = renderRecovery(<LearnSection mistakeId="m1" clientId="c1" />);
    await user.click(await screen.findByRole('button', { name: 'Mark done: Collateral check before print' }));
    await waitFor(() => expect(api.sent('POST', '/actions/a1/done')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Cancel: Reprint' }));
    const cancel = screen.getByRole('form', { name: 'Cancel Reprint' });
    await user.click(within(cancel).getByRole('button', { name: 'Cancel the action' }));
    expect(await within(cancel).findByText('Say why it is cancelled')).toBeInTheDocument();
    expect(api.sent('POST', '/actions/a2/cancel')).toHaveLength(0);
    await user.type(within(cancel).getByLabelText('Why is it cancelled?'), 'The client reprints themselves');
    await user.click(within(cancel).getByRole('button', { name: 'Cancel the action' }));
    await waitFor(() => expect(api.sent('POST', '/actions/a2/cancel')).toHaveLength(1));
    expect(api.sent('POST', '/actions/a2/cancel')[0]?.body).toEqual({ reason: 'The client reprints themselves' });
  });

  it('offers the effectiveness check only for done preventive actions and records the result', async () => {
    const api = fakeApi({
      ...base(
        learning({
          actions: [
            action({ status: 'done', doneAt: at, checkDueAt: '2026-04-01T09:00:00.000Z' }),
            action({ id: 'a2', title: 'Still open' }),
            action({ id: 'a3', kind: 'corrective', title: 'Reprint', status: 'done', doneAt: at }),
          ],
        }),
      ),
      'POST /actions/a1/check': { body: action({ status: 'done', checkResult: 'not_effective' }) },
    });
    const { user } = renderRecovery(<LearnSection mistakeId="m1" clientId="c1" />);
    await screen.findByRole('button', { name: 'Check effectiveness: Collateral check before print' });
    expect(screen.queryByRole('button', { name: 'Check effectiveness: Still open' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check effectiveness: Reprint' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Check effectiveness: Collateral check before print' }));
    const form = screen.getByRole('form', { name: 'Effectiveness check of Collateral check before print' });
    await user.click(within(form).getByText('Not effective'));
    await user.type(within(form).getByLabelText('Note'), 'A wrong code slipped through again');
    await user.click(within(form).getByRole('button', { name: 'Record the check' }));
    await waitFor(() => expect(api.sent('POST', '/actions/a1/check')).toHaveLength(1));
    expect(api.sent('POST', '/actions/a1/check')[0]?.body).toEqual({
      result: 'not_effective',
      note: 'A wrong code slipped through again',
    });
  });

  it('lists what is still missing for learned, verified and closed', async () => {
    fakeApi(base(learning()));
    renderRecovery(<LearnSection mistakeId="m1" clientId="c1" />);
    const learned = await screen.findByRole('list', { name: 'Missing for learned' });
    expect(learned).toHaveTextContent('Record the root cause with a category');
    expect(screen.getByRole('list', { name: 'Missing for closed' })).toHaveTextContent(
      'Send the client the improvement plan',
    );
  });
});

describe('Actions page', () => {
  it('shows an empty state', async () => {
    fakeApi({ ...base(learning()), 'GET /actions': { body: { items: [] } } });
    renderRecovery(<ActionsPage />);
    expect(await screen.findByText('No actions here')).toBeInTheDocument();
  });

  it('lists actions with the mistake link, owner and an overdue badge, and filters by status and owner', async () => {
    const api = fakeApi({
      ...base(learning()),
      'GET /actions': {
        body: {
          items: [
            action({ overdue: true, dueAt: '2026-03-01T23:59:00.000Z' }),
            action({ id: 'a2', title: 'New account manager', ownerName: 'Jo Park', ownerId: 'u2' }),
          ],
        },
      },
    });
    const { user } = renderRecovery(<ActionsPage />);
    const table = await screen.findByRole('table', { name: 'Actions' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Collateral check before print');
    expect(rows[1]).toHaveTextContent('Overdue');
    expect(rows[1]).toHaveTextContent('1 Mar 2026');
    expect(rows[2]).not.toHaveTextContent('Overdue');
    expect(within(rows[1]!).getByRole('link', { name: 'MG-1' })).toHaveAttribute('href', '/mistakes/m1');
    expect(api.seen.find((s) => s.path === '/actions')?.query.get('status')).toBe('open');
    await user.click(screen.getByRole('radio', { name: 'Overdue' }));
    await waitFor(() =>
      expect(api.seen.some((s) => s.path === '/actions' && s.query.get('status') === 'overdue')).toBe(true),
    );
    await screen.findByRole('option', { name: 'Jo Park' });
    await user.selectOptions(screen.getByLabelText('Owner'), 'u2');
    await waitFor(() =>
      expect(api.seen.some((s) => s.path === '/actions' && s.query.get('ownerId') === 'u2')).toBe(true),
    );
  });

  it('shows one card per action on a phone, with the owner and due date that a sideways table would hide', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({
      ...original(query),
      matches: query.includes('max-width'),
    }));
    try {
      fakeApi({
        ...base(learning()),
        'GET /actions': {
          body: { items: [action({ overdue: true, dueAt: '2026-03-01T23:59:00.000Z', ownerName: 'Jo Park' })] },
        },
      });
      renderRecovery(<ActionsPage />);
      const list = await screen.findByRole('list', { name: 'Actions' });
      expect(screen.queryByRole('table', { name: 'Actions' })).not.toBeInTheDocument();
      const [card] = within(list).getAllByRole('listitem');
      expect(card).toHaveTextContent('Collateral check before print');
      expect(card).toHaveTextContent('Jo Park');
      expect(card).toHaveTextContent('Due 1 Mar 2026');
      expect(card).toHaveTextContent('Overdue');
    } finally {
      window.matchMedia = original;
    }
  });
});
