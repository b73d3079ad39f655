/**
 * The adapter port: what the graph needs from an agency's case system, in our own records. An adapter
 * speaks its agency's dialect, parses every answer with zod and throws only `UpstreamError`s.
 */
import type { Readable } from 'node:stream';
import type { Assurance } from '../../auth/principal.js';
import type { Labels } from '../../i18n.js';

export type Country = 'NO' | 'DK';
export type ParticipantRole = 'PARTY' | 'LAWYER' | 'PROXY' | 'GUARDIAN' | 'BEREAVED' | 'CUSTODY_HOLDER';
export type CaseStatus = 'RECEIVED' | 'WAITING' | 'IN_PROGRESS' | 'DECIDED' | 'FORWARDED' | 'CLOSED';
export type StepState = 'COMPLETED' | 'CURRENT' | 'UPCOMING';

/** Which national identity numbers an agency's case system keys persons on. */
export type IdentityScheme = 'NO_FODSELSNUMMER' | 'DK_CPR';

export interface AgencyDefinition {
  code: string;
  name: Labels;
  country: Country;
  identity: IdentityScheme;
  /** Who may use the agency's portal, and what they may do there. */
  policy: AgencyPolicy;
  /**
   * Steps whose completion the person is told of outside the portal too (domain.md §3's starred steps);
   * a document for them and a decision always are.
   */
  notifyingSteps: readonly string[];
  /** Labels for the agency's codes; unknown codes fall back to the code itself. */
  labels: AgencyLabels;
  /** What can follow the agency's decisions. */
  appeals: AppealRules;
}

/** A period counted from the decision, as the law states it. */
export type AppealPeriod = { weeks: number } | { months: number };

export type AppealRoute =
  /** An appeal body hears it, if the person appeals within the period. */
  | { kind: 'APPEAL_BODY'; body: Labels; period: AppealPeriod; howTo: Labels }
  /** No appeal body: only a lawsuit, within the period where the law sets one. */
  | { kind: 'COURTS'; period: AppealPeriod | null; howTo: Labels }
  /** Nothing further (a final decision, or a case returned to be decided anew). */
  | { kind: 'NONE'; howTo: Labels };

/**
 * What can follow an agency's decision, as its rules say (domain.md §2). The definition names its decision
 * steps and gives the route for a decided case; the graph works out the deadline and whether the person
 * has appealed.
 */
export interface AppealRules {
  /** Steps whose completion is a decision; the latest completed one is what an appeal would be about. */
  decisionSteps: readonly string[];
  /** Steps whose completion says the person has appealed that decision. */
  appealedSteps: readonly string[];
  /** How the agency's links name its appeal bodies: a link to one of them is the case's appeal. */
  appealBodies: readonly string[];
  /** The route from a decided case, by its type and outcome. */
  route(record: CaseRecord): AppealRoute;
}

/** An agency's codes in words, nb/nn/da/en. */
export interface AgencyLabels {
  /** Form titles by form code, and field and option labels by `code.field` and `code.field.option`. */
  forms: Readonly<Record<string, Labels>>;
  caseTypes: Readonly<Record<string, Labels>>;
  steps: Readonly<Record<string, Labels>>;
  outcomes: Readonly<Record<string, Labels>>;
}

/**
 * A case at another body that this case is linked to (the appeal of a decision, or the decision an appeal
 * is about), with that body named as this agency's system names it. Which agency of the graph keeps that
 * body's cases is the registry's to say (CASE_LINKS in registry.ts), not the adapter's.
 */
export interface CaseLink {
  body: string;
  caseNumber: string;
}

/** A line of a person's case list: enough to sort, page and apply list rules before fetching whole cases. */
export interface CaseRef {
  caseNumber: string;
  role: ParticipantRole;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /**
   * The person's registration on the case, where the agency's search reports it: enough for the case rules
   * to tell, before the case is fetched, whether it is open to them — so that its documents may be fetched
   * together with it (the case itself still decides).
   */
  registration?: Registration;
}

/** What an agency's search says about a person. */
export interface PersonListing {
  cases: CaseRef[];
  /** Whether the person is under guardianship (from the guardianship register); null when the agency does not say. */
  underGuardianship: boolean | null;
}

export interface StepRecord {
  code: string;
  state: StepState;
  completedAt: string | null;
  expectedAt: string | null;
}

export interface ParticipantRecord {
  role: ParticipantRole;
  nationalId: string;
  name: string;
  mobile: string | null;
  email: string | null;
  /** Null when the agency does not say. */
  emailIsPersonal: boolean | null;
  organisation: string | null;
}

export interface CaseRecord {
  agency: string;
  caseNumber: string;
  caseType: string;
  title: string;
  status: CaseStatus;
  /** The agency's own macro status, where it has one (Denmark's OIO model). */
  agencyStatus: string | null;
  /** The body whose decision this case appeals, by name, where the case is an appeal. */
  firstInstance: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  expectedDecisionAt: string | null;
  timeline: StepRecord[];
  participants: ParticipantRecord[];
  outcome: OutcomeRecord | null;
  related: CaseLink[];
  /** Forms the agency asks to have filled in for this case (an instance id and the form's code). */
  awaitingForms: { formId: string; code: string }[];
}

export interface OutcomeRecord {
  code: string;
  decidedAt: string | null;
  /** The compensation decided, where the agency decides one (NPE's amount decision). */
  compensation?: { amount: number; currency: string } | null;
}

export type DocumentDirection = 'INCOMING' | 'OUTGOING' | 'INTERNAL';

export interface DocumentRecord {
  id: string;
  caseNumber: string;
  title: string;
  direction: DocumentDirection;
  date: string;
  contentType: string;
  sizeBytes: number;
  commentDeadline: string | null;
  /** National id of the person on the case who sent or received it; null for third parties. */
  counterpartyId: string | null;
  /** Where the agency also delivered the letter (a decision): the person's digital mailbox by name, and when. */
  digitalMailbox: { mailbox: string; deliveredAt: string } | null;
}

export interface DocumentContent {
  contentType: string | null;
  sizeBytes: number | null;
  body: Readable;
}

export type FieldType = 'TEXT' | 'TEXTAREA' | 'NUMBER' | 'DATE' | 'BOOLEAN' | 'CHOICE' | 'ACCOUNT_NUMBER';

export interface FieldDefinition {
  key: string;
  type: FieldType;
  required: boolean;
  options: string[] | null;
  maxLength: number | null;
  min: number | null;
}

/** A form as the agency defines it; its labels in four languages live with the adapter's other labels. */
export interface FormDefinition {
  code: string;
  version: number;
  fields: FieldDefinition[];
}

export type FormAnswers = Record<string, string | number | boolean>;

export interface FormSubmissionInput {
  submissionId: string;
  answers: FormAnswers;
  senderNationalId: string;
  sentAt: string;
}

export interface SubmissionInput {
  submissionId: string;
  message: string;
  /** The agency's own ids of attachments already uploaded to the case. */
  attachmentIds: string[];
  senderNationalId: string;
  sentAt: string;
}

export interface AttachmentInput {
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface ConsentRecordInput {
  portal: boolean;
  notifications: boolean;
  at: string;
}

export type CaseEventKind = 'STEP_COMPLETED' | 'DOCUMENT_ADDED' | 'DECISION_MADE';

/** Something that happened to a case, as the agency's event told it. */
export interface AgencyEvent {
  kind: CaseEventKind;
  caseNumber: string;
  occurredAt: string;
  /** The step completed (or in which the document or decision came). */
  step: string | null;
  documentId: string | null;
}

/** Per call: the request's deadline and its correlation id (passed on to the agency). */
export interface CallOptions {
  signal: AbortSignal;
  correlationId: string;
}

export interface AgencyAdapter {
  readonly definition: AgencyDefinition;
  /** Every case in which the agency lists the person with a role, newest activity first. */
  casesForPerson(nationalId: string, options: CallOptions): Promise<PersonListing>;
  /** One result per case number, in order; null where the agency has no such case. */
  getCases(caseNumbers: readonly string[], options: CallOptions): Promise<(CaseRecord | null)[]>;
  /** One list per case number, in order; null where the agency has no such case. */
  getDocuments(caseNumbers: readonly string[], options: CallOptions): Promise<(DocumentRecord[] | null)[]>;
  /** A document's content as a stream (never buffered); null when the agency has no such document. */
  documentContent(documentId: string, options: CallOptions): Promise<DocumentContent | null>;
  /**
   * Streams an attachment to a case, for agencies whose API takes them (absent otherwise). The body is
   * never buffered; its length is declared up front.
   */
  uploadAttachment?(
    caseNumber: string,
    file: AttachmentInput,
    body: Readable,
    options: CallOptions,
  ): Promise<{ attachmentId: string }>;
  /**
   * Delivers new information to a case, for agencies whose API takes it. The agency treats the
   * submission id as an idempotency key: delivering the same submission twice records it once.
   */
  submitInformation?(
    caseNumber: string,
    submission: SubmissionInput,
    options: CallOptions,
  ): Promise<{ receipt: string }>;
  /**
   * Whether the agency holds a submission (new information or form answers), by the submission id it was
   * sent with: its receipt, or null when it has none. Asked before a delivery whose outcome was not learnt
   * (a timeout after sending) is tried again or given up, so that nothing the agency holds is called failed.
   */
  findSubmission?(
    caseNumber: string,
    submissionId: string,
    options: CallOptions,
  ): Promise<{ receipt: string } | null>;
  /** Tells the agency that the person opened a document, for agencies whose API takes read receipts. */
  markDocumentRead?(documentId: string, nationalId: string, options: CallOptions): Promise<void>;
  /**
   * The agency's form catalog. Not personal: adapters cache it (kit/catalog-cache.ts), and the signal bounds
   * only this caller's wait for it.
   */
  formDefinitions(options: CallOptions): Promise<FormDefinition[]>;
  /** Delivers a filled-in form; idempotent by submission id like submitInformation. */
  submitForm?(
    caseNumber: string,
    formId: string,
    submission: FormSubmissionInput,
    options: CallOptions,
  ): Promise<{ receipt: string }>;
  /**
   * Passes a person's consent (to use the portal, to be notified) on to the agency, for agencies whose API
   * accepts it; absent otherwise.
   */
  recordConsent?(nationalId: string, consent: ConsentRecordInput, options: CallOptions): Promise<void>;
  /**
   * Reads an event the agency sent (its signature already verified by the gateway); null when the body is
   * not one of the agency's events.
   */
  parseEvent(body: unknown): AgencyEvent | null;
  /** Resolves when the agency answers its health check. */
  health(options: CallOptions): Promise<void>;
  close(): Promise<void>;
}

// What an agency declares about who may use its portal (evaluated by src/access/; built from src/access/rules.ts).

/** Why a visible case is closed to the viewer: each is something they can act on. */
export type CaseClosure = 'MISSING_CONTACT_INFO' | 'LAWYER_EMAIL_NOT_PERSONAL' | 'TWO_LAWYERS';

export interface Capabilities {
  /** List the case's documents. */
  seeDocuments: boolean;
  /** Open a document's content (Denmark's pattern shows titles only). */
  readDocumentContent: boolean;
  /** Send new information and attachments. */
  submitInformation: boolean;
  /** Fill in the forms the agency asks for. */
  fillForms: boolean;
}

export interface AgencyPolicy {
  /** The lowest login assurance the agency's portal accepts. */
  minimumAssurance: Assurance;
  /** Roles through which a person may use the portal; cases through other roles do not exist for them. */
  roles: readonly ParticipantRole[];
  /** Roles the portal says "not yet" to: listed only through these, the person is told ROLE_NOT_SUPPORTED. */
  rolesNotYetSupported: readonly ParticipantRole[];
  /** A person under guardianship may not use the portal. */
  refuseWards: boolean;
  /** Nothing of the agency is shown, or fetched, before the person consents to use the portal. */
  requiresConsent: boolean;
  /** List rules: a case that no longer exists for the viewer (closed long ago, before a cut-off, …). */
  hides(c: { createdAt: string; closedAt: string | null }, now: Date): boolean;
  /**
   * Case rules, in order: each says why the case is closed to this viewer, or null; the first reason found
   * closes it. They look only at the viewer's registration, which the search may already report.
   */
  closures: readonly ((viewer: ViewerOnCase) => CaseClosure | null)[];
  capabilities(viewer: Pick<ViewerOnCase, 'role' | 'represented'>): Capabilities;
  /** A represented party sees only the documents they sent or received themselves. */
  representedPartySeesOwnDocumentsOnly: boolean;
}

/** What a case registers of one person in it (beyond their role): what its rules look at. */
export interface Registration {
  /** A party with a lawyer or proxy on the case: the representative is the agency's contact. */
  represented: boolean;
  hasMobile: boolean;
  hasEmail: boolean;
  /** Null when the agency does not say. */
  emailIsPersonal: boolean | null;
  /** Lawyers on the case, the person among them where they are one. */
  lawyersOnCase: number;
}

/** The viewer as a case lists them. */
export interface ViewerOnCase extends Registration {
  role: ParticipantRole;
}
