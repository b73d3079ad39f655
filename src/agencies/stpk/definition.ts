/**
 * STPK and who may use borger.dk's Mit Overblik: only the citizen's own cases as primary party, never a
 * child's case, no proxies yet (a power-of-attorney solution is coming), only cases created on or after
 * the launch cut-off (a setting: STPK_CUTOFF_DATE), a simple timeline and document titles only.
 */
import { labels } from '../../i18n.js';
import { createdBefore, OVERVIEW_ONLY } from '../../access/rules.js';
import type { AgencyDefinition } from '../kit/port.js';
import { stpkLabels } from './labels.js';

/** STPK as the graph knows it, showing cases created on or after `cutoff` (YYYY-MM-DD). */
export function stpkDefinition(cutoff: string): AgencyDefinition {
  return {
    code: 'stpk',
    name: labels([
      'Styrelsen for Patientklager (Danmark)',
      'Styrelsen for Patientklager (Danmark)',
      'Styrelsen for Patientklager',
      'Danish Agency for Patient Complaints',
    ]),
    country: 'DK',
    identity: 'DK_CPR',
    policy: {
      minimumAssurance: 'substantial',
      roles: ['PARTY'],
      rolesNotYetSupported: ['PROXY'],
      refuseWards: false,
      requiresConsent: false,
      hides: createdBefore(cutoff),
      closure: () => null,
      capabilities: () => OVERVIEW_ONLY,
      representedPartySeesOwnDocumentsOnly: false,
    },
    notifyingSteps: [],
    labels: stpkLabels,
  };
}
