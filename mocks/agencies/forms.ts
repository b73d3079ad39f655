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
};

/** The forms a case awaits, from where it stands: records while gathering, loss and bank details while calculating. */
export function awaitedForms(record: MockCase): { formId: string; code: string }[] {
  const current = record.steps.find((s) => s.state === 'CURRENT')?.code;
  const codes =
    record.agency === 'npe'
      ? current === 'INNHENTING'
        ? ['SAMTYKKE_JOURNAL']
        : current === 'UTMALING'
          ? ['OKONOMISK_TAP', 'BANKKONTO']
          : []
      : record.agency === 'helseklage'
        ? current === 'GATHERING_INFORMATION' || current === 'SENT_FOR_COMMENT'
          ? ['SAMTYKKE_JOURNAL']
          : []
        : current === 'INDHENTER_OPLYSNINGER'
          ? ['SAMTYKKE_INDHENTNING']
          : [];
  return codes.map((code) => ({ formId: `${record.caseNumber}:${code}`, code }));
}
