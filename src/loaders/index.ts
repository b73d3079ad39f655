/**
 * Per-request loaders, one set per agency. They exist only for an authenticated request and are never
 * shared between requests: a loader cache shared across users would leak one person's cases to another.
 * An agency's answer that the access rule lets the viewer see is kept in their safety net (the listing
 * always; a case or a document list when the rule's caller says `keep`); when the agency fails, the
 * loaders answer from there and remember that this agency's data is stale.
 */
import DataLoader from 'dataloader';
import type { FastifyBaseLogger } from 'fastify';
import type {
  AgencyAdapter,
  CallOptions,
  CaseRecord,
  DocumentRecord,
  FormDefinition,
  PersonListing,
} from '../agencies/kit/port.js';
import type { AgencyRegistry } from '../agencies/registry.js';
import type { AgencyCache, RequestCache } from '../cache/viewer-cache.js';
import { UpstreamError } from '../errors.js';
import { withinTime } from '../time-limit.js';

export interface Staleness {
  /** The age of the oldest cached answer used. */
  asOf: string;
  /** Why the agency's own answer was not used. */
  reason: string;
}

export interface AgencyLoaders {
  /** What the agency's search says about the viewer, fetched at most once per request (within the time limit). */
  listing(timeLimitMs?: number): Promise<PersonListing>;
  cases: DataLoader<string, CaseRecord | null>;
  documents: DataLoader<string, DocumentRecord[] | null>;
  /** The agency's form catalog, once per request; once the agency failed in the request, only a catalog the adapter knows. */
  formCatalog(): Promise<FormDefinition[]>;
  /** Set when an answer came from the safety net instead of the agency. */
  stale(): Staleness | null;
  /** The rule let the viewer see this case: its record, if the agency gave it in this request, is kept. */
  keepCase(caseNumber: string): void;
  /** The rule let the viewer see this case's documents: the list, if the agency gave it in this request, is kept. */
  keepDocuments(caseNumber: string): void;
}

/** Any failure of an adapter as an UpstreamError (a bug or a hostile answer that threw something else, too). */
function asUpstreamError(agency: string, error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  return new UpstreamError(agency, 'BAD_RESPONSE', `adapter failed: ${(error as Error).message}`, undefined, {
    cause: error,
  });
}

/**
 * One agency within one request: once it has failed, it is not asked again within the request, so that a
 * slow agency costs a person one wait at most — every later answer comes from the safety net (or fails) at once.
 */
class RequestAgency {
  #failed: UpstreamError | null = null;

  constructor(
    readonly agency: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * For work that may answer without the agency (a catalog the adapter knows): given an aborted signal once
   * the agency has failed in this request, so that it answers at once or not at all.
   */
  async askKnown<T>(fetch: (signal: AbortSignal | null) => Promise<T>): Promise<T> {
    const failed = this.#failed;
    if (!failed) return this.ask(() => fetch(null));
    try {
      return await fetch(AbortSignal.abort(failed));
    } catch {
      throw failed;
    }
  }

  /** The agency's answer, or its failure — at once when it has already failed in this request. */
  async ask<T>(fetch: () => Promise<T>): Promise<T> {
    if (this.#failed) throw this.#failed;
    try {
      return await fetch();
    } catch (thrown) {
      this.#failed = asUpstreamError(this.agency, thrown);
      if (!(thrown instanceof UpstreamError))
        this.log.error({ agency: this.agency, err: thrown }, 'agency adapter failed unexpectedly');
      throw this.#failed;
    }
  }
}

/**
 * Calls the agency, noting each answer in `fresh` (for the safety net, once the rule allows it); when the
 * call fails for any reason, answers from the cache (each key that has one) and notes that.
 */
function withSafetyNet(
  asked: RequestAgency,
  cache: AgencyCache | null,
  fresh: Map<string, unknown>,
  noteStale: (asOf: string, error: UpstreamError) => void,
  log: FastifyBaseLogger,
) {
  return async function net<T>(
    keys: readonly string[],
    fetch: () => Promise<readonly T[]>,
  ): Promise<(T | Error)[]> {
    let error: UpstreamError;
    try {
      const answers = await asked.ask(fetch);
      if (cache) answers.forEach((value, i) => value !== null && fresh.set(keys[i] ?? '', value));
      return [...answers];
    } catch (thrown) {
      error = thrown as UpstreamError;
      log.warn(
        { agency: asked.agency, failure: error.failure },
        'agency did not answer; answering from the safety net',
      );
    }
    if (!cache) return keys.map(() => error);
    const cached = await cache.getMany<T>(keys);
    return cached.map((entry) => {
      if (!entry) return error;
      noteStale(entry.asOf, error);
      return entry.data;
    });
  };
}

function agencyLoaders(
  adapter: AgencyAdapter,
  nationalId: string,
  call: CallOptions,
  cache: AgencyCache | null,
  log: FastifyBaseLogger,
  batch: boolean,
): AgencyLoaders {
  let staleness: Staleness | null = null;
  const noteStale = (asOf: string, error: UpstreamError) => {
    if (!staleness || asOf < staleness.asOf) staleness = { asOf, reason: error.reason };
  };
  const asked = new RequestAgency(adapter.definition.code, log);
  const fresh = new Map<string, unknown>();
  const net = withSafetyNet(asked, cache, fresh, noteStale, log);
  const keep = (key: string) => {
    if (cache && fresh.has(key)) cache.keep(key, fresh.get(key));
  };
  let listing: Promise<PersonListing> | undefined;
  let formCatalog: Promise<FormDefinition[]> | undefined;
  return {
    listing: (timeLimitMs = Infinity) =>
      (listing ??= (async () => {
        const [value] = await net<PersonListing>(['listing'], async () => [
          // A listing that takes too long fails here, inside the safety net, so its cached copy stands in.
          await withinTime(
            adapter.casesForPerson(nationalId, call),
            timeLimitMs,
            () => new UpstreamError(adapter.definition.code, 'TIMEOUT', 'did not list the cases in time'),
          ),
        ]);
        if (value instanceof Error) throw value;
        if (!value) throw new Error('the agency gave no listing');
        // The viewer's own search: theirs to see.
        keep('listing');
        return value;
      })()),
    cases: new DataLoader(
      (keys) =>
        net<CaseRecord | null>(
          keys.map((k) => `case:${k}`),
          () => adapter.getCases(keys, call),
        ),
      { batch },
    ),
    documents: new DataLoader(
      (keys) =>
        net<DocumentRecord[] | null>(
          keys.map((k) => `documents:${k}`),
          () => adapter.getDocuments(keys, call),
        ),
      { batch },
    ),
    // Not personal, so not in the viewer's safety net: the adapter serves the catalog it knows, even
    // while the agency does not answer.
    formCatalog: () =>
      (formCatalog ??= asked.askKnown((aborted) =>
        adapter.formDefinitions(aborted ? { ...call, signal: aborted } : call),
      )),
    stale: () => staleness,
    keepCase: (caseNumber) => keep(`case:${caseNumber}`),
    keepDocuments: (caseNumber) => keep(`documents:${caseNumber}`),
  };
}

/** A request's loaders by agency code; undefined for an agency the registry does not have. */
export interface Loaders {
  get(agency: string): AgencyLoaders | undefined;
}

export function createLoaders(
  registry: AgencyRegistry,
  nationalId: string,
  call: CallOptions,
  cache: RequestCache | null,
  log: FastifyBaseLogger,
  /** Off only to measure what batching buys (the benchmark's naive gateway). */
  batch = true,
): Loaders {
  // Made when the request first needs an agency: most requests need one or two of them.
  const made = new Map<string, AgencyLoaders>();
  return {
    get(agency) {
      let loaders = made.get(agency);
      const adapter = loaders ? undefined : registry.get(agency);
      if (adapter) {
        loaders = agencyLoaders(adapter, nationalId, call, cache?.agency(agency) ?? null, log, batch);
        made.set(agency, loaders);
      }
      return loaders;
    },
  };
}
