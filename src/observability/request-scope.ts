/**
 * The request a piece of code runs for, where nothing hands it over (Apollo's error formatter, say): its id
 * and its logger, whose lines carry that id. One id per request — in every log line, a masked error's
 * `correlationId`, the agencies' `x-correlation-id` and the request's span.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

export interface RequestScope {
  id: string;
  log: FastifyBaseLogger;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Everything a request does runs in its scope (Fastify goes on inside the hook's callback). */
export function scopeRequests(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => scope.run({ id: request.id, log: request.log }, done));
}

/** The request this code runs for, if any. */
export function currentRequest(): RequestScope | undefined {
  return scope.getStore();
}
