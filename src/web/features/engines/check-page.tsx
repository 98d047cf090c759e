import { Anchor, Grid, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnalysisPanel } from './analysis-panel.tsx';
import { useClients } from './api.ts';

/** "Check a message": paste a text meant for a client and see what the guard and the analyser find. */
export function CheckPage() {
  const clients = useClients();
  const [clientId, setClientId] = useState<string | null>(null);
  const [attachments, setAttachments] = useState<number | ''>('');
  const [text, setText] = useState('');

  return (
    <>
      <PageHeader
        title="Check a message"
        description="Paste an email or message before it goes to a client: names, honorifics, facts, other clients, template leftovers, every guard rule and the apology itself are checked as you type."
      />
      {clients.isPending ? (
        <LoadingBlock label="Loading clients…" />
      ) : clients.isError ? (
        <ErrorBlock error={clients.error} onRetry={() => void clients.refetch()} title="Clients could not be loaded" />
      ) : clients.data.length === 0 ? (
        <EmptyBlock
          icon={<IconUsers size={28} />}
          title="No clients yet"
          description="A message is checked against what you know about its client. Add a client first."
          action={
            <Anchor component={Link} to="/clients">
              Go to clients
            </Anchor>
          }
        />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="md">
              <Stack gap="md">
                <Select
                  label="Client"
                  description="The message is checked against this client's contacts, facts and rules."
                  placeholder="Pick a client"
                  data={clients.data.map((c) => ({ value: c.id, label: c.name }))}
                  value={clientId}
                  onChange={setClientId}
                  searchable
                  nothingFoundMessage="No client by that name"
                  required
                />
                <NumberInput
                  label="Files attached"
                  description="Leave empty if unknown; 0 flags “see attached” with nothing attached."
                  min={0}
                  max={1000}
                  allowDecimal={false}
                  allowNegative={false}
                  value={attachments}
                  onChange={(v) => setAttachments(typeof v === 'number' ? v : '')}
                />
                {!clientId && (
                  <Text fz="sm" c="dimmed">
                    Without a client only the apology analyser runs.
                  </Text>
                )}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <AnalysisPanel
              value={text}
              onChange={setText}
              clientId={clientId}
              kind="general"
              label="Message"
              placeholder="Dear Ms Carter, …"
              minRows={10}
              {...(attachments !== '' && { attachments })}
            />
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
