/**
 * NPE and who may use its Mi side (npe.no): the injured person, lawyers and proxies (since August 2023);
 * bereaved, parents and guardians not yet; nobody under guardianship. A represented party sees only the
 * documents they sent or received themselves. Closed cases disappear 90 days after closing. Lawyers
 * register national id, e-mail and phone.
 */
import { labels } from '../../i18n.js';
import {
  closedMoreThanDaysAgo,
  FULL,
  lawyerWithoutContact,
  READ_ONLY_WITH_FORMS,
} from '../../access/rules.js';
import type { AgencyDefinition } from '../kit/port.js';
import { npeLabels } from './labels.js';

const CLOSED_CASES_VISIBLE_DAYS = 90;

export const npeDefinition: AgencyDefinition = {
  code: 'npe',
  name: labels([
    'Norsk pasientskadeerstatning',
    'Norsk pasientskadeerstatning',
    'Norsk pasientskadeerstatning (Norge)',
    'Norwegian System of Patient Injury Compensation',
  ]),
  country: 'NO',
  identity: 'NO_FODSELSNUMMER',
  policy: {
    minimumAssurance: 'high',
    roles: ['PARTY', 'LAWYER', 'PROXY'],
    rolesNotYetSupported: ['GUARDIAN', 'BEREAVED', 'CUSTODY_HOLDER'],
    refuseWards: true,
    requiresConsent: true,
    hides: closedMoreThanDaysAgo(CLOSED_CASES_VISIBLE_DAYS),
    closure: (_record, viewer) => lawyerWithoutContact(viewer),
    capabilities: (viewer) => (viewer.represented ? READ_ONLY_WITH_FORMS : FULL),
    representedPartySeesOwnDocumentsOnly: true,
  },
  notifyingSteps: [],
  labels: npeLabels,
};
