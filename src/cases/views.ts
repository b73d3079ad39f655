/** What the graph's case types are at run time (the codegen mappers point here). */
import type { AgencyDefinition, CaseRecord, ParticipantRole } from '../agencies/port.js';

/** A case as one viewer sees it: the agency's record and the viewer's role in it. */
export interface CaseView {
  record: CaseRecord;
  role: ParticipantRole;
  definition: AgencyDefinition;
}

export interface CaseEdgeView {
  cursor: string;
  node: CaseView;
}

export type AgencyStatusCode = 'OK' | 'CONSENT_REQUIRED' | 'NOT_ELIGIBLE' | 'STALE' | 'UNAVAILABLE';

export interface AgencyStatusView {
  agency: AgencyDefinition;
  status: AgencyStatusCode;
  reason: string | null;
  asOf: string;
}

export interface CaseConnectionView {
  edges: CaseEdgeView[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
  agencyStatuses: AgencyStatusView[];
}
