import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import {
  causeCategories,
  escapeKinds,
  MAX_WHY_STEPS,
  type BlameAdvisory,
  type CauseCategory,
  type EscapeKind,
  type Learning,
} from '../../../shared/contract/index.ts';
import { FormError } from '../../components/states.tsx';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { useSaveRootCause } from './api.ts';
import { causeLabels, escapeLabels } from './labels.ts';

/** A blameless hint beside the step it names: advice, never blocking. */
function Advisory({ advisory }: { advisory: BlameAdvisory }) {
  return (
    <Alert color="yellow" variant="light" icon={<IconBulb size={16} />} p="xs" role="note">
      <Text fz="sm">{advisory.message}</Text>
      <Text fz="sm" c="dimmed">
        {advisory.suggestion}
      </Text>
    </Alert>
  );
}

/** The five whys, the cause category, the escape point and the client-safe summary. */
export function RootCauseForm({ learning }: { learning: Learning }) {
  const saved = learning.rootCause;
  const save = useSaveRootCause(learning.mistakeId);
  const [steps, setSteps] = useState<string[]>(() => (saved?.whySteps.length ? saved.whySteps : ['']));
  const [category, setCategory] = useState<CauseCategory | ''>(saved?.category ?? '');
  const [others, setOthers] = useState<CauseCategory[]>(saved?.otherCategories ?? []);
  const [escapeKind, setEscapeKind] = useState<EscapeKind | ''>(saved?.escapePoint?.kind ?? '');
  const [where, setWhere] = useState(saved?.escapePoint?.where ?? '');
  const [summary, setSummary] = useState(saved?.summary ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fromApi = apiFieldErrors(save.error);
  // Advisories are for the text the server saw: an edited step hides its (possibly stale) advice.
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const advice = (field: string) => (edited.has(field) ? [] : learning.advisories.filter((a) => a.field === field));
  const touch = (field: string) => setEdited((s) => new Set(s).add(field));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    steps.forEach((s, i) => {
      if (!s.trim()) found[`whySteps.${i}`] = 'Write this step or remove it';
    });
    if (!category) found['category'] = 'Choose the main cause';
    if (escapeKind && !where.trim()) found['escapePoint.where'] = 'Say where it should have been caught';
    if (!escapeKind && where.trim()) found['escapePoint.kind'] = 'Choose what happened at that point';
    setErrors(found);
    if (Object.keys(found).length > 0 || !category) return;
    save.mutate(
      {
        whySteps: steps.map((s) => s.trim()),
        category,
        otherCategories: others.filter((c) => c !== category),
        escapePoint: escapeKind ? { kind: escapeKind, where: where.trim() } : null,
        summary: summary.trim() || null,
      },
      {
        onSuccess: () => {
          setEdited(new Set());
          notifications.show({ color: 'green', title: 'Root cause saved', message: 'Recorded on the timeline.' });
        },
      },
    );
  };

  const err = (field: string) => errors[field] ?? fieldMessage(fromApi[field]);

  return (
    <form onSubmit={submit} noValidate aria-label="Root cause">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          Ask “why?” up to five times; the last answer is the root cause. Look for what let it through, not who.
        </Text>
        {steps.map((step, i) => (
          <Stack key={i} gap={4}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                label={`Why ${i + 1}`}
                value={step}
                maxLength={300}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setSteps((s) => s.map((x, j) => (j === i ? value : x)));
                  touch(`whySteps.${i}`);
                }}
                error={err(`whySteps.${i}`)}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={26}
                aria-label={`Remove why ${i + 1}`}
                disabled={steps.length === 1}
                onClick={() => {
                  setSteps((s) => s.filter((_, j) => j !== i));
                  setEdited(new Set(learning.advisories.map((a) => a.field)));
                }}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            {advice(`whySteps.${i}`).map((a, k) => (
              <Advisory key={k} advisory={a} />
            ))}
          </Stack>
        ))}
        {err('whySteps') && (
          <Text c="red" fz="sm">
            {err('whySteps')}
          </Text>
        )}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            disabled={steps.length >= MAX_WHY_STEPS}
            onClick={() => setSteps((s) => [...s, ''])}
          >
            {steps.length >= MAX_WHY_STEPS ? 'Five whys is the limit' : 'Ask why again'}
          </Button>
        </Group>
        <NativeSelect
          label="Main cause"
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as CauseCategory | '')}
          data={[{ value: '', label: 'Choose…' }, ...causeCategories.map((c) => ({ value: c, label: causeLabels[c] }))]}
          error={err('category')}
          required
        />
        <Checkbox.Group label="Other causes (optional)" value={others} onChange={(v) => setOthers(v)}>
          <Group gap="sm" mt={4}>
            {causeCategories
              .filter((c) => c !== category)
              .map((c) => (
                <Checkbox key={c} value={c} label={causeLabels[c]} size="xs" />
              ))}
          </Group>
        </Checkbox.Group>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            label="Escape point"
            description="Why it reached the client"
            value={escapeKind}
            onChange={(e) => setEscapeKind(e.currentTarget.value as EscapeKind | '')}
            data={[
              { value: '', label: 'Not recorded' },
              ...escapeKinds.map((k) => ({ value: k, label: escapeLabels[k] })),
            ]}
            error={err('escapePoint.kind')}
            style={{ minWidth: 220 }}
          />
          <TextInput
            label="Where it should have been caught"
            description="e.g. proof review: the proof was never checked against the facts card"
            value={where}
            maxLength={300}
            onChange={(e) => setWhere(e.currentTarget.value)}
            error={err('escapePoint.where')}
            style={{ flex: 1, minWidth: 240 }}
          />
        </Group>
        <Stack gap={4}>
          <Textarea
            label="Summary for the client"
            description="One client-safe sentence; it goes into the improvement plan. The whys stay internal."
            value={summary}
            maxLength={500}
            autosize
            minRows={2}
            onChange={(e) => {
              setSummary(e.currentTarget.value);
              touch('summary');
            }}
            error={err('summary')}
          />
          {advice('summary').map((a, k) => (
            <Advisory key={k} advisory={a} />
          ))}
        </Stack>
        <FormError error={Object.keys(fromApi).length ? null : save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {saved ? 'Save the root cause' : 'Record the root cause'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
