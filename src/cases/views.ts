/** What the graph's case types are at run time (the codegen mappers point here). */
import type { VisibleDecision } from '../access/person.js';
import type {
  AgencyDefinition,
  CaseRecord,
  DocumentRecord,
  FieldDefinition,
  FormDefinition,
  OutcomeRecord,
  ParticipantRecord,
  ParticipantRole,
} from '../agencies/kit/port.js';
import type { Labels } from '../i18n.js';
import type { Assurance } from '../auth/principal.js';

/** A case as one viewer sees it: the agency's record and the policy's decision for this viewer. */
export interface CaseView {
  record: CaseRecord;
  definition: AgencyDefinition;
  decision: VisibleDecision;
}

/** A document as one viewer sees it: with the case, whose decision says what may be done with it. */
export interface DocumentView {
  record: DocumentRecord;
  view: CaseView;
}

/** A form a case awaits, with the agency's definition and its labels. */
export interface FormView {
  formId: string;
  /** The case's global id. */
  caseId: string;
  definition: FormDefinition;
  labels: Readonly<Record<string, Labels>>;
}

/** One field of a form, with the form's code and labels to name it. */
export interface FormFieldView {
  field: FieldDefinition;
  formCode: string;
  labels: Readonly<Record<string, Labels>>;
}

/** A date by which the viewer may act: to comment on a document, or to appeal the decision. */
export interface DeadlineView {
  kind: 'COMMENT' | 'APPEAL';
  dueAt: string;
  label: string;
  document: DocumentView | null;
}

/** A decision as one viewer sees it: their role on the case decides whether the amount is shown. */
export interface OutcomeView {
  record: OutcomeRecord;
  labels: Readonly<Record<string, Labels>>;
  viewerRole: ParticipantRole;
}

/** A participant as one viewer sees them: their role on the same case decides what of them is shown. */
export interface ParticipantView {
  record: ParticipantRecord;
  viewerRole: ParticipantRole;
  isViewer: boolean;
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
  requiredAssurance: Assurance | null;
  asOf: string;
}

export interface CaseConnectionView {
  edges: CaseEdgeView[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
  agencyStatuses: AgencyStatusView[];
}
