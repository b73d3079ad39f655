/**
 * Verifies that an event came from the agency: Standard Webhooks signatures (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`) under a secret
 * shared with that agency. Unsigned, wrongly signed and stale events are refused here; replays (the same
 * id again) are refused by the receiver, which remembers ids for longer than the accepted clock skew.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type EventRefusal =
  'UNSIGNED' | 'BAD_SIGNATURE' | 'STALE' | 'REPLAYED' | 'UNKNOWN_AGENCY' | 'MALFORMED';

export class EventRefused extends Error {
  override readonly name = 'EventRefused';

  constructor(
    readonly reason: EventRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** How far an event's timestamp may be from our clock, either way. */
export const EVENT_TOLERANCE_MS = 5 * 60_000;

const ID = /^[\w.:-]{1,128}$/;

export interface SignedEvent {
  id: string;
  timestamp: number;
}

export function verifyEventSignature(
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
  secret: string,
  now: number,
): SignedEvent {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') {
    throw new EventRefused(
      'UNSIGNED',
      'The event must carry webhook-id, webhook-timestamp and webhook-signature.',
    );
  }
  if (!ID.test(id) || !/^\d{1,12}$/.test(timestamp)) {
    throw new EventRefused('UNSIGNED', 'The event id or timestamp is malformed.');
  }
  const seconds = Number(timestamp);
  if (Math.abs(now - seconds * 1000) > EVENT_TOLERANCE_MS) {
    throw new EventRefused('STALE', 'The event timestamp is too far from the current time.');
  }
  const expected = createHmac('sha256', secret).update(`${id}.${timestamp}.`).update(body).digest();
  // Several signatures may be sent (space-separated) while a secret is being rotated; one must match.
  const matches = signatures.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new EventRefused('BAD_SIGNATURE', 'The event signature does not match.');
  return { id, timestamp: seconds };
}
