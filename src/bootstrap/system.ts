import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm is an ambient const enum (not importable as a value under isolatedModules); 2 is Argon2id.
const ARGON2ID = 2 as Algorithm.Argon2id;
import type { Clock, Crypto, Ids } from '../domain/ports.ts';

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Time-ordered ids: 9 chars of milliseconds, a counter within the millisecond, then randomness. */
export function timeOrderedIds(clock: Clock = systemClock): Ids {
  let lastMs = -1;
  let counter = 0;
  return {
    id() {
      const ms = clock.now().getTime();
      counter = ms === lastMs ? counter + 1 : 0;
      lastMs = ms;
      const time = ms.toString(36).padStart(9, '0');
      const seq = counter.toString(36).padStart(3, '0');
      return `${time}${seq}${randomBytes(8).toString('hex')}`;
    },
  };
}

/**
 * argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). `fast` lowers the cost for tests
 * only; the hash string records its parameters, so verification works across both.
 */
export function nodeCrypto(options: { fast?: boolean } = {}): Crypto {
  const params = options.fast
    ? { algorithm: ARGON2ID, memoryCost: 1024, timeCost: 1, parallelism: 1 }
    : { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  return {
    hashPassword: (password) => hash(password, params),
    verifyPassword: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    randomToken: () => randomBytes(32).toString('base64url'),
    sha256: (value) => createHash('sha256').update(value).digest('hex'),
  };
}
