/**
 * The safety net: the last answers an agency gave about one person, sealed, per viewer, short-lived. When
 * the agency is unavailable, the loaders answer from here and the listing says STALE with the answer's
 * age. Nothing is shared between people: every key starts with the viewer's pseudonym.
 */
import type { FastifyBaseLogger } from 'fastify';
import { pseudonym } from '../auth/pseudonym.js';
import type { Store } from '../store/index.js';
import { outageWarning } from '../store/outage-warning.js';
import { Sealer } from '../store/sealed.js';

export interface Cached<T> {
  asOf: string;
  data: T;
}

export class ViewerCache {
  readonly #sealer: Sealer;
  readonly #safetyNetSkipped = outageWarning('safety net skipped: store unavailable');

  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly ttlMs: number,
    private readonly log: FastifyBaseLogger,
    /** Told of every lookup (the metrics' hit rate). */
    private readonly onLookup: (hit: boolean) => void = () => undefined,
  ) {
    this.#sealer = new Sealer(secret, 'viewer-cache');
  }

  /** The safety net is skipped while the store is away: answers come from the agencies alone. */
  #skipped<T>(fallback: T): (error: unknown) => T {
    return (error) => {
      this.#safetyNetSkipped(this.log, error);
      return fallback;
    };
  }

  /** The cache of one viewer, for one agency. */
  for(nationalId: string, agency: string): AgencyCache {
    // The hash tag keeps one viewer's answers from one agency in one Redis Cluster slot (read together).
    const prefix = `cache:{${pseudonym(this.secret, nationalId)}:${agency}}:`;
    const open = <T>(value: string | null, key: string): Cached<T> | null => {
      const opened = this.#sealer.openJson<Cached<T>>(value, `${prefix}${key}`);
      this.onLookup(opened !== null);
      return opened;
    };
    return {
      put: (key, data) => {
        const value = this.#sealer.sealJson({ asOf: new Date().toISOString(), data }, `${prefix}${key}`);
        // The cache never holds a request up or fails it.
        this.store.set(`${prefix}${key}`, value, this.ttlMs).catch(this.#skipped(undefined));
      },
      get: async <T>(key: string) =>
        open<T>(await this.store.get(`${prefix}${key}`).catch(this.#skipped(null)), key),
      forget: (keys) => {
        // Like put: never holds anything up; a copy that survives expires with its TTL.
        for (const key of keys) this.store.delete(`${prefix}${key}`).catch(this.#skipped(undefined));
      },
      getMany: async <T>(keys: readonly string[]) =>
        (
          await this.store
            .getMany(keys.map((k) => `${prefix}${k}`))
            .catch(this.#skipped(keys.map(() => null)))
        ).map((v, i) => open<T>(v, keys[i] ?? '')),
    };
  }
}

export interface AgencyCache {
  put(key: string, data: unknown): void;
  get<T>(key: string): Promise<Cached<T> | null>;
  getMany<T>(keys: readonly string[]): Promise<(Cached<T> | null)[]>;
  /** Drops these answers (the agency said they changed). */
  forget(keys: readonly string[]): void;
}
