import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { CheckAccept, CheckProposal, FactKind, Honorific } from '../../../shared/contract/index.ts';
import { FormError } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { factKindOptions, honorificOptions } from '../../lib/labels.ts';
import { useAcceptCheck } from './api.ts';

const kindLabels: Record<CheckProposal['kind'], string> = {
  fact: 'Fact on the facts card',
  contact: 'Contact spelling and honorific',
  forbidden: 'Forbidden phrase',
  required: 'Required phrase',
  pattern: 'Pattern rule',
};

/** What an accepted proposal sends, from the proposal as the user edited it. */
function acceptOf(p: CheckProposal, v: Record<string, string>): CheckAccept {
  switch (p.kind) {
    case 'fact':
      return { kind: 'fact', factKind: v['factKind'] as FactKind, value: v['value'] ?? '', label: v['label'] || null };
    case 'contact':
      return {
        kind: 'contact',
        contactId: p.contactId,
        fullName: v['fullName'] ?? '',
        honorific: v['honorific'] as Honorific,
      };
    case 'pattern':
      return { kind: 'pattern', pattern: v['pattern'] ?? '', message: v['message'] ?? '' };
    case 'forbidden':
    case 'required':
      return { kind: p.kind, phrase: v['phrase'] ?? '', when: v['when'] || null, message: v['message'] ?? '' };
  }
}

function initial(p: CheckProposal): Record<string, string> {
  switch (p.kind) {
    case 'fact':
      return { factKind: p.factKind, value: p.value, label: p.label ?? '' };
    case 'contact':
      return { fullName: p.fullName, honorific: p.honorific };
    case 'pattern':
      return { pattern: p.pattern, message: p.message };
    case 'forbidden':
    case 'required':
      return { phrase: p.phrase, when: p.when ?? '', message: p.message };
  }
}

/** One proposed check: its reason, its fields to edit, and accept or drop. */
export function ProposalEditor({
  lessonId,
  proposal,
  onDone,
}: {
  lessonId: string;
  proposal: CheckProposal;
  onDone: () => void;
}) {
  const accept = useAcceptCheck(lessonId);
  const [values, setValues] = useState(() => initial(proposal));
  const errors = apiFieldErrors(accept.error);
  const set = (key: string) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };
  const field = (key: string, label: string, extra: { placeholder?: string; description?: string } = {}) => (
    <TextInput
      size="xs"
      label={label}
      value={values[key] ?? ''}
      onChange={set(key)}
      error={fieldMessage(errors[key])}
      style={{ flex: 1, minWidth: 180 }}
      {...extra}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate(acceptOf(proposal, values), { onSuccess: onDone });
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={`Proposed check: ${kindLabels[proposal.kind]}`}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light" color="grape" size="sm">
            {kindLabels[proposal.kind]}
          </Badge>
          {proposal.kind === 'fact' && proposal.existingFactId && (
            <Badge variant="light" color="gray" size="sm">
              already on the facts card
            </Badge>
          )}
        </Group>
        <Text fz="sm">{proposal.reason}</Text>
        <Group align="flex-end" gap="xs" wrap="wrap">
          {proposal.kind === 'fact' && (
            <>
              <NativeSelect
                size="xs"
                label="Kind"
                data={factKindOptions}
                value={values['factKind']}
                onChange={set('factKind')}
              />
              {field('value', 'Right value', { placeholder: 'e.g. 55123' })}
              {field('label', 'Label (optional)', { placeholder: 'e.g. SMS short code' })}
            </>
          )}
          {proposal.kind === 'contact' && (
            <>
              <NativeSelect
                size="xs"
                label="Honorific"
                data={honorificOptions}
                value={values['honorific']}
                onChange={set('honorific')}
              />
              {field('fullName', 'Full name, spelled right')}
            </>
          )}
          {(proposal.kind === 'forbidden' || proposal.kind === 'required') && (
            <>
              {field('phrase', proposal.kind === 'forbidden' ? 'Never write' : 'Always include')}
              {field('when', 'Only when the text mentions (optional)', { placeholder: 'e.g. newsletter' })}
            </>
          )}
          {proposal.kind === 'pattern' &&
            field('pattern', 'Pattern', { description: 'RE2 syntax: no backreferences or lookaround' })}
          {proposal.kind !== 'fact' && proposal.kind !== 'contact' && field('message', 'What the finding says')}
        </Group>
        <FormError error={accept.error} />
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={onDone}>
            Drop
          </Button>
          <Button size="xs" type="submit" loading={accept.isPending}>
            Add check
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
