import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Invitation, type MemberInfo } from '../../../shared/contract/index.ts';
import { renderApp, testSession, type RecordedCall } from '../../test-utils.tsx';

const dana: MemberInfo = {
  id: 'u1',
  name: 'Dana Reyes',
  email: 'dana@northwind.example',
  role: 'owner',
  since: '2026-03-01T09:00:00.000Z',
};
const jo: MemberInfo = {
  id: 'u2',
  name: 'Jo Park',
  email: 'jo@northwind.example',
  role: 'member',
  since: '2026-04-15T10:00:00.000Z',
};
const sam: MemberInfo = {
  id: 'u3',
  name: 'Sam Lee',
  email: 'sam@northwind.example',
  role: 'admin',
  since: '2026-05-02T10:00:00.000Z',
};

const base = (members: MemberInfo[]) => ({
  'GET /api/settings': { body: defaultSettings() },
  'GET /api/members': { body: { items: members } },
});

const membersTable = () => screen.findByRole('table', { name: 'Members' });

describe('members section', () => {
  it('lists name, email, role and since; the owner and yourself are not editable', async () => {
    renderApp('/settings', base([dana, jo, sam]));
    const table = await membersTable();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Dana Reyes',
      'Jo Park',
      'Sam Lee',
    ]);
    const danaRow = rows[0]!;
    expect(within(danaRow).getByText('dana@northwind.example')).toBeInTheDocument();
    expect(within(danaRow).getByText('Owner')).toBeInTheDocument();
    expect(within(danaRow).getByText('1 Mar 2026')).toBeInTheDocument();
    expect(within(danaRow).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByLabelText('Role of Dana Reyes')).toBeNull();
    expect(screen.getByLabelText('Role of Jo Park')).toHaveValue('member');
    expect(screen.getByRole('button', { name: 'Remove Sam Lee' })).toBeInTheDocument();
  });

  it('adds a member with a temporary password, after checking the fields, and says no email is sent', async () => {
    const members = [dana];
    const { user, sent } = renderApp('/settings', {
      ...base(members),
      'GET /api/members': () => ({ body: { items: [...members] } }),
      'POST /api/members': (call: RecordedCall) => {
        const body = call.body as { name: string; email: string; role: MemberInfo['role'] };
        const created = {
          id: 'u9',
          name: body.name,
          email: body.email,
          role: body.role,
          since: '2026-06-01T00:00:00.000Z',
        };
        members.push(created);
        return { status: 201, body: created };
      },
    });
    await membersTable();
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a member' });
    expect(within(dialog).getByText(/sends no invitation email/)).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/Email/), 'not an email');
    await user.type(within(dialog).getByLabelText(/Temporary password/), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));
    expect(within(dialog).getByText('Enter their name')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter an email address like jo@example.com')).toBeInTheDocument();
    expect(
      within(dialog).getByText('At least 10 characters', { selector: '.mantine-InputWrapper-error' }),
    ).toBeInTheDocument();
    expect(sent('POST', '/api/members')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Name/), 'Ravi Shah');
    await user.clear(within(dialog).getByLabelText(/Email/));
    await user.type(within(dialog).getByLabelText(/Email/), 'ravi@northwind.example');
    await user.type(within(dialog).getByLabelText(/Temporary password/), ' and longer');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'viewer');
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));
    await waitFor(() => expect(sent('POST', '/api/members')).toHaveLength(1));
    expect(sent('POST', '/api/members')[0]?.body).toEqual({
      name: 'Ravi Shah',
      email: 'ravi@northwind.example',
      password: 'short and longer',
      role: 'viewer',
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a member' })).toBeNull());
    expect(await within(await membersTable()).findByText('ravi@northwind.example')).toBeInTheDocument();
  });

  it('shows the field the API refused (email already used) in the dialog', async () => {
    const { user } = renderApp('/settings', {
      ...base([dana]),
      'POST /api/members': {
        status: 409,
        body: {
          error: {
            code: 'email_taken',
            message: 'Another user already has this email.',
            details: { field: 'email' },
            requestId: 'r1',
          },
        },
      },
    });
    await membersTable();
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a member' });
    await user.type(within(dialog).getByLabelText(/Name/), 'Dana Again');
    await user.type(within(dialog).getByLabelText(/Email/), 'dana@northwind.example');
    await user.type(within(dialog).getByLabelText(/Temporary password/), 'long enough pass');
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));
    const emailInput = within(dialog).getByLabelText(/Email/);
    await waitFor(() => expect(emailInput).toHaveAccessibleDescription(/Another user already has this email/));
    expect(screen.getByRole('dialog', { name: 'Add a member' })).toBeInTheDocument();
  });

  it('changes a role with the select', async () => {
    const { user, sent } = renderApp('/settings', {
      ...base([dana, jo]),
      'PATCH /api/members/u2': (call: RecordedCall) => ({ body: { ...jo, ...(call.body as object) } }),
    });
    await membersTable();
    await user.selectOptions(screen.getByLabelText('Role of Jo Park'), 'admin');
    await waitFor(() => expect(sent('PATCH', '/api/members/u2')).toHaveLength(1));
    expect(sent('PATCH', '/api/members/u2')[0]?.body).toEqual({ role: 'admin' });
    await waitFor(() => expect(screen.getByLabelText('Role of Jo Park')).toHaveValue('admin'));
  });

  it('removes a member only after confirming', async () => {
    let members = [dana, jo];
    const { user, sent } = renderApp('/settings', {
      ...base(members),
      'GET /api/members': () => ({ body: { items: members } }),
      'DELETE /api/members/u2': () => {
        members = [dana];
        return { status: 204 };
      },
    });
    await membersTable();
    await user.click(screen.getByRole('button', { name: 'Remove Jo Park' }));
    let dialog = await screen.findByRole('dialog', { name: 'Remove this member?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep them' }));
    expect(sent('DELETE', '/api/members/u2')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Remove Jo Park' }));
    dialog = await screen.findByRole('dialog', { name: 'Remove this member?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove member' }));
    await waitFor(() => expect(sent('DELETE', '/api/members/u2')).toHaveLength(1));
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Members' })).queryByText('Jo Park')).toBeNull(),
    );
  });

  it('is read-only for a member: no add, no role select, no remove', async () => {
    renderApp('/settings', {
      ...base([dana, jo]),
      'GET /api/session': {
        body: { ...testSession, user: { id: 'u2', name: 'Jo Park', email: jo.email }, role: 'member' },
      },
    });
    const table = await membersTable();
    expect(within(table).getByText('Jo Park')).toBeInTheDocument();
    expect(screen.getByText('Only an owner or admin can add, change or remove members.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
    expect(screen.queryByLabelText('Role of Jo Park')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
  });
});

describe('invitations in the members section', () => {
  const pending: Invitation = {
    id: 'inv1',
    email: 'kim@northwind.example',
    role: 'viewer',
    invitedBy: { id: 'u1', name: 'Dana Reyes' },
    createdAt: '2026-03-01T09:00:00.000Z',
    sentAt: '2026-03-01T09:00:00.000Z',
    expiresAt: '2026-03-08T09:00:00.000Z',
    expired: false,
  };

  it('invites by email with a role, then lists the invitation as pending', async () => {
    const invitations: Invitation[] = [];
    const { user, sent } = renderApp('/settings', {
      ...base([dana]),
      'GET /api/invitations': () => ({ body: { items: [...invitations] } }),
      'POST /api/invitations': (call: RecordedCall) => {
        const body = call.body as { email: string; role: Invitation['role'] };
        const created = { ...pending, id: 'inv2', email: body.email, role: body.role };
        invitations.push(created);
        return { status: 201, body: created };
      },
    });
    await membersTable();
    expect(screen.queryByRole('table', { name: 'Pending invitations' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Invite by email' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite by email' });
    await user.type(within(dialog).getByLabelText(/Email/), 'ravi');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(within(dialog).getByText('Enter an email address like jo@example.com')).toBeInTheDocument();
    expect(sent('POST', '/api/invitations')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText(/Email/), '@northwind.example');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'admin');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(sent('POST', '/api/invitations')).toHaveLength(1));
    expect(sent('POST', '/api/invitations')[0]?.body).toEqual({ email: 'ravi@northwind.example', role: 'admin' });
    const table = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(within(table).getByText('ravi@northwind.example')).toBeInTheDocument();
    expect(within(table).getByText('Admin')).toBeInTheDocument();
  });

  it('shows a pending invitation for that email under the field (409 invitation_pending)', async () => {
    const { user } = renderApp('/settings', {
      ...base([dana]),
      'GET /api/invitations': { body: { items: [pending] } },
      'POST /api/invitations': {
        status: 409,
        body: {
          error: {
            code: 'invitation_pending',
            message: 'kim@northwind.example already has a pending invitation; resend or revoke that one.',
            details: { field: 'email', invitationId: 'inv1' },
            requestId: 'r1',
          },
        },
      },
    });
    await membersTable();
    await user.click(screen.getByRole('button', { name: 'Invite by email' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite by email' });
    await user.type(within(dialog).getByLabelText(/Email/), 'kim@northwind.example');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/Email/)).toHaveAccessibleDescription(/already has a pending invitation/),
    );
  });

  it('resends and revokes a pending invitation; an expired one says so', async () => {
    let items: Invitation[] = [pending, { ...pending, id: 'inv3', email: 'old@northwind.example', expired: true }];
    const { user, sent } = renderApp('/settings', {
      ...base([dana]),
      'GET /api/invitations': () => ({ body: { items } }),
      'POST /api/invitations/inv3/resend': () => {
        items = items.map((i) => (i.id === 'inv3' ? { ...i, expired: false } : i));
        return { body: items[1] };
      },
      'DELETE /api/invitations/inv1': () => {
        items = items.filter((i) => i.id !== 'inv1');
        return { status: 204 };
      },
    });
    const table = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(within(table).getByText('Expired')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Resend the invitation to old@northwind.example' }));
    await waitFor(() => expect(sent('POST', '/api/invitations/inv3/resend')).toHaveLength(1));
    await waitFor(() => expect(within(table).queryByText('Expired')).toBeNull());
    await user.click(within(table).getByRole('button', { name: 'Revoke the invitation to kim@northwind.example' }));
    await waitFor(() => expect(sent('DELETE', '/api/invitations/inv1')).toHaveLength(1));
    await waitFor(() => expect(within(table).queryByText('kim@northwind.example')).toBeNull());
  });

  it('on a phone each pending invitation is a card with its link state and actions', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({
      ...original(query),
      matches: query.includes('max-width'),
    }));
    try {
      renderApp('/settings', {
        ...base([dana]),
        'GET /api/invitations': { body: { items: [pending] } },
      });
      const list = await screen.findByRole('list', { name: 'Pending invitations' });
      expect(screen.queryByRole('table', { name: 'Pending invitations' })).toBeNull();
      const [card] = within(list).getAllByRole('listitem');
      expect(card).toHaveTextContent('kim@northwind.example');
      expect(card).toHaveTextContent('Viewer');
      expect(card).toHaveTextContent('invited by Dana Reyes');
      expect(card).toHaveTextContent('Works until 8 Mar 2026');
      expect(
        within(card!).getByRole('button', { name: 'Resend the invitation to kim@northwind.example' }),
      ).toBeInTheDocument();
    } finally {
      window.matchMedia = original;
    }
  });

  it('a member sees pending invitations but cannot invite, resend or revoke', async () => {
    renderApp('/settings', {
      ...base([dana]),
      'GET /api/session': { body: { ...testSession, role: 'member' } },
      'GET /api/invitations': { body: { items: [pending] } },
    });
    const table = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(within(table).getByText('kim@northwind.example')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invite by email' })).toBeNull();
    expect(within(table).queryByRole('button', { name: /Resend|Revoke/ })).toBeNull();
  });
});
