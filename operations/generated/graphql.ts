/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What was done with the viewer's data. */
export type AccessAction =
  /** An upload of an attachment was begun. */
  | 'CREATE_UPLOAD'
  /** A form sent earlier was delivered to the agency (or could not be). */
  | 'DELIVER_FORM'
  /** Information sent earlier was delivered to the agency (or could not be). */
  | 'DELIVER_INFORMATION'
  /** Consent to use the portal was given. */
  | 'GIVE_CONSENT'
  /** A case was read. */
  | 'READ_CASE'
  /** A document was opened. */
  | 'READ_DOCUMENT'
  /** A case's list of documents was read. */
  | 'READ_DOCUMENT_LIST'
  /** A form was filled in and sent. */
  | 'SUBMIT_FORM'
  /** Information was sent to the agency. */
  | 'SUBMIT_INFORMATION'
  /** An attachment was uploaded. */
  | 'UPLOAD_ATTACHMENT'
  /** Consent to use the portal was withdrawn. */
  | 'WITHDRAW_CONSENT';

/** Which entries of the access log. */
export type AccessLogFilter = {
  /** Only those about this case (as `Case.id`). */
  caseId?: string | number | null | undefined;
  /** Only what others did (leaves out the viewer's own reads and writes). */
  othersOnly?: boolean | null | undefined;
  /** Only those from this time on. */
  since?: string | null | undefined;
};

/** How it went. */
export type AccessOutcome =
  /** It was refused: the person had no right to it. */
  | 'DENIED'
  /** It was allowed but did not succeed (the agency could not take it). */
  | 'FAILED'
  /** It was allowed and done. */
  | 'GRANTED';

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

/** Where the appeal of a decision stands. */
export type AppealState =
  /** The decision has been appealed (the appeal is among `relatedCases` where the graph has it). */
  | 'APPEALED'
  /** No appeal body hears it: only the courts can try the decision (within `deadline` where the law sets one). */
  | 'COURTS_ONLY'
  /** The last day to appeal has passed. */
  | 'DEADLINE_PASSED'
  /** Nothing follows here: the decision is final, or the case went back to be decided anew. */
  | 'FINAL'
  /** The decision can be appealed until `deadline`. */
  | 'OPEN';

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
  | 'STEP_COMPLETED'
  /**
   * Something the viewer sent could not be delivered and was given up on (only in notifications, never a live
   * event): the message says what to do, and the case's `submissions` show it FAILED with its reason.
   */
  | 'SUBMISSION_FAILED';

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
  /** Last day to appeal the decision (see `Case.appeal`). */
  | 'APPEAL'
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
  /**
   * Given up on (see failureReason), and the agency, asked, does not hold it: send it again or contact the
   * agency. An agency that holds it makes it DELIVERED, even when its answer came late.
   */
  | 'FAILED'
  /**
   * Kept by the gateway and not yet known to have reached the agency: it is tried again, with growing waits,
   * until the give-up horizon (OUTBOX_GIVE_UP_HOURS, 72 hours by default).
   */
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
  /**
   * Chosen by the client once per submission (8–100 letters, digits, - or _); a repeat with the same input
   * returns the first result. Send again with the same key when an answer did not arrive.
   */
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

export type AccessLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AccessLogFilter | null | undefined;
}>;


export type AccessLogQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', accessLog: { __typename: 'AccessLogConnection', nodes: Array<{ __typename: 'AccessLogEntry', at: string, byViewer: boolean, actorName: string | null, actorRoleLabel: string | null, action: AccessAction, actionLabel: string, basisLabel: string | null, caseId: string | null, object: string, outcome: AccessOutcome }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } };

export type AgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type AgenciesQuery = { __typename: 'Query', agencies: Array<{ __typename: 'Agency', code: string, name: string, country: Country }> };

export type CaseDocumentsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type CaseDocumentsQuery = { __typename: 'Query', case: { __typename: 'Case', id: string, unreadDocumentCount: number | null, caseFileUrl: string | null, viewerCan: { __typename: 'CaseCapabilities', seeDocuments: boolean, readDocumentContent: boolean }, documents: Array<{ __typename: 'Document', id: string, title: string, direction: DocumentDirection, directionLabel: string, date: string, contentType: string, sizeBytes: number, commentDeadline: string | null, read: boolean, downloadUrl: string | null, digitalMailbox: { __typename: 'DigitalMailboxDelivery', mailbox: string, deliveredAt: string } | null }> | null } | null };

export type CasePageQueryVariables = Exact<{
  id: string | number;
}>;


export type CasePageQuery = { __typename: 'Query', case: { __typename: 'Case', id: string, caseNumber: string, title: string, status: CaseStatus, statusLabel: string, agencyStatus: string | null, firstInstance: string | null, createdAt: string, updatedAt: string, closedAt: string | null, expectedDecisionAt: string | null, viewerRole: ViewerRole, agency: { __typename: 'Agency', code: string, name: string, country: Country }, caseType: { __typename: 'CodeLabel', code: string, label: string }, viewerCan: { __typename: 'CaseCapabilities', seeDocuments: boolean, readDocumentContent: boolean, submitInformation: boolean, fillForms: boolean }, viewerAccess: { __typename: 'CaseAccess', status: CaseAccessStatus, reason: string | null, message: string | null }, timeline: Array<{ __typename: 'TimelineStep', code: string, label: string, state: StepState, completedAt: string | null, expectedAt: string | null }> | null, participants: Array<{ __typename: 'Participant', role: ViewerRole, roleLabel: string, name: string, organisation: string | null, isViewer: boolean, contact: { __typename: 'ContactDetails', mobile: string | null, email: string | null } | null }> | null, outcome: { __typename: 'Outcome', code: string, label: string, decidedAt: string | null, compensation: { __typename: 'Money', amount: number, currency: string } | null } | null, appeal: { __typename: 'Appeal', possible: boolean, state: AppealState, deadline: string | null, body: string | null, howTo: string, decidedOn: string } | null, deadlines: Array<{ __typename: 'Deadline', kind: DeadlineKind, dueAt: string, label: string, document: { __typename: 'Document', id: string, title: string } | null }> | null, relatedCases: Array<{ __typename: 'Case', id: string, title: string, statusLabel: string, agency: { __typename: 'Agency', code: string, name: string } }> | null, forms: Array<{ __typename: 'Form', id: string, code: string, title: string, submission: { __typename: 'Submission', id: string, state: SubmissionState } | null, fields: Array<{ __typename: 'FormField', key: string, type: FormFieldType, required: boolean, label: string, maxLength: number | null, min: number | null, options: Array<{ __typename: 'FormOption', value: string, label: string }> | null }> }> | null, submissions: Array<{ __typename: 'Submission', id: string, kind: SubmissionKind, state: SubmissionState, createdAt: string, deliveredAt: string | null, failureReason: string | null, message: string, attachmentCount: number }> | null } | null };

export type GiveConsentMutationVariables = Exact<{
  input: GiveConsentInput;
}>;


export type GiveConsentMutation = { __typename: 'Mutation', giveConsent: { __typename: 'ConsentPayload', consent: { __typename: 'Consent', portal: boolean, notifications: boolean, givenAt: string | null, agency: { __typename: 'Agency', code: string } } | null, errors: Array<{ __typename: 'UserError', code: string, message: string }> } };

export type WithdrawConsentMutationVariables = Exact<{
  input: WithdrawConsentInput;
}>;


export type WithdrawConsentMutation = { __typename: 'Mutation', withdrawConsent: { __typename: 'ConsentPayload', consent: { __typename: 'Consent', portal: boolean, withdrawnAt: string | null, agency: { __typename: 'Agency', code: string } } | null, errors: Array<{ __typename: 'UserError', code: string, message: string }> } };

export type ConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsentsQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', consents: Array<{ __typename: 'Consent', portal: boolean, notifications: boolean, givenAt: string | null, withdrawnAt: string | null, agency: { __typename: 'Agency', code: string, name: string } }> } };

export type DashboardQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', country: Country, identityProvider: IdentityProvider, assuranceLevel: AssuranceLevel, consents: Array<{ __typename: 'Consent', portal: boolean, notifications: boolean, agency: { __typename: 'Agency', code: string, name: string } }>, notifications: { __typename: 'NotificationList', unreadCount: number } }, cases: { __typename: 'CaseConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, agencyStatuses: Array<{ __typename: 'AgencyStatus', status: AgencyStatusCode, reason: string | null, message: string, requiredAssurance: AssuranceLevel | null, asOf: string, agency: { __typename: 'Agency', code: string, name: string } }>, nodes: Array<{ __typename: 'Case', id: string, caseNumber: string, title: string, status: CaseStatus, statusLabel: string, updatedAt: string, expectedDecisionAt: string | null, viewerRole: ViewerRole, agency: { __typename: 'Agency', code: string, name: string }, caseType: { __typename: 'CodeLabel', code: string, label: string }, viewerAccess: { __typename: 'CaseAccess', status: CaseAccessStatus, reason: string | null, message: string | null }, timeline: Array<{ __typename: 'TimelineStep', code: string, label: string, state: StepState, completedAt: string | null, expectedAt: string | null }> | null, deadlines: Array<{ __typename: 'Deadline', kind: DeadlineKind, dueAt: string, label: string }> | null }> } };

export type SubmitFormMutationVariables = Exact<{
  input: SubmitFormInput;
}>;


export type SubmitFormMutation = { __typename: 'Mutation', submitForm: { __typename: 'SubmitFormPayload', submission: { __typename: 'Submission', id: string, kind: SubmissionKind, state: SubmissionState, createdAt: string, deliveredAt: string | null, failureReason: string | null } | null, errors: Array<{ __typename: 'UserError', code: string, reason: string | null, message: string, field: Array<string> | null }> } };

export type TimelineStepFieldsFragment = { __typename: 'TimelineStep', code: string, label: string, state: StepState, completedAt: string | null, expectedAt: string | null };

export type LawyerOverviewQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  agencies?: Array<string | number> | string | number | null | undefined;
}>;


export type LawyerOverviewQuery = { __typename: 'Query', cases: { __typename: 'CaseConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, agencyStatuses: Array<{ __typename: 'AgencyStatus', status: AgencyStatusCode, reason: string | null, message: string, requiredAssurance: AssuranceLevel | null, asOf: string, agency: { __typename: 'Agency', code: string, name: string } }>, edges: Array<{ __typename: 'CaseEdge', cursor: string, node: { __typename: 'Case', id: string, caseNumber: string, title: string, status: CaseStatus, statusLabel: string, updatedAt: string, unreadDocumentCount: number | null, caseFileUrl: string | null, agency: { __typename: 'Agency', code: string, name: string }, viewerAccess: { __typename: 'CaseAccess', status: CaseAccessStatus, reason: string | null, message: string | null }, deadlines: Array<{ __typename: 'Deadline', dueAt: string, label: string }> | null, participants: Array<{ __typename: 'Participant', role: ViewerRole, roleLabel: string, name: string, isViewer: boolean }> | null } }> } };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type NotificationsQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', notifications: { __typename: 'NotificationList', unreadCount: number, nodes: Array<{ __typename: 'Notification', id: string, caseId: string, kind: CaseEventKind, message: string, occurredAt: string, read: boolean, agency: { __typename: 'Agency', code: string, name: string } }> } } };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { __typename: 'Mutation', markNotificationsRead: { __typename: 'MarkNotificationsReadPayload', unreadCount: number, errors: Array<{ __typename: 'UserError', code: string, message: string }> } };

export type CaseEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CaseEventsSubscription = { caseEvents: { __typename: 'CaseEvent', id: string, caseId: string, kind: CaseEventKind, message: string, occurredAt: string, agency: { __typename: 'Agency', code: string, name: string } } };

export type CreateUploadMutationVariables = Exact<{
  input: CreateUploadInput;
}>;


export type CreateUploadMutation = { __typename: 'Mutation', createUpload: { __typename: 'CreateUploadPayload', upload: { __typename: 'Upload', id: string, url: string, expiresAt: string, filename: string, contentType: string, sizeBytes: number } | null, errors: Array<{ __typename: 'UserError', code: string, reason: string | null, message: string, field: Array<string> | null }> } };

export type SubmitInformationMutationVariables = Exact<{
  input: SubmitInformationInput;
}>;


export type SubmitInformationMutation = { __typename: 'Mutation', submitInformation: { __typename: 'SubmitInformationPayload', submission: { __typename: 'Submission', id: string, kind: SubmissionKind, state: SubmissionState, createdAt: string, deliveredAt: string | null, failureReason: string | null, attachmentCount: number } | null, errors: Array<{ __typename: 'UserError', code: string, reason: string | null, message: string, field: Array<string> | null }> } };

export const TimelineStepFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimelineStepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAt"}}]}}]} as unknown as DocumentNode<TimelineStepFieldsFragment, unknown>;
export const AccessLogDocument = {"__meta__":{"hash":"sha256:f61f68af2ba690832b53d4b368816f0ec6e6229b7fc36ee726e4ed1da0e56c73"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessLogFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"byViewer"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorRoleLabel"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"basisLabel"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccessLogQuery, AccessLogQueryVariables>;
export const AgenciesDocument = {"__meta__":{"hash":"sha256:a82fbad0412f3ca288c0ead5e3e03a90248567368850ef1051d2f4beff10bdaf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Agencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<AgenciesQuery, AgenciesQueryVariables>;
export const CaseDocumentsDocument = {"__meta__":{"hash":"sha256:d90237f1835bfeb54f10b3c7eab39007d5f6fc0fac12f5baf5e543c16b36955d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seeDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"readDocumentContent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadDocumentCount"}},{"kind":"Field","name":{"kind":"Name","value":"caseFileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"directionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"commentDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"digitalMailbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mailbox"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}}]}}]} as unknown as DocumentNode<CaseDocumentsQuery, CaseDocumentsQueryVariables>;
export const CasePageDocument = {"__meta__":{"hash":"sha256:adea4850766f485db0a211598cb827ec34f567bbce27b17ceb2c54039eba0f45"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CasePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"caseType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"agencyStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firstInstance"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDecisionAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seeDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"readDocumentContent"}},{"kind":"Field","name":{"kind":"Name","value":"submitInformation"}},{"kind":"Field","name":{"kind":"Name","value":"fillForms"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TimelineStepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabel"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"isViewer"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"compensation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appeal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"possible"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"howTo"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"relatedCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"forms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"submissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"attachmentCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimelineStepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAt"}}]}}]} as unknown as DocumentNode<CasePageQuery, CasePageQueryVariables>;
export const GiveConsentDocument = {"__meta__":{"hash":"sha256:51a646ed75942aefd34a42c9e95b4b2fd790adf50f346b9f050b19090a9dd952"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GiveConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GiveConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"giveConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portal"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<GiveConsentMutation, GiveConsentMutationVariables>;
export const WithdrawConsentDocument = {"__meta__":{"hash":"sha256:0fa7f0a9ecfea9665ff05e8d1f54425801dbc16c6904f0d225dc12df3f62b3fd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portal"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const ConsentsDocument = {"__meta__":{"hash":"sha256:8801965c7aca3116cc3bbbde463b89191ced6d143ab159fae68da065ee247444"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portal"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsentsQuery, ConsentsQueryVariables>;
export const DashboardDocument = {"__meta__":{"hash":"sha256:308bfc164a5f5eeee2e485af4ae5ea9d641b73fc168a0cb3ffec7a72796e292e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"identityProvider"}},{"kind":"Field","name":{"kind":"Name","value":"assuranceLevel"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portal"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agencyStatuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requiredAssurance"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"caseType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDecisionAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"viewerAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TimelineStepFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimelineStepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAt"}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const SubmitFormDocument = {"__meta__":{"hash":"sha256:9a3b6d19c1d3fbf1de02ef628d841520679a34f8e9e943a77b8378391f58347e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitForm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitFormInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"submitForm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitFormMutation, SubmitFormMutationVariables>;
export const LawyerOverviewDocument = {"__meta__":{"hash":"sha256:cd8528f857466d60742596fd66262daafbfbcfa3aff705962c5fe6d6450c9571"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LawyerOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencies"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"roles"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"LAWYER"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"agencies"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencies"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agencyStatuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requiredAssurance"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadDocumentCount"}},{"kind":"Field","name":{"kind":"Name","value":"caseFileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"viewerAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabel"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isViewer"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LawyerOverviewQuery, LawyerOverviewQueryVariables>;
export const NotificationsDocument = {"__meta__":{"hash":"sha256:a090bb6b06256ebbdf3bd8d4455bab441c1930117e9d4726de3cd6e612f18bfc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = {"__meta__":{"hash":"sha256:cf341439b6ddca6e7ebc65f51ea1bd28c628f1a77a055604bd3b26021aba0caa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationsReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const CaseEventsDocument = {"__meta__":{"hash":"sha256:19efa42fceb883de7680034a9fe4a5c7e076414a5263a01d6c3c590dbf9c3e0f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CaseEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<CaseEventsSubscription, CaseEventsSubscriptionVariables>;
export const CreateUploadDocument = {"__meta__":{"hash":"sha256:9c806382dd4af70d9a93dc92b9d1e9338fa057de8e0bf533c79d79bdecf63f61"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUploadMutation, CreateUploadMutationVariables>;
export const SubmitInformationDocument = {"__meta__":{"hash":"sha256:bbd000f502e1f13febf0f1998980cb577bcec1db2efbcbb1ba6426c758db66a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitInformation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitInformationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"submitInformation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"attachmentCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitInformationMutation, SubmitInformationMutationVariables>;