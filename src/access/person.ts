/**
 * The one implementation of "may this person see this case, and do what with it". Every path that asks
 * goes through a Person: a request's viewer (src/access/viewer.ts, a Person with loaders) for a look-up by
 * id and for the case list, and a person away from any request for the audience of an agency's event and
 * for the delivery of a submission later. Each path supplies what it knows — the agency's search answer
 * when it has one, the case record — and the stages of policy.ts are applied in one order: the login,
 * consent, the search answer, the case itself (wardship included). Nothing of an agency is fetched before
 * the login and consent allow it.
 */
import type {
  AgencyAdapter,
  AgencyDefinition,
  Capabilities,
  CaseRecord,
  CaseRef,
  DocumentRecord,
  ParticipantRecord,
  PersonListing,
} from '../agencies/kit/port.js';
import type { Assurance, Principal } from '../auth/principal.js';
import type { AgencyConsent } from '../consent/consents.js';
import {
  admitCase,
  admitListing,
  asksConsent,
  listedWithDocuments,
  refusalOfLogin,
  visibleDocuments,
  type AgencyRefusal,
  type CaseAccess,
  type Refusal,
  type VisibleDecision,
} from './policy.js';

export type { AgencyRefusal, CaseAccess, Refusal, VisibleDecision } from './policy.js';

/** The consents of one person, by agency code (read from the records store). */
export type ConsentsOf = () => Promise<ReadonlyMap<string, AgencyConsent>>;

/** Whether a person may use an agency's portal, and if so which of its cases exist for them. */
export type AgencyAdmission =
  | { refused: AgencyRefusal | 'CONSENT_REQUIRED'; requiredAssurance: Assurance | null }
  | { refused: null; cases: CaseRef[] };

/** What may be done with a case, by name: the policy's capability and, where it takes one, the adapter's operation. */
const CAPABILITIES = {
  'case:seeDocuments': { granted: 'seeDocuments', operation: null },
  'case:readDocumentContent': { granted: 'readDocumentContent', operation: null },
  'case:submitInformation': { granted: 'submitInformation', operation: 'submitInformation' },
  'case:uploadAttachment': { granted: 'submitInformation', operation: 'uploadAttachment' },
  'case:fillForms': { granted: 'fillForms', operation: 'submitForm' },
} as const satisfies Record<
  string,
  { granted: keyof Capabilities; operation: 'submitInformation' | 'uploadAttachment' | 'submitForm' | null }
>;

export type Capability = keyof typeof CAPABILITIES;

/** A case with the rule's decision for one person (a CaseView is one). */
export interface DecidedCase {
  definition: AgencyDefinition;
  decision: VisibleDecision;
}

export class Person {
  #consents: ReturnType<ConsentsOf> | undefined;

  constructor(
    readonly principal: Principal,
    private readonly consentsOf: ConsentsOf,
  ) {}

  /** The person's consents, read at most once. */
  consents(): ReturnType<ConsentsOf> {
    return (this.#consents ??= this.consentsOf());
  }

  /** Their consent at an agency; null where none was ever recorded. */
  async consentAt(agency: string): Promise<AgencyConsent | null> {
    return (await this.consents()).get(agency) ?? null;
  }

  /** Whether the agency asks this person for consent: it requires consent and serves their country. */
  asksConsent(agency: AgencyDefinition): boolean {
    return asksConsent(this.principal, agency);
  }

  /** Why the login alone keeps this person out of the agency's portal, or null. */
  loginRefusal(agency: AgencyDefinition): Refusal | null {
    return refusalOfLogin(this.principal, agency);
  }

  /** Whether what the agency said may be shown to the person now: it does not ask consent, or they gave it. */
  async seesAgency(agency: AgencyDefinition): Promise<boolean> {
    return !this.asksConsent(agency) || ((await this.consentAt(agency.code))?.portal ?? false);
  }

  /** Stages 1 and 2: the login, consent, then the agency's search answer (fetched only if those allow it). */
  async admission(
    agency: AgencyDefinition,
    listing: () => Promise<PersonListing>,
    now: Date,
  ): Promise<AgencyAdmission> {
    const refusal = this.loginRefusal(agency);
    if (refusal) return { refused: refusal.reason, requiredAssurance: refusal.requiredAssurance ?? null };
    if (await this.#consentMissing(agency)) return { refused: 'CONSENT_REQUIRED', requiredAssurance: null };
    const admitted = admitListing(await listing(), agency.policy, now);
    if (admitted.refusal) return { refused: admitted.refusal.reason, requiredAssurance: null };
    return { refused: null, cases: admitted.cases };
  }

  /**
   * One case. `admission` is the agency's admission where the path has the search answer (the list, an
   * event's audience): a case it does not list does not exist for the person. A look-up by id and a
   * delivery have none; then the login and consent are checked here, and the case itself shows a wardship.
   * Another country's agency has no cases for this login at all: NOT_FOUND rather than a refusal.
   */
  async caseAccess(
    agency: AgencyDefinition,
    caseNumber: string,
    record: () => Promise<CaseRecord | null>,
    now: Date,
    admission: AgencyAdmission | null = null,
  ): Promise<CaseAccess> {
    if (admission) {
      if (admission.refused) return { refused: notFoundIfOtherCountry(admission.refused) };
      if (!admission.cases.some((c) => c.caseNumber === caseNumber)) return { refused: 'NOT_FOUND' };
    } else {
      const refusal = this.loginRefusal(agency);
      if (refusal) return { refused: notFoundIfOtherCountry(refusal.reason) };
      if (await this.#consentMissing(agency)) return { refused: 'CONSENT_REQUIRED' };
    }
    return admitCase(this.principal, await record(), agency, now);
  }

  /**
   * Whether the search answer already shows a listed case open to the person with its documents theirs to
   * see, so that they may be fetched with the case (which still decides what is shown).
   */
  seesDocumentsOfListed(agency: AgencyDefinition, ref: CaseRef): boolean {
    return listedWithDocuments(ref, agency.policy);
  }

  /** Whether the decision grants the capability and the agency's adapter can carry it out. */
  may(capability: Capability, decided: DecidedCase, adapter: AgencyAdapter | undefined): boolean {
    const { granted, operation } = CAPABILITIES[capability];
    return (
      decided.decision.capabilities[granted] && (operation === null || adapter?.[operation] !== undefined)
    );
  }

  /** The case's documents the person may see: never internal notes, and only their own where the scope says so. */
  visibleDocuments(documents: readonly DocumentRecord[], decided: DecidedCase): DocumentRecord[] {
    return visibleDocuments(documents, decided.decision.documentScope, this.principal);
  }

  async #consentMissing(agency: AgencyDefinition): Promise<boolean> {
    return agency.policy.requiresConsent && !((await this.consentAt(agency.code))?.portal ?? false);
  }
}

function notFoundIfOtherCountry(
  refused: AgencyRefusal | 'CONSENT_REQUIRED',
): AgencyRefusal | 'CONSENT_REQUIRED' | 'NOT_FOUND' {
  return refused === 'OTHER_COUNTRY' ? 'NOT_FOUND' : refused;
}

/**
 * A participant of a case, away from any request (an event's audience): the agency's own registration of
 * them stands in for a login, so the login's rules are those of the agency's country at the highest level.
 */
export function registeredParticipant(
  definition: AgencyDefinition,
  participant: ParticipantRecord,
  consentsOf: ConsentsOf,
): Person {
  return new Person(
    {
      provider: definition.country === 'NO' ? 'idporten' : 'mitid',
      issuer: '',
      country: definition.country,
      nationalId: participant.nationalId,
      assurance: 'high',
      expiresAt: 0,
    },
    consentsOf,
  );
}
