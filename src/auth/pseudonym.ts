/**
 * A person's pseudonym: an HMAC of their national id under STORE_SECRET. The one way the gateway names a
 * person in store keys, audit events and links — stable, so a person's own pseudonym finds their records,
 * and meaningless without the secret.
 */
import { createHmac } from 'node:crypto';

export function pseudonym(secret: string, nationalId: string): string {
  return createHmac('sha256', secret).update(`person|${nationalId}`).digest('base64url').slice(0, 22);
}

/** How many people's pseudonyms a Pseudonyms remembers (the people of the last few thousand requests). */
const REMEMBERED = 10_000;

/**
 * Pseudonyms remembered: the same people come back request after request (the viewer, the parties of their
 * cases), and an HMAC each time is most of what the audit and the safety net spend on naming them. The
 * oldest are forgotten first.
 */
export class Pseudonyms {
  readonly #known = new Map<string, string>();

  constructor(
    private readonly secret: string,
    private readonly capacity = REMEMBERED,
  ) {}

  /** How many are remembered now. */
  get size(): number {
    return this.#known.size;
  }

  of(nationalId: string): string {
    let known = this.#known.get(nationalId);
    if (known === undefined) {
      known = pseudonym(this.secret, nationalId);
      if (this.#known.size >= this.capacity) this.#known.delete(this.#known.keys().next().value ?? '');
      this.#known.set(nationalId, known);
    }
    return known;
  }
}
