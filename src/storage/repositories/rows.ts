import type { Selectable } from 'kysely';
import type {
  Acknowledgment,
  Client,
  Commitment,
  Contact,
  Fact,
  GuardRule,
  Mistake,
  TimelineEvent,
} from '../../shared/contract/index.ts';
import { toBool, toInt, toIso, toIsoOrNull } from '../dialect.ts';
import type {
  AcknowledgmentsTable,
  ClientsTable,
  CommitmentsTable,
  ContactsTable,
  EventsTable,
  FactsTable,
  GuardRulesTable,
  MistakesTable,
} from '../schema.ts';

// Row → domain converters: the one boundary where driver types are normalised.

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toClient(row: Selectable<ClientsTable>): Client {
  return {
    id: row.id,
    name: row.name,
    aliases: parseJson<string[]>(row.aliases, []),
    tier: row.tier as Client['tier'],
    status: row.status as Client['status'],
    value: { amountMinor: toInt(row.value_minor), currency: row.value_currency },
    ownerId: row.owner_id,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function toContact(row: Selectable<ContactsTable>): Contact {
  return {
    id: row.id,
    clientId: row.client_id,
    fullName: row.full_name,
    preferredName: row.preferred_name,
    honorific: row.honorific as Contact['honorific'],
    pronouns: row.pronouns,
    pronunciation: row.pronunciation,
    email: row.email,
    isBilling: toBool(row.is_billing),
    createdAt: toIso(row.created_at),
  };
}

export function toFact(row: Selectable<FactsTable>): Fact {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind as Fact['kind'],
    value: row.value,
    label: row.label,
    createdAt: toIso(row.created_at),
  };
}

export function toCommitment(row: Selectable<CommitmentsTable>): Commitment {
  return {
    id: row.id,
    clientId: row.client_id,
    mistakeId: row.mistake_id,
    title: row.title,
    dueAt: toIso(row.due_at),
    status: row.status as Commitment['status'],
    isFix: toBool(row.is_fix),
    ownerId: row.owner_id,
    completedAt: toIsoOrNull(row.completed_at),
    recordedLate: toBool(row.recorded_late),
    createdAt: toIso(row.created_at),
  };
}

export function toMistake(row: Selectable<MistakesTable> & { client_name: string }): Mistake {
  const number = toInt(row.number);
  return {
    id: row.id,
    number,
    ref: `MG-${number}`,
    clientId: row.client_id,
    clientName: row.client_name,
    title: row.title,
    description: row.description,
    category: row.category as Mistake['category'],
    severity: row.severity as Mistake['severity'],
    impact: { amountMinor: toInt(row.impact_minor), currency: row.impact_currency },
    foundBy: row.found_by as Mistake['foundBy'],
    happenedAt: toIsoOrNull(row.happened_at),
    foundAt: toIso(row.found_at),
    stage: row.stage as Mistake['stage'],
    reached: {
      acknowledged: toIsoOrNull(row.acknowledged_at),
      remedied: toIsoOrNull(row.remedied_at),
      fixed: toIsoOrNull(row.fixed_at),
      learned: toIsoOrNull(row.learned_at),
      verified: toIsoOrNull(row.verified_at),
      closed: toIsoOrNull(row.closed_at),
    },
    ownerId: row.owner_id,
    regressed: toBool(row.regressed),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function toAcknowledgment(row: Selectable<AcknowledgmentsTable>): Acknowledgment {
  return {
    id: row.id,
    mistakeId: row.mistake_id,
    at: toIso(row.at),
    channel: row.channel as Acknowledgment['channel'],
    contactId: row.contact_id,
    recipient: row.recipient,
    note: row.note,
    messageId: row.message_id,
    createdAt: toIso(row.created_at),
  };
}

export function toEvent(row: Selectable<EventsTable>): TimelineEvent {
  return {
    id: row.id,
    mistakeId: row.mistake_id,
    clientId: row.client_id,
    type: row.type,
    summary: row.summary,
    data: parseJson<Record<string, unknown>>(row.data, {}),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    at: toIso(row.at),
  };
}

export function toGuardRule(row: Selectable<GuardRulesTable> & { mistake_number: number | string | null }): GuardRule {
  return {
    id: row.id,
    clientId: row.client_id,
    mistakeId: row.mistake_id,
    mistakeRef: row.mistake_number === null ? null : `MG-${toInt(row.mistake_number)}`,
    kind: row.kind as GuardRule['kind'],
    phrase: row.phrase,
    pattern: row.pattern,
    when: row.trigger,
    message: row.message,
    createdAt: toIso(row.created_at),
  };
}

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
