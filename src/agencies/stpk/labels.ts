import { labelTable } from '../../i18n.js';
import type { AgencyLabels } from '../kit/port.js';

const STPK_FORM_LABELS = labelTable({
  SAMTYKKE_INDHENTNING: [
    'Samtykke til innhenting av opplysninger',
    'Samtykke til innhenting av opplysningar',
    'Samtykke til indhentning af oplysninger',
    'Consent to obtain information',
  ],
  'SAMTYKKE_INDHENTNING.treatmentPlace': [
    'Behandlingssted',
    'Behandlingsstad',
    'Behandlingssted',
    'Treatment place',
  ],
  'SAMTYKKE_INDHENTNING.consent': [
    'Jeg samtykker til at opplysningene innhentes',
    'Eg samtykkjer til at opplysningane blir henta inn',
    'Jeg giver samtykke til, at oplysningerne indhentes',
    'I consent to the information being obtained',
  ],
});

/** STPK's codes in words (nb/nn/da/en): forms with their fields and choices, case types, steps, outcomes. */
export const stpkLabels: AgencyLabels = {
  forms: STPK_FORM_LABELS,
  caseTypes: labelTable({
    BEHANDLINGSSTED: [
      'Klage over behandlingssted',
      'Klage på behandlingsstad',
      'Klage over behandlingssted',
      'Complaint about a treatment place',
    ],
    SUNDHEDSPERSON: [
      'Klage over helsepersonell',
      'Klage på helsepersonell',
      'Klage over sundhedsperson',
      'Complaint about a health professional',
    ],
    RETTIGHED: [
      'Klage om pasientrettigheter',
      'Klage om pasientrettar',
      'Klage over patientrettigheder',
      'Complaint about patient rights',
    ],
    AKTINDSIGT: ['Innsyn i journal', 'Innsyn i journal', 'Aktindsigt', 'Access to records'],
    ERSTATNINGSANKE: [
      'Anke av Patienterstatningens avgjørelse',
      'Anke av avgjerda til Patienterstatningen',
      'Anke af Patienterstatningens afgørelse',
      'Appeal of a Patienterstatningen decision',
    ],
    PSYKIATRI_ANKE: [
      'Anke i psykiatrisak',
      'Anke i psykiatrisak',
      'Anke i psykiatrisag',
      'Psychiatry appeal',
    ],
    ABORT_ANKE: ['Anke om abort', 'Anke om abort', 'Anke vedrørende abort', 'Abortion appeal'],
  }),
  steps: labelTable({
    KLAGE_MODTAGET: ['Klage mottatt', 'Klage motteken', 'Klage modtaget', 'Complaint received'],
    KLAGEN_AFGRAENSET: [
      'Klagens omfang bekreftet',
      'Omfanget av klaga stadfesta',
      'Klagens omfang afgrænset',
      'Scope of complaint confirmed',
    ],
    DIALOG_TILBUDT: ['Dialog tilbudt', 'Dialog tilboden', 'Dialog tilbudt', 'Dialogue offered'],
    INDHENTER_OPLYSNINGER: [
      'Innhenter journal og uttalelser',
      'Hentar inn journal og fråsegner',
      'Indhenter journal og udtalelser',
      'Collecting records and statements',
    ],
    SAGKYNDIG_VURDERING: [
      'Sakkyndig vurdering',
      'Sakkunnig vurdering',
      'Sagkyndig vurdering',
      'Expert assessment',
    ],
    HOERING: [
      'Sendt deg til kommentar',
      'Sendt deg til kommentar',
      'Sendt i høring',
      'Sent to you for comment',
    ],
    NAEVNSMOEDE: ['Nemndmøte', 'Nemndmøte', 'Nævnsmøde', 'Board meeting'],
    AFGOERELSE: ['Vedtak', 'Vedtak', 'Afgørelse', 'Decision'],
    AFSLUTTET: ['Avsluttet', 'Avslutta', 'Afsluttet', 'Closed'],
  }),
  outcomes: labelTable({
    KRITIK: ['Kritikk', 'Kritikk', 'Kritik', 'Criticism'],
    IKKE_KRITIK: ['Ikke kritikk', 'Ikkje kritikk', 'Ikke kritik', 'No criticism'],
    MEDHOLD: ['Medhold', 'Medhald', 'Medhold', 'Granted'],
    AFSLAG: ['Avslag', 'Avslag', 'Afslag', 'Rejected'],
  }),
};
