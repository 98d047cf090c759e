import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconLock, IconWebhook } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type {
  WebhookCreated,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEventType,
} from '../../../shared/contract/index.ts';
import { webhookEventTypes } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';

const webhooksKey = ['webhooks', 'list'] as const;
const deliveriesKey = (id: string) => ['webhooks', id, 'deliveries'] as const;

/** What each event means, in words. */
export const webhookEventLabels: Record<WebhookEventType, string> = {
  'mistake.logged': 'Mistake logged',
  'acknowledgment.sent': 'Acknowledgment sent',
  'remedy.issued': 'Remedy issued',
  'remedy.approved': 'Remedy approved',
  'commitment.missed': 'Commitment missed',
  'client.at_risk': 'Client at risk',
  'lesson.written': 'Lesson written',
};

const statusColors: Record<WebhookDeliveryStatus, string> = {
  queued: 'blue',
  sending: 'blue',
  delivered: 'green',
  failed: 'red',
};

/** Webhook endpoints of the workspace (owners and admins): add, enable, test, rotate, delete, delivery log. */
export function WebhooksSection() {
  const session = useSession();
  const canManage = session.role === 'owner' || session.role === 'admin';
  const endpoints = useQuery({
    queryKey: webhooksKey,
    queryFn: () => api.get<{ items: WebhookEndpoint[] }>('/webhooks'),
    select: (d) => d.items,
    enabled: canManage,
  });
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ title: string; secret: string } | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpoint | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-label="Webhooks">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="lg">
              Webhooks
            </Title>
            <Text c="dimmed" fz="sm">
              makegood POSTs a signed JSON body to your URL when something happens (Standard Webhooks: verify the
              webhook-signature header with the endpoint&apos;s secret). Failed deliveries are retried with backoff.
            </Text>
          </div>
          {canManage && (
            <Button leftSection={<IconWebhook size={16} />} onClick={() => setAdding(true)}>
              Add endpoint
            </Button>
          )}
        </Group>
        {!canManage ? (
          <Alert icon={<IconLock size={18} />} color="gray">
            Only an owner or admin can see and change webhooks.
          </Alert>
        ) : endpoints.isPending ? (
          <LoadingBlock label="Loading webhooks…" />
        ) : endpoints.isError ? (
          <ErrorBlock error={endpoints.error} onRetry={() => void endpoints.refetch()} />
        ) : endpoints.data.length === 0 ? (
          <Text fz="sm">No endpoints yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="Webhook endpoints" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>URL</Table.Th>
                  <Table.Th>Events</Table.Th>
                  <Table.Th>Enabled</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {endpoints.data.map((e) => (
                  <EndpointRow
                    key={e.id}
                    endpoint={e}
                    onSecret={(s) => setSecret({ title: 'New signing secret', secret: s })}
                    onLog={() => setLogOf(e)}
                    onDelete={() => setDeleting(e)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ConfirmDeleteModal
        target={
          deleting && {
            path: `/webhooks/${deleting.id}`,
            title: 'Delete this endpoint?',
            message: `${deleting.url} gets no more deliveries, and its delivery log goes with it. This cannot be undone.`,
            keepLabel: 'Keep it',
            confirmLabel: 'Delete endpoint',
            done: 'Webhook endpoint deleted.',
          }
        }
        invalidate={webhooksKey}
        onClose={() => setDeleting(null)}
      />
      <AddEndpointModal
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={(created) => {
          setAdding(false);
          setSecret({ title: 'Endpoint added', secret: created.secret });
        }}
      />
      <Modal opened={secret !== null} onClose={() => setSecret(null)} title={secret?.title ?? ''}>
        <Stack>
          <Text fz="sm">
            This is the signing secret. Copy it now: it is shown only this once. Your receiver verifies each delivery
            with it.
          </Text>
          <Code block aria-label="Signing secret">
            {secret?.secret}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={secret?.secret ?? ''}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={() => setSecret(null)}>Done</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={logOf !== null}
        onClose={() => setLogOf(null)}
        title={logOf ? `Deliveries to ${logOf.url}` : ''}
        size="xl"
      >
        {logOf && <DeliveryLog endpoint={logOf} />}
      </Modal>
    </Paper>
  );
}

function EndpointRow({
  endpoint,
  onSecret,
  onLog,
  onDelete,
}: {
  endpoint: WebhookEndpoint;
  onSecret: (secret: string) => void;
  onLog: () => void;
  onDelete: () => void;
}) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhooksKey });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => api.patch<WebhookEndpoint>(`/webhooks/${endpoint.id}`, { enabled }),
    onSuccess: refresh,
  });
  const test = useMutation({
    mutationFn: () => api.post<WebhookDelivery>(`/webhooks/${endpoint.id}/test`),
    onSuccess: () => {
      notifications.show({ message: 'Test ping queued: it goes out within a minute.', color: 'green' });
      void queryClient.invalidateQueries({ queryKey: deliveriesKey(endpoint.id) });
    },
  });
  const rotate = useMutation({
    mutationFn: () => api.post<WebhookCreated>(`/webhooks/${endpoint.id}/rotate-secret`),
    onSuccess: (r) => {
      onSecret(r.secret);
      void refresh();
    },
  });
  const error = toggle.error ?? test.error ?? rotate.error;
  return (
    <Table.Tr>
      {/* A floor for the URL: the nowrap buttons would otherwise squeeze it to a letter a line on a phone. */}
      <Table.Td miw={220}>
        <Text fw={600} fz="sm" style={{ wordBreak: 'break-all' }}>
          {endpoint.url}
        </Text>
        {endpoint.description && (
          <Text c="dimmed" fz="xs">
            {endpoint.description}
          </Text>
        )}
        {error && <FormError error={error} />}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {endpoint.events.map((e) => (
            <Badge key={e} variant="light" size="sm">
              {webhookEventLabels[e]}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Switch
          checked={endpoint.enabled}
          aria-label={`Enabled: ${endpoint.url}`}
          disabled={toggle.isPending}
          onChange={(e) => toggle.mutate(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="default" onClick={onLog} aria-label={`Deliveries to ${endpoint.url}`}>
            Deliveries
          </Button>
          <Button size="xs" variant="default" loading={test.isPending} onClick={() => test.mutate()}>
            Send test
          </Button>
          <Button size="xs" variant="default" loading={rotate.isPending} onClick={() => rotate.mutate()}>
            Rotate secret
          </Button>
          <Button size="xs" variant="subtle" color="red" aria-label={`Delete ${endpoint.url}`} onClick={onDelete}>
            Delete
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function AddEndpointModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: WebhookCreated) => void;
}) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>(['mistake.logged']);
  const create = useMutation({
    mutationFn: () => api.post<WebhookCreated>('/webhooks', { url: url.trim(), description, events }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: webhooksKey });
      setUrl('');
      setDescription('');
      setEvents(['mistake.logged']);
      create.reset();
      onCreated(created);
    },
  });
  const fields = apiFieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Add a webhook endpoint">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="URL"
            description="https:// — addresses on private networks are refused unless the operator allows them."
            placeholder="https://hooks.example.com/makegood"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fieldMessage(fields['url'])}
            required
          />
          <TextInput
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldMessage(fields['description'])}
          />
          <Checkbox.Group label="Events" value={events} onChange={setEvents} error={fieldMessage(fields['events'])}>
            <Stack gap={6} mt={6}>
              {webhookEventTypes.map((t) => (
                <Checkbox key={t} value={t} label={webhookEventLabels[t]} />
              ))}
            </Stack>
          </Checkbox.Group>
          {create.error && Object.keys(fields).length === 0 && <FormError error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add endpoint
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const log = useQuery({
    queryKey: deliveriesKey(endpoint.id),
    queryFn: () => api.get<{ items: WebhookDelivery[] }>(`/webhooks/${endpoint.id}/deliveries`),
    select: (d) => d.items,
  });
  const resend = useMutation({
    mutationFn: (id: string) => api.post<WebhookDelivery>(`/webhooks/${endpoint.id}/deliveries/${id}/resend`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(endpoint.id) }),
  });
  if (log.isPending) return <LoadingBlock label="Loading deliveries…" />;
  if (log.isError) return <ErrorBlock error={log.error} onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <Text fz="sm">No deliveries yet.</Text>;
  return (
    <Stack>
      {resend.error && <FormError error={resend.error} />}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Deliveries" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Response</Table.Th>
              <Table.Th>Last error</Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>Queued</Table.Th>
              <Table.Th>Resend</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.type === 'ping' ? 'Test ping' : webhookEventLabels[d.type]}</Table.Td>
                <Table.Td>
                  <Badge color={statusColors[d.status]} variant="light">
                    {d.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{d.responseCode ?? '—'}</Table.Td>
                <Table.Td>
                  <Text fz="xs">{d.lastError ?? '—'}</Text>
                </Table.Td>
                <Table.Td>{d.durationMs === null ? '—' : `${d.durationMs} ms`}</Table.Td>
                <Table.Td>{formatDateTime(d.createdAt, session.user.timezone ?? session.workspace.timezone)}</Table.Td>
                <Table.Td>
                  {(d.status === 'delivered' || d.status === 'failed') && (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Resend ${d.id}`}
                      loading={resend.isPending && resend.variables === d.id}
                      onClick={() => resend.mutate(d.id)}
                    >
                      Resend
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
