import { ActionIcon, Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconBulb, IconShieldCheck, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EffectivenessState, Lesson } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useDeleteLesson, useProposals, useRemoveCheck } from './api.ts';
import { ProposalEditor } from './proposal-editor.tsx';

export const effectivenessLabels: Record<EffectivenessState, string> = {
  effective: 'Actions proved effective',
  not_effective: 'Actions not effective',
  unchecked: 'Actions not checked yet',
  none: 'No preventive action',
};
const effectivenessColors: Record<EffectivenessState, string> = {
  effective: 'green',
  not_effective: 'red',
  unchecked: 'yellow',
  none: 'gray',
};

/** "Caught 4 times since 3 March": what the lesson's checks prevented. */
export function catchLine(lesson: Lesson, timeZone: string): string {
  if (lesson.checks.length === 0) return 'Not a check yet';
  const since = lesson.catchingSince ? ` since ${formatDate(lesson.catchingSince, timeZone)}` : '';
  if (lesson.catches === 0) return `No catches yet${since}`;
  return `Caught ${lesson.catches} time${lesson.catches === 1 ? '' : 's'}${since}`;
}

function Proposals({ lesson, onClose }: { lesson: Lesson; onClose: () => void }) {
  const proposals = useProposals(lesson.id, true);
  const [dropped, setDropped] = useState<Set<number>>(() => new Set());
  if (proposals.isPending) return <LoadingBlock label="Working out what would have caught it…" />;
  if (proposals.isError) return <ErrorBlock error={proposals.error} onRetry={() => void proposals.refetch()} />;
  const open = proposals.data.map((p, i) => ({ p, i })).filter(({ i }) => !dropped.has(i));
  return (
    <Stack gap="xs" aria-label="Proposed checks">
      {open.length === 0 ? (
        <Text fz="sm" c="dimmed">
          Nothing more to propose. Add a guard rule by hand on the Guard rules page if something is still missing.
        </Text>
      ) : (
        open.map(({ p, i }) => (
          <ProposalEditor
            key={`${lesson.checks.length}-${i}`}
            lessonId={lesson.id}
            proposal={p}
            onDone={() => setDropped((d) => new Set(d).add(i))}
          />
        ))
      )}
      <Group justify="flex-end">
        <Button size="xs" variant="subtle" color="gray" onClick={onClose}>
          Close the proposals
        </Button>
      </Group>
    </Stack>
  );
}

/** A lesson: what was learned, the checks it became, what they caught, and "turn it into a check". */
export function LessonCard({ lesson, showMistake = false }: { lesson: Lesson; showMistake?: boolean }) {
  const timeZone = useTimeZone();
  const [proposing, setProposing] = useState(false);
  const remove = useRemoveCheck(lesson.id);
  const del = useDeleteLesson(lesson.id);
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Lesson: ${lesson.title}`}>
      <Stack gap="xs">
        {/* On a narrow card the scope badge goes under the title instead of squeezing it. */}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconBulb size={18} aria-hidden color="var(--mantine-color-yellow-7)" style={{ flexShrink: 0 }} />
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {lesson.title}
              </Text>
            </Group>
            {showMistake && (
              <Text fz="xs" c="dimmed">
                From{' '}
                <Anchor component={Link} to={`/mistakes/${lesson.mistakeId}`} fz="xs" underline="always">
                  {lesson.mistakeRef} {lesson.mistakeTitle}
                </Anchor>{' '}
                · {lesson.clientName}
              </Text>
            )}
          </div>
          <Group gap={6} wrap="nowrap">
            <Badge variant="light" color={lesson.scope === 'workspace' ? 'blue' : 'gray'} size="sm">
              {lesson.scope === 'workspace' ? 'Whole workspace' : 'This client'}
            </Badge>
            {!showMistake && (
              <Tooltip label="Delete the lesson (its guard rules go with it)">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Delete lesson ${lesson.title}`}
                  loading={del.isPending}
                  onClick={() => {
                    if (window.confirm(`Delete the lesson “${lesson.title}”? Its guard rules are removed too.`))
                      del.mutate();
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {lesson.learned}
        </Text>
        {lesson.advisories.map((a) => (
          <Alert key={a.field} color="yellow" variant="light" p="xs" title={a.message}>
            <Text fz="xs">{a.suggestion}</Text>
          </Alert>
        ))}
        <Group gap="xs">
          <Badge variant="dot" color={lesson.catches > 0 ? 'green' : 'gray'}>
            {catchLine(lesson, timeZone)}
          </Badge>
          {lesson.repeats > 0 && (
            <Badge variant="filled" color="red">
              Happened again {lesson.repeats} time{lesson.repeats === 1 ? '' : 's'}
            </Badge>
          )}
          <Badge variant="light" color={effectivenessColors[lesson.effectiveness]}>
            {effectivenessLabels[lesson.effectiveness]}
          </Badge>
        </Group>
        {lesson.checks.length > 0 && (
          <List
            size="sm"
            spacing={4}
            icon={<IconShieldCheck size={16} color="var(--mantine-color-green-7)" />}
            aria-label="Checks"
          >
            {lesson.checks.map((c) => (
              <List.Item key={c.id}>
                <Group gap={4} wrap="nowrap">
                  <Text fz="sm">{c.label}</Text>
                  {!showMistake && (
                    <ActionIcon
                      size="xs"
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove check ${c.label}`}
                      onClick={() => remove.mutate(c.id)}
                    >
                      <IconX size={12} />
                    </ActionIcon>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <FormError error={remove.error ?? del.error} />
        {!showMistake &&
          (proposing ? (
            <Proposals lesson={lesson} onClose={() => setProposing(false)} />
          ) : (
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconShieldCheck size={14} />}
                onClick={() => setProposing(true)}
              >
                Turn it into a check
              </Button>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}
