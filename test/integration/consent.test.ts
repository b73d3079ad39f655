import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../helpers/config.js';
import { pseudonym } from '../../src/auth/pseudonym.js';
import { deleteKeys, redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { withDatabase } from '../helpers/database.js';
import { persona, startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';

const CASES = '{ cases { totalCount agencyStatuses { agency { code } status reason } } }';
const CONSENTS = '{ viewer { consents { agency { code } portal notifications givenAt withdrawnAt } } }';
const GIVE = /* GraphQL */ `
  mutation ($agency: ID!, $notifications: Boolean!) {
    giveConsent(input: { agency: $agency, notifications: $notifications }) {
      consent {
        agency {
          code
        }
        portal
        notifications
        givenAt
        withdrawnAt
      }
      errors {
        code
        message
        field
      }
    }
  }
`;
const WITHDRAW = /* GraphQL */ `
  mutation ($agency: ID!) {
    withdrawConsent(input: { agency: $agency }) {
      consent {
        agency {
          code
        }
        portal
        notifications
        givenAt
        withdrawnAt
      }
      errors {
        code
        message
        field
      }
    }
  }
`;

interface Statuses {
  cases: {
    totalCount: number;
    agencyStatuses: { agency: { code: string }; status: string; reason: string | null }[];
  };
}
interface ConsentShape {
  agency: { code: string };
  portal: boolean;
  notifications: boolean;
  givenAt: string | null;
  withdrawnAt: string | null;
}
interface GivePayload {
  giveConsent: {
    consent: ConsentShape | null;
    errors: { code: string; message: string; field: string[] | null }[];
  };
}
interface WithdrawPayload {
  withdrawConsent: { consent: ConsentShape | null; errors: { code: string }[] };
}

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

const callsAt = (agency: 'npe' | 'helseklage' | 'stpk') => stack.mocks.agencies[agency].stats.total;

function statuses(body: { data?: Statuses | null }) {
  return Object.fromEntries(body.data?.cases.agencyStatuses.map((s) => [s.agency.code, s.status]) ?? []);
}

describe('consent at first use', () => {
  it('before consent, NPE and Helseklage say CONSENT_REQUIRED and are not asked anything', async () => {
    const token = await stack.token('proxy', { consent: false });
    const before = [callsAt('npe'), callsAt('helseklage')];
    const { body } = await stack.graphql<Statuses>(CASES, { token });
    expect(statuses(body)).toEqual({
      npe: 'CONSENT_REQUIRED',
      helseklage: 'CONSENT_REQUIRED',
      stpk: 'NOT_ELIGIBLE',
      patienterstatningen: 'NOT_ELIGIBLE',
    });
    expect(body.data?.cases.totalCount).toBe(0);
    const own = stack.mocks.world.cases.npe.find((c) =>
      c.participants.some((p) => p.nationalId === persona('proxy').login.pid),
    );
    const { body: byId } = await stack.graphql('query ($id: ID!) { case(id: $id) { id } }', {
      token,
      variables: { id: `npe:${own?.caseNumber}` },
    });
    expect(byId.errors?.[0]?.extensions).toEqual({ code: 'CONSENT_REQUIRED', agency: 'npe' });
    expect([callsAt('npe'), callsAt('helseklage')]).toEqual(before);
  });

  it('STPK asks for no consent: a Danish citizen sees her case at once', async () => {
    const { body } = await stack.graphql<Statuses>(CASES, {
      token: await stack.token('citizen-dk', { consent: false }),
    });
    expect(statuses(body)).toMatchObject({ stpk: 'OK' });
    expect(body.data?.cases.totalCount).toBe(1);
    const { body: consents } = await stack.graphql(CONSENTS, { token: await stack.token('citizen-dk') });
    expect(consents.data).toEqual({ viewer: { consents: [] } });
  });

  it('giving consent tells the agency, records it with a timestamp, and opens that agency only', async () => {
    const token = await stack.token('guardian', { consent: false });
    const { body: initial } = await stack.graphql(CONSENTS, { token });
    expect(initial.data).toEqual({
      viewer: {
        consents: [
          { agency: { code: 'npe' }, portal: false, notifications: false, givenAt: null, withdrawnAt: null },
          {
            agency: { code: 'helseklage' },
            portal: false,
            notifications: false,
            givenAt: null,
            withdrawnAt: null,
          },
        ],
      },
    });
    const { body } = await stack.graphql<GivePayload>(GIVE, {
      token,
      variables: { agency: 'helseklage', notifications: false },
    });
    const given = body.data?.giveConsent;
    expect(given?.errors).toEqual([]);
    expect(given?.consent).toMatchObject({
      agency: { code: 'helseklage' },
      portal: true,
      notifications: false,
      withdrawnAt: null,
    });
    expect(Date.now() - Date.parse(given?.consent?.givenAt ?? '')).toBeLessThan(10_000);
    expect(stack.mocks.agencies.helseklage.consents.get(persona('guardian').login.pid ?? '')).toEqual({
      portal: true,
      notifications: false,
      at: given?.consent?.givenAt,
    });
    const npeBefore = callsAt('npe');
    const { body: cases } = await stack.graphql<Statuses>(CASES, { token });
    expect(statuses(cases)).toEqual({
      npe: 'CONSENT_REQUIRED',
      helseklage: 'OK',
      stpk: 'NOT_ELIGIBLE',
      patienterstatningen: 'NOT_ELIGIBLE',
    });
    expect(cases.data?.cases.totalCount).toBe(1);
    expect(callsAt('npe')).toBe(npeBefore);
  });

  it('after withdrawal nothing of the agency is fetched again, and the agency is told', async () => {
    const token = await stack.token('represented-party', { consent: false });
    await stack.graphql(GIVE, { token, variables: { agency: 'npe', notifications: true } });
    const { body: open } = await stack.graphql<Statuses>(CASES, { token });
    expect(statuses(open).npe).toBe('OK');
    const { body } = await stack.graphql<WithdrawPayload>(WITHDRAW, { token, variables: { agency: 'npe' } });
    expect(body.data?.withdrawConsent.consent).toMatchObject({ portal: false, notifications: false });
    expect(body.data?.withdrawConsent.consent?.givenAt).not.toBeNull();
    expect(body.data?.withdrawConsent.consent?.withdrawnAt).not.toBeNull();
    expect(stack.mocks.agencies.npe.consents.get(persona('represented-party').login.pid ?? '')).toMatchObject(
      { portal: false },
    );
    const before = callsAt('npe');
    const { body: closed } = await stack.graphql<Statuses>(CASES, { token });
    expect(statuses(closed).npe).toBe('CONSENT_REQUIRED');
    expect(callsAt('npe')).toBe(before);
  });

  it('when the agency cannot be reached, nothing is recorded and the payload says so', async () => {
    const token = await stack.token('bereaved', { consent: false });
    stack.mocks.agencies.helseklage.setFaults({ down: true });
    try {
      const { body } = await stack.graphql<GivePayload>(GIVE, {
        token,
        variables: { agency: 'helseklage', notifications: true },
      });
      expect(body.data?.giveConsent.consent).toBeNull();
      expect(body.data?.giveConsent.errors.map((e) => e.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }
    const { body: consents } = await stack.graphql<{ viewer: { consents: ConsentShape[] } }>(CONSENTS, {
      token,
    });
    expect(consents.data?.viewer.consents.find((c) => c.agency.code === 'helseklage')?.portal).toBe(false);
  });

  it('refuses consent the user cannot give, saying which field is wrong', async () => {
    const token = await stack.token('stranger', { consent: false });
    for (const agency of ['stpk', 'nosuchagency']) {
      const { body } = await stack.graphql<GivePayload>(GIVE, {
        token,
        variables: { agency, notifications: true },
      });
      expect(body.data?.giveConsent).toMatchObject({
        consent: null,
        errors: [{ code: 'BAD_USER_INPUT', field: ['input', 'agency'] }],
      });
    }
    const dnumber = await stack.token('dnumber', { consent: false });
    const { body } = await stack.graphql<GivePayload>(GIVE, {
      token: dnumber,
      variables: { agency: 'npe', notifications: true },
    });
    expect(body.data?.giveConsent.errors.map((e) => e.code)).toEqual(['NOT_ELIGIBLE']);
    const anonymous = await stack.graphql(GIVE, { variables: { agency: 'npe', notifications: true } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('consent in PostgreSQL', () => {
  const prefix = uniquePrefix();
  let first: GraphClient;
  let second: GraphClient;
  const raw = createClient({ url: redisTestUrl() });

  beforeAll(async () => {
    // Two instances on one Redis; the stack gives both the same records schema.
    const env = { REDIS_URL: redisTestUrl(), REDIS_KEY_PREFIX: prefix };
    first = await stack.gatewayWith(env);
    second = await stack.gatewayWith(env);
    await raw.connect();
  });
  afterAll(async () => {
    await raw.quit();
  });

  it('given on one gateway instance, holds on another', async () => {
    const token = await stack.token('lawyer-many', { consent: false });
    await first.graphql(GIVE, { token, variables: { agency: 'npe', notifications: true } });
    const { body } = await second.graphql<Statuses>(CASES, { token });
    expect(statuses(body)).toMatchObject({ npe: 'OK', helseklage: 'CONSENT_REQUIRED' });
  });

  it('outlives Redis: with every key of the instances gone, the consent still holds', async () => {
    expect((await raw.keys(`${prefix}*`)).filter((k) => k.includes('consent'))).toEqual([]);
    await deleteKeys(raw, prefix);
    const token = await stack.token('lawyer-many', { consent: false });
    const { body } = await second.graphql<Statuses>(CASES, { token });
    expect(statuses(body).npe).toBe('OK');
  });

  it('is kept under the pseudonym with its history: given, withdrawn, when and with which login', async () => {
    const token = await stack.token('second-lawyer', { consent: false });
    await first.graphql(GIVE, { token, variables: { agency: 'helseklage', notifications: true } });
    await second.graphql(WITHDRAW, { token, variables: { agency: 'helseklage' } });
    const secret = configFrom(stack.mocks.gatewayEnvironment()).storeSecret;
    const nationalId = persona('second-lawyer').login.pid ?? '';
    const person = pseudonym(secret, nationalId);
    const rows = await withDatabase(async (client) => {
      await client.query(`SET search_path TO ${stack.database.DATABASE_SCHEMA}`);
      const changes = await client.query(
        'SELECT person, agency, change, notifications, login FROM consent_changes WHERE person = $1 ORDER BY id',
        [person],
      );
      const all = await client.query('SELECT * FROM consents');
      return { changes: changes.rows, all: all.rows };
    });
    expect(rows.changes).toEqual([
      { person, agency: 'helseklage', change: 'GIVEN', notifications: true, login: 'idporten/high' },
      { person, agency: 'helseklage', change: 'WITHDRAWN', notifications: false, login: 'idporten/high' },
    ]);
    expect(JSON.stringify(rows)).not.toContain(nationalId);
  });
});
