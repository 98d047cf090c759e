// The theme's colours against WCAG 2.1 AA (4.5:1 for body text): helper text, filled buttons and
// badges (white on shade 8), coloured text and links (shade 8 on white and on the grey page), and
// light badges and alerts (shade 9 on shade 1). axe found 275 nodes below that with Mantine's defaults.
import { mergeMantineTheme, DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, theme } from './providers.tsx';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const merged = mergeMantineTheme(DEFAULT_THEME, theme);
const white = '#ffffff';
const page = merged.colors.gray[0]; // the signed-in layout's background
// Every colour the app names (lib/labels.ts, badges, alerts, buttons).
const used = ['red', 'orange', 'yellow', 'green', 'teal', 'lime', 'cyan', 'blue', 'indigo', 'violet', 'grape', 'gray'];

describe('the theme at WCAG AA contrast', () => {
  it('makes dimmed helper text readable on white and on the grey page (Mantine’s gray-6 was 3.32:1)', () => {
    const dimmed = cssVariablesResolver(merged).light['--mantine-color-dimmed']!;
    expect(contrast(dimmed, white)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dimmed, page)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dimmed, merged.colors.gray[1])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(DEFAULT_THEME.colors.gray[6], white)).toBeLessThan(4.5);
  });

  it('puts white text on filled colours at 4.5:1, the red "Log a mistake" button among them (3.28:1 before)', () => {
    const shade = merged.primaryShade as number;
    expect(contrast(white, DEFAULT_THEME.colors.red[6])).toBeLessThan(4.5);
    for (const name of used) {
      expect({ name, ratio: contrast(white, merged.colors[name]![shade]!) }).toEqual({
        name,
        ratio: expect.toSatisfy((r: number) => r >= 4.5),
      });
    }
  });

  it('keeps coloured text and links at 4.5:1 on the grey page, and light badges at 4.5:1 on their tint', () => {
    const shade = merged.primaryShade as number;
    for (const name of used) {
      const c = merged.colors[name]!;
      expect({ name, onPage: contrast(c[shade]!, page) >= 4.5, light: contrast(c[9], c[1]) >= 4.5 }).toEqual({
        name,
        onPage: true,
        light: true,
      });
    }
  });

  it('shows field errors in a red that reads at 4.5:1', () => {
    const error = cssVariablesResolver(merged).light['--mantine-color-error']!;
    const shade = Number(/red-(\d)/.exec(error)?.[1]);
    expect(contrast(merged.colors.red[shade]!, white)).toBeGreaterThanOrEqual(4.5);
  });
});
