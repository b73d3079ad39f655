/**
 * Subscriptions over HTTP, by the transports clients use by default:
 * - GraphQL over server-sent events (graphql-sse, distinct connections mode) at `/graphql/stream`, and at
 *   `/graphql` for a client that asks for `text/event-stream` (urql's `fetchSubscriptions`);
 * - Apollo's multipart HTTP subscriptions at `/graphql` (`Accept: multipart/mixed;subscriptionSpec=1.0`,
 *   what Apollo Client's HttpLink sends for a subscription).
 * Apollo Server runs no subscriptions, so a subscription on `/graphql` is taken before it sees it; one sent
 * in a way no transport serves gets a clear 400 with a code. Every transport has the same context as
 * queries (session cookie or bearer token), the same query limits, the same error masking, and holds one
 * of the person's stream slots while it is open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  subscribe,
  type DocumentNode,
  type ExecutionResult,
} from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fastify';
import type { Context } from '../context.js';
import { negotiateLanguage } from '../i18n.js';
import { say } from '../messages.js';
import {
  formatResult,
  holdStreamSlot,
  validateSubscription,
  type SubscriptionRules,
} from './subscription-rules.js';

export interface StreamOptions extends SubscriptionRules {
  context: (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;
  /** How often an idle multipart stream sends a heartbeat (proxies close silent connections). */
  heartbeatMs?: number;
}

/** graphql-sse wants an open record as its context type; ours is a closed interface. */
type StreamContext = Context & Record<PropertyKey, unknown>;

const MULTIPART_BOUNDARY = 'graphql';

/** Whether an Accept header takes Apollo's multipart subscriptions. */
function acceptsMultipart(accept: string): boolean {
  return accept
    .split(',')
    .some(
      (type) => /^\s*multipart\/mixed\s*(;|$)/i.test(type) && /subscriptionSpec\s*=\s*"?1\.0"?/i.test(type),
    );
}

const STATUS_OF_CODE: Record<string, number> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429 };

export function registerCaseEventStream(app: FastifyInstance, options: StreamOptions): void {
  /** The request's context, holding one of the person's stream slots until the response closes. */
  const streamContext = async (request: FastifyRequest, reply: FastifyReply): Promise<Context> => {
    const context = await options.context(request, reply);
    const slot = await holdStreamSlot(context);
    reply.raw.once('close', () => void slot.release());
    context.viewer?.streaming();
    return context;
  };

  /** An answer before any stream opened: JSON, with the status its code calls for. */
  const refuse = (reply: FastifyReply, error: unknown) => {
    const code =
      error instanceof GraphQLError && typeof error.extensions.code === 'string' ? error.extensions.code : '';
    const status = STATUS_OF_CODE[code] ?? (code ? 400 : 500);
    if (status === 500) reply.request.log.error({ err: error }, 'event stream failed');
    const message =
      status === 500
        ? say(negotiateLanguage(reply.request.headers['accept-language']), 'INTERNAL')
        : (error as Error).message;
    const body = JSON.stringify({
      errors: [{ message, extensions: { code: code || 'INTERNAL_SERVER_ERROR' } }],
    });
    if (!reply.raw.headersSent) {
      reply.raw.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      reply.raw.end(body);
    } else reply.raw.end();
  };

  const sse = createHandler<StreamContext>({
    schema: options.schema,
    context: async (request) => (await streamContext(request.raw, request.context.reply)) as StreamContext,
    validate: (_schema, document) => validateSubscription(options, document),
    onNext: (context, _request, result) =>
      result.errors
        ? (formatResult(options, result as ExecutionResult, context.lang) as unknown as typeof result)
        : result,
  });
  const serveSse = async (request: FastifyRequest, reply: FastifyReply) => {
    // graphql-sse writes the response itself: what the gateway's hooks set (CORS, the request id) goes along.
    reply.hijack();
    carryHeaders(reply);
    // graphql-sse tells its modes apart by an Accept of exactly `text/event-stream`; urql also lists others.
    if (/text\/event-stream/i.test(request.headers.accept ?? ''))
      request.headers.accept = 'text/event-stream';
    try {
      await sse(request, reply);
    } catch (error) {
      refuse(reply, error);
    }
  };

  const serveMultipart = async (request: FastifyRequest, reply: FastifyReply, document: DocumentNode) => {
    reply.hijack();
    carryHeaders(reply);
    const params = request.body as { variables?: unknown; operationName?: unknown };
    const errors = validateSubscription(options, document);
    const response = reply.raw;
    if (errors.length) {
      const lang = negotiateLanguage(request.headers['accept-language']);
      response.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(formatResult(options, { errors }, lang)));
      return;
    }
    let context: Context;
    try {
      context = await streamContext(request, reply);
    } catch (error) {
      refuse(reply, error);
      return;
    }
    const format = (result: ExecutionResult) => formatResult(options, result, context.lang);
    const result = await subscribe({
      schema: options.schema,
      document,
      contextValue: context,
      variableValues: isRecord(params.variables) ? params.variables : undefined,
      operationName: typeof params.operationName === 'string' ? params.operationName : undefined,
    });
    if (!(Symbol.asyncIterator in result)) {
      const code = result.errors?.[0]?.extensions.code;
      response.writeHead(STATUS_OF_CODE[String(code)] ?? 200, {
        'content-type': 'application/json; charset=utf-8',
      });
      response.end(JSON.stringify(format(result)));
      return;
    }
    await streamMultipart(response, result, format, options.heartbeatMs ?? 5_000);
  };

  app.get('/graphql/stream', serveSse);
  app.post('/graphql/stream', serveSse);

  // A subscription sent to /graphql: served by the transport the client asks for, or refused clearly.
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql') return;
    const params = (request.method === 'POST' ? request.body : request.query) as
      { query?: unknown; operationName?: unknown } | undefined;
    // Only a text with the keyword can hold a subscription: the rest is Apollo's to parse, once.
    if (typeof params?.query !== 'string' || !params.query.includes('subscription')) return;
    let document: DocumentNode;
    try {
      document = parse(params.query, { maxTokens: options.maxTokens });
    } catch {
      return; // Apollo answers a document that does not parse.
    }
    const name = typeof params.operationName === 'string' ? params.operationName : undefined;
    if (getOperationAST(document, name)?.operation !== OperationTypeNode.SUBSCRIPTION) return;
    const accept = request.headers.accept ?? '';
    if (request.method === 'POST' && acceptsMultipart(accept))
      return serveMultipart(request, reply, document);
    if (/text\/event-stream/i.test(accept)) return serveSse(request, reply);
    const lang = negotiateLanguage(request.headers['accept-language']);
    return reply
      .code(400)
      .type('application/json; charset=utf-8')
      .send({
        errors: [
          {
            message: say(lang, 'SUBSCRIPTION_TRANSPORT'),
            extensions: { code: 'SUBSCRIPTION_TRANSPORT_REQUIRED' },
          },
        ],
      });
  });
}

/** Headers the gateway's hooks set on the reply (CORS, the request id), for a response written raw. */
function carryHeaders(reply: FastifyReply): void {
  for (const [name, value] of Object.entries(reply.getHeaders()))
    if (value !== undefined) reply.raw.setHeader(name, value);
  reply.raw.setHeader('cache-control', 'no-store');
  reply.raw.setHeader('x-content-type-options', 'nosniff');
  reply.raw.setHeader('x-request-id', reply.request.id);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Apollo's multipart HTTP subscription protocol: each result is a part `{"payload": …}`, each followed at
 * once by the boundary (a client reads a part when the next boundary arrives), a `{}` heartbeat while
 * idle, and the closing boundary when the subscription ends. The client going away ends the subscription.
 */
async function streamMultipart(
  response: ServerResponse<IncomingMessage>,
  results: AsyncGenerator<ExecutionResult>,
  format: (result: ExecutionResult) => unknown,
  heartbeatMs: number,
): Promise<void> {
  response.writeHead(200, {
    'content-type': `multipart/mixed; boundary="${MULTIPART_BOUNDARY}"; subscriptionSpec="1.0"`,
  });
  const part = (body: unknown) =>
    `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(body)}\r\n--${MULTIPART_BOUNDARY}`;
  response.write(`\r\n--${MULTIPART_BOUNDARY}`);
  const heartbeat = setInterval(() => response.write(part({})), heartbeatMs).unref();
  response.once('close', () => void results.return(undefined));
  try {
    for await (const result of results) {
      if (response.destroyed) break;
      response.write(part({ payload: format(result) }));
    }
  } finally {
    clearInterval(heartbeat);
    if (!response.destroyed) response.end('--\r\n');
  }
}
