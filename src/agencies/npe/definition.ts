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
import { appealTo, courtsOnly } from '../kit/appeals.js';
import type { AgencyDefinition, AppealRoute } from '../kit/port.js';
import { npeLabels } from './labels.js';

const CLOSED_CASES_VISIBLE_DAYS = 90;

/**
 * A patient-injury decision is appealed to Pasientskadenemnda within three weeks, through NPE, which
 * reconsiders it first (pasientskadeloven § 18). NPE decides drug-injury claims for the drug insurers:
 * those cannot go to the board, only to court (npe.no, Legemiddelskade – klagemulighet).
 */
const TO_THE_BOARD = appealTo(
  labels([
    'Pasientskadenemnda',
    'Pasientskadenemnda',
    'Pasientskadenævnet (Norge)',
    'the Patient Injury Compensation Board (Pasientskadenemnda)',
  ]),
  { weeks: 3 },
  labels([
    'Send klagen til NPE innen fristen. Skriv hva du er uenig i, og legg ved det du mener har betydning. NPE vurderer saken på nytt og sender den til Pasientskadenemnda hvis vedtaket blir stående.',
    'Send klaga til NPE innan fristen. Skriv kva du er ueinig i, og legg ved det du meiner har betydning. NPE vurderer saka på nytt og sender ho til Pasientskadenemnda dersom vedtaket blir ståande.',
    'Send klagen til NPE inden fristen. Skriv, hvad du er uenig i, og vedlæg det, du mener har betydning. NPE vurderer sagen igen og sender den til Pasientskadenævnet, hvis afgørelsen fastholdes.',
    'Send your appeal to NPE by the deadline, saying what you disagree with and enclosing what you think matters. NPE reconsiders the case and forwards it to the board if the decision stands.',
  ]),
);

const DRUG_INJURY_TO_COURT = courtsOnly(
  null,
  labels([
    'Et vedtak om legemiddelskade kan ikke klages inn for Pasientskadenemnda. Er du uenig, kan du bringe saken inn for domstolene.',
    'Eit vedtak om legemiddelskade kan ikkje klagast inn for Pasientskadenemnda. Er du ueinig, kan du bringe saka inn for domstolane.',
    'En afgørelse om lægemiddelskade kan ikke påklages til Pasientskadenævnet (Norge). Er du uenig, kan du indbringe sagen for domstolene.',
    'A drug-injury decision cannot be appealed to the Patient Injury Compensation Board. If you disagree, you can take the case to court.',
  ]),
);

function npeAppealRoute(caseType: string): AppealRoute {
  return caseType === 'LEGEMIDDELSKADE' ? DRUG_INJURY_TO_COURT : TO_THE_BOARD;
}

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
    closures: [lawyerWithoutContact],
    capabilities: (viewer) => (viewer.represented ? READ_ONLY_WITH_FORMS : FULL),
    representedPartySeesOwnDocumentsOnly: true,
  },
  notifyingSteps: [],
  labels: npeLabels,
  appeals: {
    decisionSteps: ['ANSVARSVEDTAK', 'ERSTATNINGSVEDTAK'],
    appealedSteps: ['KLAGE_MOTTATT'],
    appealBodies: ['NASJONALT_KLAGEORGAN'],
    route: (record) => npeAppealRoute(record.caseType),
  },
};
