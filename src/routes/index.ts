/**
 * Every route of the gateway in one place: the graph (queries and mutations by Apollo; subscriptions by
 * WebSocket on the same URL and by server-sent events), document downloads, case files, uploads, the login,
 * the agencies' signed events, the probes and metrics, and in development the explorer and the
 * notifications that would have gone out.
 */
import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { AgencyRegistry } from '../agencies/registry.js';
import type { LoginFlow } from '../auth/login.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { registerOfflineExplorer } from '../explore.js';
import { formatErrorWith } from '../graphql/apollo.js';
import { registerCaseEventStream } from '../graphql/stream.js';
import { graphqlWebSocket } from '../graphql/websocket.js';
import type { Metrics } from '../observability/metrics.js';
import type { Readiness } from '../observability/readiness.js';
import type { PersistedOperations } from '../persisted-operations.js';
import type { RateLimiter } from '../rate-limit.js';
import type { RequestContext } from '../request-context.js';
import type { Services } from '../services.js';
import type { Store } from '../store/index.js';
import { eventRoutes } from './agency-events.js';
import { registerCaseFiles } from './case-file.js';
import { registerDocumentDownloads } from './download.js';
import { uploadRoute } from './upload.js';

export interface RouteParts {
  config: Config;
  schema: GraphQLSchema;
  apollo: ApolloServer<Context>;
  validationRules: readonly ValidationRule[];
  requestContext: RequestContext;
  persisted: PersistedOperations | null;
  login: LoginFlow;
  limiter: RateLimiter;
  registry: AgencyRegistry;
  services: Services;
  store: Store;
  metrics: Metrics;
  readiness: Readiness;
}

export async function registerRoutes(app: FastifyInstance, parts: RouteParts): Promise<void> {
  const { config, schema, apollo, validationRules, requestContext, persisted, login, limiter } = parts;
  const { registry, services, store, metrics, readiness } = parts;
  // The graph: queries and mutations by Apollo; subscriptions by WebSocket on the same URL (below, and
  // over HTTP in graphql/stream.ts).
  const graph = fastifyApolloHandler(apollo, { context: requestContext });
  app.route({
    method: 'GET',
    url: '/graphql',
    handler: graph,
    wsHandler: graphqlWebSocket({
      schema,
      context: requestContext,
      validationRules,
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
    validationRules,
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
  app.get('/readyz', async (_request, reply) => {
    const report = await readiness.report();
    return reply.code(report.ready ? 200 : 503).send(report);
  });
  // In production Prometheus scrapes a port of its own (METRICS_PORT, server.ts); here only in development.
  if (config.metricsPort === null)
    app.get('/metrics', async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
    );
}
