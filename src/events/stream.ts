/**
 * `/graphql/stream`: GraphQL subscriptions over server-sent events (graphql-sse, distinct connections
 * mode). The same context as queries (session cookie or bearer token), the same query limits, the same
 * error masking; only subscription operations — queries and mutations belong to `/graphql`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  specifiedRules,
  validate,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fastify';
import type { Context } from '../context.js';
import { graphError } from '../errors.js';

export interface StreamOptions {
  schema: GraphQLSchema;
  context: (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;
  validationRules: readonly ValidationRule[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** graphql-sse wants an open record as its context type; ours is a closed interface. */
type StreamContext = Context & Record<PropertyKey, unknown>;

export function registerCaseEventStream(app: FastifyInstance, options: StreamOptions): void {
  const handler = createHandler<StreamContext>({
    schema: options.schema,
    context: async (request) => {
      const reply = request.context.reply;
      const context = await options.context(request.raw, reply);
      if (context.principal) {
        // A stream lives as long as the person keeps it open: each person holds only a few at once.
        const slot = await context.eventStreamSlots.acquire(context.principal, context.log);
        if (!slot)
          throw graphError(
            'RATE_LIMITED',
            `At most ${context.eventStreamSlots.limit} live-update streams at once. Close one first.`,
          );
        reply.raw.once('close', () => void slot.release());
      }
      return context as StreamContext;
    },
    validate: (schema, document) => {
      const invalid = (message: string, nodes?: GraphQLError['nodes']) =>
        new GraphQLError(message, { nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      const errors = validate(schema, document, [...specifiedRules, ...options.validationRules]);
      if (errors.length) return errors.map((e) => invalid(e.message, e.nodes));
      if (getOperationAST(document)?.operation !== OperationTypeNode.SUBSCRIPTION)
        return [invalid('Only subscriptions are served here; send queries and mutations to /graphql.')];
      return [];
    },
    onNext: (_context, _request, result) => {
      if (!result.errors) return result;
      const errors = result.errors.map((e) => options.formatError(e.toJSON(), e) as GraphQLError);
      return { ...result, errors };
    },
  });
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-request-id', request.id);
    // graphql-sse writes the response itself.
    reply.hijack();
    try {
      await handler(request, reply);
    } catch (error) {
      const code =
        error instanceof GraphQLError && typeof error.extensions.code === 'string'
          ? error.extensions.code
          : '';
      const status = code === 'UNAUTHENTICATED' ? 401 : code === 'RATE_LIMITED' ? 429 : 500;
      if (status === 500) request.log.error({ err: error }, 'event stream failed');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        const message = status === 500 ? 'Something went wrong on our side.' : (error as Error).message;
        reply.raw.end(
          JSON.stringify({ errors: [{ message, extensions: { code: code || 'INTERNAL_SERVER_ERROR' } }] }),
        );
      } else reply.raw.end();
    }
  };
  app.get('/graphql/stream', serve);
  app.post('/graphql/stream', serve);
}
