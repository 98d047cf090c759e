import { describe, expect, it } from 'vitest';
import { amountToInput, formatImpact, formatMinor, formatMoney, minorDigits, parseAmount } from './money.ts';

describe('money in the web app', () => {
  it('reads typed decimal amounts as integer minor units without floats', () => {
    expect(parseAmount('250', 'USD')).toBe(25_000);
    expect(parseAmount('1,250.5', 'USD')).toBe(125_050);
    expect(parseAmount('0.07', 'EUR')).toBe(7);
    expect(parseAmount('19.99', 'USD')).toBe(1_999);
    expect(parseAmount('1500', 'JPY')).toBe(1_500);
    expect(parseAmount('', 'USD')).toBe(0);
  });

  it('refuses amounts that are not amounts, or have more decimals than the currency', () => {
    expect(parseAmount('abc', 'USD')).toBeNull();
    expect(parseAmount('-5', 'USD')).toBeNull();
    expect(parseAmount('1.234', 'USD')).toBeNull();
    expect(parseAmount('1.5', 'JPY')).toBeNull();
    expect(parseAmount('99999999999999999999', 'USD')).toBeNull();
  });

  it('knows how many minor digits a currency has', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('shows minor units as a currency amount and back as input text', () => {
    expect(formatMoney({ amountMinor: 125_050, currency: 'USD' }, 'en-US')).toBe('$1,250.50');
    expect(formatMoney({ amountMinor: 1_500, currency: 'JPY' }, 'en-US')).toBe('¥1,500');
    expect(formatMoney({ amountMinor: 0, currency: 'EUR' }, 'en-US')).toBe('€0.00');
    expect(formatMoney({ amountMinor: -125_050, currency: 'USD' }, 'en-US')).toBe('-$1,250.50');
    expect(formatMoney({ amountMinor: -50, currency: 'USD' }, 'en-US')).toBe('-$0.50');
    expect(formatMoney({ amountMinor: -1_500, currency: 'JPY' }, 'en-US')).toBe('-¥1,500');
    expect(amountToInput(125_050, 'USD')).toBe('1250.50');
    expect(amountToInput(5, 'USD')).toBe('0.05');
    expect(amountToInput(1_500, 'JPY')).toBe('1500');
  });

  it('keeps every digit of amounts beyond float precision', () => {
    expect(formatMoney({ amountMinor: 900_719_925_474_099, currency: 'USD' }, 'en-US')).toBe('$9,007,199,254,740.99');
  });

  it('formats totals sent as decimal strings exactly, far beyond 2^53', () => {
    expect(formatMinor('10000000000000007', 'JPY', 'en-US')).toBe('¥10,000,000,000,000,007');
    expect(formatMinor('1000000000000000001', 'USD', 'en-US')).toBe('$10,000,000,000,000,000.01');
    expect(formatMinor('-50', 'USD', 'en-US')).toBe('-$0.50');
    expect(formatMinor(12_345n, 'EUR', 'en-US')).toBe('€123.45');
  });

  it('shows an impact nobody entered as "not set", and any amount as money', () => {
    expect(formatImpact({ amountMinor: 0, currency: 'USD' })).toBe('not set');
    expect(formatImpact({ amountMinor: 1, currency: 'USD' })).toBe(formatMoney({ amountMinor: 1, currency: 'USD' }));
    expect(formatImpact({ amountMinor: 25_000, currency: 'EUR' })).toBe(
      formatMoney({ amountMinor: 25_000, currency: 'EUR' }),
    );
  });
});
