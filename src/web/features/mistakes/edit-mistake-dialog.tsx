import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Mistake, MistakeCategory, MistakePatch, Severity } from '../../../shared/contract/index.ts';
import { MoneyInput } from '../../components/money-input.tsx';
import { FormError } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { categoryOptions } from '../../lib/labels.ts';
import { SeverityField } from './severity-field.tsx';
import { amountToInput, parseAmount } from '../../lib/money.ts';
import { useMembers, useUpdateMistake } from './api.ts';
import { CountedTextarea, CountedTextInput } from '../../components/counted-input.tsx';
import { MAX_MISTAKE_DESCRIPTION, MAX_MISTAKE_TITLE } from '../../../shared/contract/index.ts';

type Errors = Partial<Record<'title' | 'impact', string>>;

/** Who owns the mistake: "No owner" plus the workspace's people (and a former owner no longer listed). */
function OwnerSelect({
  value,
  current,
  onChange,
  error,
}: {
  value: string;
  current: string | null;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const members = useMembers();
  if (!members.isSuccess || members.data.length === 0) return null;
  const known = !current || members.data.some((m) => m.id === current);
  return (
    <NativeSelect
      label="Owner"
      description="Who sees the recovery through"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: 'No owner' },
        ...members.data.map((m) => ({ value: m.id, label: m.name })),
        ...(known || !current ? [] : [{ value: current, label: 'Former member' }]),
      ]}
      error={error}
    />
  );
}

/** The edit form, prefilled with the mistake as logged; sends only the fields that changed. */
function EditMistakeForm({ mistake, onDone }: { mistake: Mistake; onDone: () => void }) {
  const update = useUpdateMistake(mistake.id);
  const [title, setTitle] = useState(mistake.title);
  const [description, setDescription] = useState(mistake.description ?? '');
  const [category, setCategory] = useState<MistakeCategory>(mistake.category);
  const [severity, setSeverity] = useState<Severity>(mistake.severity);
  const [amount, setAmount] = useState(() => amountToInput(mistake.impact.amountMinor, mistake.impact.currency));
  const [currency, setCurrency] = useState(mistake.impact.currency);
  const [ownerId, setOwnerId] = useState(mistake.ownerId ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const api = apiFieldErrors(update.error);
  const clear = (field: keyof Errors) => setErrors((x) => ({ ...x, [field]: undefined }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!title.trim()) found.title = 'Say in a few words what went wrong';
    const amountMinor = parseAmount(amount, currency);
    if (amountMinor === null) found.impact = 'Enter an amount like 250 or 250.00';
    setErrors(found);
    if (Object.keys(found).length > 0 || amountMinor === null) return;

    const patch: MistakePatch = {};
    if (title.trim() !== mistake.title) patch.title = title.trim();
    const nextDescription = description.trim() || null;
    if (nextDescription !== mistake.description) patch.description = nextDescription;
    if (category !== mistake.category) patch.category = category;
    if (severity !== mistake.severity) patch.severity = severity;
    if (amountMinor !== mistake.impact.amountMinor || currency !== mistake.impact.currency)
      patch.impact = { amountMinor, currency };
    const nextOwner = ownerId || null;
    if (nextOwner !== mistake.ownerId) patch.ownerId = nextOwner;
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          title: `${saved.ref} updated`,
          message: 'The change is on the timeline.',
        });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${mistake.ref}`}>
      <Stack gap="md">
        <CountedTextInput
          label="Title"
          max={MAX_MISTAKE_TITLE}
          required
          data-autofocus
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            clear('title');
          }}
          error={errors.title ?? fieldMessage(api['title'])}
        />
        <CountedTextarea
          label="What happened"
          description="The facts, specifically: what was wrong, where, and who saw it."
          max={MAX_MISTAKE_DESCRIPTION}
          autosize
          minRows={3}
          maxRows={10}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldMessage(api['description'])}
        />
        <NativeSelect
          label="Category"
          data={categoryOptions}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as MistakeCategory)}
          error={fieldMessage(api['category'])}
        />
        <SeverityField value={severity} onChange={setSeverity} error={fieldMessage(api['severity'])} />
        <MoneyInput
          label="Impact"
          name="impact"
          description="What it cost the client, if known"
          amount={amount}
          currency={currency}
          onAmountChange={(v) => {
            setAmount(v);
            clear('impact');
          }}
          onCurrencyChange={(v) => {
            setCurrency(v);
            clear('impact');
          }}
          error={errors.impact ?? fieldMessage(api['impact.amountMinor'] ?? api['impact.currency'] ?? api['impact'])}
        />
        <OwnerSelect
          value={ownerId}
          current={mistake.ownerId}
          onChange={setOwnerId}
          error={fieldMessage(api['ownerId'])}
        />
        <Text fz="xs" c="dimmed">
          The stage is never edited here: it moves only when the fact that earns it is recorded. Every change is kept on
          the timeline.
        </Text>
        <FormError error={update.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The "Edit details" dialog of a mistake: corrects what was logged, never the stage. */
export function EditMistakeDialog({
  mistake,
  opened,
  onClose,
}: {
  mistake: Mistake;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Edit {mistake.ref}</Text>} size="lg">
      <EditMistakeForm mistake={mistake} onDone={onClose} />
    </Modal>
  );
}
