import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { ApiTokenDto, ApiTokenInput, ApiTokenScope, CreatedApiToken } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal.tsx';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';

export const apiTokensKey = ['api-tokens'] as const;

const scopeLabels: Record<ApiTokenScope, string> = { read: 'Read only', read_write: 'Read and write' };

/** Expiry choices, in days from now (0 = never). */
const expiryOptions = [
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
  { value: '0', label: 'Never' },
];

/**
 * Personal API tokens for scripts, CI and the CLI: create one (the secret is shown once, with a
 * copy button), see when each was last used, revoke with a confirmation. Owners and admins see and
 * may revoke every member's tokens.
 */
export function ApiTokensSection() {
  const session = useSession();
  const everyone = session.role === 'owner' || session.role === 'admin';
  const tokens = useQuery({
    queryKey: apiTokensKey,
    queryFn: () => api.get<{ items: ApiTokenDto[] }>('/tokens'),
    select: (d) => d.items,
  });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const zone = session.user.timezone ?? session.workspace.timezone;

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-label="API tokens">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="lg">
              API tokens
            </Title>
            <Text c="dimmed" fz="sm">
              Personal tokens for scripts, CI and the makegood CLI (<Code>makegood login</Code>). A token acts as you,
              with your role; a read-only token cannot change anything. Send it as <Code>Authorization: Bearer …</Code>.
            </Text>
          </div>
          <Button leftSection={<IconKey size={16} />} onClick={() => setCreating(true)}>
            Create token
          </Button>
        </Group>
        {tokens.isPending ? (
          <LoadingBlock label="Loading API tokens…" />
        ) : tokens.isError ? (
          <ErrorBlock error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <EmptyBlock
            compact
            icon={<IconKey size={20} />}
            title="No API tokens yet"
            description="Create one to use makegood from a script, CI or the CLI on another machine."
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="API tokens" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  {everyone && <Table.Th>Member</Table.Th>}
                  <Table.Th>Access</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td fw={600}>{t.name}</Table.Td>
                    {everyone && <Table.Td>{t.user.id === session.user.id ? 'You' : t.user.name}</Table.Td>}
                    <Table.Td>
                      <Badge variant="light" color={t.scope === 'read' ? 'gray' : 'blue'}>
                        {scopeLabels[t.scope]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(t.createdAt, zone)}</Table.Td>
                    <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt, zone) : 'Never'}</Table.Td>
                    <Table.Td>
                      {t.expired ? (
                        <Badge color="red" variant="light">
                          Expired
                        </Badge>
                      ) : t.expiresAt ? (
                        formatDate(t.expiresAt, zone)
                      ) : (
                        'Never'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={`Revoke ${t.name}`}
                        onClick={() => setRevoking(t)}
                      >
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDeleteModal
        target={
          revoking && {
            path: `/tokens/${revoking.id}`,
            title: 'Revoke this token?',
            message: `“${revoking.name}” stops working at once: scripts and CI jobs that use it get 401 until they have a new token. This cannot be undone.`,
            keepLabel: 'Keep it',
            confirmLabel: 'Revoke token',
            done: `Token “${revoking.name}” revoked.`,
          }
        }
        invalidate={apiTokensKey}
        onClose={() => setRevoking(null)}
      />
    </Paper>
  );
}

function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Copy your new token' : 'Create an API token'}
      // The secret must not vanish on a stray click outside.
      closeOnClickOutside={!created}
    >
      {opened &&
        (created ? (
          <ShowSecret created={created} onDone={close} />
        ) : (
          <CreateTokenForm onCreated={setCreated} onCancel={close} />
        ))}
    </Modal>
  );
}

function CreateTokenForm({ onCreated, onCancel }: { onCreated: (c: CreatedApiToken) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiTokenScope>('read');
  const [expiry, setExpiry] = useState('90');
  const [nameError, setNameError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: (body: ApiTokenInput) => api.post<CreatedApiToken>('/tokens', body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: apiTokensKey });
      onCreated(created);
    },
  });
  const apiErrors = apiFieldErrors(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    setNameError(trimmed ? undefined : 'Name it after where it will be used, e.g. "GitHub Actions"');
    if (!trimmed) return;
    const days = Number(expiry);
    create.mutate({
      name: trimmed,
      scope,
      expiresAt: days > 0 ? new Date(Date.now() + days * 86_400_000).toISOString() : null,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create an API token">
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="Where it will be used, so you know which to revoke"
          required
          data-autofocus
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError ?? fieldMessage(apiErrors['name'])}
        />
        <NativeSelect
          label="Access"
          description="Read only is enough for `makegood check` in CI"
          data={[
            { value: 'read', label: scopeLabels.read },
            { value: 'read_write', label: scopeLabels.read_write },
          ]}
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value as ApiTokenScope)}
          error={fieldMessage(apiErrors['scope'])}
        />
        <NativeSelect
          label="Expires"
          data={expiryOptions}
          value={expiry}
          onChange={(e) => setExpiry(e.currentTarget.value)}
          error={fieldMessage(apiErrors['expiresAt'])}
        />
        <FormError error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShowSecret({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="You won't see this token again">
        Copy it now and keep it somewhere safe, like your CI's secret store. makegood keeps only a fingerprint of it; if
        you lose it, revoke it and create another.
      </Alert>
      <Code block aria-label="New API token" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {created.token}
      </Code>
      <Group justify="space-between">
        <CopyButton value={created.token}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy token'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
      <Text fz="sm" c="dimmed">
        Use it with <Code>makegood login --url {window.location.origin} --token …</Code>, or set MAKEGOOD_URL and
        MAKEGOOD_TOKEN in CI.
      </Text>
    </Stack>
  );
}
