import { Alert, Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBulb } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SimilarMistake } from '../../../shared/contract/index.ts';
import { StageBadge } from '../../components/badges.tsx';

function worked(p: SimilarMistake['preventive']): { label: string; color: string } {
  if (p.total === 0) return { label: 'No preventive action', color: 'gray' };
  if (p.notEffective > 0) return { label: `${p.notEffective} of ${p.total} actions not effective`, color: 'red' };
  if (p.effective === p.total) return { label: 'Actions proved effective', color: 'green' };
  return { label: `${p.effective} of ${p.total} actions checked effective`, color: 'yellow' };
}

/** Earlier mistakes like this one: why they match, their lessons, whether their actions worked. */
export function SimilarList({
  items,
  empty,
  action,
}: {
  items: readonly SimilarMistake[];
  empty: string;
  action?: (s: SimilarMistake) => ReactNode;
}) {
  if (items.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  const likely = items.find((s) => s.likelyRepeat);
  return (
    <Stack gap="xs" aria-label="Similar past mistakes">
      {likely && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          p="xs"
          title={`Very likely a repeat of ${likely.mistake.ref}`}
        >
          <Text fz="sm">
            Same client, same category and nearly the same words. If it is the same mistake again, mark it: the earlier
            one regresses and its preventive actions are checked again.
          </Text>
        </Alert>
      )}
      {items.map((s) => {
        const w = worked(s.preventive);
        return (
          <Paper key={s.mistake.id} withBorder radius="md" p="xs" bg={s.likelyRepeat ? 'orange.0' : undefined}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Group gap={6}>
                  <Anchor component={Link} to={`/mistakes/${s.mistake.id}`} fz="sm" fw={600}>
                    {s.mistake.ref} {s.mistake.title}
                  </Anchor>
                  <StageBadge stage={s.mistake.stage} />
                </Group>
                <Text fz="xs" c="dimmed">
                  {s.mistake.clientName} · {s.reasons.join(' · ')}
                </Text>
              </div>
              {action?.(s)}
            </Group>
            <Group gap={6} mt={4}>
              <Badge size="xs" variant="light" color={w.color}>
                {w.label}
              </Badge>
              {s.lessons.map((l) => (
                <Badge key={l.id} size="xs" variant="outline" color="yellow" leftSection={<IconBulb size={10} />}>
                  {l.title}
                  {l.catches > 0 ? ` · caught ${l.catches}` : ''}
                </Badge>
              ))}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
