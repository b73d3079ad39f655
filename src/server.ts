/**
 * The gateway put together: tracing, metrics, the store, the records and the agencies (in that order, so
 * that a failure at start-up leaves nothing open), the services, Fastify with what every answer has in
 * common (routes/http.ts), the graph's Apollo Server (graphql/apollo.ts), who is asking
 * (request-context.ts), every route (routes/index.ts); then the background work, stopped in reverse on close.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { AgencyRegistry } from './agencies/registry.js';
import { IssuerDiscovery } from './auth/discovery.js';
import { LoginFlow } from './auth/login.js';
import { Sessions } from './auth/sessions.js';
import { TokenVerifier } from './auth/verify.js';
import type { AuditLog } from './audit/audit.js';
import type { Config } from './config.js';
import { registerHttpBasics } from './routes/http.js';
import { registerRoutes } from './routes/index.js';
import { RateLimiter } from './rate-limit.js';
import { buildSchema } from './schema.js';
import { startGraphServer } from './graphql/apollo.js';
import { createRequestContext } from './request-context.js';
import { createServices } from './services.js';
import { createStore, type Store } from './store/index.js';
import { openDatabase, type Database } from './records/database.js';
import { migrate } from './records/migrate.js';
import type { BreakerState } from './agencies/kit/resilience.js';
import { measureRequests } from './observability/http-metrics.js';
import { Metrics, packageVersion, serveMetrics } from './observability/metrics.js';
import { Readiness } from './observability/readiness.js';
import { withinTime } from './time-limit.js';
import { loadPersistedOperations } from './persisted-operations.js';
import { registerOperationAdmission } from './operation-admission.js';
import { logRequests } from './observability/access-log.js';
import { requestForLog } from './observability/log-urls.js';
import { scopeRequests } from './observability/request-scope.js';
import { startTracing, traceFields, traceRequests } from './observability/tracing.js';
import type { Notifier } from './notifications/dispatch.js';

export interface Gateway {
  app: FastifyInstance;
  registry: AgencyRegistry;
  store: Store;
  database: Database;
  /** The audit trail (tests read it back). */
  audit: AuditLog;
  readiness: Readiness;
  /** Where `/metrics` is served when it has a port of its own (METRICS_PORT); null: on the application's. */
  metricsUrl: string | null;
  /**
   * Stops gracefully: readiness answers 503 at once; requests are still served for the drain delay; then
   * no new connection is taken, open streams get a last event telling their clients to reconnect, requests
   * in flight finish (cut off once the grace is nearly up), the outbox gives back what it had claimed, and
   * the last spans go out. Closing twice is harmless: the second call waits for the first.
   */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface GatewayOptions {
  /** Agencies to use instead of those in the configuration. */
  registry?: AgencyRegistry;
  /** Where log lines go (standard output by default). */
  logStream?: { write(line: string): void };
  /** The clock of session lifetimes and quiet hours (tests move it). */
  clock?: () => number;
  /** Where outbound notifications go (development's log notifier by default). */
  notifier?: Notifier;
}

export async function buildGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  // Tracing first, so that every request and agency call below is in a span, and log lines name it.
  const tracing = startTracing(config.tracing);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Each line of a traced request carries its trace and span ids, to go from a log line to its trace.
      ...(tracing ? { mixin: traceFields } : {}),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      // Signed links, upload ids and OAuth parameters never reach the log (observability/log-urls.ts).
      serializers: { req: requestForLog },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    // The access log is written from the request's hooks, inside its trace (observability/access-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    // Signed links travel as one path parameter (a case file's may name up to 100 documents); bounded all the same.
    routerOptions: { maxParamLength: 8192 },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  scopeRequests(app);
  if (tracing) {
    traceRequests(app, tracing);
    app.log.info(
      { tracesUrl: config.tracing.tracesUrl, ownSpans: tracing.ownSpans },
      tracing.ownSpans
        ? 'tracing on: spans go out by OTLP'
        : 'tracing on: adding to the auto-instrumentation',
    );
  }
  logRequests(app);
  const persisted = loadPersistedOperations(config.persistedOperations);
  if (persisted) {
    app.log.info(
      { registered: persisted.size, safelist: persisted.safelist },
      persisted.safelist ? 'safelist on: only registered operations run' : 'persisted operations accepted',
    );
  }
  // Metrics before the parts that report to them. The outbox is counted when Prometheus asks.
  const metrics = new Metrics(persisted?.operationNames() ?? [], {
    version: packageVersion(),
    revision: config.buildRevision,
  });
  measureRequests(app, metrics);
  registerOperationAdmission(app, {
    operations: persisted,
    graphRoute: '/graphql',
    otherRoutes: ['/graphql/stream'],
    onRegisteredUse: (entry) => metrics.persistedOperation(entry.operation, entry.registered),
  });
  // One discovery of each identity provider, for verifying bearer tokens and for the login alike.
  const discovery = new IssuerDiscovery(config.upstream.headersTimeoutMs);
  const verifier = new TokenVerifier(config.issuers, {
    discovery,
    fetchTimeoutMs: config.upstream.headersTimeoutMs,
    onCacheLookup: (hit) => metrics.cacheLookup('token', hit),
  });
  // Fail fast when Redis does not answer at start-up: a gateway that cannot share state must not serve.
  const store = await createStore({
    redis: config.redis,
    keyPrefix: config.redisKeyPrefix,
    onError: (error) => app.log.warn({ err: error.message }, 'redis connection problem'),
  });
  // The records next: a gateway that cannot keep what it accepts must not start.
  const database = await openDatabase(config.database, (error) =>
    app.log.warn({ err: error.message }, 'database connection problem'),
  ).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  try {
    if (config.database.migrate) {
      const { applied, version } = await migrate(database);
      if (applied.length) app.log.info({ applied, version }, 'records schema migrated');
    }
  } catch (error) {
    await database.close();
    await store.close();
    throw error;
  }
  const limiter = new RateLimiter(store, {
    perMinute: config.rateLimitPerMinute,
    anonymousPerMinute: config.rateLimitAnonymousPerMinute,
    secret: config.storeSecret,
  });
  // Agency pools last: a store that does not answer at start-up leaves nothing open behind it.
  const upstream = {
    ...config.upstream,
    // Auto-instrumentation makes the agency calls' spans itself.
    tracer: tracing?.ownSpans ? tracing.tracer : undefined,
    events: {
      onStateChange: (agency: string, breaker: BreakerState) => {
        metrics.breaker(agency, breaker);
        app.log[breaker === 'CLOSED' ? 'info' : 'warn']({ agency, breaker }, 'agency circuit breaker');
      },
      onRetry: (agency: string, error: Error) => {
        metrics.retry(agency);
        app.log.info({ agency, err: error.message }, 'agency call failed; retrying once');
      },
      onCall: (agency: string, seconds: number, failure: string | null) =>
        metrics.upstream(agency, seconds, failure),
    },
  };
  const registry = options.registry ?? new AgencyRegistry(config.agencies.map((a) => a.create(upstream)));
  for (const adapter of registry.adapters) metrics.breaker(adapter.definition.code, 'CLOSED');

  const services = createServices(config, store, database, registry, app.log, {
    notifier: options.notifier,
    clock: options.clock,
    onCacheLookup: (hit) => metrics.cacheLookup('safety_net', hit),
    onDeliveryAttempt: (agency, outcome) => metrics.deliveryAttempt(agency, outcome),
  });
  metrics.countOutboxWith(() => services.submissions.records.pendingCount());
  const sessions = new Sessions(store, config.storeSecret, config.session, options.clock);
  const login = new LoginFlow(
    {
      publicUrl: config.publicUrl,
      portalOrigins: config.corsOrigins,
      timeoutMs: config.upstream.headersTimeoutMs,
      discovery,
      clients: config.loginClients.map((client) => {
        const issuer = config.issuers.find((i) => i.provider === client.provider);
        if (!issuer) throw new Error(`no issuer for ${client.provider}`);
        return { issuer, clientId: client.clientId, clientSecret: client.clientSecret };
      }),
    },
    store,
    config.storeSecret,
    sessions,
    options.clock,
  );

  await registerHttpBasics(app, config);
  const readiness = new Readiness(store, database, registry, (agency, up) => metrics.agencyUp(agency, up));
  metrics.whenScraped(() => readiness.refreshAgencies());

  const schema = buildSchema();
  const { apollo, validationRules } = await startGraphServer(app, config, schema, {
    limiter,
    metrics,
    traced: Boolean(tracing),
  });
  const requestContext = createRequestContext({
    config,
    registry,
    services,
    limiter,
    verifier,
    sessions,
    login,
  });

  await registerRoutes(app, {
    config,
    schema,
    apollo,
    validationRules,
    requestContext,
    persisted,
    login,
    limiter,
    registry,
    services,
    store,
    metrics,
    readiness,
  });
  // Prometheus scrapes a port of its own in production, out of the world's reach.
  const metricsServer =
    config.metricsPort === null ? null : await serveMetrics(metrics, config.host, config.metricsPort);
  // Deliver what waits in the outbox, also what an earlier run of the gateway left there.
  services.submissions.delivery.start();
  services.notifications.dispatch.start();
  services.auditLog.start();
  await services.caseEventBus.start();
  readiness.serving();
  let closing: Promise<void> | undefined;
  const { drainMs, graceMs } = config.shutdown;
  // Time kept at the end of the grace for the outbox, the audit trail, the connections and the spans.
  const RESERVE_MS = 1_500;

  return {
    app,
    registry,
    store,
    database,
    audit: services.auditLog,
    readiness,
    metricsUrl: metricsServer?.url ?? null,
    close: () =>
      (closing ??= (async () => {
        const started = Date.now();
        const left = () => Math.max(0, graceMs - RESERVE_MS - (Date.now() - started));
        readiness.draining();
        if (drainMs) {
          app.log.info({ drainMs }, 'draining: readiness says 503, requests are still served');
          await new Promise((resolve) => setTimeout(resolve, drainMs));
        }
        // Streams end first, so their last event goes out before the connections close.
        await withinTime(services.caseEventBus.endStreams(), 1_000, () => new Error('streams')).catch(() =>
          app.log.warn('some live streams did not end in time'),
        );
        // Apollo stops the server (fastifyApolloDrainPlugin): no new connections, in-flight requests finish.
        const stopped = apollo.stop();
        await withinTime(stopped, left(), () => new Error('requests still running')).catch(() => {
          app.log.warn('requests still running at the end of the grace: cut off');
          app.server.closeAllConnections();
        });
        await stopped;
        await services.submissions.delivery.stop(left());
        await services.notifications.dispatch.stop();
        await services.caseEventBus.stop();
        await services.auditLog.stop();
        await metricsServer?.close();
        await registry.close();
        await store.close();
        await database.close();
        await tracing?.shutdown();
      })()),
  };
}
