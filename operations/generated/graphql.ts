/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why an agency's cases are, or are not, in the answer. */
export type AgencyStatusCode =
  /** The viewer must consent before this agency's cases are shown. */
  | 'CONSENT_REQUIRED'
  /** The viewer may not use this agency's portal (see `reason`). */
  | 'NOT_ELIGIBLE'
  /** The agency answered; its cases are included. */
  | 'OK'
  /** The agency did not answer; the last known answer is shown (see `asOf`). */
  | 'STALE'
  /** The agency did not answer in time; its cases are missing from this answer. */
  | 'UNAVAILABLE';

/** Assurance level of the login (eIDAS / NSIS). */
export type AssuranceLevel =
  /** eIDAS/NSIS high (ID-porten: idporten-loa-high, e.g. BankID). */
  | 'HIGH'
  /** eIDAS/NSIS low. */
  | 'LOW'
  /** eIDAS/NSIS substantial (ID-porten: idporten-loa-substantial). */
  | 'SUBSTANTIAL';

/** Whether a case is open to the viewer. */
export type CaseAccessStatus =
  /** The case exists for the viewer but is closed to them for a reason they can act on (see `reason`). */
  | 'CLOSED'
  /** The viewer may follow the case with the capabilities in `viewerCan`. */
  | 'OPEN';

/** What happened to a case. */
export type CaseEventKind =
  /** The agency made a decision. */
  | 'DECISION_MADE'
  /** A document was added to the case. */
  | 'DOCUMENT_ADDED'
  /** A step of the timeline was completed. */
  | 'STEP_COMPLETED';

/** Where a case stands, across agencies. */
export type CaseStatus =
  /** Closed. */
  | 'CLOSED'
  /** A decision has been made. */
  | 'DECIDED'
  /** Sent on to the appeal body. */
  | 'FORWARDED'
  /** Being processed. */
  | 'IN_PROGRESS'
  /** Received, not yet in processing. */
  | 'RECEIVED'
  /** Waiting in the agency's queue. */
  | 'WAITING';

/** Country whose national identity number identifies the person. */
export type Country =
  /** Denmark (CPR). */
  | 'DK'
  /** Norway (fødselsnummer). */
  | 'NO';

/** A file to upload. */
export type CreateUploadInput = {
  /** The case it is for. */
  caseId: string | number;
  /** Its media type: application/pdf, image/jpeg, image/png, image/heic or the DOCX type. */
  contentType: string;
  /** The file's name; a path is refused, the rest is made safe. */
  filename: string;
  /** Its exact size in bytes. */
  sizeBytes: number;
};

/** What a deadline is for. */
export type DeadlineKind =
  /** Last day to comment on a document sent to the party. */
  | 'COMMENT';

/** Whether a document came from the party's side or was sent by the agency. */
export type DocumentDirection =
  /** Received by the agency (from the party, a representative or a third party). */
  | 'INCOMING'
  /** Sent by the agency. */
  | 'OUTGOING';

/** One answer. */
export type FormAnswerInput = {
  /** The field's key. */
  key: string;
  /** The answer as text (numbers, dates and true/false too). */
  value: string;
};

/** What kind of answer a field takes. */
export type FormFieldType =
  /** A Norwegian bank account number: 11 digits with a valid check digit. */
  | 'ACCOUNT_NUMBER'
  /** true or false. */
  | 'BOOLEAN'
  /** One of `options`. */
  | 'CHOICE'
  /** An ISO 8601 date (YYYY-MM-DD). */
  | 'DATE'
  /** A number, at least `min` when given. */
  | 'NUMBER'
  /** A line of text. */
  | 'TEXT'
  /** Several lines of text. */
  | 'TEXTAREA';

/** Consent to give. */
export type GiveConsentInput = {
  /** The agency (npe, helseklage). */
  agency: string | number;
  /** Whether the person wants to be notified of progress. */
  notifications: boolean;
};

/** Which identity provider the login came from. */
export type IdentityProvider =
  /** Norway's ID-porten. */
  | 'IDPORTEN'
  /** Denmark's MitID, through a broker. */
  | 'MITID';

/** Which notifications to mark read: `ids`, or `all`. */
export type MarkNotificationsReadInput = {
  /** All of the viewer's notifications. */
  all?: boolean | null | undefined;
  /** These notifications. */
  ids?: Array<string | number> | null | undefined;
};

/** Where a timeline step stands. */
export type StepState =
  /** Done; `completedAt` says when. */
  | 'COMPLETED'
  /** In progress now. */
  | 'CURRENT'
  /** Still to come; `expectedAt` when the agency expects it. */
  | 'UPCOMING';

/** What was sent. */
export type SubmissionKind =
  /** A filled-in form (`submitForm`). */
  | 'FORM'
  /** New information with attachments (`submitInformation`). */
  | 'INFORMATION';

/** Where a submission stands. */
export type SubmissionState =
  /** Received by the agency. */
  | 'DELIVERED'
  /** Given up on (see failureReason); nothing reached the agency. */
  | 'FAILED'
  /** Accepted by the gateway, not yet received by the agency (it is retried). */
  | 'PENDING';

/** A filled-in form. */
export type SubmitFormInput = {
  /** The answers. */
  answers: Array<FormAnswerInput>;
  /** The case. */
  caseId: string | number;
  /** The form's id (Form.id). */
  formId: string | number;
  /** Chosen by the client once per submission; a repeat returns the first result. */
  idempotencyKey: string;
};

/** New information for a case. */
export type SubmitInformationInput = {
  /** The case. */
  caseId: string | number;
  /** Chosen by the client once per submission (8–100 letters, digits, - or _); a repeat returns the first result. */
  idempotencyKey: string;
  /** The message, 1–5000 characters. */
  message: string;
  /** Uploads (from createUpload, already sent) to attach; at most 10. */
  uploadIds?: Array<string | number> | null | undefined;
};

/** The viewer's relation to a case, as the agency registered it. */
export type ViewerRole =
  /** A bereaved relative of a deceased party. */
  | 'BEREAVED'
  /** The custody holder of a child who is the party. */
  | 'CUSTODY_HOLDER'
  /** A guardian (verge) of the party. */
  | 'GUARDIAN'
  /** A lawyer representing the party. */
  | 'LAWYER'
  /** The injured patient or complainant. */
  | 'PARTY'
  /** A proxy holding a power of attorney. */
  | 'PROXY';

/** Consent to withdraw. */
export type WithdrawConsentInput = {
  /** The agency (npe, helseklage). */
  agency: string | number;
};

export type AgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type AgenciesQuery = { agencies: Array<{ code: string, name: string, country: Country }> };

export type CaseDocumentsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type CaseDocumentsQuery = { case: { id: string, unreadDocumentCount: number | null, caseFileUrl: string | null, viewerCan: { seeDocuments: boolean, readDocumentContent: boolean }, documents: Array<{ id: string, title: string, direction: DocumentDirection, directionLabel: string, date: string, contentType: string, sizeBytes: number, commentDeadline: string | null, read: boolean, downloadUrl: string | null }> | null } | null };

export type CasePageQueryVariables = Exact<{
  id: string | number;
}>;


export type CasePageQuery = { case: { id: string, caseNumber: string, title: string, status: CaseStatus, statusLabel: string, agencyStatus: string | null, createdAt: string, updatedAt: string, closedAt: string | null, expectedDecisionAt: string | null, viewerRole: ViewerRole, agency: { code: string, name: string, country: Country }, caseType: { code: string, label: string }, viewerCan: { seeDocuments: boolean, readDocumentContent: boolean, submitInformation: boolean, fillForms: boolean }, viewerAccess: { status: CaseAccessStatus, reason: string | null, message: string | null }, timeline: Array<{ code: string, label: string, state: StepState, completedAt: string | null, expectedAt: string | null }> | null, participants: Array<{ role: ViewerRole, roleLabel: string, name: string, organisation: string | null, isViewer: boolean, contact: { mobile: string | null, email: string | null } | null }> | null, outcome: { code: string, label: string, decidedAt: string | null, compensation: { amount: number, currency: string } | null } | null, deadlines: Array<{ kind: DeadlineKind, dueAt: string, label: string, document: { id: string, title: string } | null }> | null, relatedCases: Array<{ id: string, title: string, statusLabel: string, agency: { code: string, name: string } }> | null, forms: Array<{ id: string, code: string, title: string, fields: Array<{ key: string, type: FormFieldType, required: boolean, label: string, maxLength: number | null, min: number | null, options: Array<{ value: string, label: string }> | null }> }> | null, submissions: Array<{ id: string, kind: SubmissionKind, state: SubmissionState, createdAt: string, deliveredAt: string | null, failureReason: string | null, message: string, attachmentCount: number }> | null } | null };

export type GiveConsentMutationVariables = Exact<{
  input: GiveConsentInput;
}>;


export type GiveConsentMutation = { giveConsent: { consent: { portal: boolean, notifications: boolean, givenAt: string | null, agency: { code: string } } | null, errors: Array<{ code: string, message: string }> } };

export type WithdrawConsentMutationVariables = Exact<{
  input: WithdrawConsentInput;
}>;


export type WithdrawConsentMutation = { withdrawConsent: { consent: { portal: boolean, withdrawnAt: string | null, agency: { code: string } } | null, errors: Array<{ code: string, message: string }> } };

export type DashboardQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardQuery = { viewer: { country: Country, identityProvider: IdentityProvider, assuranceLevel: AssuranceLevel, consents: Array<{ portal: boolean, notifications: boolean, agency: { code: string, name: string } }>, notifications: { unreadCount: number } }, cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, agencyStatuses: Array<{ status: AgencyStatusCode, reason: string | null, message: string | null, requiredAssurance: AssuranceLevel | null, asOf: string, agency: { code: string, name: string } }>, nodes: Array<{ id: string, caseNumber: string, title: string, status: CaseStatus, statusLabel: string, updatedAt: string, expectedDecisionAt: string | null, viewerRole: ViewerRole, agency: { code: string, name: string }, caseType: { code: string, label: string }, viewerAccess: { status: CaseAccessStatus, reason: string | null, message: string | null }, timeline: Array<{ code: string, label: string, state: StepState, completedAt: string | null, expectedAt: string | null }> | null, deadlines: Array<{ kind: DeadlineKind, dueAt: string, label: string }> | null }> } };

export type SubmitFormMutationVariables = Exact<{
  input: SubmitFormInput;
}>;


export type SubmitFormMutation = { submitForm: { submission: { id: string, kind: SubmissionKind, state: SubmissionState, createdAt: string, deliveredAt: string | null, failureReason: string | null } | null, errors: Array<{ code: string, reason: string | null, message: string, field: Array<string> | null }> } };

export type TimelineStepFieldsFragment = { code: string, label: string, state: StepState, completedAt: string | null, expectedAt: string | null };

export type LawyerOverviewQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  agencies?: Array<string | number> | string | number | null | undefined;
}>;


export type LawyerOverviewQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, agencyStatuses: Array<{ status: AgencyStatusCode, reason: string | null, asOf: string, agency: { code: string } }>, edges: Array<{ cursor: string, node: { id: string, caseNumber: string, title: string, status: CaseStatus, statusLabel: string, updatedAt: string, unreadDocumentCount: number | null, agency: { code: string }, viewerAccess: { status: CaseAccessStatus, reason: string | null }, deadlines: Array<{ dueAt: string, label: string }> | null, participants: Array<{ role: ViewerRole, roleLabel: string, name: string, isViewer: boolean }> | null } }> } };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type NotificationsQuery = { viewer: { notifications: { unreadCount: number, nodes: Array<{ id: string, caseId: string, kind: CaseEventKind, message: string, occurredAt: string, read: boolean, agency: { code: string, name: string } }> } } };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { unreadCount: number, errors: Array<{ code: string, message: string }> } };

export type CaseEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CaseEventsSubscription = { caseEvents: { id: string, caseId: string, kind: CaseEventKind, message: string, occurredAt: string, agency: { code: string, name: string } } };

export type CreateUploadMutationVariables = Exact<{
  input: CreateUploadInput;
}>;


export type CreateUploadMutation = { createUpload: { upload: { id: string, url: string, expiresAt: string, filename: string, contentType: string, sizeBytes: number } | null, errors: Array<{ code: string, reason: string | null, message: string, field: Array<string> | null }> } };

export type SubmitInformationMutationVariables = Exact<{
  input: SubmitInformationInput;
}>;


export type SubmitInformationMutation = { submitInformation: { submission: { id: string, kind: SubmissionKind, state: SubmissionState, createdAt: string, deliveredAt: string | null, failureReason: string | null, attachmentCount: number } | null, errors: Array<{ code: string, reason: string | null, message: string, field: Array<string> | null }> } };

export const TimelineStepFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimelineStepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAt"}}]}}]} as unknown as DocumentNode<TimelineStepFieldsFragment, unknown>;
export const AgenciesDocument = {"__meta__":{"hash":"sha256:8a0608ccb09588130b68f78dca85c610c276baff1fb57bead94ff498939e0e6c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Agencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<AgenciesQuery, AgenciesQueryVariables>;
export const CaseDocumentsDocument = {"__meta__":{"hash":"sha256:5d7c0e590c283ef411759f2b180686c22ddf403097ed4166c4d9bde73475dfd6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seeDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"readDocumentContent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadDocumentCount"}},{"kind":"Field","name":{"kind":"Name","value":"caseFileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"directionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"commentDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}}]}}]} as unknown as DocumentNode<CaseDocumentsQuery, CaseDocumentsQueryVariables>;
export const CasePageDocument = {"__meta__":{"hash":"sha256:344622801044b9eab01e889c1817e39d1f0d2074d0dbe861e7a329809b6b41cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CasePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"caseType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"agencyStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDecisionAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seeDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"readDocumentContent"}},{"kind":"Field","name":{"kind":"Name","value":"submitInformation"}},{"kind":"Field","name":{"kind":"Name","value":"fillForms"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TimelineStepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabel"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"isViewer"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"compensation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"relatedCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"forms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"submissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"attachmentCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimelineStepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAt"}}]}}]} as unknown as DocumentNode<CasePageQuery, CasePageQueryVariables>;
export const GiveConsentDocument = {"__meta__":{"hash":"sha256:33dfd25b88142762eee4e1848fae58eace462f97a42521758b618cc2ffdc90df"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GiveConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GiveConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"giveConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portal"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<GiveConsentMutation, GiveConsentMutationVariables>;
export const WithdrawConsentDocument = {"__meta__":{"hash":"sha256:69b07e3e937786d009a9f9905500a4d6d60f95d2d95a08886d2ee47a4122b847"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portal"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const DashboardDocument = {"__meta__":{"hash":"sha256:60e7ef5b905de6fcecc1da368dd780ddc828995f8e0071816fec44dbedf6dd26"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"identityProvider"}},{"kind":"Field","name":{"kind":"Name","value":"assuranceLevel"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portal"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agencyStatuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requiredAssurance"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"caseType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDecisionAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"viewerAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TimelineStepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimelineStepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAt"}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const SubmitFormDocument = {"__meta__":{"hash":"sha256:4af483c297547bd664cde6b71c80b8d714a14b2f7b5a7271b90ec11c892e2afe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitForm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitFormInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitForm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitFormMutation, SubmitFormMutationVariables>;
export const LawyerOverviewDocument = {"__meta__":{"hash":"sha256:9bdf3b3cd2ba3b344092d140c8e4530d4b1a1702f02a900ed005615d63500706"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LawyerOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencies"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"roles"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"LAWYER"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"agencies"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencies"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agencyStatuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadDocumentCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabel"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isViewer"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LawyerOverviewQuery, LawyerOverviewQueryVariables>;
export const NotificationsDocument = {"__meta__":{"hash":"sha256:2a7cf31f8d2f3b3a1be2c75d47a64aac6328690addb1a9697e35fe5bf8e7e47e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = {"__meta__":{"hash":"sha256:9d0e35dc0c5f2deef445007b0035c6bb5ec00f5a612ec4b72e4c819f7becfc4e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationsReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const CaseEventsDocument = {"__meta__":{"hash":"sha256:2cc7969eac8e371ed0ec6bf5f36e9e381569463510d8a05faa1e3c5cf5cb6427"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CaseEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<CaseEventsSubscription, CaseEventsSubscriptionVariables>;
export const CreateUploadDocument = {"__meta__":{"hash":"sha256:4e23327d1161416ea0adab51021ad8050540f91269d3add11b1a655fe073b53a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUploadMutation, CreateUploadMutationVariables>;
export const SubmitInformationDocument = {"__meta__":{"hash":"sha256:c6adb080579dc8828d1d73ded3cae415ff9ca3a373597888ee2f67684c06317f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitInformation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitInformationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitInformation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"attachmentCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitInformationMutation, SubmitInformationMutationVariables>;