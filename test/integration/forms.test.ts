import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../src/messages.js';
import { awaitedForms } from '../../mocks/agencies/forms.js';
import { persona, startTestStack, type TestStack } from '../helpers/stack.js';

const FORMS = /* GraphQL */ `
  query ($id: ID!) {
    case(id: $id) {
      viewerCan {
        fillForms
      }
      forms {
        id
        code
        title
        fields {
          key
          type
          required
          label
          options {
            value
            label
          }
        }
      }
    }
  }
`;
const SUBMIT = /* GraphQL */ `
  mutation ($input: SubmitFormInput!) {
    submitForm(input: $input) {
      submission {
        id
        kind
        state
      }
      errors {
        code
        reason
        field
        message
      }
    }
  }
`;

interface Forms {
  case: {
    viewerCan: { fillForms: boolean };
    forms: {
      id: string;
      code: string;
      title: string;
      fields: {
        key: string;
        type: string;
        required: boolean;
        label: string;
        options: { value: string; label: string }[] | null;
      }[];
    }[];
  } | null;
}
interface Submitted {
  submitForm: {
    submission: { id: string; kind: string; state: string } | null;
    errors: { code: string; reason: string | null; field: string[] | null; message: string }[];
  };
}

let stack: TestStack;
let counter = 0;
const key = () => `form-key-${Date.now()}-${++counter}`;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});
// An answered form is no longer awaited; each test starts with the agencies asking for their forms again.
afterEach(() => {
  for (const record of Object.values(stack.mocks.world.cases).flat()) delete record.answeredForms;
});

function caseOf(
  agency: 'npe' | 'helseklage',
  key: string,
  where: (c: (typeof stack.mocks.world.cases.npe)[number]) => boolean = () => true,
) {
  const id = persona(key).login.pid;
  const found = stack.mocks.world.cases[agency].find(
    (c) => c.participants.some((p) => p.nationalId === id) && where(c),
  );
  if (!found) throw new Error(`no ${agency} case for ${key}`);
  return found;
}

/** Without `lang` the browser names no language, and the login's decides. */
async function submit(token: string, input: Record<string, unknown>, lang?: string) {
  const { body } = await stack.graphql<Submitted>(SUBMIT, {
    token,
    variables: { input: { idempotencyKey: key(), ...input } },
    headers: lang ? { 'accept-language': lang } : {},
  });
  expect(body.errors).toBeUndefined();
  return body.data!.submitForm;
}

describe('forms', () => {
  it('a case shows the forms its agency awaits, with fields and labels in the viewer’s language', async () => {
    const record = caseOf('helseklage', 'represented-party');
    expect(awaitedForms(record).map((f) => f.code)).toEqual(['SAMTYKKE_JOURNAL']);
    const token = await stack.token('represented-party');
    const ask = async (lang: string) =>
      (
        await stack.graphql<Forms>(FORMS, {
          token,
          variables: { id: `helseklage:${record.caseNumber}` },
          headers: { 'accept-language': lang },
        })
      ).body.data?.case;
    const [en, nb] = [await ask('en'), await ask('nb')];
    expect(en?.viewerCan.fillForms).toBe(true);
    expect(en?.forms).toEqual([
      {
        id: `${record.caseNumber}:SAMTYKKE_JOURNAL`,
        code: 'SAMTYKKE_JOURNAL',
        title: 'Consent to obtain medical records',
        fields: [
          { key: 'treatmentPlace', type: 'TEXT', required: true, label: 'Treatment place', options: null },
          {
            key: 'period',
            type: 'CHOICE',
            required: true,
            label: 'Period',
            options: [
              { value: 'LAST_YEAR', label: 'The last year' },
              { value: 'LAST_5_YEARS', label: 'The last five years' },
              { value: 'ALL', label: 'The whole record' },
            ],
          },
          {
            key: 'consent',
            type: 'BOOLEAN',
            required: true,
            label: 'I consent to the records being obtained',
            options: null,
          },
        ],
      },
    ]);
    expect(nb?.forms[0]?.title).toBe('Samtykke til innhenting av journal');
  });

  it('a represented party may fill in a form: valid answers reach the agency, as typed values', async () => {
    const record = caseOf('helseklage', 'represented-party');
    const token = await stack.token('represented-party');
    const { submission, errors } = await submit(token, {
      caseId: `helseklage:${record.caseNumber}`,
      formId: `${record.caseNumber}:SAMTYKKE_JOURNAL`,
      answers: [
        { key: 'treatmentPlace', value: 'Tannlegesenteret Bergen' },
        { key: 'period', value: 'LAST_5_YEARS' },
        { key: 'consent', value: 'true' },
      ],
    });
    expect(errors).toEqual([]);
    expect(submission).toMatchObject({ kind: 'FORM', state: 'DELIVERED' });
    expect(stack.mocks.agencies.helseklage.submissions.get(submission?.id ?? '')?.form).toEqual({
      formId: `${record.caseNumber}:SAMTYKKE_JOURNAL`,
      answers: { treatmentPlace: 'Tannlegesenteret Bergen', period: 'LAST_5_YEARS', consent: true },
    });
  });

  it('a form on its way says so; once the agency has it, it is no longer asked for and is among the documents as sent by the viewer', async () => {
    const record = caseOf('helseklage', 'represented-party');
    const caseId = `helseklage:${record.caseNumber}`;
    const formId = `${record.caseNumber}:SAMTYKKE_JOURNAL`;
    const token = await stack.token('represented-party');
    const CASE = `query ($id: ID!) {
      case(id: $id) { forms { id submission { state } } documents { title direction sentByViewer } }
    }`;
    type Answer = {
      case: {
        forms: { id: string; submission: { state: string } | null }[];
        documents: { title: string; direction: string; sentByViewer: boolean }[];
      };
    };
    const before = await stack.graphql<Answer>(CASE, { token, variables: { id: caseId } });
    expect(before.body.data?.case.forms).toEqual([{ id: formId, submission: null }]);

    // Sent while the agency is down: accepted, on its way; the form says so (from the safety net's copy).
    stack.mocks.agencies.helseklage.setFaults({ down: true });
    let sent: Submitted['submitForm'];
    try {
      sent = await submit(token, {
        caseId,
        formId,
        answers: [
          { key: 'treatmentPlace', value: 'Haukeland universitetssykehus' },
          { key: 'period', value: 'LAST_YEAR' },
          { key: 'consent', value: 'true' },
        ],
      });
      expect(sent.submission).toMatchObject({ state: 'PENDING' });
      const onItsWay = await stack.graphql<Answer>(CASE, { token, variables: { id: caseId } });
      expect(onItsWay.body.data?.case.forms).toEqual([{ id: formId, submission: { state: 'PENDING' } }]);
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }

    // The outbox delivers it; the agency journals the answers and stops asking.
    await expect
      .poll(
        async () => stack.mocks.agencies.helseklage.submissions.get(sent.submission?.id ?? '')?.received,
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    const after = await stack.graphql<Answer>(CASE, { token, variables: { id: caseId } });
    expect(after.body.data?.case.forms).toEqual([]);
    expect(after.body.data?.case.documents).toContainEqual({
      title: 'Utfylt skjema: SAMTYKKE_JOURNAL',
      direction: 'INCOMING',
      sentByViewer: true,
    });
    // Nothing else of the case is said to be the viewer's.
    expect(
      after.body.data?.case.documents.filter((d) => d.sentByViewer).map((d) => d.direction),
    ).not.toContain('OUTGOING');
  });

  it('the same form sent again while the agency is down is answered with the first, and delivered once', async () => {
    const record = caseOf('helseklage', 'represented-party');
    const token = await stack.token('represented-party');
    const input = {
      idempotencyKey: key(),
      caseId: `helseklage:${record.caseNumber}`,
      formId: `${record.caseNumber}:SAMTYKKE_JOURNAL`,
      answers: [
        { key: 'treatmentPlace', value: 'Tannlegesenteret Bergen' },
        { key: 'period', value: 'ALL' },
        { key: 'consent', value: 'true' },
      ],
    };
    const first = await submit(token, input);
    expect(first.submission).toMatchObject({ state: 'DELIVERED' });
    // The client did not hear the answer and sends again; the agency is down just now.
    stack.mocks.agencies.helseklage.setFaults({ down: true });
    try {
      expect(await submit(token, input)).toEqual(first);
      const changed = await submit(token, { ...input, answers: input.answers.slice(0, 2) });
      expect(changed.errors[0]).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED' });
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }
    expect(stack.mocks.agencies.helseklage.submissions.get(first.submission?.id ?? '')?.received).toBe(1);
  });

  it('invalid answers get one error per field, naming the field by its label, and nothing is delivered', async () => {
    const record = caseOf('helseklage', 'represented-party');
    const token = await stack.token('represented-party');
    const before = stack.mocks.agencies.helseklage.submissions.size;
    const { submission, errors } = await submit(
      token,
      {
        caseId: `helseklage:${record.caseNumber}`,
        formId: `${record.caseNumber}:SAMTYKKE_JOURNAL`,
        answers: [
          { key: 'period', value: 'SOMETIMES' },
          { key: 'consent', value: 'yes' },
          { key: 'favouriteColour', value: 'blue' },
        ],
      },
      'nn',
    );
    expect(submission).toBeNull();
    expect(errors.map((e) => [e.field?.join('.'), e.reason, e.message])).toEqual([
      ['input.answers.period', 'NOT_AN_OPTION', 'Vel eitt av alternativa for «Tidsrom».'],
      [
        'input.answers.consent',
        'NOT_A_BOOLEAN',
        'Svar ja eller nei på «Eg samtykkjer til at journalen blir henta inn».',
      ],
      ['input.answers.favouriteColour', 'UNKNOWN_FIELD', 'Skjemaet har ikkje feltet «favouriteColour».'],
      ['input.answers.treatmentPlace', 'REQUIRED', 'Fyll ut «Behandlingsstad».'],
    ]);
    expect(errors.every((e) => e.code === 'BAD_USER_INPUT')).toBe(true);
    expect(stack.mocks.agencies.helseklage.submissions.size).toBe(before);
  });

  it('numbers, dates and account numbers are checked too (NPE’s loss and bank details)', async () => {
    const calculating = caseOf('npe', 'lawyer-many', (c) =>
      c.steps.some((s) => s.code === 'UTMALING' && s.state === 'CURRENT'),
    );
    const token = await stack.token('lawyer-many');
    const caseId = `npe:${calculating.caseNumber}`;
    const loss = await submit(token, {
      caseId,
      formId: `${calculating.caseNumber}:OKONOMISK_TAP`,
      answers: [
        { key: 'lossType', value: 'INCOME' },
        { key: 'amount', value: '-5' },
        { key: 'from', value: '2026-02-30' },
      ],
    });
    expect(loss.errors.map((e) => [e.field?.at(-1), e.reason])).toEqual([
      ['amount', 'TOO_SMALL'],
      ['from', 'NOT_A_DATE'],
    ]);
    const wrongAccount = await submit(token, {
      caseId,
      formId: `${calculating.caseNumber}:BANKKONTO`,
      answers: [
        { key: 'accountNumber', value: '1234 56 78904' },
        { key: 'accountHolder', value: 'Klient Klientsen' },
      ],
    });
    expect(wrongAccount.errors.map((e) => e.reason)).toEqual(['INVALID_ACCOUNT_NUMBER']);
    const bank = await submit(token, {
      caseId,
      formId: `${calculating.caseNumber}:BANKKONTO`,
      answers: [
        { key: 'accountNumber', value: '1234 56 78903' },
        { key: 'accountHolder', value: 'Klient Klientsen' },
      ],
    });
    expect(bank.submission?.state).toBe('DELIVERED');
    expect(stack.mocks.agencies.npe.submissions.get(bank.submission?.id ?? '')?.form?.answers).toEqual({
      accountNumber: '12345678903',
      accountHolder: 'Klient Klientsen',
    });
  });

  it('a form the case does not await, and a person without the capability, are refused', async () => {
    const record = caseOf('helseklage', 'represented-party');
    const token = await stack.token('represented-party');
    const notAwaited = await submit(token, {
      caseId: `helseklage:${record.caseNumber}`,
      formId: `${record.caseNumber}:BANKKONTO`,
      answers: [],
    });
    expect(notAwaited.errors).toEqual([
      { code: 'NOT_FOUND', reason: null, field: ['input', 'formId'], message: say('nb', 'FORM_NOT_AWAITED') },
    ]);

    const mette = await stack.token('citizen-dk');
    const hers = stack.mocks.world.cases.stpk.find(
      (c) =>
        c.createdAt >= '2025-11-01' &&
        c.participants.some((p) => p.nationalId === persona('citizen-dk').login.cpr && p.role === 'PARTY'),
    );
    const dk = await submit(mette, {
      caseId: `stpk:${hers?.caseNumber}`,
      formId: `${hers?.caseNumber}:SAMTYKKE_INDHENTNING`,
      answers: [],
    });
    // A MitID login whose browser names no language is answered in Danish.
    expect(dk.errors).toEqual([
      {
        code: 'FORBIDDEN',
        reason: 'NOT_ALLOWED',
        field: ['input', 'caseId'],
        message: 'Du kan ikke udfylde skemaer i denne sag.',
      },
    ]);
  });
});
