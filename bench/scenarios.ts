/**
 * The three workloads the benchmark measures (and test/integration/budgets.test.ts counts calls for):
 * the operations a portal's frontend sends most.
 */
import type { World } from '../mocks/seed/model.js';
import { loadPersonas } from '../mocks/seed/personas.js';

export interface Scenario {
  key: 'W1' | 'W2' | 'W3';
  title: string;
  persona: string;
  query: string;
  variables: Record<string, unknown>;
  /** The floor server's path for the same work. */
  floorPath: string;
}

export const W1_CITIZEN_DASHBOARD = /* GraphQL */ `
  query CitizenDashboard {
    cases(first: 20) {
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
        title
        status
        statusLabel
        timeline {
          code
          label
          state
        }
        documents(first: 3) {
          id
          title
          date
          direction
        }
      }
    }
  }
`;

export const W2_LAWYER_OVERVIEW = /* GraphQL */ `
  query LawyerOverview($first: Int!) {
    cases(first: $first) {
      totalCount
      nodes {
        id
        caseNumber
        status
        expectedDecisionAt
        unreadDocumentCount
      }
    }
  }
`;

export const W3_CASE_DETAIL = /* GraphQL */ `
  query CaseDetail($id: ID!) {
    case(id: $id) {
      id
      title
      status
      timeline {
        code
        label
        state
        completedAt
        expectedAt
      }
      documents {
        id
        title
        date
        direction
        commentDeadline
      }
      participants {
        name
        role
      }
      forms {
        id
        code
        title
      }
      relatedCases {
        id
        title
        status
      }
    }
  }
`;

function pid(key: string): string {
  const login = loadPersonas().find((p) => p.key === key)?.login;
  if (!login?.pid) throw new Error(`no Norwegian persona ${key}`);
  return login.pid;
}

/** Ingrid's NPE claim, the one she appealed to Helseklage: a case with documents, forms and a related case. */
export function detailCaseId(world: World): string {
  const ingrid = pid('citizen-npe-helseklage');
  const found = world.cases.npe.find(
    (c) => c.appealedTo && c.participants.some((p) => p.role === 'PARTY' && p.nationalId === ingrid),
  );
  if (!found) throw new Error('the seed has no appealed NPE claim for Ingrid');
  return `npe:${found.caseNumber}`;
}

export function scenarios(world: World): Scenario[] {
  const caseId = detailCaseId(world);
  return [
    {
      key: 'W1',
      title: 'citizen dashboard (Ingrid: NPE and Helseklage)',
      persona: 'citizen-npe-helseklage',
      query: W1_CITIZEN_DASHBOARD,
      variables: {},
      floorPath: `/w1?person=${pid('citizen-npe-helseklage')}`,
    },
    {
      key: 'W2',
      title: 'lawyer overview (lawyer-many, 100 cases)',
      persona: 'lawyer-many',
      query: W2_LAWYER_OVERVIEW,
      variables: { first: 100 },
      floorPath: `/w2?person=${pid('lawyer-many')}&first=100`,
    },
    {
      key: 'W3',
      title: 'case detail (Ingrid’s appealed NPE claim)',
      persona: 'citizen-npe-helseklage',
      query: W3_CASE_DETAIL,
      variables: { id: caseId },
      floorPath: `/w3?case=${encodeURIComponent(caseId)}`,
    },
  ];
}

/** Every answer must be data; the only errors allowed are FORBIDDEN on a case closed to the viewer. */
export function answerIsClean(body: string | Buffer | undefined): boolean {
  try {
    const parsed = JSON.parse(String(body)) as {
      data?: unknown;
      errors?: { extensions?: { code?: string } }[];
    };
    return Boolean(parsed.data) && (parsed.errors ?? []).every((e) => e.extensions?.code === 'FORBIDDEN');
  } catch {
    return false;
  }
}
