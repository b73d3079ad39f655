/**
 * Who may see what, per agency: the stages of the rule, as pure functions. Each agency declares an
 * AgencyPolicy (in its adapter folder); this module evaluates it in three stages, from the cheapest to the
 * most informed, and src/access/person.ts — the only module that calls it — puts them together:
 *  1. the login alone (country, kind of national id, assurance) — before any agency call;
 *  2. the agency's search answer (guardianship, roles, list rules such as "closed over 90 days ago");
 *  3. the case itself (contact details registered, lawyers on the case, representation).
 * A refusal of the whole agency carries a reason a frontend can show; a case closed for a reason the
 * viewer can act on says so; a case hidden by rule simply does not exist for the viewer.
 */
import type {
  AgencyDefinition,
  AgencyPolicy,
  Capabilities,
  CaseClosure,
  CaseRecord,
  CaseRef,
  DocumentRecord,
  ParticipantRole,
  PersonListing,
  ViewerOnCase,
} from '../agencies/kit/port.js';
import { NO_CAPABILITIES } from './rules.js';
import { parseCpr, parseNorwegianId } from '../auth/national-id.js';
import { ASSURANCE_RANK, type Assurance, type Principal } from '../auth/principal.js';

/** Why a person may not use an agency's portal at all. */
export type AgencyRefusal =
  | 'OTHER_COUNTRY'
  | 'NO_NORWEGIAN_ID'
  | 'INVALID_NATIONAL_ID'
  | 'INSUFFICIENT_ASSURANCE'
  | 'HAS_GUARDIAN'
  | 'ROLE_NOT_SUPPORTED';

export type CaseDecision =
  | { visible: false }
  | {
      visible: true;
      role: ParticipantRole;
      /** A party with a lawyer or proxy on the case. */
      represented: boolean;
      closure: CaseClosure | null;
      capabilities: Capabilities;
      documentScope: 'ALL' | 'OWN';
    };

export interface Refusal {
  reason: AgencyRefusal;
  /** For INSUFFICIENT_ASSURANCE: the level a new login needs. */
  requiredAssurance?: Assurance;
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

/** 1. The login alone. */
export function refusalOfLogin(principal: Principal, agency: AgencyDefinition): Refusal | null {
  const scheme = principal.country === 'NO' ? 'NO_FODSELSNUMMER' : 'DK_CPR';
  if (scheme !== agency.identity) return { reason: 'OTHER_COUNTRY' };
  if (agency.identity === 'NO_FODSELSNUMMER') {
    const id = parseNorwegianId(principal.nationalId);
    if (!id) return { reason: 'INVALID_NATIONAL_ID' };
    // D-numbers are not fødselsnummer: the Norwegian portals do not admit them.
    if (id.kind !== 'FODSELSNUMMER') return { reason: 'NO_NORWEGIAN_ID' };
  } else if (!parseCpr(principal.nationalId)) {
    return { reason: 'INVALID_NATIONAL_ID' };
  }
  const required = agency.policy.minimumAssurance;
  if (ASSURANCE_RANK[principal.assurance] < ASSURANCE_RANK[required]) {
    return { reason: 'INSUFFICIENT_ASSURANCE', requiredAssurance: required };
  }
  return null;
}

/** Whether the agency asks this viewer for consent: it requires consent and serves the viewer's country. */
export function asksConsent(principal: Principal, agency: AgencyDefinition): boolean {
  return agency.policy.requiresConsent && refusalOfLogin(principal, agency)?.reason !== 'OTHER_COUNTRY';
}

/** 2. The agency's search answer: a refusal of the whole agency, or the cases that exist for the viewer. */
export function admitListing(
  listing: PersonListing,
  policy: AgencyPolicy,
  now: Date,
): { refusal: Refusal } | { refusal: null; cases: CaseRef[] } {
  if (policy.refuseWards && listing.underGuardianship) return { refusal: { reason: 'HAS_GUARDIAN' } };
  const byRole = listing.cases.filter((c) => policy.roles.includes(c.role));
  // Listed only through roles the portal does not support yet: say so rather than show an empty page.
  if (byRole.length === 0 && listing.cases.some((c) => policy.rolesNotYetSupported.includes(c.role))) {
    return { refusal: { reason: 'ROLE_NOT_SUPPORTED' } };
  }
  return { refusal: null, cases: byRole.filter((c) => !policy.hides(c, now)) };
}

function viewerOnCase(principal: Principal, record: CaseRecord, policy: AgencyPolicy): ViewerOnCase | null {
  const entries = record.participants.filter(
    (p) => p.nationalId === principal.nationalId && policy.roles.includes(p.role),
  );
  const role = ROLE_PRECEDENCE.find((r) => entries.some((e) => e.role === r));
  const entry = entries.find((e) => e.role === role);
  if (!role || !entry) return null;
  const represented =
    role === 'PARTY' && record.participants.some((p) => p.role === 'LAWYER' || p.role === 'PROXY');
  return {
    role,
    represented,
    hasMobile: Boolean(entry.mobile),
    hasEmail: Boolean(entry.email),
    emailIsPersonal: entry.emailIsPersonal,
    lawyersOnCase: record.participants.filter((p) => p.role === 'LAWYER').length,
  };
}

/** The first reason the policy's case rules find to close the case to the viewer, or null. */
function closureOf(policy: AgencyPolicy, viewer: ViewerOnCase): CaseClosure | null {
  for (const rule of policy.closures) {
    const closure = rule(viewer);
    if (closure) return closure;
  }
  return null;
}

/**
 * 2½. Whether the search answer already shows a listed case open to the viewer with its documents theirs to
 * see — the case rules pass on the registration the search reports, or the agency has no case rules — so
 * that the documents may be fetched together with the case. The case itself still decides what is shown.
 */
export function listedWithDocuments(ref: CaseRef, policy: AgencyPolicy): boolean {
  if (ref.registration)
    return (
      closureOf(policy, { role: ref.role, ...ref.registration }) === null &&
      policy.capabilities({ role: ref.role, represented: ref.registration.represented }).seeDocuments
    );
  // Without a registration, only rules that cannot close the case, and documents either way.
  return (
    policy.closures.length === 0 &&
    [true, false].every((represented) => policy.capabilities({ role: ref.role, represented }).seeDocuments)
  );
}

/** Whether the case shows the viewer as a party under guardianship (for a look-up by id, without a search). */
function showsWardship(principal: Principal, record: CaseRecord): boolean {
  return (
    record.participants.some((p) => p.nationalId === principal.nationalId && p.role === 'PARTY') &&
    record.participants.some((p) => p.role === 'GUARDIAN')
  );
}

/** A case as the rule leaves it: seen, with what rights, or refused and why. */
export type CaseAccess =
  | { record: CaseRecord; decision: VisibleDecision }
  | { refused: AgencyRefusal | 'CONSENT_REQUIRED' | 'NOT_FOUND' };

export type VisibleDecision = Extract<CaseDecision, { visible: true }>;

/**
 * 3. The case itself, whichever way it was reached: it must exist for the viewer, and a party the case
 * shows under guardianship is refused where the agency refuses wards (a look-up by id has no search answer
 * to tell it so).
 */
export function admitCase(
  principal: Principal,
  record: CaseRecord | null,
  agency: AgencyDefinition,
  now: Date,
): CaseAccess {
  const decision = record && decideCase(principal, record, agency.policy, now);
  if (!record || !decision?.visible) return { refused: 'NOT_FOUND' };
  if (agency.policy.refuseWards && showsWardship(principal, record)) return { refused: 'HAS_GUARDIAN' };
  return { record, decision };
}

/** The viewer's relation to the case, and what the agency's policy makes of it. */
function decideCase(principal: Principal, record: CaseRecord, policy: AgencyPolicy, now: Date): CaseDecision {
  const viewer = viewerOnCase(principal, record, policy);
  if (!viewer || policy.hides(record, now)) return { visible: false };
  const closure = closureOf(policy, viewer);
  return {
    visible: true,
    role: viewer.role,
    represented: viewer.represented,
    closure,
    capabilities: closure ? NO_CAPABILITIES : policy.capabilities(viewer),
    documentScope: viewer.represented && policy.representedPartySeesOwnDocumentsOnly ? 'OWN' : 'ALL',
  };
}

/** Internal notes (Noark N/X) never leave the agency; a restricted scope keeps only the viewer's own. */
export function visibleDocuments(
  documents: readonly DocumentRecord[],
  scope: 'ALL' | 'OWN',
  principal: Principal,
): DocumentRecord[] {
  return documents.filter(
    (d) => d.direction !== 'INTERNAL' && (scope === 'ALL' || d.counterpartyId === principal.nationalId),
  );
}
