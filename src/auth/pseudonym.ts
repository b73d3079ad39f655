/**
 * A person's pseudonym: an HMAC of their national id under STORE_SECRET. The one way the gateway names a
 * person in store keys, audit events and links — stable, so a person's own pseudonym finds their records,
 * and meaningless without the secret.
 */
import { createHmac } from 'node:crypto';

export function pseudonym(secret: string, nationalId: string): string {
  return createHmac('sha256', secret).update(`person|${nationalId}`).digest('base64url').slice(0, 22);
}
