/**
 * Everything the gateway keeps in Redis, in one list: each key namespace, what it holds, how long, and
 * whether its values are sealed (AES-GCM under STORE_SECRET, bound to the key). Redis keeps only what may be
 * lost; the records are in PostgreSQL (src/records/migrations.ts). Besides these keys, one pub/sub channel,
 * `case-events`, carries agency events between instances, sealed. A key written outside these namespaces
 * fails test/integration/store-keys.test.ts, so this list stays the truth for operators (what losing Redis
 * costs: docs/deployment.md) and reviewers (what a copy of Redis reveals: nothing in clear).
 */
export interface KeyNamespace {
  /** The keys (after REDIS_KEY_PREFIX), as a pattern; `{…}` is a Redis Cluster hash tag. */
  pattern: RegExp;
  holds: string;
  lifetime: string;
  /** Values sealed under STORE_SECRET; otherwise they are counts, marks or ids with nothing personal. */
  sealed: boolean;
}

const TOKEN = '[\\w-]+';

export const KEY_NAMESPACES: readonly KeyNamespace[] = [
  {
    pattern: new RegExp(`^session:\\{${TOKEN}\\}(:tokens|:refreshing)?$`),
    holds: 'a login session (state; its tokens; a lock while they are refreshed), by a hash of the cookie',
    lifetime: 'SESSION_IDLE_MINUTES, at most SESSION_ABSOLUTE_HOURS',
    sealed: true,
  },
  {
    pattern: new RegExp(`^session-sid:${TOKEN}$`),
    holds: 'the session of a provider session id (front-channel logout), by a hash',
    lifetime: 'SESSION_ABSOLUTE_HOURS',
    sealed: false,
  },
  {
    pattern: new RegExp(`^login:${TOKEN}$`),
    holds: 'a login under way (state, nonce, PKCE verifier, where to return)',
    lifetime: '10 minutes',
    sealed: true,
  },
  {
    pattern: new RegExp(`^cache:\\{${TOKEN}:[a-z]+\\}$`),
    holds:
      'the safety net: an agency’s last answers about one viewer, one sealed value per viewer and agency',
    lifetime: 'SAFETY_NET_TTL_SECONDS',
    sealed: true,
  },
  {
    pattern: new RegExp(`^ratelimit:(client:)?${TOKEN}$`),
    holds: 'requests counted in the current minute, per person or client address (pseudonymised)',
    lifetime: 'a minute',
    sealed: false,
  },
  {
    pattern: new RegExp(`^slots:[a-z-]+:\\{${TOKEN}\\}:\\d+$`),
    holds: 'a person’s slots for live streams and file transfers (leases)',
    lifetime: 'a minute, renewed while in use',
    sealed: false,
  },
  {
    pattern: new RegExp(`^upload(-claim)?:${TOKEN}$`),
    holds: 'an upload until it is sent to the agency (its record; the claim of its one-time URL)',
    lifetime: 'an hour',
    sealed: true,
  },
  {
    pattern: new RegExp(`^event-seen:[a-z]+:.+$`),
    holds: 'an agency event id already taken (webhook replays are refused)',
    lifetime: '10 minutes',
    sealed: false,
  },
  {
    pattern: new RegExp(`^notify:recent:${TOKEN}$`),
    holds: 'when a person was last sent an SMS or e-mail about a case (at most one an hour)',
    lifetime: 'an hour',
    sealed: false,
  },
  {
    pattern: /^dev:outbound$/,
    holds: 'development only: the messages that would have been sent (GET /dev/notifications)',
    lifetime: 'a day, the newest 100',
    sealed: true,
  },
];

/** The namespace a key (after the prefix) belongs to, or null when it belongs to none. */
export function namespaceOf(key: string): KeyNamespace | null {
  return KEY_NAMESPACES.find((namespace) => namespace.pattern.test(key)) ?? null;
}
