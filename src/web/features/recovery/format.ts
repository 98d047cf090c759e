import { useRef } from 'react';
import type { MessageKind, MessageStatus, RemedyKind, RemedyStatus } from '../../../shared/contract/index.ts';
import { formatMoney } from '../../lib/money.ts';

// Words, amounts and durations of the recovery feature.

/** A signed amount: "−$12.50" for a reversing entry, "$12.50" otherwise. */
export function formatSigned(amountMinor: number, currency: string): string {
  const text = formatMoney({ amountMinor: Math.abs(amountMinor), currency });
  return amountMinor < 0 ? `−${text}` : text;
}

/** "45 min", "3 h 20 min", "2 d 4 h" from seconds. */
export function formatDuration(seconds: number): string {
  const minutes = Math.max(0, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Parses typed hours ("12.5", "1,5" is refused) into hundredths; null when invalid or zero. */
export function parseHoursCenti(input: string): number | null {
  const match = /^(\d{1,5})(?:\.(\d{0,2}))?$/.exec(input.trim());
  if (!match) return null;
  const centi = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return centi > 0 ? centi : null;
}

/** Rework amount: hours × rate, rounded half up to a minor unit (as the API computes it). */
export function reworkAmountMinor(hoursCenti: number, rateMinor: number): number {
  // BigInt: hundredths × rate can pass 2^53 before the division.
  const product = BigInt(hoursCenti) * BigInt(rateMinor);
  return Number((product + 50n) / 100n);
}

export const remedyKindLabels: Record<RemedyKind, string> = {
  credit: 'Account credit',
  discount: 'Discount',
  refund: 'Refund',
  rework: 'Unbilled rework',
  gift: 'Gift',
  other: 'Other',
};

export const remedyStatusLabels: Record<RemedyStatus, string> = {
  pending_approval: 'Awaiting approval',
  issued: 'Issued',
  reversed: 'Reversed',
  reversal: 'Reversal',
};
export const remedyStatusColors: Record<RemedyStatus, string> = {
  pending_approval: 'yellow',
  issued: 'green',
  reversed: 'gray',
  reversal: 'gray',
};

export const messageStatusLabels: Record<MessageStatus, string> = {
  draft: 'Draft',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};
export const messageStatusColors: Record<MessageStatus, string> = {
  draft: 'gray',
  queued: 'blue',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
};

export const messageKindLabels: Record<MessageKind, string> = {
  acknowledgment: 'Acknowledgment',
  accounting: 'Accounting notice',
  update: 'Progress update',
  follow_up: 'Follow-up',
  improvement_plan: 'Improvement plan',
  reminder: 'Reminder',
  invitation: 'Invitation',
  password_reset: 'Password reset',
  satisfaction: 'Satisfaction check',
};

/**
 * An idempotency key per submitted body: a retry of the same body reuses the key (so the server
 * answers the first result instead of issuing twice); a different body or a success starts afresh.
 */
export function useIdempotencyKey() {
  const last = useRef<{ fingerprint: string; key: string } | null>(null);
  return {
    /** The key for this body. */
    keyFor(body: unknown): string {
      const fingerprint = JSON.stringify(body);
      if (last.current?.fingerprint !== fingerprint) last.current = { fingerprint, key: crypto.randomUUID() };
      return last.current.key;
    },
    /** Forget the key once the submit succeeded. */
    done(): void {
      last.current = null;
    },
  };
}
