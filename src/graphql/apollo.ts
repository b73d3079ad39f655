/**
 * The graph's Apollo Server: query limits (depth, aliases, cost), a request counted once per mutation field,
 * errors masked unless they are ours (and then put in the person's language), metrics and traces per
 * operation, and Sandbox only in development.
 */
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { GraphQLError, OperationTypeNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { ERROR_CODES, maskedInLanguage } from '../errors.js';
import { currentRequest } from '../observability/request-scope.js';
import { sandboxLandingPage } from '../explore.js';
import { say } from '../messages.js';
import { operationMetrics } from './apollo-metrics.js';
import type { Metrics } from '../observability/metrics.js';
import { operationTracing } from '../observability/tracing.js';
import type { RateLimiter } from '../rate-limit.js';
import { isStoreOutage } from '../store/index.js';

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

/**
 * Extension keys that are safe to pass on — what a client may act on: the code, which agency, why, which
 * argument, and whether to reconnect (a live stream's last word); everything else (stack traces, causes)
 * is dropped.
 */
const SAFE_EXTENSIONS = ['code', 'agency', 'reason', 'argument', 'reconnect'];

/** Our errors pass as they are; a store outage says "try again shortly"; anything else is masked and logged. */
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
    // Unexpected: log it whole, send only a code and the request's id, which finds its log lines, its
    // agency calls and its trace.
    const request = currentRequest();
    const correlationId = request?.id ?? randomUUID();
    (request?.log ?? log).error(
      { err: original, correlationId, path: formatted.path },
      'unexpected error in GraphQL request',
    );
    return {
      message: say('en', 'INTERNAL'),
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    };
  };
}

export interface GraphServer {
  apollo: ApolloServer<Context>;
  /** Armor's validation rules, for the graph's other transports (WebSocket, server-sent events). */
  validationRules: ReturnType<ApolloArmor['protect']>['validationRules'];
}

/** Builds and starts the graph's Apollo Server for the Fastify app. */
export async function startGraphServer(
  app: FastifyInstance,
  config: Config,
  schema: GraphQLSchema,
  parts: { limiter: RateLimiter; metrics: Metrics; traced: boolean },
): Promise<GraphServer> {
  const { limiter, metrics } = parts;
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
        if (operation?.operation !== OperationTypeNode.MUTATION || !contextValue.viewer) return;
        const fields = operation.selectionSet.selections.length;
        if (fields > 1)
          await limiter.check(contextValue.viewer.principal, contextValue.lang, contextValue.log, fields - 1);
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
    // Answers are personal and never cached by anyone: Apollo's cache hints would only cost a hook per field.
    ApolloServerPluginCacheControlDisabled(),
    mutationsCounted,
    maskedErrorsInLanguage,
    operationMetrics(metrics),
    ...(parts.traced ? [operationTracing()] : []),
    ...(armor.plugins as ApolloServerPlugin<Context>[]),
    config.production
      ? ApolloServerPluginLandingPageDisabled()
      : // Sandbox sends the session cookie: log in at /auth/login and explore as that person.
        sandboxLandingPage<Context>(),
  ];

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
    // The gateway's entry point owns the signals and stops Apollo in its own order (server.ts).
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  return { apollo, validationRules: armor.validationRules };
}
