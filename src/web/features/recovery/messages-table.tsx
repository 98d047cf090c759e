import { Anchor, Badge, Button, Code, Group, Modal, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Message } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
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
  return (
    <>
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
                <Table.Td maw={360}>
                  <UnstyledButton onClick={() => setOpen(m)} aria-label={`Read “${m.subject}”`}>
                    <Text fz="sm" fw={500} truncate>
                      {m.subject}
                    </Text>
                  </UnstyledButton>
                  <Group gap={6}>
                    <Text fz="xs" c="dimmed">
                      {messageKindLabels[m.kind]}
                    </Text>
                    {showClient && m.mistakeId && (
                      <Anchor component={Link} to={`/mistakes/${m.mistakeId}`} fz="xs">
                        mistake
                      </Anchor>
                    )}
                    {showClient && m.clientId && (
                      <Anchor component={Link} to={`/clients/${m.clientId}`} fz="xs">
                        client
                      </Anchor>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{m.toName}</Text>
                  <Text fz="xs" c="dimmed">
                    {m.toAddress}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DeliveryStatus message={m} />
                </Table.Td>
                <Table.Td>
                  <Text fz="xs">{formatDateTime(m.createdAt, timeZone)}</Text>
                </Table.Td>
                <Table.Td>
                  {m.status === 'failed' && (
                    <Tooltip
                      label="Queue it again (it keeps its Message-ID, so it is never sent twice)"
                      withArrow
                      multiline
                      w={240}
                    >
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
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
