import { labelTable } from '../../i18n.js';
import { CONSENT_TO_RECORDS_LABELS } from '../kit/form-labels.js';
import type { AgencyLabels } from '../kit/port.js';

const NPE_FORM_LABELS = {
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

/** NPE's codes in words (nb/nn/da/en): forms with their fields and choices, case types, steps, outcomes. */
export const npeLabels: AgencyLabels = {
  forms: NPE_FORM_LABELS,
  caseTypes: labelTable({
    PASIENTSKADE: ['Pasientskade', 'Pasientskade', 'Patientskade', 'Patient injury'],
    LEGEMIDDELSKADE: ['Legemiddelskade', 'Legemiddelskade', 'Lægemiddelskade', 'Drug injury'],
    LEGEMIDDELFORSOK: [
      'Skade ved legemiddelforsøk',
      'Skade ved legemiddelforsøk',
      'Skade ved lægemiddelforsøg',
      'Clinical-trial injury',
    ],
  }),
  steps: labelTable({
    MOTTATT: ['Søknad mottatt', 'Søknad motteken', 'Ansøgning modtaget', 'Claim received'],
    I_KO: ['Venter på behandling', 'Ventar på behandling', 'Afventer behandling', 'Waiting in queue'],
    INNHENTING: [
      'Innhenter journal og uttalelse',
      'Hentar inn journal og fråsegn',
      'Indhenter journal og udtalelse',
      'Gathering records and statement',
    ],
    UTTALELSE_TIL_KOMMENTAR: [
      'Uttalelse sendt deg til kommentar',
      'Fråsegn sendt deg til kommentar',
      'Udtalelse sendt i høring',
      'Statement sent to you for comment',
    ],
    SAKKYNDIG_VURDERING: [
      'Sakkyndig vurdering',
      'Sakkunnig vurdering',
      'Sagkyndig vurdering',
      'Expert assessment',
    ],
    SAKKYNDIG_TIL_KOMMENTAR: [
      'Sakkyndig vurdering sendt deg til kommentar',
      'Sakkunnig vurdering sendt deg til kommentar',
      'Sagkyndig vurdering sendt i høring',
      'Expert assessment sent to you for comment',
    ],
    ANSVARSVEDTAK: [
      'Vedtak om erstatningsansvar',
      'Vedtak om erstatningsansvar',
      'Afgørelse om erstatningsansvar',
      'Decision on liability',
    ],
    UTMALING: [
      'Beregning av erstatning',
      'Utrekning av erstatning',
      'Beregning af erstatning',
      'Calculation of compensation',
    ],
    DELUTBETALING: ['Delutbetaling', 'Delutbetaling', 'Delvis udbetaling', 'Partial payment'],
    ERSTATNINGSVEDTAK: [
      'Vedtak om erstatningens størrelse',
      'Vedtak om storleiken på erstatninga',
      'Afgørelse om erstatningens størrelse',
      'Decision on amount',
    ],
    UTBETALING: ['Utbetaling', 'Utbetaling', 'Udbetaling', 'Payment'],
    KLAGE_MOTTATT: ['Klage mottatt', 'Klage motteken', 'Klage modtaget', 'Appeal received'],
    REVURDERING: [
      'NPE vurderer klagen på nytt',
      'NPE vurderer klaga på nytt',
      'NPE genvurderer klagen',
      'NPE reconsiders the appeal',
    ],
    OVERSENDT_PASIENTSKADENEMNDA: [
      'Sendt til Pasientskadenemnda',
      'Sendt til Pasientskadenemnda',
      'Sendt til Pasientskadenævnet (Norge)',
      'Forwarded to the Patient Injury Compensation Board',
    ],
    AVSLUTTET: ['Avsluttet', 'Avslutta', 'Afsluttet', 'Closed'],
  }),
  outcomes: labelTable({
    MEDHOLD: ['Medhold', 'Medhald', 'Medhold', 'Granted'],
    DELVIS_MEDHOLD: ['Delvis medhold', 'Delvis medhald', 'Delvis medhold', 'Partly granted'],
    AVSLAG: ['Avslag', 'Avslag', 'Afslag', 'Rejected'],
  }),
};
