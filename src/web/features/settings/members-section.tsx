import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconLock, IconMail, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type {
  AddMemberInput,
  AssignableRole,
  Invitation,
  InviteInput,
  MemberInfo,
  Role,
} from '../../../shared/contract/index.ts';
import { assignableRoles } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { apiErrorMessage, apiFieldErrors, fieldMessage, looksLikeEmail } from '../../lib/forms.ts';

/** Shared with the owner pickers elsewhere, so they refresh when people are added or removed. */
export const membersKey = ['members', 'list'] as const;
const invitationsKey = ['invitations', 'list'] as const;

const roleLabels: Record<Role, string> = { owner: 'Owner', admin: 'Admin', member: 'Member', viewer: 'Viewer' };
const roleOptions = assignableRoles.map((r) => ({ value: r, label: roleLabels[r] }));

function useMemberList() {
  return useQuery({
    queryKey: membersKey,
    queryFn: () => api.get<{ items: MemberInfo[] }>('/members'),
    select: (d) => d.items,
  });
}

/** People in the workspace; owners and admins add them, change their roles and remove them. */
export function MembersSection() {
  const session = useSession();
  const canManage = session.role === 'owner' || session.role === 'admin';
  const members = useMemberList();
  const [adding, setAdding] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<MemberInfo | null>(null);
  // On a phone each member is a card: the table scrolled sideways and hid the role and Remove.
  const small = useMediaQuery('(max-width: 36em)') ?? false;
  // The owner is fixed, and nobody changes or removes themselves here.
  const editable = (m: MemberInfo) => canManage && m.role !== 'owner' && m.id !== session.user.id;
  const role = (m: MemberInfo) =>
    editable(m) ? (
      <RoleSelect member={m} />
    ) : (
      <Badge variant="light" color={m.role === 'owner' ? 'grape' : 'gray'}>
        {roleLabels[m.role]}
      </Badge>
    );
  const remove = (m: MemberInfo) =>
    editable(m) && (
      <Button variant="subtle" color="red" size="xs" aria-label={`Remove ${m.name}`} onClick={() => setRemoving(m)}>
        Remove
      </Button>
    );
  const since = (m: MemberInfo) => formatDate(m.since, session.user.timezone ?? session.workspace.timezone);

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-label="Members">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="lg">
              Members
            </Title>
            <Text c="dimmed" fz="sm">
              Who can use this workspace. Viewers read; members record and recover mistakes; admins also approve
              remedies, change settings and manage people.
            </Text>
          </div>
          {canManage && (
            <Group gap="xs">
              <Button leftSection={<IconMail size={16} />} onClick={() => setInviting(true)}>
                Invite by email
              </Button>
              <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
                Add member
              </Button>
            </Group>
          )}
        </Group>
        {!canManage && (
          <Alert icon={<IconLock size={18} />} color="gray">
            Only an owner or admin can add, change or remove members.
          </Alert>
        )}
        {members.isPending ? (
          <LoadingBlock label="Loading members…" />
        ) : members.isError ? (
          <ErrorBlock error={members.error} onRetry={() => void members.refetch()} />
        ) : small ? (
          <Stack gap="xs" role="list" aria-label="Members">
            {members.data.map((m) => (
              <Paper key={m.id} withBorder p="sm" role="listitem">
                <Text fw={600}>{m.name}</Text>
                <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {m.email}
                </Text>
                <Group gap="xs" mt={6} align="center">
                  {role(m)}
                  <Text fz="xs" c="dimmed">
                    since {since(m)}
                  </Text>
                  {remove(m)}
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Members" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Since</Table.Th>
                  {canManage && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td fw={600}>{m.name}</Table.Td>
                    <Table.Td>{m.email}</Table.Td>
                    <Table.Td>{role(m)}</Table.Td>
                    <Table.Td>{since(m)}</Table.Td>
                    {canManage && <Table.Td>{remove(m)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <PendingInvitations canManage={canManage} />
      </Stack>
      {canManage && (
        <>
          <Modal opened={inviting} onClose={() => setInviting(false)} title="Invite by email">
            {inviting && <InviteForm onDone={() => setInviting(false)} />}
          </Modal>
          <Modal opened={adding} onClose={() => setAdding(false)} title="Add a member">
            {adding && <AddMemberForm onDone={() => setAdding(false)} />}
          </Modal>
          <ConfirmDeleteModal
            target={
              removing && {
                path: `/members/${removing.id}`,
                title: 'Remove this member?',
                message: `${removing.name} (${removing.email}) will be signed out and can no longer use this workspace. What they recorded stays.`,
                keepLabel: 'Keep them',
                confirmLabel: 'Remove member',
                done: `${removing.name} removed.`,
              }
            }
            invalidate={membersKey}
            onClose={() => setRemoving(null)}
          />
        </>
      )}
    </Paper>
  );
}

function RoleSelect({ member }: { member: MemberInfo }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (role: AssignableRole) => api.patch<MemberInfo>(`/members/${member.id}`, { role }),
    onSuccess: (saved) => {
      queryClient.setQueryData<{ items: MemberInfo[] }>(membersKey, (d) =>
        d ? { items: d.items.map((m) => (m.id === saved.id ? saved : m)) } : d,
      );
      notifications.show({ color: 'teal', message: `${saved.name} is now ${roleLabels[saved.role].toLowerCase()}.` });
    },
    onError: (error) => {
      notifications.show({ color: 'red', title: 'Role not changed', message: apiErrorMessage(error) ?? '' });
      void queryClient.invalidateQueries({ queryKey: membersKey });
    },
  });
  return (
    <NativeSelect
      aria-label={`Role of ${member.name}`}
      data={roleOptions}
      value={member.role}
      disabled={change.isPending}
      onChange={(e) => change.mutate(e.currentTarget.value as AssignableRole)}
      size="xs"
      w={130}
    />
  );
}

interface Draft {
  name: string;
  email: string;
  password: string;
  role: AssignableRole;
}

function AddMemberForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({ name: '', email: '', password: '', role: 'member' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: (body: AddMemberInput) => api.post<MemberInfo>('/members', body),
    onSuccess: (member) => {
      void queryClient.invalidateQueries({ queryKey: membersKey });
      notifications.show({
        color: 'teal',
        title: `${member.name} added`,
        message: 'Tell them their email and temporary password so they can sign in.',
      });
      onDone();
    },
  });
  const apiErrors = apiFieldErrors(add.error);
  const err = (key: keyof Draft) => errors[key] ?? fieldMessage(apiErrors[key]);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.name.trim()) found['name'] = 'Enter their name';
    if (!looksLikeEmail(draft.email)) found['email'] = 'Enter an email address like jo@example.com';
    if (draft.password.length < 10) found['password'] = 'At least 10 characters';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate({ name: draft.name.trim(), email: draft.email.trim(), password: draft.password, role: draft.role });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add a member">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          For a team without email: makegood sends no invitation email this way. Choose a temporary password and tell
          them yourself, together with their email; they sign in with it. To let them choose their own password, use
          Invite by email.
        </Text>
        <TextInput
          label="Name"
          required
          data-autofocus
          value={draft.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={err('name')}
        />
        <TextInput
          label="Email"
          type="email"
          required
          value={draft.email}
          onChange={(e) => set('email')(e.currentTarget.value)}
          error={err('email')}
        />
        <PasswordInput
          label="Temporary password"
          description="At least 10 characters"
          required
          value={draft.password}
          onChange={(e) => set('password')(e.currentTarget.value)}
          error={err('password')}
        />
        <NativeSelect
          label="Role"
          data={roleOptions}
          value={draft.role}
          onChange={(e) => set('role')(e.currentTarget.value)}
          error={err('role')}
        />
        <FormError error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Invitations waiting to be accepted: resend (a new link; the old one stops working) or revoke. */
function PendingInvitations({ canManage }: { canManage: boolean }) {
  const session = useSession();
  const queryClient = useQueryClient();
  // On a phone each invitation is a card: a table would hide the link and the actions off to the side.
  const small = useMediaQuery('(max-width: 36em)') ?? false;
  const invitations = useQuery({
    queryKey: invitationsKey,
    queryFn: () => api.get<{ items: Invitation[] }>('/invitations'),
    select: (d) => d.items,
  });
  const resend = useMutation({
    mutationFn: (invitation: Invitation) => api.post<Invitation>(`/invitations/${invitation.id}/resend`),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: invitationsKey });
      notifications.show({ color: 'teal', message: `A new invitation link is on its way to ${saved.email}.` });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not resent', message: apiErrorMessage(error) ?? '' }),
  });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => api.delete(`/invitations/${invitation.id}`),
    onSuccess: (_, invitation) => {
      void queryClient.invalidateQueries({ queryKey: invitationsKey });
      notifications.show({ color: 'teal', message: `The invitation to ${invitation.email} was revoked.` });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not revoked', message: apiErrorMessage(error) ?? '' }),
  });
  if (invitations.isPending) return null;
  if (invitations.isError) {
    return (
      <Text c="dimmed" fz="sm">
        Pending invitations could not be loaded: {apiErrorMessage(invitations.error)}
      </Text>
    );
  }
  if (invitations.data.length === 0) return null;
  const tz = session.user.timezone ?? session.workspace.timezone;
  const linkState = (i: Invitation) =>
    i.expired ? (
      <Badge color="orange" variant="light">
        Expired
      </Badge>
    ) : (
      <Text fz="sm">Works until {formatDateTime(i.expiresAt, tz)}</Text>
    );
  const actions = (i: Invitation) => (
    <Group gap={4} wrap="nowrap">
      <Button
        variant="subtle"
        size="xs"
        aria-label={`Resend the invitation to ${i.email}`}
        loading={resend.isPending && resend.variables?.id === i.id}
        onClick={() => resend.mutate(i)}
      >
        Resend
      </Button>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        aria-label={`Revoke the invitation to ${i.email}`}
        loading={revoke.isPending && revoke.variables?.id === i.id}
        onClick={() => revoke.mutate(i)}
      >
        Revoke
      </Button>
    </Group>
  );
  const title = (
    <Title order={3} fz="md">
      Pending invitations
    </Title>
  );
  if (small) {
    return (
      <Stack gap="xs" component="section" aria-label="Pending invitations">
        {title}
        <Stack gap="xs" component="ul" role="list" aria-label="Pending invitations" p={0} m={0}>
          {invitations.data.map((i) => (
            <Paper key={i.id} withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
              <Stack gap={4}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {i.email}
                </Text>
                <Group gap="xs">
                  <Badge variant="light" color="gray">
                    {roleLabels[i.role]}
                  </Badge>
                  <Text fz="sm" c="dimmed">
                    invited by {i.invitedBy.name}
                  </Text>
                </Group>
                {linkState(i)}
                {canManage && actions(i)}
              </Stack>
            </Paper>
          ))}
        </Stack>
      </Stack>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-label="Pending invitations">
      {title}
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Pending invitations" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Invited by</Table.Th>
              <Table.Th>Link</Table.Th>
              {canManage && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td fw={600}>{i.email}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {roleLabels[i.role]}
                  </Badge>
                </Table.Td>
                <Table.Td>{i.invitedBy.name}</Table.Td>
                <Table.Td>{linkState(i)}</Table.Td>
                {canManage && <Table.Td>{actions(i)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AssignableRole>('member');
  const [error, setError] = useState<string | undefined>();
  const invite = useMutation({
    mutationFn: (body: InviteInput) => api.post<Invitation>('/invitations', body),
    onSuccess: (invitation) => {
      void queryClient.invalidateQueries({ queryKey: invitationsKey });
      notifications.show({
        color: 'teal',
        title: `${invitation.email} invited`,
        message: 'They get an email with a link to choose their name and password. It works once, for 7 days.',
      });
      onDone();
    },
  });
  const apiErrors = apiFieldErrors(invite.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!looksLikeEmail(email)) {
      setError('Enter an email address like jo@example.com');
      return;
    }
    setError(undefined);
    invite.mutate({ email: email.trim(), role });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Invite by email">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          They get an email with a single-use link (valid 7 days) to choose their own name and password, and land signed
          in.
        </Text>
        <TextInput
          label="Email"
          type="email"
          required
          data-autofocus
          value={email}
          onChange={(e) => {
            setEmail(e.currentTarget.value);
            setError(undefined);
          }}
          error={error ?? fieldMessage(apiErrors['email'])}
        />
        <NativeSelect
          label="Role"
          data={roleOptions}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as AssignableRole)}
          error={fieldMessage(apiErrors['role'])}
        />
        {!apiErrors['email'] && !apiErrors['role'] && <FormError error={invite.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
