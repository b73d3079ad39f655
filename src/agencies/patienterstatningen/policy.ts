/**
 * Patienterstatningen's "Min sag": the claimant, and the surviving relatives who claim after a death;
 * attorneys and other representatives not yet (they use the case officer's e-mail). No consent step
 * (MitID login is the agreement), no refusal of people under guardianship. A represented claimant
 * follows the case and fills in forms, while the attorney sends the information. Closed claims stay a year.
 */
import type { AgencyPolicy } from '../kit/port.js';
import { closedMoreThanDaysAgo, FULL, READ_ONLY_WITH_FORMS } from '../../access/rules.js';

export const PATIENTERSTATNINGEN_CLOSED_CLAIMS_VISIBLE_DAYS = 365;

export const patienterstatningenPolicy: AgencyPolicy = {
  minimumAssurance: 'substantial',
  roles: ['PARTY', 'BEREAVED'],
  rolesNotYetSupported: ['LAWYER', 'PROXY'],
  refuseWards: false,
  requiresConsent: false,
  hides: closedMoreThanDaysAgo(PATIENTERSTATNINGEN_CLOSED_CLAIMS_VISIBLE_DAYS),
  closure: () => null,
  capabilities: (viewer) => (viewer.represented ? READ_ONLY_WITH_FORMS : FULL),
  representedPartySeesOwnDocumentsOnly: false,
};
