import type { SignInInput } from '../../shared/contract/index.ts';
import { DomainError } from '../errors.ts';
import type { Deps } from '../ports.ts';
import { signIn, type IssuedSession } from './workspaces.ts';

// Sign-in throttling (issue 12 C/D). Two counters per attempt, both kept in the database so every
// instance on it counts against the same limits:
//   - per address, across accounts: one address cannot try passwords against every account;
//   - per account, across addresses: many addresses cannot guess one account's password.
// An attempt over a limit is refused with 429 and Retry-After; each further refusal-worthy attempt
// doubles the wait (a growing delay, up to maxBlockMs). The account counter is keyed on the email
// as typed (lowercased), whether or not anyone has it, so known and unknown emails answer alike.

/** How one counter behaves. */
export interface ThrottleRule {
  /** Attempts allowed in one window. */
  limit: number;
  windowMs: number;
  /** The first wait once over the limit; it doubles with every further block. */
  blockMs: number;
  maxBlockMs: number;
  /** After this long without attempts the key starts afresh (its doubling too). */
  forgetMs: number;
}

/** The answer of one counted attempt. */
export interface ThrottleVerdict {
  allowed: boolean;
  /** When refused: how long until the next attempt is accepted. */
  retryAfterMs: number;
}

/** Port: attempt counters shared by every instance on one database (storage implements it). */
export interface ThrottleCounters {
  /** Counts an attempt on `key` at `at` (unless it is blocked) and says whether it may go ahead. */
  hit(key: string, at: Date, rule: ThrottleRule): Promise<ThrottleVerdict>;
  /** Takes one counted attempt back (a sign-in that succeeded is not a guess). */
  refund(key: string, at: Date): Promise<void>;
  /** Forgets a key (the account's counter after its owner signed in). */
  clear(key: string): Promise<void>;
  /** Fixed-window request counting for @fastify/rate-limit: the count in the current window and ms left. */
  count(key: string, at: Date, windowMs: number): Promise<{ current: number; ttlMs: number }>;
}

const MINUTE = 60_000;

/** Per address, across accounts: 20 failed sign-ins in 15 minutes, then 1 min, 2 min, 4 min… up to 1 h. */
export const perAddressRule: ThrottleRule = {
  limit: 20,
  windowMs: 15 * MINUTE,
  blockMs: MINUTE,
  maxBlockMs: 60 * MINUTE,
  forgetMs: 24 * 60 * MINUTE,
};

/** Per account, across addresses: 10 failed sign-ins in 15 minutes, then 1 min, 2 min, 4 min… up to 1 h. */
export const perAccountRule: ThrottleRule = {
  limit: 10,
  windowMs: 15 * MINUTE,
  blockMs: MINUTE,
  maxBlockMs: 60 * MINUTE,
  forgetMs: 24 * 60 * MINUTE,
};

/** The throttle keys of one attempt. */
export function signInKeys(ip: string, email: string): { address: string; account: string } {
  return { address: `sign-in:ip:${ip}`, account: `sign-in:account:${email.trim().toLowerCase()}` };
}

function refuse(verdict: ThrottleVerdict): never {
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  throw new DomainError('rate_limited', `Too many sign-in attempts; try again in ${seconds} s.`, {
    retryAfterSeconds: seconds,
  });
}

/**
 * Signs in through both throttles. Refused attempts (429) are decided before the password is
 * checked, the same way for every email; a success takes its address count back and clears the
 * account's counter, so only failures add up.
 */
export async function throttledSignIn(
  deps: Deps,
  counters: ThrottleCounters,
  input: SignInInput,
  ip: string,
  rules: { address: ThrottleRule; account: ThrottleRule } = { address: perAddressRule, account: perAccountRule },
): Promise<IssuedSession> {
  const keys = signInKeys(ip, input.email);
  const now = deps.clock.now();
  const address = await counters.hit(keys.address, now, rules.address);
  if (!address.allowed) refuse(address);
  const account = await counters.hit(keys.account, now, rules.account);
  if (!account.allowed) refuse(account);
  const issued = await signIn(deps, input);
  await counters.refund(keys.address, now);
  await counters.clear(keys.account);
  return issued;
}
