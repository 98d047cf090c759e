import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconListCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Fact, FactKind } from '../../../shared/contract/index.ts';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { factKindLabels, factKindOptions } from '../../lib/labels.ts';

type FactDraft = { kind: FactKind; value: string; label?: string | null };

/** A form that records one fact: kind, value, label. */
export function FactForm({ add }: { add: UseMutationResult<Fact, Error, FactDraft> }) {
  const [kind, setKind] = useState<FactKind>('phone');
  const [value, setValue] = useState('');
  const [label, setLabel] = useState('');
  const [valueError, setValueError] = useState<string | undefined>();
  const api = apiFieldErrors(add.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) {
      setValueError('Enter the value that must be right, e.g. the exact phone number');
      return;
    }
    add.mutate(
      { kind, value: value.trim(), label: label.trim() || null },
      {
        onSuccess: () => {
          setValue('');
          setLabel('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add a fact">
      <Stack gap="xs">
        {/* Three across from a small tablet up; one under another on a phone. */}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <NativeSelect
            label="Kind"
            data={factKindOptions}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as FactKind)}
            error={fieldMessage(api['kind'])}
          />
          <TextInput
            label="Value"
            placeholder="e.g. 55123"
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setValueError(undefined);
            }}
            error={valueError ?? fieldMessage(api['value'])}
            required
          />
          <TextInput
            label="Label"
            placeholder="e.g. SMS short code"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={fieldMessage(api['label'])}
          />
        </SimpleGrid>
        <FormError error={Object.keys(api).length ? null : add.error} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={add.isPending}>
            Add fact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Facts as a table with remove buttons. */
export function FactsTable({ facts, remove }: { facts: Fact[]; remove: UseMutationResult<unknown, Error, string> }) {
  return (
    <Table verticalSpacing="xs" highlightOnHover aria-label="Facts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Value</Table.Th>
          <Table.Th>Label</Table.Th>
          <Table.Th w={40}>
            <span style={{ position: 'absolute', left: -9999 }}>Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {facts.map((fact) => (
          <Table.Tr key={fact.id}>
            <Table.Td>
              <Badge variant="light" color="gray" radius="sm">
                {factKindLabels[fact.kind]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text ff="monospace" fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {fact.value}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm" c={fact.label ? undefined : 'dimmed'}>
                {fact.label ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Tooltip label="Remove fact">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove fact ${fact.value}`}
                  loading={remove.isPending && remove.variables === fact.id}
                  onClick={() => remove.mutate(fact.id)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A titled panel: the facts, their empty/loading/error states and the add form. */
export function FactsSection(props: {
  title: string;
  description: string;
  facts: UseQueryResult<Fact[]>;
  add: UseMutationResult<Fact, Error, FactDraft>;
  remove: UseMutationResult<unknown, Error, string>;
}) {
  const { facts } = props;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="facts-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="facts-title">
            {props.title}
          </Title>
          <Text c="dimmed" fz="sm">
            {props.description}
          </Text>
        </div>
        {facts.isPending ? (
          <LoadingBlock label="Loading facts…" />
        ) : facts.isError ? (
          <ErrorBlock error={facts.error} onRetry={() => void facts.refetch()} />
        ) : facts.data.length === 0 ? (
          <EmptyBlock
            compact
            icon={<IconListCheck size={28} />}
            title="No facts yet"
            description="Phone numbers, short codes, prices and spellings that must be right in everything you send."
          />
        ) : (
          <FactsTable facts={facts.data} remove={props.remove} />
        )}
        {props.remove.error && <FormError error={props.remove.error} />}
        <FactForm add={props.add} />
      </Stack>
    </Paper>
  );
}
