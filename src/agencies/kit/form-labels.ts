/**
 * Labels of the forms the Norwegian and Danish agencies use, in nb/nn/da/en: the form's title under its
 * code, each field under `code.field`, each choice under `code.field.option`.
 */
import { labelTable } from '../../i18n.js';

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

export const NPE_FORM_LABELS = {
  ...CONSENT_TO_RECORDS_LABELS,
  ...labelTable({
    OKONOMISK_TAP: [
      'Dokumentasjon av økonomisk tap',
      'Dokumentasjon av økonomisk tap',
      'Dokumentation af økonomisk tab',
      'Documentation of financial loss',
    ],
    'OKONOMISK_TAP.lossType': ['Type tap', 'Type tap', 'Type tab', 'Type of loss'],
    'OKONOMISK_TAP.lossType.INCOME': ['Tapt inntekt', 'Tapt inntekt', 'Tabt indtægt', 'Lost income'],
    'OKONOMISK_TAP.lossType.EXPENSES': ['Utgifter', 'Utgifter', 'Udgifter', 'Expenses'],
    'OKONOMISK_TAP.lossType.FUTURE_EXPENSES': [
      'Fremtidige utgifter',
      'Framtidige utgifter',
      'Fremtidige udgifter',
      'Future expenses',
    ],
    'OKONOMISK_TAP.amount': ['Beløp (kr)', 'Beløp (kr)', 'Beløb (NOK)', 'Amount (NOK)'],
    'OKONOMISK_TAP.from': ['Fra dato', 'Frå dato', 'Fra dato', 'From date'],
    'OKONOMISK_TAP.description': ['Beskrivelse', 'Skildring', 'Beskrivelse', 'Description'],
    BANKKONTO: [
      'Kontonummer for utbetaling',
      'Kontonummer for utbetaling',
      'Kontonummer til udbetaling',
      'Bank account for payment',
    ],
    'BANKKONTO.accountNumber': [
      'Kontonummer (11 siffer)',
      'Kontonummer (11 siffer)',
      'Kontonummer (11 cifre)',
      'Account number (11 digits)',
    ],
    'BANKKONTO.accountHolder': ['Kontoinnehaver', 'Kontoeigar', 'Kontohaver', 'Account holder'],
  }),
};

export const STPK_FORM_LABELS = labelTable({
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
