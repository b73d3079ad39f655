/**
 * Every rule of domain.md §4, one row each: the persona that exercises it, what they see at the agency,
 * what they may do there, and the reason they are given when refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyDocuments } from '../helpers/agency-api.js';
import { persona, startTestStack, type TestStack } from '../helpers/stack.js';

const QUERY = /* GraphQL */ `
  {
    cases(first: 100) {
      agencyStatuses {
        agency {
          code
        }
        status
        reason
        message
        requiredAssurance
      }
      nodes {
        id
        agency {
          code
        }
        viewerRole
        viewerCan {
          seeDocuments
          readDocumentContent
          submitInformation
          fillForms
        }
        viewerAccess {
          status
          reason
          message
        }
      }
    }
  }
`;

interface Answer {
  cases: {
    agencyStatuses: {
      agency: { code: string };
      status: string;
      reason: string | null;
      message: string | null;
      requiredAssurance: string | null;
    }[];
    nodes: {
      id: string;
      agency: { code: string };
      viewerRole: string;
      viewerCan: Record<'seeDocuments' | 'readDocumentContent' | 'submitInformation' | 'fillForms', boolean>;
      viewerAccess: { status: string; reason: string | null; message: string | null };
    }[];
  };
}

const FULL = { seeDocuments: true, readDocumentContent: true, submitInformation: true, fillForms: true };
const READ_ONLY_WITH_FORMS = { ...FULL, submitInformation: false };
const OVERVIEW_ONLY = {
  seeDocuments: true,
  readDocumentContent: false,
  submitInformation: false,
  fillForms: false,
};
const NOTHING = {
  seeDocuments: false,
  readDocumentContent: false,
  submitInformation: false,
  fillForms: false,
};

type Agency = 'npe' | 'helseklage' | 'stpk';

interface CaseRow {
  role: string;
  access?: 'OPEN' | 'CLOSED';
  reason?: string;
  can: typeof FULL;
}

interface Row {
  rule: string;
  persona: string;
  /** Log in differently than personas.json says (e.g. a lower assurance level). */
  login?: { pid: string; acr: string };
  agency: Agency;
  /** The agency's status for the viewer, with its reason when refused. */
  status: 'OK' | 'NOT_ELIGIBLE';
  reason?: string;
  /** Every case the viewer sees at the agency (in any order); omitted: "some, each like this". */
  cases?: CaseRow[];
  each?: CaseRow;
}

const ROWS: Row[] = [
  // Helseklage (helseklage.no, Min side)
  {
    rule: 'a party with fødselsnummer and a registered mobile uses it fully',
    persona: 'citizen-npe-helseklage',
    agency: 'helseklage',
    status: 'OK',
    cases: [
      { role: 'PARTY', can: FULL },
      { role: 'PARTY', can: FULL },
    ],
  },
  {
    rule: 'a party without a mobile registered in the case is told to register one',
    persona: 'missing-mobile',
    agency: 'helseklage',
    status: 'OK',
    cases: [{ role: 'PARTY', access: 'CLOSED', reason: 'MISSING_CONTACT_INFO', can: NOTHING }],
  },
  {
    rule: 'a represented party reads and fills forms; the representative sends documents',
    persona: 'represented-party',
    agency: 'helseklage',
    status: 'OK',
    cases: [{ role: 'PARTY', can: READ_ONLY_WITH_FORMS }],
  },
  {
    rule: 'a lawyer with own national id and a direct e-mail uses it fully',
    persona: 'lawyer-many',
    agency: 'helseklage',
    status: 'OK',
    each: { role: 'LAWYER', can: FULL },
  },
  {
    rule: 'a lawyer with only a shared inbox is told to register a direct e-mail',
    persona: 'lawyer-shared-inbox',
    agency: 'helseklage',
    status: 'OK',
    cases: [{ role: 'LAWYER', access: 'CLOSED', reason: 'LAWYER_EMAIL_NOT_PERSONAL', can: NOTHING }],
  },
  {
    rule: 'a case with two lawyers is closed to both (the second lawyer)',
    persona: 'second-lawyer',
    agency: 'helseklage',
    status: 'OK',
    cases: [{ role: 'LAWYER', access: 'CLOSED', reason: 'TWO_LAWYERS', can: NOTHING }],
  },
  {
    rule: 'a proxy uses it fully',
    persona: 'proxy',
    agency: 'helseklage',
    status: 'OK',
    cases: [{ role: 'PROXY', can: FULL }],
  },
  {
    rule: 'a guardian may use it',
    persona: 'guardian',
    agency: 'helseklage',
    status: 'OK',
    cases: [{ role: 'GUARDIAN', can: FULL }],
  },
  {
    rule: 'the bereaved may use it',
    persona: 'bereaved',
    agency: 'helseklage',
    status: 'OK',
    cases: [{ role: 'BEREAVED', can: FULL }],
  },
  {
    rule: 'a person who has a guardian may not use it',
    persona: 'ward',
    agency: 'helseklage',
    status: 'NOT_ELIGIBLE',
    reason: 'HAS_GUARDIAN',
    cases: [],
  },
  {
    rule: 'a D-number is not admitted',
    persona: 'dnumber',
    agency: 'helseklage',
    status: 'NOT_ELIGIBLE',
    reason: 'NO_NORWEGIAN_ID',
    cases: [],
  },
  // NPE (npe.no, Mi side)
  {
    rule: 'the injured party uses it fully',
    persona: 'citizen-npe-helseklage',
    agency: 'npe',
    status: 'OK',
    cases: [{ role: 'PARTY', can: FULL }],
  },
  {
    rule: 'a lawyer uses it fully',
    persona: 'lawyer-many',
    agency: 'npe',
    status: 'OK',
    each: { role: 'LAWYER', can: FULL },
  },
  {
    rule: 'a proxy uses it fully (since August 2023)',
    persona: 'proxy',
    agency: 'npe',
    status: 'OK',
    cases: [{ role: 'PROXY', can: FULL }],
  },
  {
    rule: 'a represented party reads (their own documents only) and fills forms',
    persona: 'represented-party',
    agency: 'npe',
    status: 'OK',
    cases: [{ role: 'PARTY', can: READ_ONLY_WITH_FORMS }],
  },
  {
    rule: 'guardians may not use it yet',
    persona: 'guardian',
    agency: 'npe',
    status: 'NOT_ELIGIBLE',
    reason: 'ROLE_NOT_SUPPORTED',
    cases: [],
  },
  {
    rule: 'the bereaved may not use it yet',
    persona: 'bereaved',
    agency: 'npe',
    status: 'NOT_ELIGIBLE',
    reason: 'ROLE_NOT_SUPPORTED',
    cases: [],
  },
  {
    rule: 'a person who has a guardian may not use it',
    persona: 'ward',
    agency: 'npe',
    status: 'NOT_ELIGIBLE',
    reason: 'HAS_GUARDIAN',
    cases: [],
  },
  {
    rule: 'a closed case disappears 90 days after closing (the one closed 30 days ago stays)',
    persona: 'npe-closed-old',
    agency: 'npe',
    status: 'OK',
    cases: [{ role: 'PARTY', can: FULL }],
  },
  {
    rule: 'a D-number is not admitted',
    persona: 'dnumber',
    agency: 'npe',
    status: 'NOT_ELIGIBLE',
    reason: 'NO_NORWEGIAN_ID',
    cases: [],
  },
  {
    rule: 'a login below NPE’s required level is refused, with a hint',
    persona: 'citizen-npe-helseklage',
    login: { pid: '15838510075', acr: 'idporten-loa-substantial' },
    agency: 'npe',
    status: 'NOT_ELIGIBLE',
    reason: 'INSUFFICIENT_ASSURANCE',
    cases: [],
  },
  {
    rule: '… while Helseklage accepts that level',
    persona: 'citizen-npe-helseklage',
    login: { pid: '15838510075', acr: 'idporten-loa-substantial' },
    agency: 'helseklage',
    status: 'OK',
    cases: [
      { role: 'PARTY', can: FULL },
      { role: 'PARTY', can: FULL },
    ],
  },
  // STPK (Mit Overblik)
  {
    rule: 'the primary party follows their own case: timeline and document titles only; older and children’s cases do not exist',
    persona: 'citizen-dk',
    agency: 'stpk',
    status: 'OK',
    cases: [{ role: 'PARTY', can: OVERVIEW_ONLY }],
  },
  // Everywhere: each agency serves its own country's logins.
  {
    rule: 'a Norwegian login is not eligible at the Danish agency',
    persona: 'citizen-npe-helseklage',
    agency: 'stpk',
    status: 'NOT_ELIGIBLE',
    reason: 'OTHER_COUNTRY',
    cases: [],
  },
  {
    rule: 'a Danish login is not eligible at a Norwegian agency',
    persona: 'citizen-dk',
    agency: 'npe',
    status: 'NOT_ELIGIBLE',
    reason: 'OTHER_COUNTRY',
    cases: [],
  },
];

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

async function ask(row: Pick<Row, 'persona' | 'login'>, lang = 'en') {
  const token = await stack.token(row.login ?? row.persona);
  return stack.graphql<Answer>(QUERY, { token, headers: { 'accept-language': lang } });
}

function summary(c: Answer['cases']['nodes'][number]): CaseRow {
  return {
    role: c.viewerRole,
    ...(c.viewerAccess.status === 'CLOSED' ? { access: 'CLOSED', reason: c.viewerAccess.reason ?? '' } : {}),
    can: c.viewerCan,
  };
}

describe('who may see what, rule by rule (domain.md §4)', () => {
  it.each(ROWS.map((row) => [`${row.agency}: ${row.rule} [${row.persona}]`, row] as const))(
    '%s',
    async (_name, row) => {
      const { body } = await ask(row);
      const status = body.data?.cases.agencyStatuses.find((s) => s.agency.code === row.agency);
      expect([status?.status, status?.reason ?? undefined]).toEqual([row.status, row.reason]);
      if (row.status === 'NOT_ELIGIBLE') expect(status?.message).toMatch(/^\S+( \S+){4,}/);
      const nodes = body.data?.cases.nodes.filter((n) => n.agency.code === row.agency) ?? [];
      const seen = nodes.map(summary).map((c) => ({ access: 'OPEN', ...c }));
      if (row.cases) {
        const expected = row.cases.map((c) => ({ access: 'OPEN', ...c }));
        const key = (c: object) => JSON.stringify(c);
        expect(seen.map(key).sort()).toEqual(expected.map(key).sort());
      }
      if (row.each) {
        expect(seen.length).toBeGreaterThan(0);
        const open = seen.filter((c) => c.access === 'OPEN');
        expect(open.length).toBeGreaterThan(0);
        for (const c of open) expect(c).toEqual({ access: 'OPEN', ...row.each });
      }
      // Every case closed to the viewer explains itself in words.
      for (const n of nodes)
        if (n.viewerAccess.status === 'CLOSED') expect(n.viewerAccess.message).toMatch(/^\S+( \S+){4,}/);
    },
  );
});

describe('refusals and hidden cases, in detail', () => {
  it('a refused login costs the agency no call at all', async () => {
    const calls = () => stack.mocks.agencies.npe.stats.total + stack.mocks.agencies.helseklage.stats.total;
    const before = calls();
    const { body } = await ask({ persona: 'dnumber' });
    expect(body.data?.cases.nodes).toEqual([]);
    expect(calls()).toBe(before);
  });

  it('an insufficient login names the level that helps, in the viewer’s language', async () => {
    const login = { pid: '15838510075', acr: 'idporten-loa-substantial' };
    const { body } = await ask({ persona: 'citizen-npe-helseklage', login }, 'nb');
    const npe = body.data?.cases.agencyStatuses.find((s) => s.agency.code === 'npe');
    expect(npe).toMatchObject({
      status: 'NOT_ELIGIBLE',
      reason: 'INSUFFICIENT_ASSURANCE',
      requiredAssurance: 'HIGH',
    });
    expect(npe?.message).toMatch(/høyere sikkerhetsnivå/);
  });

  it('a two-lawyer case is closed to lawyer-many too, while the rest of their cases stay open', async () => {
    const token = await stack.token('lawyer-many');
    const { body } = await stack.graphql<Answer>(
      QUERY.replace('cases(first: 100)', 'cases(first: 100, filter: { agencies: ["helseklage"] })'),
      { token },
    );
    expect(body.data?.cases.nodes.length).toBeGreaterThan(20);
    const closed = body.data?.cases.nodes.filter((n) => n.viewerAccess.status === 'CLOSED') ?? [];
    expect(closed.map((c) => [c.agency.code, c.viewerAccess.reason])).toEqual([
      ['helseklage', 'TWO_LAWYERS'],
    ]);
    expect(closed[0]?.viewerCan).toEqual(NOTHING);
  });

  it('a case closed to the viewer hides its documents with FORBIDDEN, while the rest of the answer arrives', async () => {
    const token = await stack.token('missing-mobile');
    const { body } = await stack.graphql<{ cases: { nodes: { title: string; documents: unknown }[] } }>(
      '{ cases { nodes { title documents { id } } } }',
      { token },
    );
    expect(body.data?.cases.nodes).toEqual([{ title: expect.any(String) as string, documents: null }]);
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['cases', 'nodes', 0, 'documents'], 'FORBIDDEN'],
    ]);
  });

  it('cases hidden by rule do not exist for the viewer: the same NOT_FOUND as a case that never was', async () => {
    const dk = await stack.token('citizen-dk');
    const mette = persona('citizen-dk').login.cpr;
    const hers = stack.mocks.world.cases.stpk.filter((c) =>
      c.participants.some((p) => p.nationalId === mette),
    );
    const beforeCutoff = hers.find((c) => c.createdAt < '2025-11-01');
    const childs = hers.find((c) =>
      c.participants.some((p) => p.nationalId === mette && p.role === 'CUSTODY_HOLDER'),
    );
    const oldNpe = stack.mocks.world.cases.npe.find(
      (c) =>
        c.participants.some((p) => p.nationalId === persona('npe-closed-old').login.pid) &&
        c.closedAt &&
        Date.now() - Date.parse(c.closedAt) > 90 * 86_400_000,
    );
    const byId = async (token: string, id: string) =>
      (await stack.graphql('query ($id: ID!) { case(id: $id) { id } }', { token, variables: { id } })).body;
    const never = await byId(dk, 'stpk:20-999999');
    expect(never.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await byId(dk, `stpk:${beforeCutoff?.caseNumber}`)).toEqual(never);
    expect(await byId(dk, `stpk:${childs?.caseNumber}`)).toEqual(never);
    const ole = await stack.token('npe-closed-old');
    expect(await byId(ole, `npe:${oldNpe?.caseNumber}`)).toEqual(await byId(ole, 'npe:2019-99999'));
  });

  it('a case looked up by id while the viewer is refused says NOT_ELIGIBLE with the reason', async () => {
    const ward = await stack.token('ward');
    const wards = stack.mocks.world.cases.helseklage.find((c) =>
      c.participants.some((p) => p.nationalId === persona('ward').login.pid),
    );
    const { body } = await stack.graphql('query ($id: ID!) { case(id: $id) { id } }', {
      token: ward,
      variables: { id: `helseklage:${wards?.caseNumber}` },
    });
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'NOT_ELIGIBLE',
      reason: 'HAS_GUARDIAN',
      agency: 'helseklage',
    });
    const d = await stack.token('dnumber');
    const { body: dn } = await stack.graphql('{ case(id: "helseklage:2026/00001") { id } }', { token: d });
    expect(dn.errors?.[0]?.extensions).toEqual({
      code: 'NOT_ELIGIBLE',
      reason: 'NO_NORWEGIAN_ID',
      agency: 'helseklage',
    });
  });

  it('at NPE a represented party sees only the documents they sent or received themselves', async () => {
    const token = await stack.token('represented-party');
    const { body } = await stack.graphql<{ cases: { nodes: { id: string; documents: { id: string }[] }[] } }>(
      '{ cases(filter: { agencies: ["npe"] }) { nodes { id documents { id } } } }',
      { token },
    );
    const node = body.data?.cases.nodes[0];
    const anders = persona('represented-party').login.pid;
    const record = stack.mocks.world.cases.npe.find((c) => `npe:${c.caseNumber}` === node?.id);
    const own =
      record?.documents.filter(
        (d) => d.counterpartyId === anders && (d.journalType === 'I' || d.journalType === 'U'),
      ) ?? [];
    const shared = (await agencyDocuments(stack.mocks, node?.id ?? '')).filter((d) => !d.internal);
    expect(own.length).toBeGreaterThan(0);
    expect(shared.length).toBeGreaterThan(own.length);
    expect(node?.documents.map((d) => d.id).sort()).toEqual(own.map((d) => `npe:${d.id}`).sort());
  });
});

describe('field-level rules, as the SDL declares them', () => {
  const PARTICIPANTS =
    '{ cases { nodes { id participants { role isViewer name contact { mobile email } } } } }';
  interface Participants {
    cases: {
      nodes: {
        id: string;
        participants: { role: string; isViewer: boolean; contact: { mobile: string | null } | null }[];
      }[];
    };
  }

  it('a party sees their own contact details but not their lawyer’s', async () => {
    const token = await stack.token('represented-party');
    const { body } = await stack.graphql<Participants>(PARTICIPANTS, { token });
    const npe = body.data?.cases.nodes.findIndex((n) => n.id.startsWith('npe:')) ?? -1;
    const people = body.data?.cases.nodes[npe]?.participants ?? [];
    expect(people.find((p) => p.isViewer)?.contact?.mobile).toMatch(/^\+47/);
    const lawyer = people.findIndex((p) => p.role === 'LAWYER');
    expect(people[lawyer]?.contact).toBeNull();
    expect(body.errors).toContainEqual(
      expect.objectContaining({
        path: ['cases', 'nodes', npe, 'participants', lawyer, 'contact'],
        extensions: { code: 'FORBIDDEN' },
      }),
    );
  });

  it('a lawyer on the case sees the party’s contact details', async () => {
    const token = await stack.token('lawyer-many');
    const { body } = await stack.graphql<Participants>(
      PARTICIPANTS.replace('cases {', 'cases(first: 5, filter: { agencies: ["npe"] }) {'),
      {
        token,
      },
    );
    expect(body.errors).toBeUndefined();
    const parties =
      body.data?.cases.nodes.flatMap((n) => n.participants.filter((p) => p.role === 'PARTY')) ?? [];
    expect(parties.length).toBe(5);
    expect(parties.filter((p) => p.contact !== null)).toHaveLength(5);
  });

  it('a case closed to the viewer shows what and where it is, and refuses its timeline', async () => {
    const token = await stack.token('missing-mobile');
    const { body } = await stack.graphql<{
      cases: { nodes: { title: string; statusLabel: string; timeline: unknown }[] };
    }>('{ cases { nodes { title statusLabel viewerAccess { status } timeline { code } } } }', { token });
    expect(body.data?.cases.nodes).toEqual([
      {
        title: expect.any(String) as string,
        statusLabel: expect.any(String) as string,
        viewerAccess: { status: 'CLOSED' },
        timeline: null,
      },
    ]);
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['cases', 'nodes', 0, 'timeline'], 'FORBIDDEN'],
    ]);
  });
});

describe('compensation amounts through the graph', () => {
  it('the party sees the amount NPE decided, and so does a lawyer on such cases', async () => {
    const query =
      '{ cases(first: 100, filter: { agencies: ["npe"] }) { nodes { outcome { code compensation { amount currency } } } } }';
    interface Amounts {
      cases: {
        nodes: {
          outcome: { code: string; compensation: { amount: number; currency: string } | null } | null;
        }[];
      };
    }
    const { body } = await stack.graphql<Amounts>(query, { token: await stack.token('npe-closed-old') });
    expect(body.errors).toBeUndefined();
    const amount = body.data?.cases.nodes[0]?.outcome?.compensation;
    expect(amount?.currency).toBe('NOK');
    expect(amount?.amount).toBeGreaterThanOrEqual(10_000);
    const lawyer = await stack.graphql<Amounts>(query, { token: await stack.token('lawyer-many') });
    expect(lawyer.body.errors).toBeUndefined();
    expect(lawyer.body.data?.cases.nodes.some((n) => (n.outcome?.compensation?.amount ?? 0) > 0)).toBe(true);
  });
});
