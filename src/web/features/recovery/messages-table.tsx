import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Message } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { usePhoneLayout } from '../../components/responsive.ts';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { apiErrorMessage } from '../../lib/forms.ts';
import { useRetryMessage } from './api.ts';
import { messageKindLabels, messageStatusColors, messageStatusLabels } from './format.ts';

/** A message's delivery status, with the last error of a failed one. */
export function DeliveryStatus({ message }: { message: Message }) {
  const timeZone = useTimeZone();
  return (
    <Stack gap={2}>
      <Badge color={messageStatusColors[message.status]} variant="light" radius="sm">
        {messageStatusLabels[message.status]}
      </Badge>
      {message.status === 'sent' && message.sentAt && (
        <Text fz="xs" c="dimmed">
          {formatDateTime(message.sentAt, timeZone)}
        </Text>
      )}
      {(message.status === 'queued' || message.status === 'sending') && message.attempts > 0 && (
        <Text fz="xs" c="dimmed">
          attempt {message.attempts + 1}
          {message.nextAttemptAt ? `, ${formatRelative(message.nextAttemptAt)}` : ''}
        </Text>
      )}
      {message.lastError && message.status !== 'sent' && (
        <Text fz="xs" c="red" lineClamp={3} title={message.lastError}>
          {message.lastError}
        </Text>
      )}
    </Stack>
  );
}

/** Messages to clients with their delivery status; failed ones can be queued again. */
export function MessagesTable({
  messages,
  showClient = false,
  label = 'Messages',
}: {
  messages: Message[];
  showClient?: boolean;
  label?: string;
}) {
  const timeZone = useTimeZone();
  const retry = useRetryMessage();
  const [open, setOpen] = useState<Message | null>(null);
  const phone = usePhoneLayout();
  const subject = (m: Message) => (
    // A block as wide as its cell, so a long subject is cut with an ellipsis instead of running
    // over the next column.
    <UnstyledButton
      onClick={() => setOpen(m)}
      aria-label={`Read “${m.subject}”`}
      style={{ display: 'block', maxWidth: '100%' }}
    >
      <Text fz="sm" fw={500} truncate>
        {m.subject}
      </Text>
    </UnstyledButton>
  );
  const links = (m: Message) => (
    <Group gap={6}>
      <Text fz="xs" c="dimmed">
        {messageKindLabels[m.kind]}
      </Text>
      {showClient && m.mistakeId && (
        <Anchor component={Link} to={`/mistakes/${m.mistakeId}`} fz="xs" underline="always">
          mistake
        </Anchor>
      )}
      {showClient && m.clientId && (
        <Anchor component={Link} to={`/clients/${m.clientId}`} fz="xs" underline="always">
          client
        </Anchor>
      )}
    </Group>
  );
  const retryButton = (m: Message) =>
    m.status === 'failed' && (
      <Tooltip label="Queue it again (it keeps its Message-ID, so it is never sent twice)" withArrow multiline w={240}>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          loading={retry.isPending && retry.variables === m.id}
          onClick={() => retry.mutate(m.id)}
          aria-label={`Retry “${m.subject}”`}
        >
          Retry
        </Button>
      </Tooltip>
    );
  return (
    <>
      {phone ? (
        <Stack gap="xs" role="list" aria-label={label}>
          {messages.map((m) => (
            <Paper key={m.id} withBorder p="sm" role="listitem">
              {subject(m)}
              {links(m)}
              <Text fz="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                To {m.toName}{' '}
                <Text span fz="xs" c="dimmed">
                  {m.toAddress}
                </Text>
              </Text>
              <Group gap="sm" mt={6} justify="space-between" align="flex-start">
                <DeliveryStatus message={m} />
                {retryButton(m)}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label={label} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Message</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th w={110}>
                  <span style={{ position: 'absolute', left: -9999 }}>Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {messages.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td style={{ maxWidth: 360 }}>
                    {subject(m)}
                    {links(m)}
                  </Table.Td>
                  <Table.Td style={{ maxWidth: 260 }}>
                    <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                      {m.toName}
                    </Text>
                    <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {m.toAddress}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DeliveryStatus message={m} />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="xs">{formatDateTime(m.createdAt, timeZone)}</Text>
                  </Table.Td>
                  <Table.Td>{retryButton(m)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {retry.isError && (
        <Text c="red" fz="sm" role="alert">
          Retry failed: {apiErrorMessage(retry.error)}
        </Text>
      )}
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.subject} size="lg">
        {open && (
          <Stack gap="sm">
            <Group gap="xs">
              <Badge variant="outline">{messageKindLabels[open.kind]}</Badge>
              <DeliveryStatus message={open} />
            </Group>
            <Text fz="sm">
              From {open.fromName} to {open.toName} &lt;{open.toAddress}&gt;
            </Text>
            <Code
              block
              style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 'var(--mantine-font-size-sm)' }}
            >
              {open.body}
            </Code>
            <Text fz="xs" c="dimmed">
              Message-ID {open.messageId} · {open.attempts} {open.attempts === 1 ? 'attempt' : 'attempts'}
            </Text>
          </Stack>
        )}
      </Modal>
    </>
  );
}
