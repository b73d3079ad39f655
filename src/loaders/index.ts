/**
 * Per-request loaders, one set per agency. They exist only for an authenticated request and are never
 * shared between requests: a loader cache shared across users would leak one person's cases to another.
 * Each answer from an agency is also kept in the viewer's safety-net cache; when the agency fails, the
 * loaders answer from there and remember that this agency's data is stale.
 */
import DataLoader from 'dataloader';
import type { FastifyBaseLogger } from 'fastify';
import type {
  AgencyAdapter,
  CallOptions,
  CaseRecord,
  DocumentRecord,
  PersonListing,
} from '../agencies/kit/port.js';
import type { AgencyRegistry } from '../agencies/registry.js';
import type { AgencyCache, ViewerCache } from '../cache/viewer-cache.js';
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
  /** Set when an answer came from the safety net instead of the agency. */
  stale(): Staleness | null;
}

/** Any failure of an adapter as an UpstreamError (a bug or a hostile answer that threw something else, too). */
function asUpstreamError(agency: string, error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  return new UpstreamError(agency, 'BAD_RESPONSE', `adapter failed: ${(error as Error).message}`, undefined, {
    cause: error,
  });
}

/**
 * Calls the agency; when the call fails for any reason, answers from the cache (each key that has one) and
 * notes it. Once the agency has failed in this request it is not asked again within it: the rest of the
 * request's answers come from the cache at once, rather than after another wait for the same agency.
 */
function withSafetyNet(
  agency: string,
  cache: AgencyCache | null,
  noteStale: (asOf: string, error: UpstreamError) => void,
  log: FastifyBaseLogger,
) {
  let failed: UpstreamError | null = null;
  return async function net<T>(
    keys: readonly string[],
    fetch: () => Promise<readonly T[]>,
  ): Promise<(T | Error)[]> {
    let error = failed;
    if (!error) {
      try {
        const fresh = await fetch();
        if (cache) fresh.forEach((value, i) => value !== null && cache.put(keys[i] ?? '', value));
        return [...fresh];
      } catch (thrown) {
        error = failed = asUpstreamError(agency, thrown);
        if (!(thrown instanceof UpstreamError))
          log.error({ agency, err: thrown }, 'agency adapter failed unexpectedly');
        log.warn({ agency, failure: error.failure }, 'agency did not answer; answering from the safety net');
      }
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
  const net = withSafetyNet(adapter.definition.code, cache, noteStale, log);
  let listing: Promise<PersonListing> | undefined;
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
    stale: () => staleness,
  };
}

export type Loaders = ReadonlyMap<string, AgencyLoaders>;

export function createLoaders(
  registry: AgencyRegistry,
  nationalId: string,
  call: CallOptions,
  cache: ViewerCache | null,
  log: FastifyBaseLogger,
  /** Off only to measure what batching buys (the benchmark's naive gateway). */
  batch = true,
): Loaders {
  return new Map(
    registry.adapters.map((a) => [
      a.definition.code,
      agencyLoaders(a, nationalId, call, cache?.for(nationalId, a.definition.code) ?? null, log, batch),
    ]),
  );
}
