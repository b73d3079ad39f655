/**
 * Per-person request limits, counted in the shared store so that all gateway instances agree. The key is
 * the person's pseudonym (see audit/audit.ts), never the national id itself.
 */
import type { FastifyBaseLogger } from 'fastify';
import { pseudonym } from './auth/pseudonym.js';
import type { Principal } from './auth/principal.js';
import { graphError } from './errors.js';
import type { Store } from './store/index.js';

export interface RateLimitOptions {
  perMinute: number;
  /** Requests per client address per minute that carry no valid login (login starts, refused tokens). */
  anonymousPerMinute: number;
  /** Keys store keys that derive from a person, so they reveal nothing. */
  secret: string;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  constructor(
    private readonly store: Store,
    private readonly options: RateLimitOptions,
  ) {}

  /**
   * Throws RATE_LIMITED (HTTP 429 with Retry-After) past the limit. When the store cannot be reached the
   * request is let through and the outage logged: reading one's own case matters more than the limit.
   */
  async check(principal: Principal, log: FastifyBaseLogger, weight = 1): Promise<void> {
    await this.#count(
      `ratelimit:${pseudonym(this.options.secret, principal.nationalId)}`,
      this.options.perMinute,
      log,
      weight,
    );
  }

  /**
   * The same for a request without a valid login, counted per client address (its HMAC, never the address
   * itself): login starts, callbacks, refused tokens. Nobody can store login transactions or try tokens
   * without end.
   */
  async checkClient(address: string, log: FastifyBaseLogger): Promise<void> {
    await this.#count(
      `ratelimit:client:${pseudonym(this.options.secret, `address|${address}`)}`,
      this.options.anonymousPerMinute,
      log,
      1,
    );
  }

  async #count(key: string, limit: number, log: FastifyBaseLogger, weight: number): Promise<void> {
    let count: number;
    let resetInMs: number;
    try {
      ({ count, resetInMs } = await this.store.hit(key, WINDOW_MS, weight));
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'rate limit not checked: store unavailable');
      return;
    }
    if (count > limit) {
      const retryAfter = Math.max(1, Math.ceil(resetInMs / 1000));
      throw graphError('RATE_LIMITED', `Too many requests. Try again in ${retryAfter} seconds.`, {
        http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
      });
    }
  }
}
