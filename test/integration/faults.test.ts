import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const UPSTREAM_TIMEOUT_MS = 600;
const DASHBOARD = /* GraphQL */ `
  {
    cases {
      totalCount
      agencyStatuses {
        agency {
          code
        }
        status
        reason
        asOf
      }
      nodes {
        id
      }
    }
  }
`;

interface Dashboard {
  cases: {
    totalCount: number;
    agencyStatuses: { agency: { code: string }; status: string; reason: string | null; asOf: string }[];
    nodes: { id: string }[];
  };
}

let stack: TestStack;
let ingrid: string;

beforeAll(async () => {
  // Without the safety net: these tests are about an agency failing with nothing known from before.
  stack = await startTestStack({
    env: {
      UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
      REQUEST_DEADLINE_MS: '2000',
      SAFETY_NET_TTL_SECONDS: '0',
    },
  });
  ingrid = await stack.token('citizen-npe-helseklage');
});
afterEach(() => {
  for (const mock of Object.values(stack.mocks.agencies)) mock.setFaults({});
});
afterAll(async () => {
  await stack.close();
});

function statusOf(body: { data?: Dashboard | null }, agency: string) {
  const entry = body.data?.cases.agencyStatuses.find((s) => s.agency.code === agency);
  return entry && `${entry.status}:${entry.reason ?? ''}`;
}

async function dashboard() {
  const started = performance.now();
  const response = await stack.graphql<Dashboard>(DASHBOARD, { token: ingrid });
  return { ...response, elapsed: performance.now() - started };
}

describe('one agency failing never empties the page', () => {
  it('with every agency up, Ingrid sees her NPE case and both Helseklage appeals', async () => {
    const { body } = await dashboard();
    expect(body.data?.cases.totalCount).toBe(3);
    expect(statusOf(body, 'npe')).toBe('OK:');
    expect(statusOf(body, 'helseklage')).toBe('OK:');
  });

  it('Helseklage down: the NPE case still arrives and agencyStatuses names Helseklage UNAVAILABLE', async () => {
    stack.mocks.agencies.helseklage.setFaults({ down: true });
    const { status, body } = await dashboard();
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.cases.nodes.map((n) => n.id)).toEqual([expect.stringMatching(/^npe:/)]);
    expect(body.data?.cases.totalCount).toBe(1);
    expect(statusOf(body, 'npe')).toBe('OK:');
    expect(statusOf(body, 'helseklage')).toBe('UNAVAILABLE:UPSTREAM_UNREACHABLE');
  });

  it('NPE slow beyond its timeout: the Helseklage cases arrive within the timeout, NPE is UNAVAILABLE', async () => {
    stack.mocks.agencies.npe.setFaults({ delayMs: 5_000 });
    const { body, elapsed } = await dashboard();
    expect(body.data?.cases.nodes.map((n) => n.id.split(':')[0])).toEqual(['helseklage', 'helseklage']);
    expect(statusOf(body, 'npe')).toBe('UNAVAILABLE:UPSTREAM_TIMEOUT');
    expect(elapsed).toBeLessThan(5_000);
  });

  it('a body that trickles in slower than the body timeout counts as a timeout', async () => {
    stack.mocks.agencies.helseklage.setFaults({ slowMs: 4 * UPSTREAM_TIMEOUT_MS * 10 });
    const { body } = await dashboard();
    expect(statusOf(body, 'helseklage')).toBe('UNAVAILABLE:UPSTREAM_TIMEOUT');
    expect(statusOf(body, 'npe')).toBe('OK:');
  });

  it('an agency answering 500: its part is UNAVAILABLE with the HTTP reason', async () => {
    stack.mocks.agencies.npe.setFaults({ errorRate: 1 });
    const { body } = await dashboard();
    expect(statusOf(body, 'npe')).toBe('UNAVAILABLE:UPSTREAM_HTTP_ERROR');
    expect(body.data?.cases.totalCount).toBe(2);
  });

  it('an answer that breaks the agency’s own schema is rejected by zod, not passed on', async () => {
    stack.mocks.agencies.helseklage.setFaults({ malformedRate: 1 });
    const { body } = await dashboard();
    expect(statusOf(body, 'helseklage')).toBe('UNAVAILABLE:UPSTREAM_BAD_RESPONSE');
    expect(body.data?.cases.nodes.every((n) => n.id.startsWith('npe:'))).toBe(true);
  });

  it('an agency failing after its list arrived: its cases leave the page and its status turns UNAVAILABLE', async () => {
    // The search answers; every single-case look-up then fails.
    stack.mocks.agencies.helseklage.setFaults({ errorRate: 1, onlyPaths: ['/api/cases/'] });
    const { body } = await dashboard();
    expect(body.errors).toBeUndefined();
    expect(statusOf(body, 'helseklage')).toBe('UNAVAILABLE:UPSTREAM_HTTP_ERROR');
    expect(body.data?.cases.nodes.map((n) => n.id.split(':')[0])).toEqual(['npe']);
    expect(body.data?.cases.totalCount).toBe(1);
  });

  it('a single case at a down agency answers UPSTREAM_UNAVAILABLE, not NOT_FOUND', async () => {
    const { body: listed } = await dashboard();
    const appeal = listed.data?.cases.nodes.find((n) => n.id.startsWith('helseklage:'));
    stack.mocks.agencies.helseklage.setFaults({ down: true });
    const { body } = await stack.graphql('query ($id: ID!) { case(id: $id) { id } }', {
      token: ingrid,
      variables: { id: appeal?.id },
    });
    expect(body.data).toEqual({ case: null });
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      agency: 'helseklage',
      reason: 'UPSTREAM_UNREACHABLE',
    });
  });

  it('documents that cannot be fetched come back null with UPSTREAM_UNAVAILABLE at their path; the cases stay', async () => {
    stack.mocks.agencies.npe.setFaults({ errorRate: 1, onlyPaths: ['/api/v1/saker/dokumentlister'] });
    const token = await stack.token('lawyer-many');
    const { body } = await stack.graphql<{
      cases: { nodes: { id: string; title: string; documents: unknown }[] };
    }>('{ cases(first: 2, filter: { agencies: ["npe"] }) { nodes { id title documents { id } } } }', {
      token,
    });
    expect(body.data?.cases.nodes).toHaveLength(2);
    expect(body.data?.cases.nodes.map((n) => n.documents)).toEqual([null, null]);
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['cases', 'nodes', 0, 'documents'], 'UPSTREAM_UNAVAILABLE'],
      [['cases', 'nodes', 1, 'documents'], 'UPSTREAM_UNAVAILABLE'],
    ]);
  });
});
