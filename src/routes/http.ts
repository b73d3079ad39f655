/**
 * What every HTTP answer of the gateway has in common: cookies, WebSocket upgrades, the CORS allow-list
 * (what a portal on its own origin sends and must read), and the headers set on every answer.
 */
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

export async function registerHttpBasics(app: FastifyInstance, config: Config): Promise<void> {
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
}
