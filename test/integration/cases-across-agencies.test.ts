import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_CODES } from '../../mocks/seed/model.js';
import { agencySteps, listedCaseIds } from '../helpers/agency-api.js';
import { persona, startTestStack, type GraphResponse, type TestStack } from '../helpers/stack.js';

const CASES_PAGE = /* GraphQL */ `
  query Cases($first: Int, $after: String) {
    cases(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      agencyStatuses {
        agency {
          code
        }
        status
        reason
      }
      nodes {
        id
        agency {
          code
        }
        viewerRole
        viewerAccess {
          status
        }
        timeline {
          code
          state
          completedAt
          expectedAt
        }
      }
    }
  }
`;

interface CasesPage {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    agencyStatuses: { agency: { code: string }; status: string; reason: string | null }[];
    nodes: {
      id: string;
      agency: { code: string };
      viewerRole: string;
      viewerAccess: { status: string };
      timeline: { code: string; state: string; completedAt: string | null; expectedAt: string | null }[];
    }[];
  };
}

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

/** Walks every page of the viewer's cases. */
async function allCases(token: string, pageSize = 50): Promise<CasesPage['cases']['nodes']> {
  const nodes: CasesPage['cases']['nodes'] = [];
  let after: string | null = null;
  for (;;) {
    const response: GraphResponse<CasesPage> = await stack.graphql<CasesPage>(CASES_PAGE, {
      token,
      variables: { first: pageSize, after },
    });
    const page: CasesPage['cases'] = response.body.data!.cases;
    // The only errors allowed: the timeline of a case closed to the viewer (two lawyers, no mobile…).
    const closed = page.nodes.flatMap((n, i) => (n.viewerAccess.status === 'CLOSED' ? [i] : []));
    expect(response.body.errors?.map((e) => [e.path, e.extensions?.code]) ?? []).toEqual(
      closed.map((i) => [['cases', 'nodes', i, 'timeline'], 'FORBIDDEN']),
    );
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const STATE_OF = {
  FULLFORT: 'COMPLETED',
  PAGAR: 'CURRENT',
  KOMMENDE: 'UPCOMING',
  done: 'COMPLETED',
  active: 'CURRENT',
  pending: 'UPCOMING',
  AFSLUTTET: 'COMPLETED',
  IGANG: 'CURRENT',
} as Record<string, string>;

describe('a person sees the cases the agencies list them on, less what the portal rules hide', () => {
  // These personas are listed only where the rules admit them: they see exactly what the agencies list.
  // The personas the rules restrict are in access.test.ts, row by row.
  it.each([
    'citizen-npe-helseklage',
    'represented-party',
    'proxy',
    'missing-mobile',
    'second-lawyer',
    'citizen-dk-compensation',
    'stranger',
  ])('%s: the graph returns the same cases as the agencies’ own searches, across agencies', async (key) => {
    const p = persona(key);
    const nationalId = p.login.pid ?? p.login.cpr ?? '';
    const expected = await listedCaseIds(stack.mocks, nationalId);
    const nodes = await allCases(await stack.token(key), 2);
    expect(nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    if (p.listedOn) {
      const byAgency = Object.fromEntries(
        AGENCY_CODES.map((code) => [code, nodes.filter((n) => n.agency.code === code).length]),
      );
      expect(byAgency).toEqual(p.listedOn);
    }
  });

  it('lawyer-many pages through all of their 250+ cases without gaps or repeats, NPE’s long-closed ones gone', async () => {
    const listed = await listedCaseIds(stack.mocks, persona('lawyer-many').login.pid ?? '');
    // NPE's rule, computed from the agency's own closing dates: closed over 90 days ago is gone.
    const closedLongAgo = new Set(
      stack.mocks.world.cases.npe
        .filter((c) => c.closedAt && Date.now() - Date.parse(c.closedAt) > 90 * 86_400_000)
        .map((c) => `npe:${c.caseNumber}`),
    );
    const expected = listed.filter((id) => !closedLongAgo.has(id));
    expect(listed.length - expected.length).toBeGreaterThan(10);
    const nodes = await allCases(await stack.token('lawyer-many'), 100);
    expect(expected.length).toBeGreaterThanOrEqual(250);
    expect(nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    expect(new Set(nodes.map((n) => n.agency.code))).toEqual(new Set(['npe', 'helseklage']));
    expect(nodes.filter((n) => n.viewerRole === 'LAWYER').length).toBe(nodes.length);
  });

  it('timeline states match each agency’s own steps (skipped steps left out)', async () => {
    for (const key of ['citizen-npe-helseklage', 'citizen-dk', 'bereaved', 'npe-closed-old']) {
      for (const node of await allCases(await stack.token(key))) {
        const raw = await agencySteps(stack.mocks, node.id);
        const expected = raw
          .filter((s) => s.state !== 'HOPPET_OVER')
          .map((s) => ({ code: s.code, state: STATE_OF[s.state] }));
        expect(node.timeline.map((s) => ({ code: s.code, state: s.state }))).toEqual(expected);
        // A linear timeline: completed steps, at most one current, then upcoming; dates where they belong.
        const states = node.timeline.map((s) => s.state).join(',');
        expect(states).toMatch(/^(COMPLETED,?)*(CURRENT,?)?(UPCOMING,?)*$/);
        for (const step of node.timeline) {
          expect(step.state === 'COMPLETED' ? step.completedAt : step.expectedAt).not.toBeNull();
        }
      }
    }
  });

  it('the NPE claim and its Helseklage appeal link to each other', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const { body } = await stack.graphql<{
      cases: { nodes: { id: string; caseType: { code: string }; relatedCases: { id: string }[] }[] };
    }>('{ cases { nodes { id caseType { code } relatedCases { id } } } }', { token });
    const nodes = body.data!.cases.nodes;
    const npe = nodes.find((n) => n.id.startsWith('npe:'));
    const appeal = nodes.find((n) => n.caseType.code === 'PSN_ANSVAR');
    expect(npe?.relatedCases.map((c) => c.id)).toEqual([appeal?.id]);
    expect(appeal?.relatedCases.map((c) => c.id)).toEqual([npe?.id]);
    expect(nodes.find((n) => n.caseType.code === 'HELFO_LEGEMIDLER')?.relatedCases).toEqual([]);
  });

  it('a Norwegian login is reported NOT_ELIGIBLE at the Danish agency, and a Danish one at the Norwegian agencies', async () => {
    const no = await stack.graphql<CasesPage>(CASES_PAGE, {
      token: await stack.token('citizen-npe-helseklage'),
    });
    const dk = await stack.graphql<CasesPage>(CASES_PAGE, { token: await stack.token('citizen-dk') });
    const statuses = (page: typeof no) =>
      Object.fromEntries(
        page.body.data!.cases.agencyStatuses.map((s) => [s.agency.code, `${s.status}:${s.reason ?? ''}`]),
      );
    expect(statuses(no)).toEqual({
      npe: 'OK:',
      helseklage: 'OK:',
      stpk: 'NOT_ELIGIBLE:OTHER_COUNTRY',
      patienterstatningen: 'NOT_ELIGIBLE:OTHER_COUNTRY',
    });
    expect(statuses(dk)).toEqual({
      npe: 'NOT_ELIGIBLE:OTHER_COUNTRY',
      helseklage: 'NOT_ELIGIBLE:OTHER_COUNTRY',
      stpk: 'OK:',
      patienterstatningen: 'OK:',
    });
  });

  it('labels follow Accept-Language in nb, nn, da and en', async () => {
    const token = await stack.token('citizen-dk');
    const query =
      '{ agencies { code name } cases(filter: { agencies: ["stpk"] }) { nodes { statusLabel caseType { label } timeline { label } } } }';
    const labelsIn = async (lang: string) =>
      (
        await stack.graphql<{
          cases: { nodes: { timeline: { label: string }[] }[] };
          agencies: { code: string; name: string }[];
        }>(query, {
          token,
          headers: { 'accept-language': lang },
        })
      ).body.data!;
    const [nb, nn, da, en] = await Promise.all(
      ['nb-NO,nb;q=0.9', 'nn', 'da-DK', 'en-GB,en;q=0.8'].map(labelsIn),
    );
    if (!nb || !nn || !da || !en) throw new Error('a language was not answered');
    expect(nb.cases.nodes[0]?.timeline[0]?.label).toBe('Klage mottatt');
    expect(nn.cases.nodes[0]?.timeline[0]?.label).toBe('Klage motteken');
    expect(da.cases.nodes[0]?.timeline[0]?.label).toBe('Klage modtaget');
    expect(en.cases.nodes[0]?.timeline[0]?.label).toBe('Complaint received');
    expect(en.agencies.find((a) => a.code === 'stpk')?.name).toBe('Danish Agency for Patient Complaints');
  });
});
