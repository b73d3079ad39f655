/**
 * A person's pseudonym: an HMAC of their national id under STORE_SECRET. The one way the gateway names a
 * person in store keys, audit events and links — stable, so a person's own pseudonym finds their records,
 * and meaningless without the secret. Remembered: the same people come back request after request (the
 * viewer, the parties of their cases), and an HMAC each time was a good part of what a request spent on
 * naming them.
 */
import { createHmac } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** The pseudonyms under each secret in use (one in production; tests use several). */
const BY_SECRET = new Map<string, Pseudonyms>();

export function pseudonym(secret: string, nationalId: string): string {
  let remembered = BY_SECRET.get(secret);
  if (!remembered) BY_SECRET.set(secret, (remembered = new Pseudonyms(secret)));
  return remembered.of(nationalId);
}

/** How many people's pseudonyms a Pseudonyms remembers (the people of the last few thousand requests). */
const REMEMBERED = 10_000;

/** Pseudonyms under one secret, the most recently used remembered. */
export class Pseudonyms {
  readonly #known: LRUCache<string, string>;

  constructor(secret: string, capacity = REMEMBERED) {
    this.#known = new LRUCache({
      max: capacity,
      memoMethod: (nationalId) =>
        createHmac('sha256', secret).update(`person|${nationalId}`).digest('base64url').slice(0, 22),
    });
  }

  /** How many are remembered now. */
  get size(): number {
    return this.#known.size;
  }

  of(nationalId: string): string {
    return this.#known.memo(nationalId);
  }
}
