/**
 * Helseklage and who may use its Min side (helseklage.no): the party with a Norwegian fødselsnummer and a
 * mobile number registered in the case; a represented party reads and fills forms while the representative
 * sends documents; lawyers with their own national id and a direct e-mail; proxies, guardians and the
 * bereaved. Nobody under guardianship, and no case with two lawyers.
 */
import { labels } from '../../i18n.js';
import {
  firstClosure,
  FULL,
  lawyerWithoutPersonalEmail,
  partyWithoutMobile,
  READ_ONLY_WITH_FORMS,
  twoLawyers,
} from '../../access/rules.js';
import type { AgencyDefinition } from '../kit/port.js';
import { helseklageLabels } from './labels.js';

export const helseklageDefinition: AgencyDefinition = {
  code: 'helseklage',
  name: labels([
    'Nasjonalt klageorgan for helsetjenesten (Helseklage)',
    'Nasjonalt klageorgan for helsetenesta (Helseklage)',
    'Nasjonalt klageorgan for helsetjenesten (Helseklage, Norge)',
    'National Office for Health Service Appeals (Helseklage)',
  ]),
  country: 'NO',
  identity: 'NO_FODSELSNUMMER',
  policy: {
    minimumAssurance: 'substantial',
    roles: ['PARTY', 'LAWYER', 'PROXY', 'GUARDIAN', 'BEREAVED'],
    rolesNotYetSupported: [],
    refuseWards: true,
    requiresConsent: true,
    hides: () => false,
    closure: (record, viewer) =>
      firstClosure(
        partyWithoutMobile(viewer),
        twoLawyers(record, viewer),
        lawyerWithoutPersonalEmail(viewer),
      ),
    capabilities: (viewer) => (viewer.represented ? READ_ONLY_WITH_FORMS : FULL),
    representedPartySeesOwnDocumentsOnly: false,
  },
  notifyingSteps: ['PROCESSING_STARTED'],
  labels: helseklageLabels,
};
