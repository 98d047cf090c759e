import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { GuardRule, GuardRuleKind } from '../../../shared/contract/index.ts';
import { EmptyBlock, ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import {
  useClients,
  useDeleteGuardRule,
  useGuardRules,
  useMistakes,
  useSaveGuardRule,
  type GuardRuleBody,
} from './api.ts';

/** Plain names of the rule kinds. */
export const ruleKindLabels: Record<GuardRuleKind, { label: string; explain: string }> = {
  forbidden: { label: 'Forbidden phrase', explain: 'Flag the phrase wherever it appears.' },
  pattern: { label: 'Pattern', explain: 'Flag text matching a regular expression.' },
  required: {
    label: 'Required phrase',
    explain: 'Flag a text that lacks the phrase (optionally only when it mentions a trigger).',
  },
};

/** The guard rules page: every lesson turned into a check, with who it applies to and where it came from. */
export function GuardRulesPage() {
  const rules = useGuardRules();
  const clients = useClients();
  const [editing, setEditing] = useState<GuardRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<GuardRule | null>(null);
  const clientName = (id: string | null) =>
    id ? (clients.data?.find((c) => c.id === id)?.name ?? 'A client') : 'Every client';

  return (
    <>
      <PageHeader
        title="Guard rules"
        description="Lessons from past mistakes, checked in every message before it goes to a client."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add a guard rule
          </Button>
        }
      />
      {rules.isPending ? (
        <LoadingBlock label="Loading guard rules…" />
      ) : rules.isError ? (
        <ErrorBlock error={rules.error} onRetry={() => void rules.refetch()} title="Guard rules could not be loaded" />
      ) : rules.data.length === 0 ? (
        <EmptyBlock
          icon={<IconShieldCheck size={28} />}
          title="No guard rules yet"
          description="When a mistake teaches you something — a phrase never to use, a line every offer needs — add it here and every message is checked for it."
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add the first rule
            </Button>
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" striped highlightOnHover aria-label="Guard rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Message shown</Table.Th>
                <Table.Th>Applies to</Table.Th>
                <Table.Th>Learned from</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>
                    <Stack gap={4}>
                      <Badge variant="light" size="sm">
                        {ruleKindLabels[rule.kind].label}
                      </Badge>
                      <RuleWhat rule={rule} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{rule.message}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{clientName(rule.clientId)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {rule.mistakeId ? (
                      <Anchor component={Link} to={`/mistakes/${rule.mistakeId}`} fz="sm">
                        {rule.mistakeRef ?? 'The mistake'}
                      </Anchor>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Tooltip label="Edit">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Edit rule: ${ruleTitle(rule)}`}
                          onClick={() => setEditing(rule)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Delete">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete rule: ${ruleTitle(rule)}`}
                          onClick={() => setDeleting(rule)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add a guard rule' : 'Edit guard rule'}
        size="lg"
      >
        {editing !== null && (
          <GuardRuleForm rule={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
      <DeleteRuleModal rule={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

/** The phrase or pattern a rule looks for, in one short line. */
function ruleTitle(rule: GuardRule): string {
  return rule.kind === 'pattern' ? `/${rule.pattern ?? ''}/` : `“${rule.phrase ?? ''}”`;
}

function RuleWhat({ rule }: { rule: GuardRule }) {
  return (
    <Stack gap={2}>
      {rule.kind === 'pattern' ? (
        <Code style={{ overflowWrap: 'anywhere' }}>{rule.pattern}</Code>
      ) : (
        <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          “{rule.phrase}”
        </Text>
      )}
      {rule.kind === 'required' && rule.when && (
        <Text fz="xs" c="dimmed">
          when the text mentions “{rule.when}”
        </Text>
      )}
    </Stack>
  );
}

/** Add or edit a guard rule; the API's field errors (e.g. a pattern that could hang) appear on the field. */
export function GuardRuleForm({ rule, onDone }: { rule: GuardRule | null; onDone: () => void }) {
  const save = useSaveGuardRule();
  const clients = useClients();
  const mistakes = useMistakes();
  const [kind, setKind] = useState<GuardRuleKind>(rule?.kind ?? 'forbidden');
  const [phrase, setPhrase] = useState(rule?.phrase ?? '');
  const [pattern, setPattern] = useState(rule?.pattern ?? '');
  const [when, setWhen] = useState(rule?.when ?? '');
  const [message, setMessage] = useState(rule?.message ?? '');
  const [clientId, setClientId] = useState<string | null>(rule?.clientId ?? null);
  const [mistakeId, setMistakeId] = useState<string | null>(rule?.mistakeId ?? null);
  const errors = apiFieldErrors(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: GuardRuleBody = {
      kind,
      phrase: kind === 'pattern' ? null : phrase,
      pattern: kind === 'pattern' ? pattern : null,
      when: kind === 'required' ? when : null,
      message,
      clientId,
      mistakeId,
    };
    save.mutate(
      { ...(rule && { id: rule.id }), body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: rule ? 'Guard rule saved.' : 'Guard rule added.' });
          onDone();
        },
      },
    );
  };

  // A mistake already linked but no longer among the latest ones is kept as an option.
  const mistakeOptions = (mistakes.data ?? []).map((m) => ({ value: m.id, label: `${m.ref} · ${m.title}` }));
  if (rule?.mistakeId && !mistakeOptions.some((o) => o.value === rule.mistakeId)) {
    mistakeOptions.unshift({ value: rule.mistakeId, label: rule.mistakeRef ?? 'The linked mistake' });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group
          label="Kind of rule"
          value={kind}
          onChange={(v) => setKind(v)}
          error={fieldMessage(errors['kind'])}
          required
        >
          <Stack gap={6} mt={6}>
            {(Object.keys(ruleKindLabels) as GuardRuleKind[]).map((k) => (
              <Radio key={k} value={k} label={ruleKindLabels[k].label} description={ruleKindLabels[k].explain} />
            ))}
          </Stack>
        </Radio.Group>
        {kind === 'pattern' ? (
          <TextInput
            label="Pattern"
            description="A regular expression, matched case-insensitively. Patterns that could take forever are refused."
            value={pattern}
            onChange={(e) => setPattern(e.currentTarget.value)}
            error={fieldMessage(errors['pattern'])}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            required
            data-autofocus
          />
        ) : (
          <TextInput
            label="Phrase"
            description={kind === 'forbidden' ? 'Flagged wherever it appears.' : 'The text must contain it.'}
            value={phrase}
            onChange={(e) => setPhrase(e.currentTarget.value)}
            error={fieldMessage(errors['phrase'])}
            required
            data-autofocus
          />
        )}
        {kind === 'required' && (
          <TextInput
            label="Only when the text mentions"
            description="Optional trigger: the phrase is required only in texts that mention this."
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
            error={fieldMessage(errors['when'])}
          />
        )}
        <Textarea
          label="Message shown with the finding"
          description="Say why, so the writer learns the lesson."
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={fieldMessage(errors['message'])}
          rows={2}
          required
        />
        <Select
          label="Applies to"
          placeholder="Every client"
          data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={clientId}
          onChange={setClientId}
          error={fieldMessage(errors['clientId'])}
          searchable
          clearable
        />
        <Select
          label="Learned from mistake"
          placeholder={mistakes.isPending ? 'Loading mistakes…' : 'None'}
          data={mistakeOptions}
          value={mistakeId}
          onChange={setMistakeId}
          error={fieldMessage(errors['mistakeId'])}
          searchable
          clearable
          nothingFoundMessage="No mistake matches"
        />
        {/* Field errors sit on their fields; only other problems get the banner. */}
        {Object.keys(errors).length === 0 && <FormError error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {rule ? 'Save rule' : 'Add rule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteRuleModal({ rule, onClose }: { rule: GuardRule | null; onClose: () => void }) {
  const remove = useDeleteGuardRule();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={rule !== null} onClose={close} title="Delete this guard rule?">
      {rule && (
        <Stack gap="md">
          <Text fz="sm">
            Messages will no longer be checked for {ruleTitle(rule)}. The lesson stays on the timeline of the mistake it
            came from.
          </Text>
          <FormError error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(rule.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: 'Guard rule deleted.' });
                    close();
                  },
                })
              }
            >
              Delete rule
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
