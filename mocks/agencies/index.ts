/** Look-ups one mock agency needs over its slice of the world. */
import { DOCUMENT_ID } from '../seed/generate.js';
import type { AgencyCode, MockCase, MockDocument, MockRole, World } from '../seed/model.js';
import { documentSize } from './documents.js';

export interface Listing {
  record: MockCase;
  role: MockRole;
}

/** Ids of documents journaled while running, above the seed's. */
let liveDocuments = 9_000_000;

export class AgencyIndex {
  readonly byNumber = new Map<string, MockCase>();
  readonly byPerson = new Map<string, Listing[]>();
  readonly documents = new Map<string, { record: MockCase; doc: MockDocument }>();

  constructor(world: World, agency: AgencyCode) {
    for (const record of world.cases[agency]) {
      this.byNumber.set(record.caseNumber, record);
      for (const participant of record.participants) {
        const list = this.byPerson.get(participant.nationalId) ?? [];
        list.push({ record, role: participant.role });
        this.byPerson.set(participant.nationalId, list);
      }
      for (const doc of record.documents) this.documents.set(doc.id, { record, doc });
    }
    // Newest first, as the agencies' own search pages list them.
    for (const list of this.byPerson.values()) {
      list.sort(
        (a, b) =>
          b.record.updatedAt.localeCompare(a.record.updatedAt) ||
          a.record.caseNumber.localeCompare(b.record.caseNumber),
      );
    }
  }

  /** A document the agency journals while running (a letter it sends, something it receives), with a new id. */
  addDocument(
    record: MockCase,
    fields: Omit<MockDocument, 'id' | 'caseNumber' | 'sizeBytes' | 'scannedBytes'>,
  ): MockDocument {
    const doc: MockDocument = {
      ...fields,
      id: DOCUMENT_ID[record.agency](++liveDocuments, record.caseNumber),
      caseNumber: record.caseNumber,
      sizeBytes: 0,
      scannedBytes: 0,
    };
    doc.sizeBytes = documentSize(record, doc);
    record.documents.push(doc);
    this.documents.set(doc.id, { record, doc });
    return doc;
  }

  listFor(nationalId: string): Listing[] {
    return this.byPerson.get(nationalId) ?? [];
  }

  /**
   * Whether the person is under guardianship, as the agency learns it from the guardianship register
   * (here: a guardian is listed on one of their cases).
   */
  hasGuardian(nationalId: string): boolean {
    return this.listFor(nationalId).some(
      ({ record, role }) => role === 'PARTY' && record.participants.some((p) => p.role === 'GUARDIAN'),
    );
  }

  /**
   * What the case registers of a person in a role, as a search answer reports it beside their role: whether
   * contact details are there (never the details), whether a party is represented, how many lawyers.
   */
  registrationOf({ record, role }: Listing, nationalId: string) {
    const entry = record.participants.find((p) => p.nationalId === nationalId && p.role === role);
    const lawyers = record.participants.filter((p) => p.role === 'LAWYER').length;
    return {
      represented:
        role === 'PARTY' && record.participants.some((p) => p.role === 'LAWYER' || p.role === 'PROXY'),
      hasMobile: Boolean(entry?.mobile),
      hasEmail: Boolean(entry?.email),
      emailIsPersonal: entry?.emailIsPersonal ?? null,
      lawyers,
    };
  }

  /** The code of the step in progress, or of the last step when the case is finished. */
  currentStep(record: MockCase): string | undefined {
    return (record.steps.find((s) => s.state === 'CURRENT') ?? record.steps[record.steps.length - 1])?.code;
  }
}
