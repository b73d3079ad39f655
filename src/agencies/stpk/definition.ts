/**
 * STPK and who may use borger.dk's Mit Overblik: only the citizen's own cases as primary party, never a
 * child's case, no proxies yet (a power-of-attorney solution is coming), only cases created on or after
 * the launch cut-off (a setting: STPK_CUTOFF_DATE), a simple timeline and document titles only.
 */
import { labels } from '../../i18n.js';
import { createdBefore, OVERVIEW_ONLY } from '../../access/rules.js';
import { courtsOnly } from '../kit/appeals.js';
import type { AgencyDefinition } from '../kit/port.js';
import { stpkLabels } from './labels.js';

/**
 * STPK's decisions, and its boards', cannot be appealed to another authority: only the courts can try them.
 * Ankenævnet for Patienterstatningen's decisions within six months (klage- og erstatningsloven § 58).
 */
const COMPENSATION_BOARD_TO_COURT = courtsOnly(
  { months: 6 },
  labels([
    'Ankenævnets avgjørelse kan ikke klages på. Er du uenig, kan du reise sak for domstolene innen seks måneder etter at du fikk avgjørelsen.',
    'Avgjerda til Ankenævnet kan ikkje påklagast. Er du ueinig, kan du reise sak for domstolane innan seks månader etter at du fekk avgjerda.',
    'Ankenævnets afgørelse kan ikke påklages. Er du uenig, kan du indbringe den for domstolene inden seks måneder, efter at du har fået afgørelsen.',
    'The appeals board’s decision cannot be appealed. If you disagree, you can take it to court within six months of receiving it.',
  ]),
);

const FINAL_TO_COURT = courtsOnly(
  null,
  labels([
    'Avgjørelsen kan ikke klages inn for en annen myndighet. Er du uenig, kan du bringe den inn for domstolene.',
    'Avgjerda kan ikkje klagast inn for ei anna styresmakt. Er du ueinig, kan du bringe ho inn for domstolane.',
    'Afgørelsen kan ikke påklages til anden administrativ myndighed. Er du uenig, kan du indbringe den for domstolene.',
    'The decision cannot be appealed to another authority. If you disagree, you can take it to court.',
  ]),
);

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
      closures: [],
      capabilities: () => OVERVIEW_ONLY,
      representedPartySeesOwnDocumentsOnly: false,
    },
    notifyingSteps: [],
    labels: stpkLabels,
    appeals: {
      decisionSteps: ['AFGOERELSE'],
      appealedSteps: [],
      appealBodies: [],
      route: (record) =>
        record.caseType === 'ERSTATNINGSANKE' ? COMPENSATION_BOARD_TO_COURT : FINAL_TO_COURT,
    },
  };
}
