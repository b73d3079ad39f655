/**
 * Per-request loaders, one set per agency. They exist only for an authenticated request and are never
 * shared between requests: a loader cache shared across users would leak one person's cases to another.
 */
import DataLoader from 'dataloader';
import type {
  AgencyAdapter,
  CallOptions,
  CaseRecord,
  DocumentRecord,
  PersonListing,
} from '../agencies/port.js';
import type { AgencyRegistry } from '../agencies/registry.js';

export interface AgencyLoaders {
  /** What the agency's search says about the viewer, fetched at most once per request. */
  listing(): Promise<PersonListing>;
  cases: DataLoader<string, CaseRecord | null>;
  documents: DataLoader<string, DocumentRecord[] | null>;
}

function agencyLoaders(adapter: AgencyAdapter, nationalId: string, call: CallOptions): AgencyLoaders {
  let listing: Promise<PersonListing> | undefined;
  return {
    listing: () => (listing ??= adapter.casesForPerson(nationalId, call)),
    cases: new DataLoader((keys) => adapter.getCases(keys, call)),
    documents: new DataLoader((keys) => adapter.getDocuments(keys, call)),
  };
}

export type Loaders = ReadonlyMap<string, AgencyLoaders>;

export function createLoaders(registry: AgencyRegistry, nationalId: string, call: CallOptions): Loaders {
  return new Map(registry.adapters.map((a) => [a.definition.code, agencyLoaders(a, nationalId, call)]));
}
