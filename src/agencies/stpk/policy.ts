/**
 * STPK on borger.dk's Mit Overblik: only the citizen's own cases as primary party, never a child's case,
 * no proxies yet (a power-of-attorney solution is coming), only cases created on or after the launch
 * cut-off, a simple timeline and document titles only.
 */
import type { AgencyPolicy } from '../kit/port.js';
import { createdBefore, OVERVIEW_ONLY } from '../../access/rules.js';

export function stpkPolicy(cutoff: string): AgencyPolicy {
  return {
    minimumAssurance: 'substantial',
    roles: ['PARTY'],
    rolesNotYetSupported: ['PROXY'],
    refuseWards: false,
    requiresConsent: false,
    hides: createdBefore(cutoff),
    closure: () => null,
    capabilities: () => OVERVIEW_ONLY,
    representedPartySeesOwnDocumentsOnly: false,
  };
}
