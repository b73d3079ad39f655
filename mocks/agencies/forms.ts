/**
 * The forms the mock agencies ask people to fill in, and which of them a case awaits. Each agency
 * publishes its catalog in its own dialect (see each mock); the codes and fields are shared here.
 */
import type { AgencyCode, MockCase } from '../seed/model.js';

export type MockFieldType = 'TEXT' | 'TEXTAREA' | 'NUMBER' | 'DATE' | 'BOOLEAN' | 'CHOICE' | 'ACCOUNT_NUMBER';

export interface MockFormField {
  key: string;
  type: MockFieldType;
  required: boolean;
  options?: string[];
  maxLength?: number;
  min?: number;
}

export interface MockForm {
  code: string;
  version: number;
  fields: MockFormField[];
}

const CONSENT_TO_RECORDS: MockForm = {
  code: 'SAMTYKKE_JOURNAL',
  version: 3,
  fields: [
    { key: 'treatmentPlace', type: 'TEXT', required: true, maxLength: 200 },
    { key: 'period', type: 'CHOICE', required: true, options: ['LAST_YEAR', 'LAST_5_YEARS', 'ALL'] },
    { key: 'consent', type: 'BOOLEAN', required: true },
  ],
};

export const FORM_CATALOG: Record<AgencyCode, MockForm[]> = {
  npe: [
    CONSENT_TO_RECORDS,
    {
      code: 'OKONOMISK_TAP',
      version: 2,
      fields: [
        {
          key: 'lossType',
          type: 'CHOICE',
          required: true,
          options: ['INCOME', 'EXPENSES', 'FUTURE_EXPENSES'],
        },
        { key: 'amount', type: 'NUMBER', required: true, min: 0 },
        { key: 'from', type: 'DATE', required: true },
        { key: 'description', type: 'TEXTAREA', required: false, maxLength: 2000 },
      ],
    },
    {
      code: 'BANKKONTO',
      version: 1,
      fields: [
        { key: 'accountNumber', type: 'ACCOUNT_NUMBER', required: true },
        { key: 'accountHolder', type: 'TEXT', required: true, maxLength: 200 },
      ],
    },
  ],
  helseklage: [CONSENT_TO_RECORDS],
  stpk: [
    {
      code: 'SAMTYKKE_INDHENTNING',
      version: 1,
      fields: [
        { key: 'treatmentPlace', type: 'TEXT', required: true, maxLength: 200 },
        { key: 'consent', type: 'BOOLEAN', required: true },
      ],
    },
  ],
  patienterstatningen: [
    {
      code: 'SAMTYKKE_JOURNALINDHENTNING',
      version: 2,
      fields: [
        { key: 'treatmentPlace', type: 'TEXT', required: true, maxLength: 200 },
        { key: 'consent', type: 'BOOLEAN', required: true },
      ],
    },
    {
      code: 'TABSOPGOERELSE',
      version: 1,
      fields: [
        {
          key: 'lossType',
          type: 'CHOICE',
          required: true,
          options: ['INDTAEGTSTAB', 'UDGIFTER', 'VARIGT_MEN'],
        },
        { key: 'amount', type: 'NUMBER', required: true, min: 0 },
        { key: 'from', type: 'DATE', required: true },
        { key: 'description', type: 'TEXTAREA', required: false, maxLength: 2000 },
      ],
    },
  ],
};

/** The forms a case awaits, by the step it stands at (records while gathering, losses while calculating). */
const AWAITED: Record<AgencyCode, Readonly<Record<string, readonly string[]>>> = {
  npe: { INNHENTING: ['SAMTYKKE_JOURNAL'], UTMALING: ['OKONOMISK_TAP', 'BANKKONTO'] },
  helseklage: { GATHERING_INFORMATION: ['SAMTYKKE_JOURNAL'], SENT_FOR_COMMENT: ['SAMTYKKE_JOURNAL'] },
  stpk: { INDHENTER_OPLYSNINGER: ['SAMTYKKE_INDHENTNING'] },
  patienterstatningen: {
    OPLYSNINGER_INDHENTES: ['SAMTYKKE_JOURNALINDHENTNING'],
    ERSTATNINGSOPGOERELSE: ['TABSOPGOERELSE'],
  },
};

export function awaitedForms(record: MockCase): { formId: string; code: string }[] {
  const current = record.steps.find((s) => s.state === 'CURRENT')?.code;
  const codes = (current && AWAITED[record.agency][current]) || [];
  return codes
    .map((code) => ({ formId: `${record.caseNumber}:${code}`, code }))
    .filter((form) => !record.answeredForms?.includes(form.formId));
}
