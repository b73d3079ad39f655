import { labelTable } from '../../i18n.js';
import type { AgencyLabels } from '../kit/port.js';

/** Patienterstatningen's codes in words (nb/nn/da/en): forms with their fields and choices, case types, steps, outcomes. */
export const patienterstatningenLabels: AgencyLabels = {
  forms: labelTable({
    SAMTYKKE_JOURNALINDHENTNING: [
      'Samtykke til innhenting av journal',
      'Samtykke til innhenting av journal',
      'Samtykke til indhentning af journal',
      'Consent to obtain medical records',
    ],
    'SAMTYKKE_JOURNALINDHENTNING.treatmentPlace': [
      'Behandlingssted',
      'Behandlingsstad',
      'Behandlingssted',
      'Treatment place',
    ],
    'SAMTYKKE_JOURNALINDHENTNING.consent': [
      'Jeg samtykker til at journalen innhentes',
      'Eg samtykkjer til at journalen blir henta inn',
      'Jeg giver samtykke til, at journalen indhentes',
      'I consent to my medical records being obtained',
    ],
    TABSOPGOERELSE: ['Oppgjør av tap', 'Oppgjer av tap', 'Opgørelse af tab', 'Statement of loss'],
    'TABSOPGOERELSE.lossType': ['Type tap', 'Type tap', 'Type af tab', 'Type of loss'],
    'TABSOPGOERELSE.lossType.INDTAEGTSTAB': ['Inntektstap', 'Inntektstap', 'Indtægtstab', 'Loss of income'],
    'TABSOPGOERELSE.lossType.UDGIFTER': ['Utgifter', 'Utgifter', 'Udgifter', 'Expenses'],
    'TABSOPGOERELSE.lossType.VARIGT_MEN': ['Varig mén', 'Varig mén', 'Varigt mén', 'Permanent injury'],
    'TABSOPGOERELSE.amount': ['Beløp (DKK)', 'Beløp (DKK)', 'Beløb (kr.)', 'Amount (DKK)'],
    'TABSOPGOERELSE.from': ['Fra dato', 'Frå dato', 'Fra dato', 'From'],
    'TABSOPGOERELSE.description': ['Beskrivelse', 'Skildring', 'Beskrivelse', 'Description'],
  }),
  caseTypes: labelTable({
    BEHANDLINGSSKADE: ['Behandlingsskade', 'Behandlingsskade', 'Behandlingsskade', 'Treatment injury'],
    LAEGEMIDDELSKADE: ['Legemiddelskade', 'Legemiddelskade', 'Lægemiddelskade', 'Drug injury'],
  }),
  steps: labelTable({
    ANMELDELSE_MODTAGET: ['Krav mottatt', 'Krav motteke', 'Anmeldelse modtaget', 'Claim received'],
    OPLYSNINGER_INDHENTES: [
      'Innhenter journal og opplysninger',
      'Hentar inn journal og opplysningar',
      'Oplysninger indhentes',
      'Collecting records and information',
    ],
    LAEGEFAGLIG_VURDERING: [
      'Medisinsk vurdering',
      'Medisinsk vurdering',
      'Lægefaglig vurdering',
      'Medical assessment',
    ],
    PARTSHOERING: [
      'Sendt deg til kommentar',
      'Sendt deg til kommentar',
      'Partshøring',
      'Sent to you for comment',
    ],
    AFGOERELSE: [
      'Avgjørelse om erstatning',
      'Avgjerd om erstatning',
      'Afgørelse om erstatning',
      'Decision on compensation',
    ],
    ERSTATNINGSOPGOERELSE: [
      'Beregning av erstatning',
      'Utrekning av erstatning',
      'Opgørelse af erstatning',
      'Calculation of compensation',
    ],
    ERSTATNINGSAFGOERELSE: [
      'Avgjørelse om erstatningens størrelse',
      'Avgjerd om storleiken på erstatninga',
      'Afgørelse om erstatningens størrelse',
      'Decision on the amount',
    ],
    UDBETALING: ['Utbetaling', 'Utbetaling', 'Udbetaling', 'Payment'],
    ANKE_MODTAGET: ['Anke mottatt', 'Anke motteken', 'Anke modtaget', 'Appeal received'],
    GENVURDERING: ['Ny vurdering', 'Ny vurdering', 'Genvurdering', 'Reconsideration'],
    SENDT_TIL_ANKENAEVNET: [
      'Sendt til Ankenævnet for Patienterstatningen',
      'Sendt til Ankenævnet for Patienterstatningen',
      'Sendt til Ankenævnet for Patienterstatningen',
      'Sent to the Patient Compensation Appeals Board',
    ],
    AFSLUTTET: ['Avsluttet', 'Avslutta', 'Afsluttet', 'Closed'],
  }),
  outcomes: labelTable({
    ANERKENDT: ['Anerkjent', 'Anerkjend', 'Anerkendt', 'Recognised'],
    DELVIST_ANERKENDT: ['Delvis anerkjent', 'Delvis anerkjend', 'Delvist anerkendt', 'Partly recognised'],
    AFVIST: ['Avslått', 'Avslått', 'Afvist', 'Rejected'],
  }),
};
