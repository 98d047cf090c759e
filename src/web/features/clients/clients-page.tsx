import { Anchor, Button, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuildingStore, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Client, ClientStatus, ClientTier } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { ClientStatusBadge } from '../../components/badges.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { statusOptions, tierLabels, tierOptions } from '../../lib/labels.ts';
import { amountToInput, formatMoney, parseAmount } from '../../lib/money.ts';
import { useClients, useCreateClient, useUpdateClient } from './api.ts';
import { ImportCsvButton } from './import-csv.tsx';
import { HealthScore } from '../health/health-score.tsx';

/** The add-a-client form (name, tier, status, yearly value). */
export function ClientForm({ onDone, client }: { onDone: (clientId: string) => void; client?: Client }) {
  const createClient = useCreateClient();
  const updateClient = useUpdateClient(client?.id ?? '');
  const create = client ? updateClient : createClient;
  const [name, setName] = useState(client?.name ?? '');
  const [tier, setTier] = useState<ClientTier>(client?.tier ?? 'standard');
  const [status, setStatus] = useState<ClientStatus>(client?.status ?? 'active');
  const [amount, setAmount] = useState(client ? amountToInput(client.value.amountMinor, client.value.currency) : '');
  const [currency, setCurrency] = useState(client?.value.currency ?? 'USD');
  const [errors, setErrors] = useState<{ name?: string | undefined; value?: string | undefined }>({});
  const api = apiFieldErrors(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = 'Enter the client’s name';
    const amountMinor = parseAmount(amount, currency);
    if (amountMinor === null) found.value = 'Enter an amount like 12000 or 12000.50';
    setErrors(found);
    if (Object.keys(found).length > 0 || amountMinor === null) return;
    create.mutate(
      { name: name.trim(), tier, status, value: { amountMinor, currency } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: client ? 'Client saved' : 'Client added', message: saved.name });
          onDone(saved.id);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={client ? 'Edit client' : 'Add a client'}>
      <Stack gap="md">
        <TextInput
          label="Client name"
          placeholder="Acme Dental"
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setErrors((x) => ({ ...x, name: undefined }));
          }}
          error={errors.name ?? fieldMessage(api['name'])}
          required
          data-autofocus
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Tier"
            description="Key accounts get a larger remedy"
            data={tierOptions}
            value={tier}
            onChange={(e) => setTier(e.currentTarget.value as ClientTier)}
          />
          <NativeSelect
            label="Status"
            description=" "
            data={statusOptions}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as ClientStatus)}
          />
        </Group>
        <MoneyInput
          label="Account value"
          description="What the client is worth to you per year"
          amount={amount}
          currency={currency}
          onAmountChange={(v) => {
            setAmount(v);
            setErrors((x) => ({ ...x, value: undefined }));
          }}
          onCurrencyChange={setCurrency}
          error={errors.value ?? fieldMessage(api['value.amountMinor'] ?? api['value.currency'])}
        />
        <FormError error={create.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {client ? 'Save client' : 'Add client'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Every client of the workspace, searchable, with an add-client dialog. */
export function ClientsPage() {
  const timeZone = useTimeZone();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [sort, setSort] = useState<'name' | 'risk'>('name');
  const clients = useClients(q, sort);
  const [opened, { open, close }] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title="Clients"
        description="Who you work for, who to address and how, and what must be right in everything you send them."
        actions={
          <Group gap="sm">
            <ImportCsvButton />
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              Add client
            </Button>
          </Group>
        }
      />
      <Modal opened={opened} onClose={close} title={<Text fw={700}>Add a client</Text>} size="lg">
        <ClientForm
          onDone={(id) => {
            close();
            void navigate(`/clients/${id}`);
          }}
        />
      </Modal>
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder="Search clients by name"
            aria-label="Search clients"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={360}
            maw="100%"
          />
          <NativeSelect
            aria-label="Sort clients"
            data={[
              { value: 'name', label: 'Sort by name' },
              { value: 'risk', label: 'Sort by risk (lowest health first)' },
            ]}
            value={sort}
            onChange={(e) => setSort(e.currentTarget.value === 'risk' ? 'risk' : 'name')}
            w={280}
            maw="100%"
          />
        </Group>
        {clients.isPending ? (
          <LoadingBlock label="Loading clients…" />
        ) : clients.isError ? (
          <ErrorBlock error={clients.error} onRetry={() => void clients.refetch()} />
        ) : clients.data.length === 0 ? (
          q ? (
            <EmptyBlock
              icon={<IconSearch size={28} />}
              title="No client matches"
              description={`Nothing is called “${q}”. Try another spelling.`}
            />
          ) : (
            <EmptyBlock
              icon={<IconBuildingStore size={28} />}
              title="No clients yet"
              description="Add the clients you work for. Their contacts and facts let makegood catch a wrong name or number before it goes out."
              action={
                <Button leftSection={<IconPlus size={16} />} onClick={open}>
                  Add your first client
                </Button>
              }
            />
          )
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={760}>
              <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Clients">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Tier</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Health</Table.Th>
                    <Table.Th ta="right">Open mistakes</Table.Th>
                    <Table.Th ta="right">Account value</Table.Th>
                    <Table.Th>Added</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {clients.data.map((client) => (
                    <Table.Tr key={client.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/clients/${client.id}`} fw={600}>
                          {client.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{tierLabels[client.tier]}</Table.Td>
                      <Table.Td>
                        <ClientStatusBadge status={client.status} />
                      </Table.Td>
                      <Table.Td>
                        <HealthScore health={client.health} />
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {client.health.openMistakes}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatMoney(client.value)}
                      </Table.Td>
                      <Table.Td c="dimmed">{formatDate(client.createdAt, timeZone)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
    </>
  );
}
