import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Clock } from '../domain/ports.ts';
import type { ThrottleCounters } from '../domain/workspaces/sign-in-throttle.ts';

/**
 * A @fastify/rate-limit store over the database's throttle counters, so a route limit (e.g. 10
 * setups a minute) holds across every instance on one database instead of once per process.
 * Keys are namespaced by route. Times come from the injected clock.
 */
export function databaseRateLimitStore(counters: ThrottleCounters, clock: Clock): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(private readonly route: string = '*') {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      counters
        .count(`route:${this.route}:${key}`, clock.now(), timeWindow)
        .then((r) => callback(null, { current: r.current, ttl: r.ttlMs }))
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the merged limit options with the route under routeInfo.
      const info =
        (routeOptions as unknown as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '*');
      return new DatabaseRateLimitStore(`${method} ${info.url ?? '*'}`);
    }
  }
  return DatabaseRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
