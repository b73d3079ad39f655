/**
 * Fastify + Apollo Server wiring: CORS allow-list, small bodies, `Cache-Control: no-store`, request ids,
 * authentication (a session cookie from the BFF's login, or a bearer token) into a per-request context,
 * query limits, masked errors, and Sandbox only in development.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import websocket from '@fastify/websocket';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { GraphQLError, OperationTypeNode, type GraphQLFormattedError } from 'graphql';
import { asksConsent } from './access/policy.js';
import { AgencyRegistry } from './agencies/registry.js';
import { LoginFlow } from './auth/login.js';
import type { Principal } from './auth/principal.js';
import { COOKIE_ATTRIBUTES, SESSION_COOKIE, Sessions } from './auth/sessions.js';
import { AuthError, messageOfAuthFailure, TokenVerifier } from './auth/verify.js';
import type { AuditLog } from './audit/audit.js';
import type { ReadDocuments } from './cases/reads.js';
import type { Config } from './config.js';
import type { Context, LoginHold } from './context.js';
import { ERROR_CODES, maskedInLanguage, serviceUnavailable, unauthenticated } from './errors.js';
import { registerOfflineExplorer, sandboxLandingPage } from './explore.js';
import { LOGIN_LANGUAGE, negotiateLanguage, type Lang } from './i18n.js';
import { say } from './messages.js';
import { registerCaseFiles } from './files/case-file.js';
import { registerDocumentDownloads } from './files/download.js';
import { uploadRoute } from './files/upload-route.js';
import { createLoaders } from './loaders/index.js';
import type { AgencyConsent } from './consent/consents.js';
import { RateLimiter } from './rate-limit.js';
import { buildSchema } from './schema.js';
import { createServices } from './services.js';
import { createStore, isStoreOutage, STORE_RETRY_AFTER_SECONDS, type Store } from './store/index.js';
import { openDatabase, type Database } from './records/database.js';
import { migrate } from './records/migrate.js';
import { eventRoutes } from './events/receive.js';
import type { BreakerState } from './agencies/resilience.js';
import { Metrics } from './observability/metrics.js';
import { operationMetrics } from './observability/apollo-metrics.js';
import { checkReadiness } from './observability/readiness.js';
import { registerCaseEventStream } from './events/stream.js';
import { graphqlWebSocket } from './events/websocket.js';
import { loadPersistedOperations } from './persisted-operations.js';
import { registerOperationAdmission } from './operation-admission.js';
import { operationTracing, startTracing, traceRequests } from './observability/tracing.js';
import type { Notifier } from './notifications/dispatch.js';

export interface Gateway {
  app: FastifyInstance;
  registry: AgencyRegistry;
  store: Store;
  database: Database;
  /** The audit trail (tests read it back). */
  audit: AuditLog;
  close(): Promise<void>;
}

/** Codes a client may see as they are: ours, and Apollo's own for malformed operations. */
const EXPECTED_CODES = new Set<string>([
  ...ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR'),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_NOT_REGISTERED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Extension keys that are safe to pass on; everything else (stack traces, causes) is dropped. */
const SAFE_EXTENSIONS = ['code', 'agency', 'reason', 'argument'];

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function bearerToken(request: FastifyRequest): string | null | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

export function formatErrorWith(log: FastifyBaseLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : '';
    if (original instanceof GraphQLError && EXPECTED_CODES.has(code)) {
      const extensions = Object.fromEntries(
        SAFE_EXTENSIONS.flatMap((k) =>
          formatted.extensions?.[k] === undefined ? [] : [[k, formatted.extensions[k]]],
        ),
      );
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    // Our store briefly away (what needs it cannot be done now; what does not, goes on): try again shortly.
    if (isStoreOutage(original)) {
      log.warn(
        { err: (original as Error).message, path: formatted.path },
        'GraphQL field needs the store, which is away',
      );
      return {
        message: say('en', 'STORE_UNAVAILABLE'),
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    // Unexpected: log it whole, send only a code and an id that finds the log line.
    const correlationId = randomUUID();
    log.error({ err: original, correlationId, path: formatted.path }, 'unexpected error in GraphQL request');
    return {
      message: say('en', 'INTERNAL'),
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    };
  };
}

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
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Signed links travel as one path parameter (a case file's may name up to 100 documents); bounded all the same.
    routerOptions: { maxParamLength: 8192 },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  // Tracing first, so that every request and agency call below is in a span when it is on.
  const tracing = startTracing(config.tracing);
  if (tracing) {
    traceRequests(app, tracing.tracer);
    app.log.info({ endpoint: config.tracing.endpoint }, 'tracing on: spans go out by OTLP');
  }
  const persisted = loadPersistedOperations(config.persistedOperations);
  if (persisted) {
    app.log.info(
      { registered: persisted.size, safelist: persisted.safelist },
      persisted.safelist ? 'safelist on: only registered operations run' : 'persisted operations accepted',
    );
  }
  // Metrics before the parts that report to them. The outbox is counted when Prometheus asks.
  const metrics = new Metrics();
  registerOperationAdmission(app, {
    operations: persisted,
    graphRoute: '/graphql',
    otherRoutes: ['/graphql/stream'],
    onRegisteredUse: (entry) => metrics.persistedOperation(entry.operation, entry.registered),
  });
  const verifier = new TokenVerifier(config.issuers, {
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
    tracer: tracing?.tracer,
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
  });
  metrics.countOutboxWith(() => services.submissions.records.pendingCount());
  const sessions = new Sessions(store, config.storeSecret, config.session, options.clock);
  const login = new LoginFlow(
    {
      publicUrl: config.publicUrl,
      portalOrigins: config.corsOrigins,
      timeoutMs: config.upstream.headersTimeoutMs,
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

  await app.register(cookie);
  // Before any route: the plugin routes upgrade requests through the routes (and their hooks).
  await app.register(websocket, { options: { maxPayload: config.bodyLimitBytes } });

  await app.register(cors, {
    origin: config.corsOrigins,
    credentials: true,
    // What a portal on its own origin sends: the upload PUT, its login, trace context and Apollo's headers.
    methods: ['GET', 'POST', 'PUT', 'OPTIONS'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'accept-language',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'apollographql-client-name',
      'apollographql-client-version',
      'traceparent',
      'tracestate',
      'x-request-id',
    ],
    // What it must read: the id that finds the log line, and how long to wait after a 429 or 503.
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-request-id', request.id);
    return payload;
  });

  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth, exposeLimits: false },
    maxAliases: { n: config.limits.maxAliases, exposeLimits: false },
    costLimit: { maxCost: config.limits.maxCost, exposeLimits: false },
    maxDirectives: { n: 20, exposeLimits: false },
    // Armor's token limit turns syntax errors into 500s; Apollo's parser limit below does the job.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();

  // A request was counted once when it came in; each further mutation field in it counts as one more, so
  // that fifteen aliased mutations cost what fifteen requests do.
  const mutationsCounted: ApolloServerPlugin<Context> = {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, contextValue }) => {
        if (operation?.operation !== OperationTypeNode.MUTATION || !contextValue.principal) return;
        const fields = operation.selectionSet.selections.length;
        if (fields > 1)
          await limiter.check(contextValue.principal, contextValue.lang, contextValue.log, fields - 1);
      },
    }),
  };

  // The error formatter masks without knowing the request; here the masked text gets the person's language.
  const maskedErrorsInLanguage: ApolloServerPlugin<Context> = {
    requestDidStart: async () => ({
      willSendResponse: async ({ response, contextValue }) => {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((e) =>
          maskedInLanguage(e, contextValue.lang),
        );
      },
    }),
  };

  const plugins: ApolloServerPlugin<Context>[] = [
    fastifyApolloDrainPlugin(app),
    mutationsCounted,
    maskedErrorsInLanguage,
    operationMetrics(metrics),
    ...(tracing ? [operationTracing()] : []),
    ...(armor.plugins as ApolloServerPlugin<Context>[]),
    config.production
      ? ApolloServerPluginLandingPageDisabled()
      : // Sandbox sends the session cookie: log in at /auth/login and explore as that person.
        sandboxLandingPage<Context>(),
  ];

  const schema = buildSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    plugins,
    validationRules: armor.validationRules,
    introspection: !config.production,
    // Cross-site request forgery is prevented by the operation admission (it knows the registered operations).
    csrfPrevention: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    parseOptions: { maxTokens: config.limits.maxTokens },
    formatError: formatErrorWith(app.log),
  });
  await apollo.start();

  /**
   * The context of one request, for the graph and for the file routes alike; for a WebSocket, of its
   * upgrade request (no reply: nothing to set on it).
   */
  const requestContext = async (request: FastifyRequest, reply: FastifyReply | null): Promise<Context> => {
    // The deadline counts from the request's arrival, and the agencies get it less a reserve for building
    // the answer (a safety-net read, serialising): the person has the answer within REQUEST_DEADLINE_MS.
    const reserveMs = Math.min(500, config.requestDeadlineMs * 0.1);
    const elapsedMs = reply?.elapsedTime ?? 0;
    const agencyBudgetMs = Math.max(1, Math.floor(config.requestDeadlineMs - reserveMs - elapsedMs));
    const acceptLanguage = request.headers['accept-language'];
    const base = {
      requestId: request.id,
      lang: negotiateLanguage(acceptLanguage),
      registry,
      log: request.log,
      maxPageSize: config.limits.maxPageSize,
      now: new Date(),
      deadlineAt: Date.now() + agencyBudgetMs,
      ...services,
    };
    const signedIn = await authenticate(request, reply, base.lang);
    if (!signedIn)
      return {
        ...base,
        principal: null,
        loaders: null,
        consents: null,
        readDocuments: null,
        call: null,
        login: null,
      };
    const { principal, login } = signedIn;
    // Without a language of the browser's, the login's country decides (MitID: Danish).
    const lang = negotiateLanguage(acceptLanguage, LOGIN_LANGUAGE[principal.provider]);
    await limiter.check(principal, lang, request.log);
    // One deadline for all of the request's agency calls; each in-flight call listens to it.
    const signal = AbortSignal.timeout(Math.max(1, Math.floor(base.deadlineAt - Date.now())));
    setMaxListeners(0, signal);
    const call = { signal, correlationId: request.id };
    const consentAgencies = registry.adapters
      .filter((a) => asksConsent(principal, a.definition))
      .map((a) => a.definition.code);
    let consents: Promise<ReadonlyMap<string, AgencyConsent>> | undefined;
    let reads: Promise<ReadDocuments> | undefined;
    return {
      ...base,
      lang,
      principal,
      call,
      loaders: createLoaders(
        registry,
        principal.nationalId,
        call,
        services.viewerCache,
        request.log,
        config.batching,
      ),
      consents: () => (consents ??= services.consentService.forViewer(principal, consentAgencies)),
      readDocuments: () => (reads ??= services.documentReads.readIds(principal.nationalId)),
      login,
    };
  };

  /**
   * The person behind a request — a bearer token when one is sent, else the session cookie; null for
   * neither — and how to tell later whether that login still holds.
   */
  const authenticate = async (
    request: FastifyRequest,
    reply: FastifyReply | null,
    lang: Lang,
  ): Promise<{ principal: Principal; login: LoginHold } | null> => {
    const token = bearerToken(request);
    if (token === undefined) {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (!sessionId) {
        await limiter.checkClient(request.ip, lang, request.log);
        return null;
      }
      // The session is in the store: while it is away the person is told to try again shortly.
      const session = await sessions.resume(sessionId, login.refresh, request.log).catch((error: unknown) => {
        if (!isStoreOutage(error)) throw error;
        request.log.warn(
          { err: (error as Error).message },
          'session not resumed: the store cannot be reached',
        );
        throw serviceUnavailable(lang, STORE_RETRY_AFTER_SECONDS);
      });
      if (session) {
        const hold = { holds: () => sessions.holds(sessionId), endsAt: session.principal.expiresAt * 1000 };
        return { principal: session.principal, login: hold };
      }
      reply?.clearCookie(SESSION_COOKIE, COOKIE_ATTRIBUTES);
      await limiter.checkClient(request.ip, lang, request.log);
      throw unauthenticated(say(lang, 'SESSION_ENDED'));
    }
    try {
      if (token === null)
        throw new AuthError('MALFORMED', 'The Authorization header must be "Bearer <token>".');
      const principal = await verifier.verify(token);
      const endsAt = principal.expiresAt * 1000;
      return { principal, login: { holds: async () => Date.now() < endsAt, endsAt } };
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      request.log.info({ failure: error.failure }, 'bearer token refused');
      // Trying tokens is limited per client address: past the limit, 429 instead of another 401.
      await limiter.checkClient(request.ip, lang, request.log);
      reply?.header('www-authenticate', `Bearer error="invalid_token", error_description="${error.message}"`);
      throw unauthenticated(say(lang, messageOfAuthFailure(error.failure)), { reason: error.failure });
    }
  };

  // The graph: queries and mutations by Apollo; subscriptions by WebSocket on the same URL (below, and
  // over HTTP in events/stream.ts).
  const graph = fastifyApolloHandler(apollo, { context: requestContext });
  app.route({
    method: 'GET',
    url: '/graphql',
    handler: graph,
    wsHandler: graphqlWebSocket({
      schema,
      context: requestContext,
      validationRules: armor.validationRules,
      formatError: formatErrorWith(app.log),
      maxTokens: config.limits.maxTokens,
      operations: persisted,
      allowedOrigins: [...config.corsOrigins, new URL(config.publicUrl).origin],
    }),
  });
  app.route({ method: ['POST', 'OPTIONS'], url: '/graphql', handler: graph });
  registerDocumentDownloads(app, requestContext);
  registerCaseFiles(app, requestContext);
  await app.register(uploadRoute(requestContext));

  await login.register(app, (request) => limiter.clientRetryAfter(request.ip, request.log));
  registerCaseEventStream(app, {
    schema,
    context: requestContext,
    validationRules: armor.validationRules,
    formatError: formatErrorWith(app.log),
    maxTokens: config.limits.maxTokens,
  });
  await app.register(
    eventRoutes({
      registry,
      secrets: config.eventSecrets,
      store,
      caseEvents: services.caseEvents,
      deadlineMs: config.requestDeadlineMs,
    }),
  );
  if (!config.production) {
    registerOfflineExplorer(app, schema);
    // Development: what the notifications would have said, newest first.
    app.get('/dev/notifications', async () => ({
      messages: await services.notifications.logNotifier.recent(),
    }));
  }
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    const readiness = await checkReadiness(store, database, registry, request.id);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  // Deliver what waits in the outbox, also what an earlier run of the gateway left there.
  services.submissions.delivery.start();
  services.notifications.dispatch.start();
  services.auditLog.start();
  await services.caseEventBus.start();
  let closing: Promise<void> | undefined;

  return {
    app,
    registry,
    store,
    database,
    audit: services.auditLog,
    // Closing twice is harmless: the second call waits for the first.
    close: () =>
      (closing ??= (async () => {
        await services.submissions.delivery.stop();
        await services.notifications.dispatch.stop();
        await services.caseEventBus.stop();
        await app.close();
        await services.auditLog.stop();
        await registry.close();
        await store.close();
        await database.close();
        await tracing?.shutdown();
      })()),
  };
}
