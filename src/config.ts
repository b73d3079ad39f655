/**
 * The gateway's configuration, read from the environment and validated as a whole: every problem is
 * reported at once, and production has no secret defaults (development points at the local mocks).
 */
import { z } from 'zod';
import type { Pace } from './files/pace.js';
import type { AgencyModule, HttpSettings } from './agencies/kit/module.js';
import type { AgencyAdapter } from './agencies/kit/port.js';
import type { IssuerConfig } from './auth/verify.js';
import type { TracingSettings } from './observability/tracing.js';
import type { RedisLocation } from './store/index.js';

/** Where the records live: a PostgreSQL server, or the embedded PGlite. */
export interface DatabaseLocation {
  /** postgres://… of a real server; null for the embedded PGlite. */
  url: string | null;
  schema: string;
  poolMax: number;
}

/** A schema name, checked where it is configured and again where it is used: it is written into SQL as an identifier. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Fastify's trustProxy: nobody, everyone, these addresses (comma-separated), or so many hops. */
export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

export interface Config {
  production: boolean;
  host: string;
  port: number;
  publicUrl: string;
  /** Null: the in-memory store (one instance, development). */
  redis: RedisLocation | null;
  redisKeyPrefix: string;
  /** Where the records live (consents, submissions, the audit trail): PostgreSQL, or the embedded PGlite. */
  database: DatabaseLocation & { migrate: boolean };
  /** Keys HMACs of identities in store keys (and, as features arrive, encrypts personal data). */
  storeSecret: string;
  rateLimitPerMinute: number;
  /** Requests without a valid login per client address per minute. */
  rateLimitAnonymousPerMinute: number;
  /** Fastify's trustProxy: whom to believe about the client's address. */
  trustProxy: TrustProxy;
  /** How long a document download link is valid. */
  downloadLinkTtlSeconds: number;
  /** The largest file a person may upload. */
  uploadMaxBytes: number;
  /** Uploads and downloads: how many one person may have at once, and the pace they must keep. */
  transfers: { perPerson: number; pace: Pace };
  /** Live-update streams one person may hold open at once. */
  eventStreamsPerPerson: number;
  /** How often a live stream checks that the login behind it still holds (a logout ends it within this). */
  eventStreamLoginCheckMs: number;
  /** How long the last answers are kept to serve as STALE when an agency is down (0: not at all). */
  safetyNetTtlSeconds: number;
  /** An unchanged answer is written to the safety net again once its copy is this old (minutes). */
  safetyNetRefreshMinutes: number;
  /**
   * The submission outbox: how often it is looked at, the first wait before a retry (it doubles), how long
   * after sending a submission is given up, and how many attempts each agency gets at once.
   */
  outbox: { pollMs: number; backoffMs: number; giveUpMs: number; concurrency: number };
  /** How long news about a case waits for more news about it, to go as one message. */
  notifyGatherMs: number;
  /** Where notifications go: the log (development), or e-mail by SMTP and SMS by the provider's API. */
  notifications: { via: 'log' } | { via: 'outbound'; outbound: OutboundSettings };
  /** How long the audit trail keeps an event, in days. */
  auditRetentionDays: number;
  /**
   * Stopping (SIGTERM): readiness answers 503 at once and requests are still served for `drainMs`, so
   * that the load balancer stops sending any; then the gateway stops accepting, finishes what is in
   * flight and exits, all of it within `graceMs` (past it the process exits regardless).
   */
  shutdown: { drainMs: number; graceMs: number };
  logLevel: string;
  /** Where Prometheus scrapes `/metrics`: a port of its own (production), or null for the application's port. */
  metricsPort: number | null;
  /** Which build runs (`build_info`'s revision label): the commit, as the image build was told it. */
  buildRevision: string;
  corsOrigins: string[];
  bodyLimitBytes: number;
  /** The registered operations: where their manifest is (null: the one built with the gateway), and whether only they run. */
  persistedOperations: { manifest: string | null; safelist: boolean };
  /** OpenTelemetry tracing (off by default). */
  tracing: TracingSettings;
  issuers: IssuerConfig[];
  /** The gateway as the OpenID client of each identity provider (login through the BFF). */
  loginClients: { provider: 'idporten' | 'mitid'; clientId: string; clientSecret: string }[];
  /** Sessions end after this much inactivity, and at the latest this long after login. */
  session: { idleMs: number; absoluteMs: number };
  /** The secret each agency signs its case events with (`<AGENCY>_EVENT_SECRET`), by agency code. */
  eventSecrets: Record<string, string>;
  /** Factories for the configured agencies' adapters, in the order the graph lists them. */
  agencies: { code: string; create(http: HttpSettings): AgencyAdapter }[];
  upstream: HttpSettings;
  /** Whether the per-request loaders batch agency calls (always, except in the benchmark's naive reference). */
  batching: boolean;
  /** Budget for all agency calls of one GraphQL request. */
  requestDeadlineMs: number;
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number; maxPageSize: number };
}

/** Real e-mail and SMS (notifications/outbound.ts). */
export interface OutboundSettings {
  email: {
    /** smtp://user:pass@host:587 (STARTTLS) or smtps://…:465. */
    smtpUrl: string;
    from: string;
    /** Refuse to send over a connection that is not encrypted (production, except to this machine). */
    requireTls: boolean;
  };
  sms: { url: string; token: string; sender: string };
  /** How long one message may take to hand over. */
  timeoutMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const list = z.string().transform((s) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
);
const int = (fallback: number, min = 1, max = 1_000_000) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** One URL, or for a cluster one or more of its nodes, comma-separated. */
const redisUrls = z
  .string({ error: 'required in production (the in-memory store serves one instance only)' })
  .transform((value) => value.split(',').map((url) => url.trim()))
  .pipe(z.array(z.url({ protocol: /^rediss?$/ })).min(1));

function baseSchema(production: boolean) {
  const devDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
    production ? schema : schema.default(value as never);
  return z.object({
    NODE_ENV: z.string().optional(),
    HOST: z.string().default(production ? '0.0.0.0' : '127.0.0.1'),
    PORT: int(4000, 0, 65535),
    // Production keeps /metrics off the port the world reaches; `off` serves it there (development's default).
    METRICS_PORT: z
      .union([z.literal('off'), z.coerce.number().int().min(0).max(65535)])
      .default(production ? 9464 : 'off'),
    BUILD_REVISION: z
      .string()
      .regex(/^[\w.-]{1,64}$/)
      .default('unknown'),
    // Required in production; in development the gateway's own address on this machine (see below).
    PUBLIC_URL: production ? z.url() : z.url().optional(),
    // Required in production: several instances share sessions, limits and live events through it (only
    // development runs on the in-memory store, one instance).
    REDIS_URL: production ? redisUrls : redisUrls.optional(),
    REDIS_CLUSTER: z.enum(['on', 'off']).default('off'),
    // Production keeps its records in PostgreSQL; development falls back to the embedded PGlite in memory.
    DATABASE_URL: production
      ? z.url({ protocol: /^postgres(ql)?$/ })
      : z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_SCHEMA: z.string().regex(SCHEMA_NAME, 'a lower-case SQL identifier').default('public'),
    DATABASE_POOL_MAX: int(10, 1, 500),
    // Off when migrations are run on their own (`npm run db:migrate`) before the new release starts.
    DATABASE_MIGRATE: z.enum(['on', 'off']).default('on'),
    // Production runs only the registered operations unless told otherwise.
    SAFELIST: z.enum(['on', 'off']).default(production ? 'on' : 'off'),
    // The agencies' URLs may be plain http:// in production only where a service mesh's sidecar encrypts
    // the traffic (mTLS) — said explicitly, never assumed.
    AGENCY_TLS_BY_MESH: z.enum(['on', 'off']).default('off'),
    // Kubernetes and Docker give a stopping container 30 s and 10 s: drain, finish and exit within 9 s.
    SHUTDOWN_DRAIN_SECONDS: z.coerce
      .number()
      .min(0)
      .max(300)
      .default(production ? 3 : 0),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(600).default(9),
    OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp']).default('none'),
    // Read here as well as by the SDK, so that a configuration handed to buildGateway (tests) is honoured.
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default('helseklage-graph'),
    PERSISTED_OPERATIONS_MANIFEST: z.string().min(1).optional(),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.-]{1,64}$/)
      .default('hg:'),
    STORE_SECRET: production
      ? z.string().min(32, 'STORE_SECRET must be at least 32 characters')
      : z.string().min(1).default('dev-only-store-secret-never-use-in-production'),
    RATE_LIMIT_PER_MINUTE: int(300),
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: int(60),
    // Behind a load balancer: Fastify's trustProxy (a hop count or addresses), so a client's own address is known.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v): TrustProxy => {
        if (v === undefined || v === '' || v === 'false') return false;
        if (v === 'true') return true;
        // A hop count: the address that many proxies back is the client's.
        if (/^\d+$/.test(v)) return (_address: string, hop: number) => hop < Number(v);
        return v;
      }),
    DOWNLOAD_LINK_TTL_SECONDS: int(300, 1, 3600),
    UPLOAD_MAX_BYTES: int(25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    TRANSFERS_PER_PERSON: int(3, 1, 100),
    TRANSFER_MAX_SECONDS: int(600, 1, 86_400),
    TRANSFER_MIN_BYTES_PER_SECOND: int(16 * 1024, 1, 1024 * 1024 * 1024),
    TRANSFER_GRACE_SECONDS: int(10, 0, 3600),
    EVENT_STREAMS_PER_PERSON: int(5, 1, 100),
    EVENT_STREAM_LOGIN_CHECK_SECONDS: int(5, 1, 300),
    OUTBOX_POLL_MS: int(1_000, 10, 600_000),
    // A decision and its letter, or a letter and a step, come seconds apart: one message says both. In
    // development at once, so that /dev/notifications shows the message an event brings right away.
    NOTIFY_GATHER_SECONDS: int(production ? 120 : 0, 0, 3_600),
    // Production sends real messages; `log` (development's default) only writes what would have gone.
    NOTIFIER: z.enum(['log', 'outbound']).default(production ? 'outbound' : 'log'),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    NOTIFY_EMAIL_FROM: z.string().min(3).optional(),
    SMS_API_URL: z.url().optional(),
    SMS_API_TOKEN: z.string().min(16).optional(),
    SMS_SENDER: z
      .string()
      .regex(/^[\w .-]{1,11}$/, 'at most 11 letters or digits')
      .default('Helseklage'),
    SAFETY_NET_TTL_SECONDS: int(6 * 3600, 0, 7 * 86400),
    SAFETY_NET_REFRESH_MINUTES: int(10, 0, 24 * 60),
    // Hours (fractions allowed): an agency may be down over a weekend without anyone's submission failing.
    OUTBOX_GIVE_UP_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 365)
      .default(72),
    OUTBOX_CONCURRENCY: int(4, 1, 100),
    // "Who saw my data" must be answerable for years; set it to what the agencies' archive rules say.
    AUDIT_RETENTION_DAYS: int(1_826, 1, 36_500),
    OUTBOX_BACKOFF_MS: int(2_000, 1, 3_600_000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default(production ? 'info' : 'info'),
    CORS_ORIGINS: production ? list : list.default(['http://localhost:3000', 'http://localhost:5173']),
    BODY_LIMIT_BYTES: int(32_768, 1024, 1_048_576),
    IDPORTEN_ISSUER: devDefault(z.url(), 'http://localhost:4010'),
    IDPORTEN_AUDIENCE: devDefault(z.string().min(1), 'https://bff.helseklage.local'),
    IDPORTEN_ACR_VALUES: list.default(['idporten-loa-substantial', 'idporten-loa-high']),
    MITID_ISSUER: devDefault(z.url(), 'http://localhost:4011'),
    MITID_AUDIENCE: devDefault(z.string().min(1), 'https://bff.helseklage.local'),
    MITID_MIN_LOA: z.enum(['low', 'substantial', 'high']).default('substantial'),
    IDPORTEN_CLIENT_ID: z.string().min(1).default('helseklage-bff'),
    IDPORTEN_CLIENT_SECRET: devDefault(z.string().min(16), 'dev-only-client-secret'),
    MITID_CLIENT_ID: z.string().min(1).default('helseklage-bff'),
    MITID_CLIENT_SECRET: devDefault(z.string().min(16), 'dev-only-client-secret'),
    // ID-porten's own session: 30 minutes idle, 120 minutes at most.
    SESSION_IDLE_SECONDS: int(30 * 60, 1, 86_400),
    SESSION_MAX_SECONDS: int(120 * 60, 1, 7 * 86_400),
    // What an agency's case API serves one client at once; agree it with each agency (docs/deployment.md).
    UPSTREAM_CONNECTIONS: int(32, 1, 256),
    UPSTREAM_CONNECT_TIMEOUT_MS: int(1_000),
    UPSTREAM_TIMEOUT_MS: int(3_000),
    UPSTREAM_MAX_BODY_BYTES: int(4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    UPSTREAM_TRANSFER_CONNECTIONS: int(4, 1, 256),
    UPSTREAM_BREAKER_FAILURES: int(5, 1, 1000),
    UPSTREAM_BREAKER_OPEN_MS: int(10_000, 100, 600_000),
    UPSTREAM_RETRY_RATIO: z.coerce.number().min(0).max(1).default(0.1),
    UPSTREAM_RETRY_MINIMUM: int(10, 0, 10_000),
    REQUEST_DEADLINE_MS: int(8_000),
    MAX_DEPTH: int(10),
    MAX_ALIASES: int(15),
    MAX_COST: int(20_000),
    MAX_TOKENS: int(2_000),
    MAX_PAGE_SIZE: int(100, 1, 500),
    // Off only for the benchmark's naive reference: every case and document list fetched on its own.
    LOADER_BATCHING: z.enum(['on', 'off']).default('on'),
  });
}

/** `scheme://host[:port]`, as a browser sends it in `Origin` (a trailing slash is forgiven). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && `${url.origin}/` === (value.endsWith('/') ? value : `${value}/`);
  } catch {
    return false;
  }
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** A URL that travels in clear: http:// to anywhere but this machine. */
function inClear(value: string | undefined): boolean {
  if (!value || !URL.canParse(value)) return false; // missing or malformed: the schemas say so
  const url = new URL(value);
  return url.protocol !== 'https:' && !LOOPBACK.includes(url.hostname);
}

/**
 * What the schemas cannot see one variable at a time: origins that are not origins, a cluster's nodes
 * without REDIS_CLUSTER, and in production anything that would travel in clear — the public URL, the
 * identity providers, and the agencies unless a service mesh encrypts that hop (`AGENCY_TLS_BY_MESH=on`).
 * Plain http:// to this machine (the mocks in tests, a sidecar) is allowed.
 */
function addressProblems(
  env: Record<string, string | undefined>,
  production: boolean,
  agencyModules: readonly AgencyModule<never>[],
): string[] {
  const problems: string[] = [];
  const origins = list.safeParse(env.CORS_ORIGINS ?? '').data ?? [];
  if (production && origins.includes('*')) problems.push('CORS_ORIGINS: "*" is not allowed in production');
  for (const origin of origins.filter((o) => o !== '*' && !isOrigin(o)))
    problems.push(`CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], nothing after it)`);
  if ((env.REDIS_URL ?? '').includes(',') && env.REDIS_CLUSTER !== 'on')
    problems.push('REDIS_URL: several URLs are the nodes of a cluster; set REDIS_CLUSTER=on');
  if (!production) return problems;
  const mesh = env.AGENCY_TLS_BY_MESH === 'on';
  const mustBeHttps = [
    'PUBLIC_URL',
    'IDPORTEN_ISSUER',
    'MITID_ISSUER',
    'SMS_API_URL',
    // Each agency's address follows its code, as its event secret does.
    ...(mesh ? [] : agencyModules.map((module) => `${module.code.toUpperCase()}_BASE_URL`)),
  ];
  for (const name of mustBeHttps.filter((n) => inClear(env[n])))
    problems.push(
      `${name}: must be an https:// URL in production${name.endsWith('_BASE_URL') ? ' (behind a service mesh that encrypts it: AGENCY_TLS_BY_MESH=on)' : ''}`,
    );
  return problems;
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
}

/**
 * The gateway's configuration from the environment, the agencies' settings included: each of
 * `agencyModules` (the registry's, handed in by main.ts) reads its own variables.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  agencyModules: readonly AgencyModule<never>[],
): Config {
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  const base = baseSchema(production).safeParse(env);
  if (!base.success) problems.push(...describe(base.error));

  const agencies: Config['agencies'] = [];
  const eventSecrets: Record<string, string> = {};
  for (const module of agencyModules) {
    const parsed = module.settings(production).safeParse(env);
    if (!parsed.success) problems.push(...describe(parsed.error));
    else agencies.push({ code: module.code, create: (http) => module.create(parsed.data, http) });
    // Every agency signs its events; the name follows its code, so a new agency needs no change here.
    const name = `${module.code.toUpperCase()}_EVENT_SECRET`;
    const secret = (
      production ? z.string().min(16) : z.string().min(1).default(`dev-only-${module.code}-event-secret`)
    ).safeParse(env[name]);
    if (secret.success) eventSecrets[module.code] = secret.data;
    else problems.push(...secret.error.issues.map((issue) => `${name}: ${issue.message}`));
  }
  problems.push(...addressProblems(env, production, agencyModules));
  if (base.success && base.data.NOTIFIER === 'outbound')
    for (const name of ['SMTP_URL', 'NOTIFY_EMAIL_FROM', 'SMS_API_URL', 'SMS_API_TOKEN'] as const)
      if (base.data[name] === undefined)
        problems.push(
          `${name}: required to send notifications (NOTIFIER=outbound; NOTIFIER=log only writes them)`,
        );
  if (base.success && base.data.SHUTDOWN_DRAIN_SECONDS >= base.data.SHUTDOWN_GRACE_SECONDS)
    problems.push(
      'SHUTDOWN_DRAIN_SECONDS: must be shorter than SHUTDOWN_GRACE_SECONDS (the drain is part of it)',
    );
  if (
    base.success &&
    base.data.SAFETY_NET_TTL_SECONDS > 0 &&
    base.data.SAFETY_NET_REFRESH_MINUTES * 60 >= base.data.SAFETY_NET_TTL_SECONDS
  )
    problems.push(
      'SAFETY_NET_REFRESH_MINUTES: must be shorter than SAFETY_NET_TTL_SECONDS (a copy in use is written again before it expires)',
    );
  if (!base.success || problems.length) throw new ConfigError(problems);

  const e = base.data;
  return {
    production,
    host: e.HOST,
    port: e.PORT,
    // Login's callback and the agencies' events come back here, so in development it follows PORT.
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    redis: e.REDIS_URL ? { urls: e.REDIS_URL, cluster: e.REDIS_CLUSTER === 'on' } : null,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    database: {
      url: e.DATABASE_URL ?? null,
      schema: e.DATABASE_SCHEMA,
      poolMax: e.DATABASE_POOL_MAX,
      migrate: e.DATABASE_MIGRATE === 'on',
    },
    storeSecret: e.STORE_SECRET,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    rateLimitAnonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    downloadLinkTtlSeconds: e.DOWNLOAD_LINK_TTL_SECONDS,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    transfers: {
      perPerson: e.TRANSFERS_PER_PERSON,
      pace: {
        totalMs: e.TRANSFER_MAX_SECONDS * 1000,
        minBytesPerSecond: e.TRANSFER_MIN_BYTES_PER_SECOND,
        graceMs: e.TRANSFER_GRACE_SECONDS * 1000,
      },
    },
    eventStreamsPerPerson: e.EVENT_STREAMS_PER_PERSON,
    eventStreamLoginCheckMs: e.EVENT_STREAM_LOGIN_CHECK_SECONDS * 1000,
    safetyNetTtlSeconds: e.SAFETY_NET_TTL_SECONDS,
    safetyNetRefreshMinutes: e.SAFETY_NET_REFRESH_MINUTES,
    notifyGatherMs: e.NOTIFY_GATHER_SECONDS * 1000,
    notifications:
      e.NOTIFIER === 'log'
        ? { via: 'log' }
        : {
            via: 'outbound',
            outbound: {
              email: {
                smtpUrl: e.SMTP_URL ?? '',
                from: e.NOTIFY_EMAIL_FROM ?? '',
                // STARTTLS required, except to a relay on this machine.
                requireTls:
                  production && !LOOPBACK.includes(new URL(e.SMTP_URL ?? 'smtp://localhost').hostname),
              },
              sms: { url: e.SMS_API_URL ?? '', token: e.SMS_API_TOKEN ?? '', sender: e.SMS_SENDER },
              timeoutMs: e.UPSTREAM_TIMEOUT_MS,
            },
          },
    outbox: {
      pollMs: e.OUTBOX_POLL_MS,
      backoffMs: e.OUTBOX_BACKOFF_MS,
      giveUpMs: Math.round(e.OUTBOX_GIVE_UP_HOURS * 3_600_000),
      concurrency: e.OUTBOX_CONCURRENCY,
    },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    shutdown: { drainMs: e.SHUTDOWN_DRAIN_SECONDS * 1000, graceMs: e.SHUTDOWN_GRACE_SECONDS * 1000 },
    logLevel: e.LOG_LEVEL,
    metricsPort: e.METRICS_PORT === 'off' ? null : e.METRICS_PORT,
    buildRevision: e.BUILD_REVISION,
    corsOrigins: e.CORS_ORIGINS.map((o) => (o === '*' ? o : new URL(o).origin)),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    persistedOperations: { manifest: e.PERSISTED_OPERATIONS_MANIFEST ?? null, safelist: e.SAFELIST === 'on' },
    tracing: {
      exporter: e.OTEL_TRACES_EXPORTER,
      tracesUrl:
        e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
        (e.OTEL_EXPORTER_OTLP_ENDPOINT
          ? `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`
          : null),
      serviceName: e.OTEL_SERVICE_NAME,
    },
    issuers: [
      {
        provider: 'idporten',
        issuer: e.IDPORTEN_ISSUER,
        audience: e.IDPORTEN_AUDIENCE,
        acceptedAcr: e.IDPORTEN_ACR_VALUES,
      },
      { provider: 'mitid', issuer: e.MITID_ISSUER, audience: e.MITID_AUDIENCE, minimumLoa: e.MITID_MIN_LOA },
    ],
    loginClients: [
      { provider: 'idporten', clientId: e.IDPORTEN_CLIENT_ID, clientSecret: e.IDPORTEN_CLIENT_SECRET },
      { provider: 'mitid', clientId: e.MITID_CLIENT_ID, clientSecret: e.MITID_CLIENT_SECRET },
    ],
    session: { idleMs: e.SESSION_IDLE_SECONDS * 1000, absoluteMs: e.SESSION_MAX_SECONDS * 1000 },
    agencies,
    eventSecrets,
    upstream: {
      connections: e.UPSTREAM_CONNECTIONS,
      connectTimeoutMs: e.UPSTREAM_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
      bodyTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
      callTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
      maxBodyBytes: e.UPSTREAM_MAX_BODY_BYTES,
      transferConnections: e.UPSTREAM_TRANSFER_CONNECTIONS,
      resilience: {
        breakerFailures: e.UPSTREAM_BREAKER_FAILURES,
        breakerOpenMs: e.UPSTREAM_BREAKER_OPEN_MS,
        retryRatio: e.UPSTREAM_RETRY_RATIO,
        retryMinimum: e.UPSTREAM_RETRY_MINIMUM,
      },
    },
    requestDeadlineMs: e.REQUEST_DEADLINE_MS,
    batching: e.LOADER_BATCHING === 'on',
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxCost: e.MAX_COST,
      maxTokens: e.MAX_TOKENS,
      maxPageSize: e.MAX_PAGE_SIZE,
    },
  };
}
