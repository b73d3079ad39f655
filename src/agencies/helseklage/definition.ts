/**
 * Helseklage and who may use its Min side (helseklage.no): the party with a Norwegian fødselsnummer and a
 * mobile number registered in the case; a represented party reads and fills forms while the representative
 * sends documents; lawyers with their own national id and a direct e-mail; proxies, guardians and the
 * bereaved. Nobody under guardianship, and no case with two lawyers.
 */
import { labels } from '../../i18n.js';
import {
  FULL,
  lawyerWithoutPersonalEmail,
  partyWithoutMobile,
  READ_ONLY_WITH_FORMS,
  twoLawyers,
} from '../../access/rules.js';
import { appealTo, courtsOnly, noFurtherRoute } from '../kit/appeals.js';
import type { AgencyDefinition, AppealRoute, CaseRecord } from '../kit/port.js';
import { helseklageLabels } from './labels.js';

/**
 * What follows Helseklage's decisions (domain.md §2, "further route"): Helfo decisions under the National
 * Insurance Act go on to Trygderetten within six weeks, through Helseklage (trygderettsloven § 11); most
 * other decisions only to court — Pasientskadenemnda's within six months (pasientskadeloven § 18); some
 * are final.
 */
const TO_TRYGDERETTEN = appealTo(
  labels([
    'Trygderetten',
    'Trygderetten',
    'Trygderetten (Norge)',
    'the National Insurance Court (Trygderetten)',
  ]),
  { weeks: 6 },
  labels([
    'Send anken til Helseklage innen fristen, og skriv hva du er uenig i. Helseklage vurderer saken på nytt og sender den til Trygderetten hvis vedtaket blir stående.',
    'Send anken til Helseklage innan fristen, og skriv kva du er ueinig i. Helseklage vurderer saka på nytt og sender ho til Trygderetten dersom vedtaket blir ståande.',
    'Send anken til Helseklage inden fristen, og skriv, hvad du er uenig i. Helseklage vurderer sagen igen og sender den til Trygderetten, hvis afgørelsen fastholdes.',
    'Send your appeal to Helseklage by the deadline, saying what you disagree with. Helseklage reconsiders the case and forwards it to the court if the decision stands.',
  ]),
);

const BOARD_DECISION_TO_COURT = courtsOnly(
  { months: 6 },
  labels([
    'Pasientskadenemndas vedtak kan ikke klages på. Er du uenig, kan du reise søksmål for domstolene innen seks måneder etter at du fikk vedtaket.',
    'Vedtaket frå Pasientskadenemnda kan ikkje påklagast. Er du ueinig, kan du reise søksmål for domstolane innan seks månader etter at du fekk vedtaket.',
    'Pasientskadenævnets (Norge) afgørelse kan ikke påklages. Er du uenig, kan du anlægge sag ved domstolene inden seks måneder, efter at du fik afgørelsen.',
    'The board’s decision cannot be appealed. If you disagree, you can take the case to court within six months of receiving the decision.',
  ]),
);

const FINAL_TO_COURT = courtsOnly(
  null,
  labels([
    'Vedtaket kan ikke klages på. Er du uenig, kan du bringe saken inn for domstolene.',
    'Vedtaket kan ikkje påklagast. Er du ueinig, kan du bringe saka inn for domstolane.',
    'Afgørelsen kan ikke påklages. Er du uenig, kan du indbringe sagen for domstolene.',
    'The decision cannot be appealed. If you disagree, you can take the case to court.',
  ]),
);

const FINAL = noFurtherRoute(
  labels([
    'Vedtaket er endelig og kan ikke klages på.',
    'Vedtaket er endeleg og kan ikkje påklagast.',
    'Afgørelsen er endelig og kan ikke påklages.',
    'The decision is final and cannot be appealed.',
  ]),
);

const RETURNED = noFurtherRoute(
  labels([
    'Saken er sendt tilbake til førsteinstansen, som gjør et nytt vedtak. Det nye vedtaket kan du klage på.',
    'Saka er send tilbake til førsteinstansen, som gjer eit nytt vedtak. Det nye vedtaket kan du klage på.',
    'Sagen er hjemvist til førsteinstansen, som træffer en ny afgørelse. Den nye afgørelse kan du klage over.',
    'The case has been returned to the first instance, which will decide again. You can appeal the new decision.',
  ]),
);

/** Helfo decisions Trygderetten does not hear: contributions for special purposes, the right to bill the state. */
const HELFO_TO_COURT: ReadonlySet<string> = new Set(['HELFO_SPESIELLE_FORMAL', 'HELFO_PRAKSIS']);

/** By case type, subdivided or not: a type's area is its prefix (HELFO_FYSIOTERAPI is Helfo's). */
function helseklageAppealRoute(record: CaseRecord): AppealRoute {
  const type = record.caseType;
  if (record.outcome?.code === 'QUASHED') return RETURNED;
  if (type === 'PSN_ANSVAR' || type === 'PSN_UTMALING') return BOARD_DECISION_TO_COURT;
  if (type.startsWith('HELFO_')) return HELFO_TO_COURT.has(type) ? FINAL_TO_COURT : TO_TRYGDERETTEN;
  // Pre-approval of lawyer costs, air-traffic controllers' certificates and the health trusts' decisions.
  if (type === 'PSN_ADVOKAT' || type.startsWith('FLYGELEDER') || type.startsWith('HF_')) return FINAL;
  return FINAL_TO_COURT;
}

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
    closures: [partyWithoutMobile, twoLawyers, lawyerWithoutPersonalEmail],
    capabilities: (viewer) => (viewer.represented ? READ_ONLY_WITH_FORMS : FULL),
    representedPartySeesOwnDocumentsOnly: false,
  },
  notifyingSteps: ['PROCESSING_STARTED'],
  labels: helseklageLabels,
  appeals: {
    decisionSteps: ['DECISION', 'RETURNED_TO_FIRST_INSTANCE'],
    // Helseklage's system knows nothing of an appeal to Trygderetten or a lawsuit.
    appealedSteps: [],
    appealBodies: [],
    route: helseklageAppealRoute,
  },
};
