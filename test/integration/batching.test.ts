import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const CONNECTIONS = 4;
const LAWYER_OVERVIEW = /* GraphQL */ `
  query LawyerOverview($first: Int!, $agencies: [ID!]) {
    cases(first: $first, filter: { agencies: $agencies }) {
      totalCount
      nodes {
        id
        status
        expectedDecisionAt
        viewerAccess {
          status
          reason
        }
        documents {
          id
          title
          direction
        }
      }
    }
  }
`;

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack({ env: { UPSTREAM_CONNECTIONS: String(CONNECTIONS) } });
  token = await stack.token('lawyer-many');
});
afterAll(async () => {
  await stack.close();
});

function resetCounts(): void {
  for (const mock of Object.values(stack.mocks.agencies)) mock.resetStats();
}

async function overview(first: number, agencies?: string[]) {
  resetCounts();
  const { body } = await stack.graphql<{
    cases: {
      totalCount: number;
      nodes: {
        id: string;
        viewerAccess: { status: string; reason: string | null };
        documents: unknown[] | null;
      }[];
    };
  }>(LAWYER_OVERVIEW, {
    token,
    variables: { first, agencies },
  });
  // The only errors a lawyer's overview may hold: what a case closed to them does not show.
  const closed = body.data!.cases.nodes.flatMap((n, i) => (n.viewerAccess.status === 'CLOSED' ? [i] : []));
  expect(body.errors?.map((e) => [e.path, e.extensions?.code]) ?? []).toEqual(
    closed.flatMap((i) => [
      [['cases', 'nodes', i, 'expectedDecisionAt'], 'FORBIDDEN'],
      [['cases', 'nodes', i, 'documents'], 'FORBIDDEN'],
    ]),
  );
  return {
    closed: closed.length,
    nodes: body.data!.cases.nodes,
    npe: { ...stack.mocks.agencies.npe.stats },
    helseklage: { ...stack.mocks.agencies.helseklage.stats },
  };
}

describe('batching, counted at the mock agencies', () => {
  it('100 NPE cases with their documents take a small fixed number of NPE calls, the same as 10 cases', async () => {
    const hundred = await overview(100, ['npe']);
    const ten = await overview(10, ['npe']);
    expect(hundred.nodes).toHaveLength(100);
    expect(ten.nodes).toHaveLength(10);
    expect(hundred.nodes.every((n) => (n.documents?.length ?? 0) > 0)).toBe(true);
    // The search pages (200 per page), one batch of cases, one batch of document lists.
    const searchPages = hundred.npe.byRoute['POST /api/v1/saker/sok'];
    expect(searchPages).toBeGreaterThanOrEqual(1);
    expect(hundred.npe.byRoute).toEqual({
      'POST /api/v1/saker/sok': searchPages,
      'POST /api/v1/saker/hent': 1,
      'POST /api/v1/saker/dokumentlister': 1,
    });
    expect(hundred.npe.total).toBeLessThanOrEqual(4);
    expect(ten.npe.byRoute).toEqual(hundred.npe.byRoute);
  });

  it('Helseklage, which has no batch endpoint, gets one call per case, never more than the connection cap at once', async () => {
    // With real latency the requests overlap, so the cap is what limits them.
    stack.mocks.agencies.helseklage.setFaults({ delayMs: 20 });
    const { nodes, helseklage, closed } = await overview(30, ['helseklage']).finally(() =>
      stack.mocks.agencies.helseklage.setFaults({}),
    );
    expect(nodes).toHaveLength(30);
    expect(helseklage.byRoute['GET /api/cases/:caseId']).toBe(30);
    // A case closed to the viewer (two lawyers) has its documents neither shown nor fetched.
    expect(closed).toBe(1);
    expect(helseklage.byRoute['GET /api/cases/:caseId/documents']).toBe(30 - closed);
    expect(helseklage.peakInFlight).toBe(CONNECTIONS);
    expect(helseklage.peakInFlight).toBeLessThanOrEqual(CONNECTIONS);
  });

  it('a mixed page of 100 still takes the same few NPE calls', async () => {
    const { nodes, npe } = await overview(100);
    expect(nodes).toHaveLength(100);
    expect(nodes.some((n) => n.id.startsWith('helseklage:'))).toBe(true);
    expect(npe.total).toBeLessThanOrEqual(4);
    expect(npe.byRoute['POST /api/v1/saker/hent']).toBe(1);
    expect(npe.byRoute['POST /api/v1/saker/dokumentlister']).toBe(1);
  });

  it('a case asked for twice in one request is fetched once (the loader de-duplicates)', async () => {
    resetCounts();
    const { body } = await stack.graphql<{
      cases: { nodes: { id: string; relatedCases: { id: string }[] }[] };
    }>(
      '{ cases(first: 1, filter: { agencies: ["npe"] }) { nodes { id } } again: cases(first: 1, filter: { agencies: ["npe"] }) { nodes { id } } }',
      { token },
    );
    expect(body.errors).toBeUndefined();
    expect(stack.mocks.agencies.npe.stats.byRoute['POST /api/v1/saker/hent']).toBe(1);
    expect(stack.mocks.agencies.npe.stats.byRoute['POST /api/v1/saker/sok']).toBeLessThanOrEqual(2);
  });
});
