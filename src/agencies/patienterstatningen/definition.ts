/**
 * Patienterstatningen and who may use its "Min sag": the claimant, and the surviving relatives who claim
 * after a death; attorneys and other representatives not yet (they use the case officer's e-mail). No
 * consent step (MitID login is the agreement), no refusal of people under guardianship. A represented
 * claimant follows the case and fills in forms, while the attorney sends the information. Closed claims
 * stay a year.
 */
import { labels } from '../../i18n.js';
import { closedMoreThanDaysAgo, FULL, READ_ONLY_WITH_FORMS } from '../../access/rules.js';
import { appealTo } from '../kit/appeals.js';
import type { AgencyDefinition } from '../kit/port.js';
import { patienterstatningenLabels } from './labels.js';

const CLOSED_CLAIMS_VISIBLE_DAYS = 365;

/**
 * Patienterstatningen's decisions are appealed to Ankenævnet for Patienterstatningen within three months,
 * through Patienterstatningen, which reconsiders first (klage- og erstatningsloven § 58).
 */
const TO_THE_APPEALS_BOARD = appealTo(
  labels([
    'Ankenævnet for Patienterstatningen',
    'Ankenævnet for Patienterstatningen',
    'Ankenævnet for Patienterstatningen',
    'the Patient Compensation Appeals Board (Ankenævnet)',
  ]),
  { months: 3 },
  labels([
    'Send anken til Patienterstatningen innen fristen, og skriv hva du er uenig i. Patienterstatningen vurderer saken på nytt og sender den til Ankenævnet hvis avgjørelsen blir stående.',
    'Send anken til Patienterstatningen innan fristen, og skriv kva du er ueinig i. Patienterstatningen vurderer saka på nytt og sender ho til Ankenævnet dersom avgjerda blir ståande.',
    'Send anken til Patienterstatningen inden fristen, og skriv, hvad du er uenig i. Patienterstatningen genvurderer sagen og sender den til Ankenævnet, hvis afgørelsen fastholdes.',
    'Send your appeal to Patienterstatningen by the deadline, saying what you disagree with. Patienterstatningen reconsiders the case and forwards it to the board if the decision stands.',
  ]),
);

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
    closures: [],
    capabilities: (viewer) => (viewer.represented ? READ_ONLY_WITH_FORMS : FULL),
    representedPartySeesOwnDocumentsOnly: false,
  },
  notifyingSteps: [],
  labels: patienterstatningenLabels,
  appeals: {
    decisionSteps: ['AFGOERELSE', 'ERSTATNINGSAFGOERELSE'],
    appealedSteps: ['ANKE_MODTAGET'],
    appealBodies: ['ANKENAEVNET_FOR_PATIENTERSTATNINGEN'],
    route: () => TO_THE_APPEALS_BOARD,
  },
};
