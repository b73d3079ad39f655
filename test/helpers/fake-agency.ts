/**
 * An agency in memory, for testing the gateway's rules without sockets: the port implemented over a list
 * of case records, answering the way the mock agencies do (a person is listed through each case they are
 * on; "under guardianship" when they are a party to a case with a guardian, where the agency says so), and
 * counting what it was asked. `down` makes every call fail as an unreachable agency does.
 */
import type {
  AgencyAdapter,
  AgencyDefinition,
  CaseRecord,
  DocumentRecord,
  ParticipantRecord,
  PersonListing,
} from '../../src/agencies/kit/port.js';
import { UpstreamError } from '../../src/errors.js';

export interface FakeAgencyCalls {
  casesForPerson: number;
  getCases: number;
  getDocuments: number;
  submitInformation: string[];
  submitForm: string[];
}

export class FakeAgency implements AgencyAdapter {
  readonly calls: FakeAgencyCalls = {
    casesForPerson: 0,
    getCases: 0,
    getDocuments: 0,
    submitInformation: [],
    submitForm: [],
  };
  down = false;
  readonly #received = new Map<string, string>();

  constructor(
    readonly definition: AgencyDefinition,
    readonly cases: CaseRecord[],
  ) {}

  #answer(): void {
    if (this.down)
      throw new UpstreamError(
        this.definition.code,
        'UNREACHABLE',
        `${this.definition.code} cannot be reached`,
      );
  }

  async casesForPerson(nationalId: string): Promise<PersonListing> {
    this.calls.casesForPerson++;
    this.#answer();
    const theirs = this.cases.flatMap((c) =>
      c.participants.filter((p) => p.nationalId === nationalId).map((p) => ({ record: c, role: p.role })),
    );
    return {
      cases: theirs.map(({ record, role }) => ({
        caseNumber: record.caseNumber,
        role,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        closedAt: record.closedAt,
      })),
      underGuardianship:
        this.definition.country === 'NO'
          ? theirs.some(
              ({ record, role }) =>
                role === 'PARTY' && record.participants.some((p) => p.role === 'GUARDIAN'),
            )
          : null,
    };
  }

  async getCases(caseNumbers: readonly string[]): Promise<(CaseRecord | null)[]> {
    this.calls.getCases++;
    this.#answer();
    return caseNumbers.map((n) => this.cases.find((c) => c.caseNumber === n) ?? null);
  }

  async getDocuments(caseNumbers: readonly string[]): Promise<(DocumentRecord[] | null)[]> {
    this.calls.getDocuments++;
    this.#answer();
    return caseNumbers.map((n) => (this.cases.some((c) => c.caseNumber === n) ? [] : null));
  }

  async documentContent() {
    this.#answer();
    return null;
  }

  async submitInformation(caseNumber: string, submission: { submissionId: string }) {
    this.#answer();
    this.calls.submitInformation.push(submission.submissionId);
    const receipt = `${caseNumber}/${this.#received.size + 1}`;
    this.#received.set(submission.submissionId, receipt);
    return { receipt };
  }

  async submitForm(caseNumber: string, _formId: string, submission: { submissionId: string }) {
    this.#answer();
    this.calls.submitForm.push(submission.submissionId);
    const receipt = `${caseNumber}/${this.#received.size + 1}`;
    this.#received.set(submission.submissionId, receipt);
    return { receipt };
  }

  async findSubmission(_caseNumber: string, submissionId: string) {
    this.#answer();
    const receipt = this.#received.get(submissionId);
    return receipt ? { receipt } : null;
  }

  async formDefinitions() {
    this.#answer();
    return [];
  }

  parseEvent() {
    return null;
  }

  async health() {
    this.#answer();
  }

  async close() {}
}

/** A participant as agencies register them: contact details unless told otherwise. */
export function participant(
  role: ParticipantRecord['role'],
  nationalId: string,
  contact: Partial<Pick<ParticipantRecord, 'mobile' | 'email' | 'emailIsPersonal'>> = {},
): ParticipantRecord {
  return {
    role,
    nationalId,
    name: `${role.toLowerCase()} ${nationalId.slice(-4)}`,
    mobile: '+4791234567',
    email: `${nationalId.slice(-4)}@example.no`,
    emailIsPersonal: true,
    organisation: role === 'LAWYER' ? 'Advokatfirma Eksempel AS' : null,
    ...contact,
  };
}

/** A case in progress (or closed `closedDaysAgo` days before `now`), with the participants given. */
export function caseRecord(
  agency: AgencyDefinition,
  caseNumber: string,
  participants: ParticipantRecord[],
  now: Date,
  closedDaysAgo: number | null = null,
): CaseRecord {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  return {
    agency: agency.code,
    caseNumber,
    caseType: 'TREATMENT',
    title: `Sak ${caseNumber}`,
    status: closedDaysAgo === null ? 'IN_PROGRESS' : 'CLOSED',
    agencyStatus: null,
    firstInstance: null,
    createdAt: daysAgo(400),
    updatedAt: daysAgo(closedDaysAgo ?? 10),
    closedAt: closedDaysAgo === null ? null : daysAgo(closedDaysAgo),
    expectedDecisionAt: null,
    timeline: [],
    participants,
    outcome: null,
    related: [],
    awaitingForms: [],
  };
}
