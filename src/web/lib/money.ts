import type { Money } from '../../shared/contract/index.ts';

// Money crosses the API as integer minor units plus a currency. People read and type decimal
// amounts; these helpers convert without ever putting a float on the amount.

/** Digits after the decimal point for a currency (JPY 0, USD 2, KWD 3). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Parses a typed amount ("1,250.50") into minor units; null when it is not a valid amount. */
export function parseAmount(input: string, currency: string): number | null {
  const cleaned = input.trim().replace(/[,\s]/g, '');
  if (cleaned === '') return 0;
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** The decimal text of an amount, for an input field ("1250.50"). */
export function amountToInput(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const text = String(amountMinor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A formatted amount with its currency ("$1,250.50", "€80.00"). */
export function formatMoney(money: Money, locale?: string): string {
  const digits = minorDigits(money.currency);
  try {
    // Split whole and fraction as integers so large amounts keep every digit.
    // The sign goes on the whole part only (-0 keeps it for amounts under one unit: "-$0.50").
    const divisor = 10 ** digits;
    const negative = money.amountMinor < 0;
    const magnitude = Math.abs(money.amountMinor);
    const whole = (negative ? -1 : 1) * Math.trunc(magnitude / divisor);
    const fraction = magnitude % divisor;
    const format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    if (digits === 0) return format.format(whole);
    return format
      .formatToParts(whole)
      .map((part) => (part.type === 'fraction' ? String(fraction).padStart(digits, '0') : part.value))
      .join('');
  } catch {
    return `${amountToInput(money.amountMinor, money.currency)} ${money.currency}`;
  }
}

/** Currencies offered in money inputs (any ISO code is accepted by the API). */
export const commonCurrencies = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'INR'];
