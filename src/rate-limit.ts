/**
 * Per-person request limits, counted in the shared store so that all gateway instances agree. The key is
 * the person's pseudonym (see audit/audit.ts), never the national id itself.
 */
import type { FastifyBaseLogger } from 'fastify';
import { pseudonym } from './auth/pseudonym.js';
import type { Principal } from './auth/principal.js';
import { graphError } from './errors.js';
import type { Lang } from './i18n.js';
import { say } from './messages.js';
import type { Store } from './store/index.js';
import { outageWarning } from './store/outage-warning.js';

export interface RateLimitOptions {
  perMinute: number;
  /** Requests per client address per minute that carry no valid login (login starts, refused tokens). */
  anonymousPerMinute: number;
  /** Keys store keys that derive from a person, so they reveal nothing. */
  secret: string;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  readonly #skipped = outageWarning('rate limit not checked: store unavailable');

  constructor(
    private readonly store: Store,
    private readonly options: RateLimitOptions,
  ) {}

  /**
   * Throws RATE_LIMITED (HTTP 429 with Retry-After) past the limit. When the store cannot be reached the
   * request is let through and the outage logged: reading one's own case matters more than the limit.
   */
  async check(principal: Principal, lang: Lang, log: FastifyBaseLogger, weight = 1): Promise<void> {
    throwPast(
      lang,
      await this.#count(
        `ratelimit:${pseudonym(this.options.secret, principal.nationalId)}`,
        this.options.perMinute,
        log,
        weight,
      ),
    );
  }

  /** The same for a request without a valid login (refused tokens, an ended session, none at all). */
  async checkClient(address: string, lang: Lang, log: FastifyBaseLogger): Promise<void> {
    throwPast(lang, await this.clientRetryAfter(address, log));
  }

  /**
   * Counts a request without a valid login per client address (its HMAC, never the address itself): the
   * seconds to wait when past the limit, else null. Nobody can store login transactions or try tokens
   * without end.
   */
  clientRetryAfter(address: string, log: FastifyBaseLogger): Promise<number | null> {
    return this.#count(
      `ratelimit:client:${pseudonym(this.options.secret, `address|${address}`)}`,
      this.options.anonymousPerMinute,
      log,
      1,
    );
  }

  /** Counts `weight` hits; the seconds until the window resets when past `limit`, else null. */
  async #count(key: string, limit: number, log: FastifyBaseLogger, weight: number): Promise<number | null> {
    try {
      const { count, resetInMs } = await this.store.hit(key, WINDOW_MS, weight);
      return count > limit ? Math.max(1, Math.ceil(resetInMs / 1000)) : null;
    } catch (error) {
      this.#skipped(log, error);
      return null;
    }
  }
}

function throwPast(lang: Lang, retryAfter: number | null): void {
  if (retryAfter === null) return;
  throw graphError('RATE_LIMITED', say(lang, 'RATE_LIMITED', { seconds: retryAfter }), {
    http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
  });
}
