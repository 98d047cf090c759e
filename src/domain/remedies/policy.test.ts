import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/contract/index.ts';
import { formatMoney } from './money.ts';
import { assessRemedy, percentOf, proposeRemedy, reworkAmount, runningTotalMinor } from './policy.ts';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

describe('remedy policy', () => {
  it('rounds percentages of money half up on integers', () => {
    expect(percentOf(10_001, 250)).toBe(25_003); // 25 002.5
    expect(percentOf(10_003, 50)).toBe(5_002); // 5 001.5
    expect(percentOf(1, 149)).toBe(1); // 1.49
    expect(percentOf(1_000_000_000_000_000, 1000)).toBe(10_000_000_000_000_000);
  });

  it('proposes impact × the multiplier of the tier and severity', () => {
    const settings = defaultSettings();
    expect(proposeRemedy(settings, { tier: 'key' }, { severity: 'minor', impact: usd(12_345) })).toEqual({
      multiplierPercent: 200,
      fullMinor: 24_690,
      proposed: usd(24_690),
    });
    expect(
      proposeRemedy(settings, { tier: 'standard' }, { severity: 'critical', impact: usd(12_345) }).proposed,
    ).toEqual(usd(12_345));
  });

  it('needs approval strictly above the cap percent, compared exactly', () => {
    const settings = {
      ...defaultSettings(),
      remedyPolicy: { ...defaultSettings().remedyPolicy, approvalThresholdMinor: 10_000_000 },
    };
    expect(assessRemedy(settings, usd(333), usd(499)).requiresApproval).toBe(false); // 149.8%
    expect(assessRemedy(settings, usd(333), usd(500)).reasons.map((r) => r.code)).toEqual(['above_cap']); // 150.15%
    expect(assessRemedy(settings, usd(200), usd(300)).requiresApproval).toBe(false); // exactly 150%
    expect(assessRemedy(settings, usd(200), usd(301)).percentOfImpact).toBe(150);
  });

  it('needs approval above the threshold, for another currency, and for any remedy of a mistake with no impact', () => {
    const settings = defaultSettings();
    expect(assessRemedy(settings, usd(1_000_000), usd(50_001)).reasons.map((r) => r.code)).toEqual(['above_threshold']);
    expect(assessRemedy(settings, usd(1_000_000), usd(50_000)).requiresApproval).toBe(false);
    expect(assessRemedy(settings, usd(100), { amountMinor: 50, currency: 'EUR' }).reasons.map((r) => r.code)).toEqual([
      'currency_differs',
    ]);
    const none = assessRemedy(settings, usd(0), usd(1));
    expect(none.reasons.map((r) => r.code)).toEqual(['above_cap']);
    expect(none.warning).not.toBeNull();
  });

  it('prices rework as hours × rate, rounded half up', () => {
    expect(reworkAmount(350, 12_000)).toBe(42_000);
    expect(reworkAmount(333, 1_001)).toBe(3_333); // 3 333.33
    expect(reworkAmount(150, 1)).toBe(2); // 1.5
  });

  it('formats money from minor units without floats, by the currency’s digits', () => {
    expect(formatMoney(usd(480_000))).toBe('$4,800.00');
    expect(formatMoney(usd(-5))).toBe('-$0.05');
    expect(formatMoney({ amountMinor: 1_234, currency: 'JPY' })).toBe('¥1,234');
    expect(formatMoney({ amountMinor: 900_719_925_474_099, currency: 'USD' })).toBe('$9,007,199,254,740.99');
    expect(formatMoney({ amountMinor: 1_050, currency: 'EUR' }, 'en-GB')).toBe('€10.50');
  });

  it('holds the cap and the threshold on the running total: splitting a remedy does not get it under either', () => {
    const settings = defaultSettings(); // cap 150%, threshold 50,000
    // One remedy of 300% needs approval; so must its second half once the first is given.
    expect(assessRemedy(settings, usd(20_000), usd(60_000)).reasons.map((r) => r.code)).toEqual([
      'above_cap',
      'above_threshold',
    ]);
    expect(assessRemedy(settings, usd(20_000), usd(30_000)).requiresApproval).toBe(false);
    const second = assessRemedy(settings, usd(20_000), usd(30_000), 'en-US', 30_000);
    expect(second.reasons.map((r) => r.code)).toEqual(['above_cap', 'above_threshold']);
    expect(second.percentOfImpact).toBe(300);
    expect(second.priorMinor).toBe(30_000);
    expect(second.reasons[0]?.message).toContain('$300.00 already given');
    // Reversed and withdrawn entries and other currencies do not count; pending ones do.
    const entries = [
      { amountMinor: 10_000, currency: 'USD', reversesId: null, reversedById: null },
      { amountMinor: 5_000, currency: 'USD', reversesId: null, reversedById: 'r1' },
      { amountMinor: -5_000, currency: 'USD', reversesId: 'x', reversedById: null },
      { amountMinor: 7_000, currency: 'EUR', reversesId: null, reversedById: null },
    ];
    expect(runningTotalMinor(entries, 'USD')).toBe(10_000);
  });

  it('proposes only what is left of the policy amount after earlier remedies', () => {
    const settings = defaultSettings();
    const key = { tier: 'key' as const };
    const m = { severity: 'major' as const, impact: usd(10_000) };
    expect(proposeRemedy(settings, key, m, 15_000).proposed).toEqual(usd(5_000));
    expect(proposeRemedy(settings, key, m, 25_000).proposed).toEqual(usd(0));
  });
});
