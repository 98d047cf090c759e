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

/** The proposed remedy for a mistake: impact × multiplier(tier, severity), at most the largest remedy the ledger takes. */
export function proposeRemedy(
  settings: WorkspaceSettings,
  client: Pick<Client, 'tier'>,
  mistake: Pick<Mistake, 'severity' | 'impact'>,
): { multiplierPercent: number; proposed: Money } {
  const multiplierPercent = settings.remedyPolicy.multipliers[client.tier][mistake.severity];
  return {
    multiplierPercent,
    proposed: {
      amountMinor: Math.min(percentOf(mistake.impact.amountMinor, multiplierPercent), MAX_REMEDY_MINOR),
      currency: mistake.impact.currency,
    },
  };
}

/** What the policy says about a remedy of `amount` for a mistake of `impact`: whether it needs approval, and why. */
export function assessRemedy(
  settings: WorkspaceSettings,
  impact: Money,
  amount: Money,
  locale: WorkspaceSettings['locale'] = settings.locale,
): RemedyAssessment {
  const { capPercent, approvalThresholdMinor } = settings.remedyPolicy;
  const reasons: ApprovalReason[] = [];
  let percentOfImpact: number | null = null;
  let overCap = false;
  if (amount.currency !== impact.currency) {
    reasons.push({
      code: 'currency_differs',
      message: `The remedy is in ${amount.currency} but the impact is in ${impact.currency}, so it cannot be held against the ${capPercent}% cap.`,
    });
  } else if (impact.amountMinor === 0) {
    overCap = amount.amountMinor > 0;
    if (overCap) {
      reasons.push({
        code: 'above_cap',
        message: `No impact is recorded for this mistake, so any remedy is above ${capPercent}% of it.`,
      });
    }
  } else {
    percentOfImpact = Number((BigInt(amount.amountMinor) * 100n) / BigInt(impact.amountMinor));
    // amount / impact > capPercent / 100, compared exactly.
    overCap = BigInt(amount.amountMinor) * 100n > BigInt(impact.amountMinor) * BigInt(capPercent);
    if (overCap) {
      reasons.push({
        code: 'above_cap',
        message: `${formatMoney(amount, locale)} is ${percentOfImpact}% of the impact (${formatMoney(impact, locale)}), above the ${capPercent}% cap.`,
      });
    }
  }
  if (amount.amountMinor > approvalThresholdMinor) {
    reasons.push({
      code: 'above_threshold',
      message: `${formatMoney(amount, locale)} is above the approval threshold of ${formatMoney({ amountMinor: approvalThresholdMinor, currency: amount.currency }, locale)}.`,
    });
  }
  return {
    amount,
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
