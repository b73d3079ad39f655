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
} from '../agencies/port.js';
import type { AgencyRegistry } from '../agencies/registry.js';
import type { AgencyCache, ViewerCache } from '../cache/viewer-cache.js';
import { UpstreamError } from '../errors.js';

export interface Staleness {
  /** The age of the oldest cached answer used. */
  asOf: string;
  /** Why the agency's own answer was not used. */
  reason: string;
}

export interface AgencyLoaders {
  /** What the agency's search says about the viewer, fetched at most once per request. */
  listing(): Promise<PersonListing>;
  cases: DataLoader<string, CaseRecord | null>;
  documents: DataLoader<string, DocumentRecord[] | null>;
  /** Set when an answer came from the safety net instead of the agency. */
  stale(): Staleness | null;
}

/** Calls the agency; on an agency failure, answers from the cache (each key that has one) and notes it. */
function withSafetyNet(
  cache: AgencyCache | null,
  noteStale: (asOf: string, error: UpstreamError) => void,
  log: FastifyBaseLogger,
) {
  return async function net<T>(
    keys: readonly string[],
    fetch: () => Promise<readonly T[]>,
  ): Promise<(T | Error)[]> {
    try {
      const fresh = await fetch();
      if (cache) fresh.forEach((value, i) => value !== null && cache.put(keys[i] ?? '', value));
      return [...fresh];
    } catch (error) {
      if (!cache || !(error instanceof UpstreamError)) throw error;
      log.warn(
        { agency: error.agency, failure: error.failure },
        'agency did not answer; answering from the safety net',
      );
      const cached = await cache.getMany<T>(keys);
      return cached.map((entry) => {
        if (!entry) return error;
        noteStale(entry.asOf, error);
        return entry.data;
      });
    }
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
  const net = withSafetyNet(cache, noteStale, log);
  let listing: Promise<PersonListing> | undefined;
  return {
    listing: () =>
      (listing ??= (async () => {
        const [value] = await net<PersonListing>(['listing'], async () => [
          await adapter.casesForPerson(nationalId, call),
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
