import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconMail } from '@tabler/icons-react';
import type { MailSetup, MailTestResult } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';

/** Where mail goes, said plainly (from the server's configuration), and "Send a test message" to yourself. */
export function MailSection() {
  const session = useSession();
  const setup = useQuery({ queryKey: ['settings', 'mail'], queryFn: () => api.get<MailSetup>('/settings/mail') });
  const test = useMutation({ mutationFn: () => api.post<MailTestResult>('/settings/mail/test', {}) });
  const canSend = session.role !== 'viewer';
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-label="Where mail goes">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg">
            Where mail goes
          </Title>
          <Text c="dimmed" fz="sm">
            Set by the server&apos;s configuration (SMTP_URL and MAIL_FROM), not here.
          </Text>
        </div>
        {setup.isPending ? (
          <LoadingBlock label="Loading the mail setup…" />
        ) : setup.isError ? (
          <ErrorBlock error={setup.error} onRetry={() => void setup.refetch()} />
        ) : (
          <>
            <Text fz="sm">
              {setup.data.transport === 'file' ? (
                <>
                  Nothing leaves this machine: each email is written as a file to the outbox folder{' '}
                  <Text span ff="monospace" fz="sm">
                    {setup.data.destination}
                  </Text>
                  . Set SMTP_URL to send through your mail server.
                </>
              ) : (
                <>
                  Emails are sent through the mail server{' '}
                  <Text span ff="monospace" fz="sm">
                    {setup.data.destination}
                  </Text>
                  .
                </>
              )}
            </Text>
            <Text fz="sm">
              Client mail comes from {setup.data.fromAddress} under the sender name set above; replies go to the
              member who wrote it. Accounting notices come from {setup.data.accountingFromAddress}.
            </Text>
          </>
        )}
        {test.data && (
          <Alert color={test.data.delivered ? 'green' : 'red'} role="status">
            {test.data.delivered
              ? `Test message sent to ${test.data.toAddress}.`
              : `The test message to ${test.data.toAddress} could not be sent: ${test.data.error ?? 'no reason given'}`}
          </Alert>
        )}
        <FormError error={test.error} />
        {canSend && (
          <Group>
            <Button
              variant="light"
              leftSection={<IconMail size={16} />}
              loading={test.isPending}
              onClick={() => test.mutate()}
            >
              Send a test message to {session.user.email}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
