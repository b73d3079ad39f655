/**
 * What may run on the graph's routes, decided before anything else reads the request:
 * - a registered operation named by its id (POST body or GET query string) gets its text put in place;
 *   in safelist mode anything unregistered is refused;
 * - on `/graphql`, cross-site request forgery is prevented as Apollo Server does it (a request must be
 *   one a browser preflights: a non-simple Content-Type or a preflight header), except for a registered
 *   operation sent by GET — a read whose text the gateway chose, so that a CDN or the browser can cache
 *   the public ones. Apollo's own check is off, since it cannot know the registered operations.
 * Refusals are 400 in the GraphQL response format, in the person's language.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLanguage } from './i18n.js';
import { say, type MessageKey } from './messages.js';
import {
  parsedExtensions,
  type OperationParams,
  type PersistedOperations,
  type RegistryEntry,
  type Resolution,
} from './persisted-operations.js';

/** Content types a browser sends cross-site without asking first (the CORS "simple" ones). */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'] as const;

/** Whether a browser would have asked the gateway (CORS preflight) before sending this request. */
function preflighted(request: FastifyRequest): boolean {
  if (PREFLIGHT_HEADERS.some((name) => (request.headers[name]?.length ?? 0) > 0)) return true;
  const type = request.headers['content-type'];
  if (type === undefined) return false;
  return !SIMPLE_CONTENT_TYPES.has(type.split(';')[0]?.trim().toLowerCase() ?? '');
}

export const REFUSAL_MESSAGES: Record<Extract<Resolution, { kind: 'REFUSE' }>['reason'], MessageKey> = {
  UNKNOWN_ID: 'UNKNOWN_OPERATION_ID',
  RETIRED: 'RETIRED_OPERATION_ID',
  NOT_REGISTERED: 'OPERATION_NOT_REGISTERED',
};

export interface AdmissionOptions {
  operations: PersistedOperations | null;
  /** The route of queries and mutations, where cross-site request forgery is prevented. */
  graphRoute: string;
  /** Routes that take registered operations too (subscriptions). */
  otherRoutes: readonly string[];
  /** Told of each registered id that is used (so that operators see which ids clients still send). */
  onRegisteredUse?: (entry: RegistryEntry) => void;
}

export function registerOperationAdmission(app: FastifyInstance, options: AdmissionOptions): void {
  const routes = new Set([options.graphRoute, ...options.otherRoutes]);
  const refuse = (request: FastifyRequest, reply: FastifyReply, code: string, key: MessageKey) => {
    request.log.info({ code }, 'operation refused');
    const message = say(negotiateLanguage(request.headers['accept-language']), key);
    return reply
      .code(400)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message, extensions: { code } }] });
  };

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? '';
    if (!routes.has(route)) return;
    const post = request.method === 'POST';
    const params = (post ? request.body : request.query) as OperationParams | undefined;
    const given = typeof params === 'object' && params !== null ? params : null;
    // A GET that names no operation runs nothing: a browser asking for the landing page, or a WebSocket
    // upgrade (whose operations are admitted one by one, in graphql/websocket.ts).
    if (!post && !['query', 'documentId', 'extensions'].some((k) => given && k in given)) return;
    const resolution: Resolution =
      options.operations && given
        ? options.operations.resolve(given)
        : { kind: 'RUN', query: null, registered: false };
    if (resolution.kind === 'REFUSE')
      return refuse(request, reply, resolution.code, REFUSAL_MESSAGES[resolution.reason]);
    if (route === options.graphRoute && !(resolution.registered && !post) && !preflighted(request))
      return refuse(request, reply, 'PREFLIGHT_REQUIRED', 'PREFLIGHT_REQUIRED');
    if (resolution.entry) options.onRegisteredUse?.(resolution.entry);
    if (resolution.query === null || !given) return;
    if (post) putInPlace(given as Record<string, unknown>, resolution.query);
    else {
      // The GraphQL handlers read the URL as sent; the hooks after this one read the parsed parameters.
      request.raw.url = withText(request.raw.url ?? '', resolution.query);
      (given as Record<string, unknown>).query = resolution.query;
    }
  });
}

/** A POST body with the registered text in place of the id. */
function putInPlace(body: Record<string, unknown>, text: string): void {
  body.query = text;
  delete body.documentId;
  // The text is ours now; Apollo's own automatic persisted queries must not act on the hash again.
  const extensions = parsedExtensions(body);
  if (extensions) {
    const { persistedQuery: _used, ...rest } = extensions;
    body.extensions = rest;
  }
}

/** A GET's URL with the registered text in place of the id (the GraphQL handlers read the URL as sent). */
function withText(url: string, text: string): string {
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const params = new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1));
  params.set('query', text);
  params.delete('documentId');
  const extensions = parsedExtensions({ extensions: params.get('extensions') ?? undefined });
  if (extensions) {
    const { persistedQuery: _used, ...rest } = extensions;
    params.set('extensions', JSON.stringify(rest));
  }
  return `${path}?${params.toString()}`;
}
