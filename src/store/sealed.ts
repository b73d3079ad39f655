/**
 * Personal data written to the store is sealed: AES-256-GCM under a key derived from STORE_SECRET, so a
 * copy of Redis reveals nothing, and a tampered value is refused rather than trusted. Each value is bound
 * to the store key it is written under (the key is the cipher's additional data): someone who can write to
 * Redis cannot move one person's consent or session under another person's key.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { z } from 'zod';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealerOptions {
  /**
   * Also open values sealed before they were bound to their key (earlier releases), for records that must
   * survive an upgrade (consents, submissions) until they are written again.
   */
  acceptUnbound?: boolean;
}

export class Sealer {
  readonly #key: Buffer;
  readonly #acceptUnbound: boolean;

  constructor(secret: string, purpose: string, options: SealerOptions = {}) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'helseklage-graph', `store:${purpose}`, 32));
    this.#acceptUnbound = options.acceptUnbound ?? false;
  }

  /** `plaintext` sealed for the store key `boundTo`. */
  seal(plaintext: string, boundTo: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The plaintext, or null when the value was not sealed by this key, for `boundTo`, or was altered. */
  open(sealed: string, boundTo: string): string | null {
    return this.#open(sealed, boundTo) ?? (this.#acceptUnbound ? this.#open(sealed, null) : null);
  }

  #open(sealed: string, boundTo: string | null): string | null {
    try {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES));
      if (boundTo !== null) decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** A value as sealed JSON, for the store key `boundTo`. */
  sealJson(value: unknown, boundTo: string): string {
    return this.seal(JSON.stringify(value), boundTo);
  }

  /**
   * The value `sealJson` sealed; null when there is none, or it was not sealed by this key, or was
   * altered — or, given a schema, when it does not have that shape (a record written by an older release).
   */
  openJson<T>(sealed: string | null | undefined, boundTo: string): T | null;
  openJson<S extends z.ZodType>(
    sealed: string | null | undefined,
    boundTo: string,
    schema: S,
  ): z.infer<S> | null;
  openJson(sealed: string | null | undefined, boundTo: string, schema?: z.ZodType): unknown {
    const opened = sealed ? this.open(sealed, boundTo) : null;
    if (opened === null) return null;
    const value = JSON.parse(opened) as unknown;
    if (!schema) return value;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  }
}
