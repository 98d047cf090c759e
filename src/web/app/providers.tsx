import { createTheme, MantineProvider, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { sessionKey } from './session.tsx';

// Mantine's default shades 7–9 of these colours, darkened (same hue and saturation) until text in
// shade 8 reads at 4.8:1 on white and 4.5:1 on the grey page, and shade 9 (the text of a light
// badge or alert) at 4.8:1 on shade 1 — WCAG 2.1 AA for body text. Shades 0–6 are Mantine's own.
const accessible = (shades: string[]) => shades as unknown as MantineColorsTuple;
// prettier-ignore
const colors = {
  red: accessible(['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#fa5252', '#f03e3e', '#de2121', '#b22525']),
  orange: accessible(['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#f76707', '#c44b0a', '#ae3a0c']),
  yellow: accessible(['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#fab005', '#cc8500', '#a66100', '#a45500']),
  green: accessible(['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#34a849', '#278238', '#247334']),
  teal: accessible(['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0ca678', '#08815c', '#077151']),
  lime: accessible(['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#82c91e', '#67a414', '#4c7e0b', '#49760a']),
  cyan: accessible(['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#15aabf', '#1098ad', '#0b7d90', '#0a6a7c']),
  blue: accessible(['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#228be6', '#1c7ed6', '#1971c2', '#165c9e']),
  indigo: accessible(['#edf2ff', '#dbe4ff', '#bac8ff', '#91a7ff', '#748ffc', '#5c7cfa', '#4c6ef5', '#4263eb', '#3b5bdb', '#334abb']),
  violet: accessible(['#f3f0ff', '#e5dbff', '#d0bfff', '#b197fc', '#9775fa', '#845ef7', '#7950f2', '#7048e8', '#6741d9', '#5b3abd']),
};

/** The app's look: one primary colour, calm greys, readable type; every text colour at WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Filled buttons, badges, links and coloured text use shade 8: white on red-6 read at 3.3:1.
  primaryShade: 8,
  colors,
  defaultRadius: 'md',
  fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
    // A badge in a narrow table cell keeps its whole word instead of shrinking to "DO…".
    Badge: { styles: { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } },
    // Every chart is drawn aria-hidden beside a table that says the same; recharts' keyboard layer
    // made the hidden SVG focusable (axe: aria-hidden-focus), so Tab would land on nothing readable.
    LineChart: { defaultProps: { accessibilityLayer: false } },
    BarChart: { defaultProps: { accessibilityLayer: false } },
  },
});

/**
 * Helper text and errors at AA contrast: Mantine's dimmed grey (gray-6, #868e96) reads at 3.3:1 on
 * white; #5c636a reads at 6.1:1 on white and 5.5:1 on gray-1. Errors use red-8 instead of red-6.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-error': 'var(--mantine-color-red-8)' },
  dark: {},
});

/** A query client that sends the user to sign-in when the session expires mid-use. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== sessionKey[0]) {
          client.setQueryData(sessionKey, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

/** Mantine, notifications and TanStack Query around the app. */
export function Providers({ children, queryClient }: { children: ReactNode; queryClient: QueryClient }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" autoClose={4000} limit={3} />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
