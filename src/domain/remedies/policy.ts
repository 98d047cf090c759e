import {
  MAX_REMEDY_MINOR,
  type ApprovalReason,
  type Client,
  type Mistake,
  type Money,
  type RemedyAssessment,
  type WorkspaceSettings,
} from '../../shared/contract/index.ts';
import { formatMoney } from './money.ts';

// The remedy policy, pure: a proposal is the impact times a whole-percent multiplier for the
// client's tier and the mistake's severity. capPercent is not a hard cap: above it (or above the
// approval threshold) a remedy needs an owner's or admin's approval. All arithmetic is on integers.

/** Loyalty research: over-compensation beyond about 150% of the harm stops paying off. */
export const OVER_COMPENSATION_WARNING =
  'Research on service recovery finds that loyalty stops rising, and can fall, when a remedy goes beyond about 150% of the harm; make sure this is deliberate.';

/** `value × percent / 100`, rounded half up, on integers. */
export function percentOf(value: number, percent: number): number {
  return Number((BigInt(value) * BigInt(percent) + 50n) / 100n);
}

/**
 * The proposed remedy for a mistake: impact × multiplier(tier, severity), less what the mistake's
 * issued and pending remedies already give (`priorMinor`, same currency), never below 0 and at
 * most the largest remedy the ledger takes.
 */
export function proposeRemedy(
  settings: WorkspaceSettings,
  client: Pick<Client, 'tier'>,
  mistake: Pick<Mistake, 'severity' | 'impact'>,
  priorMinor = 0,
): { multiplierPercent: number; fullMinor: number; proposed: Money } {
  const multiplierPercent = settings.remedyPolicy.multipliers[client.tier][mistake.severity];
  const fullMinor = percentOf(mistake.impact.amountMinor, multiplierPercent);
  const left = Math.max(0, fullMinor - priorMinor);
  return {
    multiplierPercent,
    fullMinor: Math.min(fullMinor, Number.MAX_SAFE_INTEGER),
    proposed: { amountMinor: Math.min(left, MAX_REMEDY_MINOR), currency: mistake.impact.currency },
  };
}

/**
 * What the mistake's remedies already give in `currency`: issued and pending entries that are not
 * reversed or withdrawn. The cap and the threshold hold on this running total plus a new remedy,
 * so splitting a remedy in parts does not get it under either.
 */
export function runningTotalMinor(
  entries: readonly { amountMinor: number; currency: string; reversesId: string | null; reversedById: string | null }[],
  currency: string,
): number {
  let sum = 0n;
  for (const e of entries) {
    if (e.currency === currency && !e.reversesId && !e.reversedById) sum += BigInt(e.amountMinor);
  }
  return Number(sum > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : sum);
}

/**
 * What the policy says about a remedy of `amount` for a mistake of `impact` whose remedies already
 * give `priorMinor` (issued and pending, same currency): the cap and the approval threshold hold on
 * the running total prior + amount. Whether it needs approval, and why.
 */
export function assessRemedy(
  settings: WorkspaceSettings,
  impact: Money,
  amount: Money,
  locale: WorkspaceSettings['locale'] = settings.locale,
  priorMinor = 0,
): RemedyAssessment {
  const { capPercent, approvalThresholdMinor } = settings.remedyPolicy;
  const reasons: ApprovalReason[] = [];
  let percentOfImpact: number | null = null;
  let overCap = false;
  const prior = amount.currency === impact.currency ? priorMinor : 0;
  const total: Money = { amountMinor: prior + amount.amountMinor, currency: amount.currency };
  const what =
    prior > 0
      ? `With the ${formatMoney({ amountMinor: prior, currency: amount.currency }, locale)} already given or awaiting approval, this mistake's remedies come to ${formatMoney(total, locale)}`
      : formatMoney(amount, locale);
  if (amount.currency !== impact.currency) {
    reasons.push({
      code: 'currency_differs',
      message: `The remedy is in ${amount.currency} but the impact is in ${impact.currency}, so it cannot be held against the ${capPercent}% cap.`,
    });
  } else if (impact.amountMinor === 0) {
    overCap = total.amountMinor > 0;
    if (overCap) {
      reasons.push({
        code: 'above_cap',
        message: `No impact is recorded for this mistake, so any remedy is above ${capPercent}% of it.`,
      });
    }
  } else {
    percentOfImpact = Number((BigInt(total.amountMinor) * 100n) / BigInt(impact.amountMinor));
    // total / impact > capPercent / 100, compared exactly.
    overCap = BigInt(total.amountMinor) * 100n > BigInt(impact.amountMinor) * BigInt(capPercent);
    if (overCap) {
      reasons.push({
        code: 'above_cap',
        message: `${what}: ${percentOfImpact}% of the impact (${formatMoney(impact, locale)}), above the ${capPercent}% cap.`,
      });
    }
  }
  if (total.amountMinor > approvalThresholdMinor) {
    reasons.push({
      code: 'above_threshold',
      message: `${what}: above the approval threshold of ${formatMoney({ amountMinor: approvalThresholdMinor, currency: amount.currency }, locale)}.`,
    });
  }
  return {
    amount,
    priorMinor: prior,
    percentOfImpact,
    requiresApproval: reasons.length > 0,
    reasons,
    warning: overCap ? OVER_COMPENSATION_WARNING : null,
  };
}

/** The rework amount: hours (in hundredths) × rate, rounded half up, on integers. */
export function reworkAmount(hoursCenti: number, rateMinor: number): number {
  return Number((BigInt(hoursCenti) * BigInt(rateMinor) + 50n) / 100n);
}
