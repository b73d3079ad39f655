/**
 * NPE's Mi side (npe.no): the injured person, lawyers and proxies (since August 2023); bereaved, parents
 * and guardians not yet; nobody under guardianship. A represented party sees only the documents they sent
 * or received themselves. Closed cases disappear 90 days after closing. Lawyers register national id,
 * e-mail and phone.
 */
import type { AgencyPolicy } from '../kit/port.js';
import {
  closedMoreThanDaysAgo,
  FULL,
  lawyerWithoutContact,
  READ_ONLY_WITH_FORMS,
} from '../../access/rules.js';

export const NPE_CLOSED_CASES_VISIBLE_DAYS = 90;

export const npePolicy: AgencyPolicy = {
  minimumAssurance: 'high',
  roles: ['PARTY', 'LAWYER', 'PROXY'],
  rolesNotYetSupported: ['GUARDIAN', 'BEREAVED', 'CUSTODY_HOLDER'],
  refuseWards: true,
  requiresConsent: true,
  hides: closedMoreThanDaysAgo(NPE_CLOSED_CASES_VISIBLE_DAYS),
  closure: (_record, viewer) => lawyerWithoutContact(viewer),
  capabilities: (viewer) => (viewer.represented ? READ_ONLY_WITH_FORMS : FULL),
  representedPartySeesOwnDocumentsOnly: true,
};
