/**
 * Who may see what. For now a person sees exactly the cases in which an agency lists them with a role,
 * at agencies that key persons on their kind of national id, and never an agency's internal documents.
 * The full per-agency rule set (eligibility, consent, field rules) grows here.
 */
import type {
  AgencyDefinition,
  CaseRecord,
  DocumentRecord,
  IdentityScheme,
  ParticipantRole,
} from '../agencies/port.js';
import type { Principal } from '../auth/principal.js';

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

const SCHEME_OF_COUNTRY: Record<Principal['country'], IdentityScheme> = {
  NO: 'NO_FODSELSNUMMER',
  DK: 'DK_CPR',
};

export function eligibility(principal: Principal, agency: AgencyDefinition): Eligibility {
  if (SCHEME_OF_COUNTRY[principal.country] !== agency.identity)
    return { eligible: false, reason: 'OTHER_COUNTRY' };
  return { eligible: true };
}

/** When a person holds several roles on one case, the strongest relation decides. */
const ROLE_PRECEDENCE: readonly ParticipantRole[] = [
  'PARTY',
  'LAWYER',
  'PROXY',
  'GUARDIAN',
  'BEREAVED',
  'CUSTODY_HOLDER',
];

/** The viewer's role in a case, or null when the agency does not list them: then the case does not exist for them. */
export function viewerRole(principal: Principal, record: CaseRecord): ParticipantRole | null {
  const roles = new Set(
    record.participants.filter((p) => p.nationalId === principal.nationalId).map((p) => p.role),
  );
  return ROLE_PRECEDENCE.find((role) => roles.has(role)) ?? null;
}

export interface Capabilities {
  seeDocuments: boolean;
}

export function capabilities(_role: ParticipantRole): Capabilities {
  return { seeDocuments: true };
}

/** Internal notes (Noark N/X) never leave the agency, whatever the viewer's role. */
export function visibleDocuments(documents: readonly DocumentRecord[]): DocumentRecord[] {
  return documents.filter((d) => d.direction !== 'INTERNAL');
}
