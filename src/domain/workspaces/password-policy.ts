import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { DomainError } from '../errors.ts';

// NIST SP 800-63B §5.1.1.2: refuse passwords that are common, repetitive or sequential, or built
// from context (the user's name, email, the workspace). A maintained estimator does it, with its
// dictionaries; the length limits stay in the contract's passwordSchema.

/** Estimator score (0–4) a password needs: 3 is "safely unguessable" (about 10^8 guesses or more). */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
// Built on first use: the dictionaries take a moment to load.
const zxcvbn = (): ZxcvbnFactory =>
  (estimator ??= new ZxcvbnFactory({
    translations: zxcvbnEn.translations,
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  }));

/** Why a password is refused, or null when it is strong enough; `context` are words it must not lean on. */
export function passwordWeakness(password: string, context: readonly string[] = []): string | null {
  const result = zxcvbn().check(
    password,
    context.filter((c) => c.trim() !== ''),
  );
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ?? 'This password is easy to guess.';
  const hint = result.feedback.suggestions[0] ?? 'Use a few unrelated words.';
  return `${why} ${hint}`.trim();
}

/** Refuses a guessable password with 400 validation_failed naming `field`. */
export function requireStrongPassword(password: string, context: readonly string[] = [], field = 'password'): void {
  const weakness = passwordWeakness(password, context);
  if (weakness) {
    throw new DomainError('validation_failed', `${field}: ${weakness}`, {
      field,
      issues: [{ field, message: weakness }],
    });
  }
}
