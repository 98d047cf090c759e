import { Anchor, Button, CopyButton, Grid, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnalysisPanel } from './analysis-panel.tsx';
import { useClients } from './api.ts';

/** Where the last client checked against is remembered (this browser only). */
export const LAST_CLIENT_KEY = 'makegood.check.lastClientId';

function readLastClient(): string | null {
  try {
    return window.localStorage.getItem(LAST_CLIENT_KEY);
  } catch {
    return null; // storage blocked: nothing remembered
  }
}

function rememberClient(id: string | null): void {
  try {
    if (id) window.localStorage.setItem(LAST_CLIENT_KEY, id);
    else window.localStorage.removeItem(LAST_CLIENT_KEY);
  } catch {
    // storage blocked: the choice is simply not remembered
  }
}

/**
 * "Check a message": paste a text meant for a client and see what the guard and the analyser find;
 * copy the fixed text back to wherever it is sent from. The last client is remembered.
 */
export function CheckPage() {
  const clients = useClients();
  const [chosen, setChosen] = useState<string | null>(readLastClient);
  // A remembered client that no longer exists (or is in another workspace) is not used.
  const clientId = chosen && clients.data?.some((c) => c.id === chosen) ? chosen : null;
  const setClientId = (id: string | null) => {
    setChosen(id);
    rememberClient(id);
  };
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
                  description="Leave empty if unknown: a mention of an attachment is then asked about; 0 makes it an error."
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
              attachments={attachments === '' ? 'unknown' : attachments}
            />
            {text.trim() !== '' && (
              <Group justify="flex-end" mt="xs">
                <CopyButton value={text} timeout={2_000}>
                  {({ copied, copy }) => (
                    <Button
                      variant={copied ? 'light' : 'default'}
                      color={copied ? 'teal' : undefined}
                      leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                      onClick={copy}
                    >
                      {copied ? 'Copied' : 'Copy the text'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            )}
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
