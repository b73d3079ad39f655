/**
 * Caps on the long-lived things one person holds open at once (event streams, file transfers), counted in
 * the shared store so that every gateway instance agrees. Each open stream holds one numbered slot, a key
 * with a short lease renewed while the stream lives: a gateway that dies frees its slots when their leases
 * run out, never leaving a person locked out for long.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from './auth/principal.js';
import { pseudonym } from './auth/pseudonym.js';
import type { Store } from './store/index.js';
import { outageWarning } from './store/outage-warning.js';

export interface Slot {
  release(): Promise<void>;
}

const LEASE_MS = 60_000;
const NO_SLOT: Slot = { release: async () => undefined };

export class PersonSlots {
  readonly #skipped = outageWarning('slots not counted: store unavailable');

  constructor(
    private readonly store: Store,
    private readonly secret: string,
    /** What the slots are for (`streams`, `transfers`), part of their keys. */
    private readonly kind: string,
    readonly limit: number,
  ) {}

  /**
   * A slot for one more open stream of this person's, or null when all are taken. When the store cannot be
   * reached the stream is let through and the outage logged, as the rate limit does.
   */
  async acquire(principal: Principal, log: FastifyBaseLogger): Promise<Slot | null> {
    // One hash tag per person and kind: a person's slots sit in one Redis Cluster slot.
    const base = `slots:${this.kind}:{${pseudonym(this.secret, principal.nationalId)}}:`;
    const holder = randomBytes(9).toString('base64url');
    try {
      for (let i = 0; i < this.limit; i++) {
        const key = `${base}${i}`;
        if (!(await this.store.setIfAbsent(key, holder, LEASE_MS))) continue;
        const renewal = setInterval(() => {
          this.store.set(key, holder, LEASE_MS).catch(() => undefined);
        }, LEASE_MS / 3).unref();
        let released = false;
        return {
          release: async () => {
            if (released) return;
            released = true;
            clearInterval(renewal);
            await this.store.delete(key).catch(() => undefined);
          },
        };
      }
      return null;
    } catch (error) {
      this.#skipped(log, error, { kind: this.kind });
      return NO_SLOT;
    }
  }
}
