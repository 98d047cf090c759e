import { ApiError } from '../api/client.ts';

/** Field messages from a failed API call, keyed by field name ("email", "impact.amountMinor"). */
export function apiFieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}

/** The message to show above a form for a failed API call (null when there is none). */
export function apiErrorMessage(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.code === 'validation_failed' && Object.keys(error.fieldErrors()).length > 0) {
      return 'Some fields need attention — see the messages below.';
    }
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** Sentence-case a field message from the API ("must not be empty" → "Must not be empty"). */
export function fieldMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** True when the text looks like an email address (the API has the final word). */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
