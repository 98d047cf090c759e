import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Learning, LearningDecisions } from '../../../shared/contract/index.ts';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { LessonsPart, RepeatPart } from '../lessons/index.tsx';
import { ActionsSection } from './actions-section.tsx';
import { useLearning, useSaveDecisions } from './api.ts';
import { PlanComposer } from './plan-composer.tsx';
import { RootCauseForm } from './root-cause-form.tsx';

const stageParts = [
  ['learned', 'Learned'],
  ['verified', 'Verified'],
  ['closed', 'Closed'],
] as const;

/** What each of learned, verified and closed still needs, in the API's words. */
function StillMissing({ learning }: { learning: Learning }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" aria-label="What is still missing">
      {stageParts.map(([key, label]) => {
        const missing = learning.missing[key];
        return (
          <Paper key={key} withBorder p="sm" radius="md" bg={missing.length === 0 ? 'green.0' : undefined}>
            <Group gap={6} mb={4} wrap="nowrap">
              {missing.length === 0 ? (
                <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
              ) : (
                <IconCircleDashed size={18} color="var(--mantine-color-gray-6)" aria-hidden />
              )}
              <Text fw={600} fz="sm">
                {label}
              </Text>
              {missing.length === 0 && (
                <Badge size="xs" color="green" variant="light">
                  reached
                </Badge>
              )}
            </Group>
            {missing.length > 0 && (
              <List size="xs" spacing={2} aria-label={`Missing for ${label.toLowerCase()}`}>
                {missing.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

/** A recorded reason standing in for a fact ("no preventive action needed", "no plan to send"). */
function ReasonField(props: {
  learning: Learning;
  field: keyof LearningDecisions;
  label: string;
  placeholder: string;
  current: string | null;
}) {
  const save = useSaveDecisions(props.learning.mistakeId);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(props.current ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ [props.field]: value.trim() || null }, { onSuccess: () => setOpen(false) });
  };
  if (!open) {
    return (
      <Group gap="xs" wrap="wrap">
        {props.current && (
          <Text fz="sm">
            {props.label}: <em>{props.current}</em>
          </Text>
        )}
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setOpen(true)}>
          {props.current ? 'Change' : `${props.label}…`}
        </Button>
      </Group>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label={props.label}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          size="xs"
          label={props.label}
          description="Leave empty to remove the reason"
          placeholder={props.placeholder}
          value={value}
          maxLength={500}
          onChange={(e) => setValue(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 240 }}
        />
        <Button type="submit" size="xs" loading={save.isPending}>
          Save
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          Close
        </Button>
      </Group>
      <FormError error={save.error} />
    </form>
  );
}

function Part({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <div>
        <Title order={3} fz="md">
          {title}
        </Title>
        <Text fz="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

/** Learn, correct, don't repeat: root cause, actions, checks, the improvement plan. */
export function LearnSection({ mistakeId, clientId }: { mistakeId: string; clientId: string }) {
  const learning = useLearning(mistakeId);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="learn-title">
      <Stack gap="lg">
        <div>
          <Title order={2} fz="lg" id="learn-title">
            Learn
          </Title>
          <Text c="dimmed" fz="sm">
            Mistakes happen. Make sure they don&apos;t happen twice: find the cause, act on it, check it worked, and
            tell the client your plan.
          </Text>
        </div>
        {learning.isPending ? (
          <LoadingBlock label="Loading the learning…" />
        ) : learning.isError ? (
          <ErrorBlock error={learning.error} onRetry={() => void learning.refetch()} />
        ) : (
          <>
            <StillMissing learning={learning.data} />
            <Part title="Root cause" hint="Coach, don't criticise: what let it through?">
              <RootCauseForm key={learning.data.rootCause?.updatedAt ?? 'new'} learning={learning.data} />
            </Part>
            <Part title="Actions" hint="Corrective actions remove this cause; preventive ones stop a repeat anywhere.">
              <ActionsSection learning={learning.data} />
              <ReasonField
                learning={learning.data}
                field="noPreventionReason"
                label="No preventive action needed"
                placeholder="e.g. one-off vendor outage"
                current={learning.data.noPreventionReason}
              />
            </Part>
            <Part
              title="Lessons"
              hint="What this taught the team. Turn each lesson into a check, and the guard stops it next time."
            >
              <LessonsPart mistakeId={mistakeId} />
            </Part>
            <Part
              title="Is it a repeat?"
              hint="Earlier mistakes like this one. A repeat regresses the earlier mistake and re-opens its checks."
            >
              <RepeatPart learning={learning.data} />
            </Part>
            <Part title="Improvement plan" hint="Drafted from the summary and the preventive actions with their dates.">
              <PlanComposer learning={learning.data} clientId={clientId} />
              {!learning.data.planMessageId && (
                <ReasonField
                  learning={learning.data}
                  field="noPlanReason"
                  label="No plan to send"
                  placeholder="e.g. the client asked for no further mail"
                  current={learning.data.noPlanReason}
                />
              )}
            </Part>
          </>
        )}
      </Stack>
    </Paper>
  );
}
