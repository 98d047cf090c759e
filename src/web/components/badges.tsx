import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { ClientStatus, CommitmentStatus, RecoveryStage, Severity } from '../../shared/contract/index.ts';
import { recoveryStages } from '../../shared/contract/index.ts';
import {
  commitmentStatusColors,
  commitmentStatusLabels,
  severityColors,
  severityLabels,
  stageColors,
  stageLabels,
  statusColors,
  statusLabels,
} from '../lib/labels.ts';

/** A mistake's recovery stage. */
export function StageBadge({ stage }: { stage: RecoveryStage }) {
  return (
    <Badge color={stageColors[stage]} variant="light" radius="sm">
      {stageLabels[stage]}
    </Badge>
  );
}

/** A mistake's severity. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge color={severityColors[severity]} variant={severity === 'critical' ? 'filled' : 'outline'} radius="sm">
      {severityLabels[severity]}
    </Badge>
  );
}

/** A client's status. */
export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  return (
    <Badge color={statusColors[status]} variant="dot" radius="sm">
      {statusLabels[status]}
    </Badge>
  );
}

/** A commitment's status. */
export function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  return (
    <Badge color={commitmentStatusColors[status]} variant="light" radius="sm">
      {commitmentStatusLabels[status]}
    </Badge>
  );
}

/** The seven stages as a compact progress strip; reached stages are filled. */
export function StageStrip({
  stage,
  reachedAt,
}: {
  stage: RecoveryStage;
  reachedAt: Partial<Record<RecoveryStage, string | null>>;
}) {
  const current = recoveryStages.indexOf(stage);
  return (
    <Group
      gap={4}
      wrap="nowrap"
      aria-label={`Recovery stage: ${stageLabels[stage]} (${current + 1} of ${recoveryStages.length})`}
      role="img"
    >
      {recoveryStages.map((s, i) => (
        <Tooltip key={s} label={`${stageLabels[s]}${reachedAt[s] ? ' — reached' : ''}`} withArrow>
          <div
            style={{
              height: 6,
              flex: 1,
              minWidth: 10,
              borderRadius: 3,
              background: i <= current ? `var(--mantine-color-${stageColors[stage]}-6)` : 'var(--mantine-color-gray-3)',
            }}
          />
        </Tooltip>
      ))}
      <Text fz="xs" c="dimmed" ml={4} style={{ whiteSpace: 'nowrap' }}>
        {current + 1}/{recoveryStages.length}
      </Text>
    </Group>
  );
}
