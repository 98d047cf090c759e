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
  return formatMinor(money.amountMinor, money.currency, locale);
}

/** A mistake's impact: the amount, or "not set" when none was entered (the API keeps 0 for unknown). */
export function formatImpact(impact: Money, locale?: string): string {
  return Number(impact.amountMinor) === 0 ? 'not set' : formatMoney(impact, locale);
}

/**
 * A formatted amount of any size: minor units as a number, a BigInt or a decimal string (as the
 * API sends totals). Whole and fraction are split on BigInt, so every digit is kept beyond 2^53.
 */
export function formatMinor(amountMinor: number | bigint | string, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  let minor: bigint;
  try {
    minor = BigInt(amountMinor);
  } catch {
    return `${String(amountMinor)} ${currency}`;
  }
  const negative = minor < 0n;
  const magnitude = negative ? -minor : minor;
  const divisor = 10n ** BigInt(digits);
  const whole = magnitude / divisor;
  const fraction = magnitude % divisor;
  try {
    // The sign goes on the whole part only (-0 keeps it for amounts under one unit: "-$0.50");
    // Intl formats a BigInt exactly, and the fraction is put in as digits.
    const format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    const parts = negative && whole === 0n ? format.formatToParts(-0) : format.formatToParts(negative ? -whole : whole);
    return parts
      .map((part) => (part.type === 'fraction' ? fraction.toString().padStart(digits, '0') : part.value))
      .join('');
  } catch {
    const text = magnitude.toString().padStart(digits + 1, '0');
    const decimal = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
    return `${negative ? '-' : ''}${decimal} ${currency}`;
  }
}

/** Currencies offered in money inputs (any ISO code is accepted by the API). */
export const commonCurrencies = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'INR'];
