/**
 * "Who has seen my data" (issue 17): a party reads their case, their lawyer reads it, and the party's
 * `accessLog` shows both — by role, by the name the case gives them, on what basis, when — while nobody
 * else's log shows any of it. The operator's `npm run audit:subject` answers with the same entries; they
 * live in PostgreSQL (another gateway on the same records reads them) and go when the retention has passed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../src/auth/pseudonym.js';
import type { MockCase } from '../../mocks/seed/model.js';
import { persona, startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';

const run = promisify(execFile);
const SECRET = 'an-access-log-test-store-secret-of-some-length';

interface Entry {
  at: string;
  byViewer: boolean;
  actorName: string | null;
  actorRole: string | null;
  actorRoleLabel: string | null;
  identityProvider: string;
  action: string;
  actionLabel: string;
  basisLabel: string | null;
  caseId: string | null;
  object: string;
  outcome: string;
}
interface Answer {
  viewer: {
    accessLog: {
      nodes: Entry[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    };
  };
}

const ACCESS_LOG = /* GraphQL */ `
  query ($first: Int, $after: String, $filter: AccessLogFilter) {
    viewer {
      accessLog(first: $first, after: $after, filter: $filter) {
        nodes {
          at
          byViewer
          actorName
          actorRole
          actorRoleLabel
          identityProvider
          action
          actionLabel
          basisLabel
          caseId
          object
          outcome
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          endCursor
        }
      }
    }
  }
`;

let stack: TestStack;
let record: MockCase;
let caseId: string;
let partyPid: string;
let partyToken: string;
let lawyerToken: string;
let startedAt: number;

const lawyerPid = persona('lawyer-many').login.pid ?? '';

async function logOf(
  token: string,
  variables: Record<string, unknown> = {},
  gateway: Pick<GraphClient, 'graphql'> = stack,
  lang = 'en',
) {
  const { body } = await gateway.graphql<Answer>(ACCESS_LOG, {
    token,
    variables: { first: 100, ...variables },
    headers: { 'accept-language': lang },
  });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!.viewer.accessLog;
}

beforeAll(async () => {
  stack = await startTestStack({ env: { STORE_SECRET: SECRET } });
  // An open NPE case of one party and the lawyer, nobody else.
  record = stack.mocks.world.cases.npe.find(
    (c) =>
      !c.closedAt &&
      c.participants.length === 2 &&
      c.participants.some((p) => p.nationalId === lawyerPid && p.role === 'LAWYER') &&
      c.participants.some((p) => p.role === 'PARTY' && p.mobile),
  )!;
  caseId = `npe:${record.caseNumber}`;
  partyPid = record.participants.find((p) => p.role === 'PARTY')!.nationalId;
  startedAt = Date.now();
  partyToken = await stack.token({ pid: partyPid, acr: 'idporten-loa-high' });
  lawyerToken = await stack.token('lawyer-many');
  const read = 'query ($id: ID!) { case(id: $id) { id documents { id } } }';
  expect(
    (await stack.graphql(read, { token: partyToken, variables: { id: caseId } })).body.errors,
  ).toBeUndefined();
  expect(
    (await stack.graphql(read, { token: lawyerToken, variables: { id: caseId } })).body.errors,
  ).toBeUndefined();
});
afterAll(async () => {
  await stack.close();
});

describe('who has seen my data', () => {
  it('shows the party their own reads and their lawyer’s, with role, name, basis and time', async () => {
    const log = await logOf(partyToken, { filter: { caseId } });
    const lawyerName = record.participants.find((p) => p.role === 'LAWYER')!.name;
    const partyName = record.participants.find((p) => p.role === 'PARTY')!.name;
    const byLawyer = log.nodes.filter((e) => !e.byViewer);
    const own = log.nodes.filter((e) => e.byViewer && e.caseId === caseId);
    // Newest first: the lawyer read after the party.
    expect(log.nodes[0]?.byViewer).toBe(false);
    expect(byLawyer.map((e) => e.action).sort()).toEqual(['READ_CASE', 'READ_DOCUMENT_LIST']);
    expect(byLawyer[0]).toMatchObject({
      actorName: lawyerName,
      actorRole: 'LAWYER',
      actorRoleLabel: 'Lawyer',
      identityProvider: 'IDPORTEN',
      basisLabel: 'Registered in the case by the agency',
      caseId,
      outcome: 'GRANTED',
    });
    expect(own.map((e) => e.action).sort()).toEqual(['READ_CASE', 'READ_DOCUMENT_LIST']);
    expect(own[0]).toMatchObject({ actorName: partyName, actorRole: 'PARTY', outcome: 'GRANTED' });
    for (const entry of log.nodes) {
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(startedAt - 1_000);
      expect(Date.parse(entry.at)).toBeLessThanOrEqual(Date.now());
    }
    // In Norwegian too.
    const norsk = await logOf(partyToken, { filter: { caseId, othersOnly: true } }, stack, 'nb');
    expect(norsk.nodes.map((e) => e.byViewer)).toEqual([false, false]);
    expect(norsk.nodes[0]).toMatchObject({
      actorRoleLabel: 'Advokat',
      basisLabel: 'Registrert i saken hos etaten',
    });
    expect(norsk.nodes.map((e) => e.actionLabel).sort()).toEqual([
      'Leste saken',
      'Så listen over dokumenter',
    ]);
  });

  it('shows another person none of it, and the lawyer (not a party) nothing of the client’s case', async () => {
    const stranger = await stack.token('citizen-npe-helseklage');
    expect((await logOf(stranger)).nodes.filter((e) => e.caseId === caseId)).toEqual([]);
    expect((await logOf(lawyerToken, { filter: { caseId } })).nodes).toEqual([]);
  });

  it('pages newest first with cursors, and refuses a cursor it did not make', async () => {
    const all = (await logOf(partyToken)).nodes;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const first = await logOf(partyToken, { first: 2 });
    expect(first.nodes).toEqual(all.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await logOf(partyToken, { first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes).toEqual(all.slice(2, 4));
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const { body } = await stack.graphql(ACCESS_LOG, {
      token: partyToken,
      variables: { after: 'bm90LWEtY3Vyc29y' },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the operator command answers an access request with the same entries', async () => {
    const graph = (await logOf(partyToken)).nodes;
    const { stdout } = await run('npx', ['tsx', 'src/audit-subject.ts', partyPid, '--lang', 'en'], {
      env: {
        ...process.env,
        ...stack.mocks.gatewayEnvironment(),
        ...stack.database,
        STORE_SECRET: SECRET,
        LOG_LEVEL: 'silent',
      },
    });
    const answer = JSON.parse(stdout) as {
      subject: string;
      retentionDays: number;
      entries: (Omit<Entry, 'identityProvider'> & { provider: string })[];
    };
    expect(answer.subject).toBe(partyPid);
    expect(answer.retentionDays).toBe(1_826);
    expect(
      answer.entries.map(({ provider, ...e }) => ({
        ...e,
        identityProvider: provider === 'idporten' ? 'IDPORTEN' : 'MITID',
      })),
    ).toEqual(graph.map((e) => expect.objectContaining(e) as unknown));
    expect(answer.entries).toHaveLength(graph.length);
  });

  it('is kept in PostgreSQL: another gateway on the same records shows it', async () => {
    const other = await stack.gatewayWith({});
    const before = (await logOf(partyToken, { filter: { caseId } })).nodes;
    expect((await logOf(partyToken, { filter: { caseId } }, other)).nodes).toEqual(before);
  });

  it('forgets what is older than the retention', async () => {
    const subject = pseudonym(SECRET, partyPid);
    const insert = (daysAgo: number, object: string) =>
      stack.gateway.database.query(
        `INSERT INTO audit_events (at, correlation_id, actor, provider, subjects, object, case_id, action, outcome)
         VALUES (now() - $1 * interval '1 day', 'old', $2, 'idporten', ARRAY[$2], $3, $3, 'READ_CASE', 'GRANTED')`,
        [daysAgo, subject, object],
      );
    await insert(2_000, 'npe:OLDER-THAN-FIVE-YEARS');
    await insert(1_000, 'npe:WITHIN-FIVE-YEARS');
    const objects = async () => (await logOf(partyToken)).nodes.map((e) => e.object);
    expect(await objects()).toEqual(
      expect.arrayContaining(['npe:OLDER-THAN-FIVE-YEARS', 'npe:WITHIN-FIVE-YEARS']),
    );
    expect(await stack.gateway.audit.prune()).toBeGreaterThanOrEqual(1);
    const after = await objects();
    expect(after).toContain('npe:WITHIN-FIVE-YEARS');
    expect(after).not.toContain('npe:OLDER-THAN-FIVE-YEARS');
  });
});
