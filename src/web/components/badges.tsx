import { Badge } from '@mantine/core';
import type { ClientStatus, CommitmentStatus, RecoveryStage, Severity } from '../../shared/contract/index.ts';
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

/** The mistake happened again and its preventive actions have not been re-checked since. */
export function RegressedBadge() {
  return (
    <Badge color="red" variant="filled" radius="sm" title="It happened again: its preventive actions did not hold">
      Regressed
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
