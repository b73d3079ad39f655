/**
 * Persisted operations: the portal's registered operations. `npm run codegen` compiles `operations/*.graphql`
 * and adds each new id to `operations/registered.json`, the registry of every id the client kit has ever
 * shipped (scripts/register-operations.ts): a tab still running the previous bundle keeps sending the ids
 * it was built with, and they keep answering until they are explicitly retired.
 *
 * A client may send a registered operation by its id — `documentId` (GraphQL over HTTP) or Apollo's
 * `extensions.persistedQuery.sha256Hash` — instead of its text, by POST or by GET. In safelist mode
 * (production, `SAFELIST=on`) nothing else is executed: an operation is run only if it is registered,
 * whether sent by id or as the very text registered.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getOperationAST, parse } from 'graphql';
import { z } from 'zod';
import { projectPath } from './project-path.js';

const ID = z.string().regex(/^sha256:[0-9a-f]{64}$/);
const registryEntry = z.object({
  operation: z.string().min(1),
  /** The day the id was first registered (YYYY-MM-DD). */
  registered: z.string(),
  /** The day it was retired, if it was: its answer then says to reload. */
  retired: z.string().optional(),
  text: z.string().min(1),
});
/** The registry, or a plain manifest (`sha256:<hash>` → text, the client preset's own format). */
const manifestSchema = z.record(ID, z.union([z.string().min(1), registryEntry]));

export type RegistryEntry = z.infer<typeof registryEntry>;
export type Registry = Record<string, RegistryEntry>;

/** The committed registry at the project root (where `npm run codegen` writes it). */
export const REGISTRY_PATH =
  projectPath('operations/registered.json') ??
  fileURLToPath(new URL('../operations/registered.json', import.meta.url));

/** What a request asks to run, as its parameters say it (body of a POST, query string of a GET). */
export interface OperationParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

export type RefusalCode = 'PERSISTED_QUERY_NOT_FOUND' | 'OPERATION_NOT_REGISTERED';

export type Resolution =
  /**
   * Run `query` in place of what was sent (null: as sent); `registered` says it is a registered text, and
   * `entry` which one when it was sent by its id.
   */
  | { kind: 'RUN'; query: string | null; registered: boolean; entry?: RegistryEntry }
  | { kind: 'REFUSE'; code: RefusalCode; reason: 'UNKNOWN_ID' | 'RETIRED' | 'NOT_REGISTERED' };

/** Ids of texts seen lately: the same few operations come in request after request. */
const recentIds = new LRUCache<string, string>({
  max: 1_000,
  memoMethod: (text) => `sha256:${createHash('sha256').update(text).digest('hex')}`,
});

const idOf = (text: string): string => recentIds.memo(text);

export function operationNameOf(text: string): string {
  return getOperationAST(parse(text))?.name?.value ?? '(anonymous)';
}

/** Checks a registry or manifest: every id must be the hash of its text, or the gateway does not start. */
export function parseRegistry(raw: unknown, path: string): Registry {
  const manifest = manifestSchema.parse(raw);
  const registry: Registry = {};
  for (const [id, value] of Object.entries(manifest)) {
    const entry =
      typeof value === 'string' ? { operation: operationNameOf(value), registered: '', text: value } : value;
    if (idOf(entry.text) !== id)
      throw new Error(`persisted operations manifest ${path}: ${id} is not the hash of its text`);
    registry[id] = entry;
  }
  return registry;
}

export class PersistedOperations {
  readonly #active = new Map<string, RegistryEntry>();
  readonly #retired = new Set<string>();

  constructor(
    registry: Registry,
    readonly safelist: boolean,
  ) {
    for (const [id, entry] of Object.entries(registry))
      if (entry.retired) this.#retired.add(id);
      else this.#active.set(id, entry);
  }

  static load(path: string, safelist: boolean): PersistedOperations {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`persisted operations manifest ${path} cannot be read: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return new PersistedOperations(parseRegistry(raw, path), safelist);
  }

  /** How many ids answer. */
  get size(): number {
    return this.#active.size;
  }

  /** The names of the operations that answer (the metrics' operation labels). */
  operationNames(): Set<string> {
    return new Set([...this.#active.values()].map((entry) => entry.operation));
  }

  /** The text to run (null: leave the request as it is), or why it is refused. */
  resolve(params: OperationParams): Resolution {
    const id = requestedId(params);
    const text = typeof params.query === 'string' ? params.query : null;
    const entry = id === null ? undefined : this.#active.get(id);
    if (entry !== undefined) return { kind: 'RUN', query: entry.text, registered: true, entry };
    if (id !== null && this.#retired.has(id))
      return { kind: 'REFUSE', code: 'PERSISTED_QUERY_NOT_FOUND', reason: 'RETIRED' };
    // An id nobody registered, without text: nothing to run. (Apollo's automatic persisted queries send
    // the text along on their second try; without the safelist, Apollo handles those itself.)
    if (params.documentId !== undefined && text === null)
      return { kind: 'REFUSE', code: 'PERSISTED_QUERY_NOT_FOUND', reason: 'UNKNOWN_ID' };
    const registeredText = text !== null && this.#active.get(idOf(text))?.text === text;
    if (registeredText || !this.safelist) return { kind: 'RUN', query: null, registered: registeredText };
    if (text === null && id !== null)
      return { kind: 'REFUSE', code: 'PERSISTED_QUERY_NOT_FOUND', reason: 'UNKNOWN_ID' };
    return { kind: 'REFUSE', code: 'OPERATION_NOT_REGISTERED', reason: 'NOT_REGISTERED' };
  }
}

/**
 * The registered operations as configured: the given manifest or the committed registry. Without either,
 * operations are only sent as text — unless the safelist is on, which then cannot start.
 */
export function loadPersistedOperations(settings: {
  manifest: string | null;
  safelist: boolean;
}): PersistedOperations | null {
  const path = settings.manifest ?? (existsSync(REGISTRY_PATH) ? REGISTRY_PATH : null);
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
  const hash = (parsedExtensions(params) as { persistedQuery?: { sha256Hash?: unknown } } | null)
    ?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? `sha256:${hash}` : null;
}

/** `extensions` as an object: a POST sends it as JSON, a GET as a JSON string in the query string. */
export function parsedExtensions(params: OperationParams): Record<string, unknown> | null {
  let extensions = params.extensions;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions) as unknown;
    } catch {
      return null;
    }
  }
  return extensions && typeof extensions === 'object' ? (extensions as Record<string, unknown>) : null;
}
