import type {
  AcknowledgmentChannel,
  ClientStatus,
  ClientTier,
  CommitmentStatus,
  FactKind,
  Finder,
  Honorific,
  MistakeCategory,
  RecoveryStage,
  Severity,
} from '../../shared/contract/index.ts';
import {
  acknowledgmentChannels,
  clientStatuses,
  clientTiers,
  commitmentStatuses,
  factKinds,
  finders,
  honorifics,
  mistakeCategories,
  recoveryStages,
  severities,
} from '../../shared/contract/index.ts';

// The product's words for every enum the API uses, in one place.

export const categoryLabels: Record<MistakeCategory, string> = {
  communication: 'Communication',
  deliverable_quality: 'Deliverable quality',
  deadline: 'Deadline / schedule',
  billing: 'Billing',
  requirements: 'Requirements',
  wrong_fact: 'Wrong fact',
  other: 'Other',
};

export const severityLabels: Record<Severity, string> = { minor: 'Minor', major: 'Major', critical: 'Critical' };
export const severityColors: Record<Severity, string> = { minor: 'gray', major: 'orange', critical: 'red' };

export const stageLabels: Record<RecoveryStage, string> = {
  found: 'Found',
  acknowledged: 'Acknowledged',
  remedied: 'Remedied',
  fixed: 'Fixed',
  learned: 'Learned',
  verified: 'Verified',
  closed: 'Closed',
};
export const stageColors: Record<RecoveryStage, string> = {
  found: 'red',
  acknowledged: 'orange',
  remedied: 'yellow',
  fixed: 'lime',
  learned: 'teal',
  verified: 'cyan',
  closed: 'gray',
};

export const finderLabels: Record<Finder, string> = { us: 'Us', client: 'The client', third_party: 'A third party' };

export const channelLabels: Record<AcknowledgmentChannel, string> = {
  email: 'Email',
  phone: 'Phone',
  meeting: 'Meeting',
  chat: 'Chat',
  other: 'Other',
};

export const factKindLabels: Record<FactKind, string> = {
  phone: 'Phone number',
  short_code: 'Short code',
  url: 'URL',
  email: 'Email address',
  price: 'Price',
  identifier: 'Identifier',
  term: 'Term / spelling',
  date: 'Date',
};

export const honorificLabels: Record<Honorific, string> = {
  Mr: 'Mr',
  Ms: 'Ms',
  Mrs: 'Mrs',
  Mx: 'Mx',
  Dr: 'Dr',
  none: 'None',
};

export const tierLabels: Record<ClientTier, string> = { key: 'Key account', standard: 'Standard' };
export const statusLabels: Record<ClientStatus, string> = { active: 'Active', at_risk: 'At risk', lost: 'Lost' };
export const statusColors: Record<ClientStatus, string> = { active: 'green', at_risk: 'orange', lost: 'gray' };

export const commitmentStatusLabels: Record<CommitmentStatus, string> = {
  open: 'Open',
  done: 'Done',
  missed: 'Missed',
};
export const commitmentStatusColors: Record<CommitmentStatus, string> = { open: 'blue', done: 'green', missed: 'red' };

/** Options for a select from an enum and its labels. */
export function options<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const categoryOptions = options(mistakeCategories, categoryLabels);
export const severityOptions = options(severities, severityLabels);
export const stageOptions = options(recoveryStages, stageLabels);
export const finderOptions = options(finders, finderLabels);
export const channelOptions = options(acknowledgmentChannels, channelLabels);
export const factKindOptions = options(factKinds, factKindLabels);
export const honorificOptions = options(honorifics, honorificLabels);
export const tierOptions = options(clientTiers, tierLabels);
export const statusOptions = options(clientStatuses, statusLabels);
export const commitmentStatusOptions = options(commitmentStatuses, commitmentStatusLabels);
