import { Badge, Button, Grid, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconPencil, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTimeZone } from '../../app/session.tsx';
import { ClientStatusBadge } from '../../components/badges.tsx';
import { TimelineSection } from '../../components/timeline-section.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/states.tsx';
import { tierLabels } from '../../lib/labels.ts';
import { formatMoney } from '../../lib/money.ts';
import { ClientRecovery } from '../recovery/index.tsx';
import { ClientCheckInsPanel } from '../check-ins/client-panel.tsx';
import { FactsSection } from '../facts/facts-section.tsx';
import { countText, useMistakes } from '../mistakes/api.ts';
import { MistakesTable } from '../mistakes/mistakes-table.tsx';
import { useAddFact, useClient, useClientTimeline, useFacts, useRemoveFact } from './api.ts';
import { ClientForm } from './clients-page.tsx';
import { CommitmentsSection } from './commitments-section.tsx';
import { ContactsSection } from './contacts-section.tsx';
import { ClientHealthCard } from '../health/health-card.tsx';

function ClientMistakes({ clientId }: { clientId: string }) {
  const timeZone = useTimeZone();
  const mistakes = useMistakes({ clientId, limit: 10 });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-mistakes-title">
      <Stack gap="md">
        <Group justify="space-between">
          <div>
            <Title order={2} fz="lg" id="client-mistakes-title">
              Mistakes
            </Title>
            <Text c="dimmed" fz="sm">
              {mistakes.data ? `${countText(mistakes.data)} logged for this client` : 'Logged for this client'}
            </Text>
          </div>
          {mistakes.data && (mistakes.data.total ?? 0) > 10 && (
            <Button component={Link} to={`/mistakes?clientId=${clientId}`} variant="subtle" size="xs">
              See all
            </Button>
          )}
        </Group>
        {mistakes.isPending ? (
          <LoadingBlock label="Loading mistakes…" />
        ) : mistakes.isError ? (
          <ErrorBlock error={mistakes.error} onRetry={() => void mistakes.refetch()} />
        ) : mistakes.data.items.length === 0 ? (
          <EmptyBlock
            compact
            icon={<IconAlertTriangle size={28} />}
            title="No mistakes logged"
            description="Good. When one reaches this client, log it right away — the clock starts when it is found."
          />
        ) : (
          <MistakesTable mistakes={mistakes.data.items} timeZone={timeZone} showClient={false} padded={false} />
        )}
      </Stack>
    </Paper>
  );
}

function ClientTimeline({ clientId }: { clientId: string }) {
  return (
    <TimelineSection
      timeline={useClientTimeline(clientId)}
      timeZone={useTimeZone()}
      titleId="client-timeline-title"
      emptyTitle="Nothing yet"
      emptyDescription="Every change to this client is recorded here."
      label="Client timeline, newest first"
    />
  );
}

/** One client: contacts, facts, commitments, mistakes, recovery and timeline. */
export function ClientDetailPage() {
  const { clientId = '' } = useParams();
  const client = useClient(clientId);
  const facts = useFacts(clientId);
  const addFact = useAddFact(clientId);
  const removeFact = useRemoveFact(clientId);
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);

  if (client.isPending) return <LoadingBlock label="Loading client…" />;
  if (client.isError) {
    return (
      <>
        <PageHeader title="Client" crumbs={[{ label: 'Clients', to: '/clients' }]} />
        <ErrorBlock
          error={client.error}
          title="This client could not be loaded"
          onRetry={() => void client.refetch()}
        />
      </>
    );
  }
  const c = client.data;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Clients', to: '/clients' }]}
        title={c.name}
        badges={
          <>
            <ClientStatusBadge status={c.status} />
            <Badge variant="light" color={c.tier === 'key' ? 'grape' : 'gray'} radius="sm">
              {tierLabels[c.tier]}
            </Badge>
          </>
        }
        description={`Account value ${formatMoney(c.value)} a year`}
        actions={
          <>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={openEdit}>
              Edit client
            </Button>
            <Button
              component={Link}
              to={`/mistakes/new?clientId=${c.id}`}
              color="red"
              variant="light"
              leftSection={<IconPlus size={16} />}
            >
              Log a mistake for {c.name}
            </Button>
          </>
        }
      />
      <Modal opened={editing} onClose={closeEdit} title={<Text fw={700}>Edit {c.name}</Text>} size="lg">
        <ClientForm client={c} onDone={closeEdit} />
      </Modal>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <ClientHealthCard clientId={c.id} clientStatus={c.status} />
            <ContactsSection clientId={c.id} />
            <FactsSection
              title="Facts"
              description="What must be right in anything sent to this client: numbers, codes, prices, spellings."
              facts={facts}
              add={addFact}
              remove={removeFact}
            />
            <CommitmentsSection clientId={c.id} />
            <ClientMistakes clientId={c.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <ClientRecovery clientId={c.id} />
            <ClientCheckInsPanel clientId={c.id} />
            <ClientTimeline clientId={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
