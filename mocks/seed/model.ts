/**
 * The mock agencies' shared world, dialect-neutral. Each mock server renders its own slice of it in its
 * own API dialect, the way three unrelated case systems would.
 */
/** The agencies the mocks imitate, in the order the gateway lists them. */
export const AGENCY_CODES = ['npe', 'helseklage', 'stpk', 'patienterstatningen'] as const;
export type AgencyCode = (typeof AGENCY_CODES)[number];

export interface MockPerson {
  nationalId: string;
  idKind: 'fnr' | 'dnr' | 'cpr';
  givenName: string;
  familyName: string;
  birthDate: string;
  mobile: string | null;
  email: string | null;
  deceased: boolean;
}

/** The roles an agency lists a person with on a case, in our words; each mock translates them. */
export type MockRole = 'PARTY' | 'LAWYER' | 'PROXY' | 'GUARDIAN' | 'BEREAVED' | 'CUSTODY_HOLDER';

export interface MockParticipant {
  nationalId: string;
  role: MockRole;
  name: string;
  /** Contact details as registered in the case, which may differ from what the person has elsewhere. */
  mobile: string | null;
  email: string | null;
  /** A lawyer's e-mail is personal (not a shared inbox such as post@firm). */
  emailIsPersonal: boolean;
  organisation: string | null;
}

export type StepState = 'COMPLETED' | 'CURRENT' | 'UPCOMING';

export interface MockStep {
  code: string;
  state: StepState;
  completedAt: string | null;
  expectedAt: string | null;
}

/** Noark journal types: I incoming, U outgoing, N and X internal notes that never leave the agency. */
export type JournalType = 'I' | 'U' | 'N' | 'X';

export interface MockDocument {
  id: string;
  caseNumber: string;
  title: string;
  journalType: JournalType;
  date: string;
  commentDeadline: string | null;
  /** National id of the person on the case who sent (I) or received (U) it; null for third parties. */
  counterpartyId: string | null;
  fileName: string;
  sizeBytes: number;
  /** A scanned document's image data, in bytes (0 for a letter). */
  scannedBytes: number;
  /** A decision is also delivered to the party's digital mailbox, as the agencies still do: which, and when. */
  digitalMailbox?: { mailbox: DigitalMailbox; at: string } | null;
}

/** The public sector's digital mailboxes: Digipost or e-Boks in Norway (the person's choice), Digital Post in Denmark. */
export type DigitalMailbox = 'DIGIPOST' | 'E_BOKS' | 'DIGITAL_POST';

export interface CaseLink {
  agency: AgencyCode;
  caseNumber: string;
}

export interface MockCase {
  agency: AgencyCode;
  caseNumber: string;
  caseType: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  expectedDecisionAt: string | null;
  steps: MockStep[];
  participants: MockParticipant[];
  documents: MockDocument[];
  /** Outcome code once decided (agency-specific vocabulary), else null. */
  outcome: string | null;
  /** NPE: the compensation decided (NOK), once the amount decision is made. */
  compensationNok: number | null;
  decidedAt: string | null;
  /** The case this one appeals (Helseklage → NPE, STPK → Patienterstatningen). */
  appealOf: CaseLink | null;
  /** The appeal case this one was forwarded to (NPE → Helseklage, Patienterstatningen → STPK). */
  appealedTo: CaseLink | null;
  /** Helseklage: the first-instance body; STPK: the place or professional complained about; NPE: medical area. */
  subject: string;
  /** The agency's case officer. Agencies send it; the graph never shows it. */
  caseworker: string;
  /** Forms whose answers the agency has received (by form id): no longer awaited. Filled while running. */
  answeredForms?: string[];
}

export interface World {
  referenceDate: string;
  persons: Map<string, MockPerson>;
  cases: Record<AgencyCode, MockCase[]>;
}
