/**
 * Personal data written to the store is sealed: AES-256-GCM under a key derived from STORE_SECRET, so a
 * copy of Redis reveals nothing, and a tampered value is refused rather than trusted.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { z } from 'zod';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class Sealer {
  readonly #key: Buffer;

  constructor(secret: string, purpose: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'helseklage-graph', `store:${purpose}`, 32));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The plaintext, or null when the value was not sealed by this key or was altered. */
  open(sealed: string): string | null {
    try {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** A value as sealed JSON. */
  sealJson(value: unknown): string {
    return this.seal(JSON.stringify(value));
  }

  /**
   * The value `sealJson` sealed; null when there is none, or it was not sealed by this key, or was
   * altered — or, given a schema, when it does not have that shape (a record written by an older release).
   */
  openJson<T>(sealed: string | null | undefined): T | null;
  openJson<S extends z.ZodType>(sealed: string | null | undefined, schema: S): z.infer<S> | null;
  openJson(sealed: string | null | undefined, schema?: z.ZodType): unknown {
    const opened = sealed ? this.open(sealed) : null;
    if (opened === null) return null;
    const value = JSON.parse(opened) as unknown;
    if (!schema) return value;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  }
}
