import { useMediaQuery } from '@mantine/hooks';

/** Up to Mantine's `xs` breakpoint (576 px): a phone held upright. */
export const PHONE_QUERY = '(max-width: 36em)';

/**
 * True on a phone-sized screen: tables there become one card per row (a table would scroll
 * sideways and hide the columns that decide what to do next).
 */
export function usePhoneLayout(): boolean {
  return useMediaQuery(PHONE_QUERY) ?? false;
}
