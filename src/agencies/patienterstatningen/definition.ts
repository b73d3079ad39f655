/**
 * Patienterstatningen and who may use its "Min sag": the claimant, and the surviving relatives who claim
 * after a death; attorneys and other representatives not yet (they use the case officer's e-mail). No
 * consent step (MitID login is the agreement), no refusal of people under guardianship. A represented
 * claimant follows the case and fills in forms, while the attorney sends the information. Closed claims
 * stay a year.
 */
import { labels } from '../../i18n.js';
import { closedMoreThanDaysAgo, FULL, READ_ONLY_WITH_FORMS } from '../../access/rules.js';
import type { AgencyDefinition } from '../kit/port.js';
import { patienterstatningenLabels } from './labels.js';

const CLOSED_CLAIMS_VISIBLE_DAYS = 365;

export const patienterstatningenDefinition: AgencyDefinition = {
  code: 'patienterstatningen',
  name: labels([
    'Patienterstatningen (Danmark)',
    'Patienterstatningen (Danmark)',
    'Patienterstatningen',
    'Danish Patient Compensation Association',
  ]),
  country: 'DK',
  identity: 'DK_CPR',
  policy: {
    minimumAssurance: 'substantial',
    roles: ['PARTY', 'BEREAVED'],
    rolesNotYetSupported: ['LAWYER', 'PROXY'],
    refuseWards: false,
    requiresConsent: false,
    hides: closedMoreThanDaysAgo(CLOSED_CLAIMS_VISIBLE_DAYS),
    closure: () => null,
    capabilities: (viewer) => (viewer.represented ? READ_ONLY_WITH_FORMS : FULL),
    representedPartySeesOwnDocumentsOnly: false,
  },
  notifyingSteps: [],
  labels: patienterstatningenLabels,
};
