/**
 * The access log: a line when a request comes in and one when its answer has gone, written from the
 * request's own hooks (Fastify's built-in lines come before any hook, outside the request's trace) so
 * that both carry the request id and, when tracing is on, its trace and span ids. URLs are redacted by
 * the request serializer (log-urls.ts).
 */
import { context, type Context } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { writesInfo } from './log-level.js';

export function logRequests(app: FastifyInstance): void {
  // Below the level nothing is written: no hooks, no cost per request.
  if (!writesInfo(app.log)) return;
  const contexts = new WeakMap<object, Context>();
  app.addHook('onRequest', async (request) => {
    contexts.set(request, context.active());
    request.log.info({ req: request }, 'incoming request');
  });
  app.addHook('onResponse', async (request, reply) => {
    // The answer has gone out of the request's context: log it in that context again.
    context.with(contexts.get(request) ?? context.active(), () =>
      request.log.info({ res: reply, responseTime: reply.elapsedTime }, 'request completed'),
    );
  });
}
