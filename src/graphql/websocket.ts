/**
 * Subscriptions over WebSocket at `/graphql` (the graphql-ws protocol, `graphql-transport-ws`): what Apollo
 * Sandbox and Apollo Client's GraphQLWsLink use. The person is who the upgrade request says — the session
 * cookie a browser sends along, or a bearer token in the connection parameters (`{ authorization:
 * "Bearer …" }`, since a browser cannot set headers on a WebSocket). The same rules as the other transports
 * (subscription-rules.ts) and the same registered operations and safelist; a browser may open a socket only
 * from the gateway's own origin or a portal's (a WebSocket is not bound by CORS).
 */
import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { makeHandler } from 'graphql-ws/use/@fastify/websocket';
import type { Context } from '../context.js';
import { maskedInLanguage } from '../errors.js';
import { negotiateLanguage } from '../i18n.js';
import { say } from '../messages.js';
import type { Slot } from '../person-slots.js';
import { REFUSAL_MESSAGES } from '../operation-admission.js';
import type { PersistedOperations } from '../persisted-operations.js';
import {
  formatResult,
  holdStreamSlot,
  validateSubscription,
  type SubscriptionRules,
} from './subscription-rules.js';

export interface WebSocketOptions extends SubscriptionRules {
  context: (request: FastifyRequest, reply: null) => Promise<Context>;
  operations: PersistedOperations | null;
  /** Origins a browser may open a socket from (`*`: any). */
  allowedOrigins: readonly string[];
}

/** One socket: the person behind it (once, from the upgrade request) and the stream slot of each subscription. */
interface Connection {
  context: Promise<Context>;
  slots: Map<string, Slot>;
}

export function graphqlWebSocket(options: WebSocketOptions): WebsocketHandler {
  const connections = new WeakMap<object, Connection>();
  const anyOrigin = options.allowedOrigins.includes('*');

  /** A failure as a GraphQLError, which onError below masks as the graph masks errors. */
  const asGraphError = (error: unknown): GraphQLError =>
    error instanceof GraphQLError
      ? error
      : new GraphQLError('internal error', { originalError: error instanceof Error ? error : undefined });

  return makeHandler<Record<string, unknown> | undefined>({
    schema: options.schema,
    onConnect: (ctx) => {
      const { request } = ctx.extra;
      const origin = request.headers.origin;
      // A page of the gateway itself (Sandbox, under whatever name the browser used), a portal, or no
      // browser at all; anything else is closed with 4403 Forbidden before anything is read.
      const sameOrigin = origin === `${request.protocol}://${request.host}`;
      if (origin !== undefined && !anyOrigin && !sameOrigin && !options.allowedOrigins.includes(origin))
        return false;
      const bearer = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      if (typeof bearer === 'string' && request.headers.authorization === undefined)
        request.headers.authorization = bearer;
      const context = options.context(request, null);
      // A login that does not hold is told to each subscription, with its code.
      context.catch(() => undefined);
      connections.set(ctx, { context, slots: new Map() });
      return true;
    },
    onSubscribe: async (ctx, id, payload) => {
      const connection = connections.get(ctx);
      if (!connection) return [asGraphError(new Error('subscription before the connection was set up'))];
      const lang = negotiateLanguage(ctx.extra.request.headers['accept-language']);
      const resolution = options.operations?.resolve(payload) ?? { kind: 'RUN', query: null };
      if (resolution.kind === 'REFUSE')
        return [
          new GraphQLError(say(lang, REFUSAL_MESSAGES[resolution.reason]), {
            extensions: { code: resolution.code },
          }),
        ];
      let document: DocumentNode;
      try {
        document = parse(resolution.query ?? payload.query, { maxTokens: options.maxTokens });
      } catch (error) {
        return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
      }
      const invalid = validateSubscription(options, document);
      if (invalid.length) return invalid;
      try {
        const context = await connection.context;
        connection.slots.set(id, await holdStreamSlot(context));
        return {
          schema: options.schema,
          document,
          contextValue: context,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
        };
      } catch (error) {
        return [asGraphError(error)];
      }
    },
    onNext: (_ctx, _id, _payload, args, result) =>
      formatResult(options, result, (args.contextValue as Context).lang),
    onError: (ctx, _id, _payload, errors) => {
      const lang = negotiateLanguage(ctx.extra.request.headers['accept-language']);
      return errors.map((e) => maskedInLanguage(options.formatError(e.toJSON(), e), lang));
    },
    onComplete: async (ctx, id) => {
      const connection = connections.get(ctx);
      await connection?.slots.get(id)?.release();
      connection?.slots.delete(id);
    },
    onClose: async (ctx) => {
      const connection = connections.get(ctx);
      await Promise.all([...(connection?.slots.values() ?? [])].map((slot) => slot.release()));
      connection?.slots.clear();
    },
  });
}
