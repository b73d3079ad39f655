/**
 * Labels of the forms more than one agency uses, in nb/nn/da/en: the form's title under its code, each
 * field under `code.field`, each choice under `code.field.option`. A form only one agency uses is labelled
 * in that agency's labels.ts.
 */
import { labelTable } from '../../i18n.js';

/** The Norwegian consent to obtain medical records, asked by NPE and by Helseklage. */
export const CONSENT_TO_RECORDS_LABELS = labelTable({
  SAMTYKKE_JOURNAL: [
    'Samtykke til innhenting av journal',
    'Samtykke til innhenting av journal',
    'Samtykke til indhentning af journal',
    'Consent to obtain medical records',
  ],
  'SAMTYKKE_JOURNAL.treatmentPlace': [
    'Behandlingssted',
    'Behandlingsstad',
    'Behandlingssted',
    'Treatment place',
  ],
  'SAMTYKKE_JOURNAL.period': ['Tidsrom', 'Tidsrom', 'Periode', 'Period'],
  'SAMTYKKE_JOURNAL.period.LAST_YEAR': ['Siste år', 'Siste år', 'Det seneste år', 'The last year'],
  'SAMTYKKE_JOURNAL.period.LAST_5_YEARS': [
    'Siste fem år',
    'Siste fem år',
    'De seneste fem år',
    'The last five years',
  ],
  'SAMTYKKE_JOURNAL.period.ALL': ['Hele journalen', 'Heile journalen', 'Hele journalen', 'The whole record'],
  'SAMTYKKE_JOURNAL.consent': [
    'Jeg samtykker til at journalen innhentes',
    'Eg samtykkjer til at journalen blir henta inn',
    'Jeg giver samtykke til, at journalen indhentes',
    'I consent to the records being obtained',
  ],
});
