/**
 * The language walk: every error code the graph answers and every agencyStatuses status, in nb, nn, da and
 * en, each the text of src/messages.ts for the language asked (the unit walk in test/unit/messages.test.ts
 * checks that every text exists and is no English fallback); without a language the browser names, the
 * login's country decides.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/sessions.js';
import { COMMON_LABELS, LANGUAGES, type Lang } from '../../src/i18n.js';
import { say, sayMoment, type MessageKey } from '../../src/messages.js';
import {
  persona,
  startTestStack,
  type GraphClient,
  type GraphResponse,
  type TestStack,
} from '../helpers/stack.js';

interface Status {
  agency: { code: string };
  status: string;
  reason: string | null;
  message: string;
  asOf: string;
}

const STATUSES = /* GraphQL */ `
  {
    cases {
      agencyStatuses {
        agency {
          code
        }
        status
        reason
        message
        asOf
      }
    }
  }
`;

let stack: TestStack;
let limited: GraphClient;

beforeAll(async () => {
  // Helseklage goes down in the walk; the breaker would keep it away afterwards.
  stack = await startTestStack({ env: { UPSTREAM_BREAKER_FAILURES: '1000' } });
  limited = await stack.gatewayWith({ RATE_LIMIT_PER_MINUTE: '1' });
});
afterAll(async () => {
  await stack.close();
});

/** The text of `key` in `lang`, and not the English one. */
function expectSaid(actual: string | undefined, lang: Lang, key: MessageKey, values = {}): void {
  expect(actual).toBe(say(lang, key, values));
  if (lang !== 'en') expect(actual).not.toBe(say('en', key, values));
}

const firstError = (response: GraphResponse) => {
  const [error] = response.body.errors ?? [];
  return { code: error?.extensions?.code, reason: error?.extensions?.reason, message: error?.message };
};

const statusesOf = async (token: string, headers: Record<string, string>) => {
  const { body } = await stack.graphql<{ cases: { agencyStatuses: Status[] } }>(STATUSES, { token, headers });
  const statuses = body.data?.cases.agencyStatuses ?? [];
  return (code: string) => statuses.find((s) => s.agency.code === code);
};

describe('every error and status a person can meet, in their language', () => {
  it.each(LANGUAGES)('in %s', async (lang) => {
    const headers = { 'accept-language': lang };
    const ask = (query: string, token?: string, extra: Record<string, string> = {}) =>
      stack.graphql(query, { token, headers: { ...headers, ...extra } });
    const { body: named } = await stack.graphql<{ agencies: { code: string; name: string }[] }>(
      '{ agencies { code name } }',
      { headers },
    );
    const name = (code: string) => named.data?.agencies.find((a) => a.code === code)?.name ?? '';
    const citizen = await stack.token('citizen-npe-helseklage');
    const unconsented = await stack.token('bereaved', { consent: false });
    const dnumber = await stack.token('dnumber');
    const proxy = await stack.token('proxy');

    // UNAUTHENTICATED: no login, a token that is not one, a session that has ended.
    let error = firstError(await ask('{ cases { totalCount } }'));
    expect(error.code).toBe('UNAUTHENTICATED');
    expectSaid(error.message, lang, 'LOG_IN');
    error = firstError(await ask('{ cases { totalCount } }', 'not.a.jwt'));
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MALFORMED' });
    expectSaid(error.message, lang, 'LOGIN_NOT_ACCEPTED');
    error = firstError(
      await ask('{ cases { totalCount } }', undefined, { cookie: `${SESSION_COOKIE}=ended` }),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
    expectSaid(error.message, lang, 'SESSION_ENDED');

    // NOT_FOUND, BAD_USER_INPUT, FORBIDDEN.
    error = firstError(await ask('{ case(id: "npe:1999-99999") { id } }', citizen));
    expect(error.code).toBe('NOT_FOUND');
    expectSaid(error.message, lang, 'CASE_NOT_FOUND');
    error = firstError(await ask('{ cases(after: "not-a-cursor") { totalCount } }', citizen));
    expect(error.code).toBe('BAD_USER_INPUT');
    expectSaid(error.message, lang, 'CURSOR_INVALID');
    error = firstError(
      await ask('{ cases { nodes { documents { id } } } }', await stack.token('missing-mobile')),
    );
    expect(error.code).toBe('FORBIDDEN');
    expectSaid(error.message, lang, 'FIELD_FORBIDDEN', { field: 'Case.documents' });

    // CONSENT_REQUIRED and NOT_ELIGIBLE, naming the agency in the language.
    error = firstError(await ask('{ case(id: "npe:2025-00001") { id } }', unconsented));
    expect(error.code).toBe('CONSENT_REQUIRED');
    expectSaid(error.message, lang, 'CONSENT_FIRST', { agency: name('npe') });
    error = firstError(await ask('{ case(id: "helseklage:2025-00001") { id } }', dnumber));
    expect(error).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'NO_NORWEGIAN_ID' });
    expect(error.message).toBe(COMMON_LABELS.refusal.NO_NORWEGIAN_ID[lang]);

    // RATE_LIMITED, with the seconds to wait.
    const askLimited = () => limited.graphql('{ viewer { country } }', { token: citizen, headers });
    let refused = await askLimited();
    if (refused.status !== 429) refused = await askLimited();
    expect(refused.status).toBe(429);
    expectSaid(firstError(refused).message, lang, 'RATE_LIMITED', {
      seconds: Number(refused.headers['retry-after']),
    });

    // A mutation's user error, and a file route's refusal.
    const { body: sent } = await ask(
      `mutation { submitInformation(input: { caseId: "npe:2025-00001", message: " ", idempotencyKey: "lang-${lang}-0001" }) { errors { code message } } }`,
      citizen,
    );
    const userError = (sent.data as { submitInformation: { errors: { message: string }[] } })
      .submitInformation.errors[0];
    expectSaid(userError?.message, lang, 'MESSAGE_LENGTH', { max: 5000 });
    const file = await request(`${stack.url}/files/documents/not.a.link`, {
      headers: { ...headers, authorization: `Bearer ${citizen}` },
    });
    expect(file.statusCode).toBe(404);
    expectSaid(((await file.body.json()) as { message: string }).message, lang, 'DOCUMENT_NOT_FOUND');

    // agencyStatuses: OK, CONSENT_REQUIRED, NOT_ELIGIBLE while every agency answers...
    const ok = (await statusesOf(citizen, headers))('npe');
    expect(ok?.status).toBe('OK');
    expectSaid(ok?.message, lang, 'STATUS_OK', { agency: name('npe') });
    const consent = (await statusesOf(unconsented, headers))('npe');
    expect(consent?.status).toBe('CONSENT_REQUIRED');
    expectSaid(consent?.message, lang, 'STATUS_CONSENT_REQUIRED', { agency: name('npe') });
    const eligible = (await statusesOf(dnumber, headers))('helseklage');
    expect(eligible).toMatchObject({ status: 'NOT_ELIGIBLE', reason: 'NO_NORWEGIAN_ID' });
    expect(eligible?.message).toBe(COMMON_LABELS.refusal.NO_NORWEGIAN_ID[lang]);

    // ... and STALE, UNAVAILABLE and UPSTREAM_UNAVAILABLE while Helseklage does not.
    stack.mocks.agencies.helseklage.setFaults({ down: true });
    try {
      const stale = (await statusesOf(citizen, headers))('helseklage');
      expect(stale?.status).toBe('STALE');
      expectSaid(stale?.message, lang, 'STATUS_STALE', {
        agency: name('helseklage'),
        asOf: sayMoment(lang, stale?.asOf ?? '', 'NO'),
      });
      // The proxy has never read Helseklage through the gateway: there is no last known answer.
      const unavailable = (await statusesOf(proxy, headers))('helseklage');
      expect(unavailable?.status).toBe('UNAVAILABLE');
      expectSaid(unavailable?.message, lang, 'STATUS_UNAVAILABLE', { agency: name('helseklage') });
      error = firstError(await ask('{ case(id: "helseklage:2025-00001") { id } }', proxy));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expectSaid(error.message, lang, 'AGENCY_UNAVAILABLE', { agency: name('helseklage') });
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }
  });

  it('without a language the browser names (or one we do not speak), the login’s country decides', async () => {
    const mette = await stack.token('citizen-dk');
    const unspoken: Record<string, string>[] = [{}, { 'accept-language': 'fr-FR, de;q=0.8' }];
    for (const headers of unspoken) {
      const danish = await statusesOf(mette, headers);
      expect(danish('npe')).toMatchObject({ status: 'NOT_ELIGIBLE', reason: 'OTHER_COUNTRY' });
      expect(danish('npe')?.message).toBe(COMMON_LABELS.refusal.OTHER_COUNTRY.da);
      expect(danish('stpk')?.message).toBe(say('da', 'STATUS_OK', { agency: 'Styrelsen for Patientklager' }));
    }
    const norwegian = await statusesOf(await stack.token('citizen-npe-helseklage'), {});
    expect(norwegian('npe')?.message).toBe(
      say('nb', 'STATUS_OK', { agency: 'Norsk pasientskadeerstatning' }),
    );
    // A language the browser does name wins over the login's.
    const english = await statusesOf(mette, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english('npe')?.message).toBe(COMMON_LABELS.refusal.OTHER_COUNTRY.en);
    expect(persona('citizen-dk').login).toMatchObject({ idp: 'mitid' });
  });
});
