import type { Money } from '../../shared/contract/index.ts';

/** Minor-unit digits of a currency (2 for USD, 0 for JPY); 2 for a code Intl does not know. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Money for people: "$480.00", "€12,50". The decimal is built as text, so no float touches the amount. */
export function formatMoney(money: Money, locale = 'en-US'): string {
  const digits = minorDigits(money.currency);
  const negative = money.amountMinor < 0;
  const units = String(Math.abs(money.amountMinor)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  try {
    // Intl formats a decimal string exactly (no float); the DOM lib types only admit numbers.
    const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    return formatter.format(`${negative ? '-' : ''}${decimal}` as unknown as number);
  } catch {
    return `${negative ? '-' : ''}${decimal} ${money.currency}`;
  }
}
