/**
 * The HTTP series: every request counted by route family and status class when its connection is done
 * with it — for a live stream, when it closes, so its duration is how long it was open — and the open
 * streams gauged by transport (server-sent events, Apollo's multipart, WebSocket).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routeFamily, type Metrics, type StreamTransport } from './metrics.js';

/** The stream transport a request opens, if it opens one. */
function streamTransport(request: FastifyRequest): StreamTransport | null {
  const route = request.routeOptions.url;
  if (route !== '/graphql' && route !== '/graphql/stream') return null;
  if (request.headers.upgrade?.toLowerCase() === 'websocket') return 'websocket';
  const accept = request.headers.accept ?? '';
  // Apollo Client asks every query for `multipart/mixed;deferSpec=…`; only `subscriptionSpec` opens a stream.
  if (/multipart\/mixed[^,]*subscriptionSpec/i.test(accept) && request.method === 'POST') return 'multipart';
  if (route === '/graphql/stream' || /text\/event-stream/i.test(accept)) return 'sse';
  return null;
}

export function measureRequests(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onRequest', async (request, reply) => {
    const started = performance.now();
    const transport = streamTransport(request);
    const family = routeFamily(request.routeOptions.url, transport !== null);
    const closed = transport ? metrics.streamOpened(transport) : () => undefined;
    // A WebSocket lives on its socket once upgraded; everything else ends with its response.
    const ends = transport === 'websocket' ? request.raw.socket : reply.raw;
    ends.once('close', () => {
      closed();
      metrics.http(
        family,
        transport === 'websocket' ? 101 : reply.raw.statusCode,
        (performance.now() - started) / 1000,
      );
    });
  });
}
