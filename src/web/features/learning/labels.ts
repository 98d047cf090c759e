import type { ActionKind, CauseCategory, EscapeKind } from '../../../shared/contract/index.ts';

export const causeLabels: Record<CauseCategory, string> = {
  training: 'Training',
  process: 'Process',
  tooling: 'Tooling',
  staffing: 'Staffing / capacity',
  communication: 'Communication',
  client_input: 'Client input',
  other: 'Other',
};

export const escapeLabels: Record<EscapeKind, string> = {
  no_check: 'No check existed',
  check_skipped: 'The check was skipped',
  check_missed: 'The check missed it',
  found_by_client: 'Found by the client first',
};

export const actionKindLabels: Record<ActionKind, string> = { corrective: 'Corrective', preventive: 'Preventive' };
