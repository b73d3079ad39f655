/**
 * Persisted operations: the portal's registered operations (`operations/*.graphql`, compiled by
 * `npm run codegen` into `operations/generated/persisted-documents.json`, id → text). A client may send a
 * registered operation by its id — `documentId` (GraphQL over HTTP) or Apollo's
 * `extensions.persistedQuery.sha256Hash` — instead of its text. In safelist mode (production, `SAFELIST=on`)
 * nothing else is executed: an operation is run only if it is registered, whether sent by id or as the
 * very text registered.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

const manifestSchema = z.record(z.string().regex(/^sha256:[0-9a-f]{64}$/), z.string().min(1));

/** What a request asks to run, as its parameters say it (body of a POST, query string of a GET). */
interface OperationParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

export type Resolution =
  | { kind: 'RUN'; query: string | null }
  | { kind: 'REFUSE'; code: 'PERSISTED_QUERY_NOT_FOUND' | 'OPERATION_NOT_REGISTERED'; message: string };

const idOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

export class PersistedOperations {
  constructor(
    private readonly byId: ReadonlyMap<string, string>,
    readonly safelist: boolean,
  ) {}

  /** Reads and checks a manifest: every id must be the sha256 of its text, or the gateway does not start. */
  static load(path: string, safelist: boolean): PersistedOperations {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`persisted operations manifest ${path} cannot be read: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const manifest = manifestSchema.parse(raw);
    for (const [id, text] of Object.entries(manifest))
      if (idOf(text) !== id)
        throw new Error(`persisted operations manifest ${path}: ${id} is not the hash of its text`);
    return new PersistedOperations(new Map(Object.entries(manifest)), safelist);
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * The text to run (null: leave the request as it is), or why it is refused. `byIdAllowed` is false where
   * the text cannot be put in place (GET requests: the query string is read as sent).
   */
  resolve(params: OperationParams, byIdAllowed = true): Resolution {
    const id = requestedId(params);
    const text = typeof params.query === 'string' ? params.query : null;
    const registered = id === null ? undefined : this.byId.get(id);
    if (registered !== undefined) {
      if (byIdAllowed) return { kind: 'RUN', query: registered };
      if (text === registered) return { kind: 'RUN', query: null };
      return refuse('PERSISTED_QUERY_NOT_FOUND', 'Send a persisted operation by its id with POST.');
    }
    // An id nobody registered, without text: nothing to run. (Apollo's automatic persisted queries send
    // the text along on their second try; without the safelist, Apollo handles those itself.)
    if (params.documentId !== undefined && text === null)
      return refuse('PERSISTED_QUERY_NOT_FOUND', 'No operation is registered under this id.');
    if (!this.safelist) return { kind: 'RUN', query: null };
    if (text === null && id !== null)
      return refuse('PERSISTED_QUERY_NOT_FOUND', 'No operation is registered under this id.');
    if (text !== null && this.byId.get(idOf(text)) === text) return { kind: 'RUN', query: null };
    return refuse(
      'OPERATION_NOT_REGISTERED',
      'Only registered operations are served here: send the operation’s documentId.',
    );
  }
}

function refuse(code: 'PERSISTED_QUERY_NOT_FOUND' | 'OPERATION_NOT_REGISTERED', message: string): Resolution {
  return { kind: 'REFUSE', code, message };
}

/** The manifest built with the gateway: `operations/generated/` one level up from `src/`, two from `dist/src/`. */
export function builtManifestPath(): string | null {
  for (const relative of ['../operations/generated', '../../operations/generated']) {
    const candidate = fileURLToPath(new URL(`${relative}/persisted-documents.json`, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The registered operations as configured: the given manifest or the built one. Without a manifest,
 * operations are only sent as text — unless the safelist is on, which then cannot start.
 */
export function loadPersistedOperations(settings: {
  manifest: string | null;
  safelist: boolean;
}): PersistedOperations | null {
  const path = settings.manifest ?? builtManifestPath();
  if (path === null) {
    if (settings.safelist)
      throw new Error('SAFELIST=on needs the persisted operations manifest (PERSISTED_OPERATIONS_MANIFEST)');
    return null;
  }
  return PersistedOperations.load(path, settings.safelist);
}

/** The operation id a request names, normalised to `sha256:<hex>`; null when it names none. */
function requestedId(params: OperationParams): string | null {
  if (typeof params.documentId === 'string') return params.documentId;
  let extensions = params.extensions;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions) as unknown;
    } catch {
      return null;
    }
  }
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)
    ?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? `sha256:${hash}` : null;
}

/**
 * Applies the registered operations to the graph's routes before anything else reads the request: a POST
 * naming an id gets the registered text put in its place; in safelist mode anything unregistered is
 * refused with 400 and the reason, in the GraphQL response format.
 */
export function registerPersistedOperations(
  app: FastifyInstance,
  operations: PersistedOperations,
  routes: readonly string[],
): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!routes.includes(request.routeOptions.url ?? '')) return;
    const post = request.method === 'POST';
    const params = (post ? request.body : request.query) as OperationParams | undefined;
    if (!params || typeof params !== 'object') return;
    const resolution = operations.resolve(params, post);
    if (resolution.kind === 'REFUSE') {
      request.log.info({ code: resolution.code }, 'operation refused');
      return reply
        .code(400)
        .type('application/json; charset=utf-8')
        .send({ errors: [{ message: resolution.message, extensions: { code: resolution.code } }] });
    }
    if (resolution.query === null) return;
    const body = params as Record<string, unknown>;
    body.query = resolution.query;
    delete body.documentId;
    // The text is ours now; Apollo's own automatic persisted queries must not act on the hash again.
    if (body.extensions && typeof body.extensions === 'object') {
      const { persistedQuery: _used, ...rest } = body.extensions as Record<string, unknown>;
      body.extensions = rest;
    }
  });
}
