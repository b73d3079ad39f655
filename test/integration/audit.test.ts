import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../src/audit/audit.js';
import { pseudonym } from '../../src/auth/pseudonym.js';
import { configFrom } from '../helpers/config.js';
import { buildGateway, type Gateway } from '../../src/server.js';
import { databaseEnvironment } from '../helpers/database.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { giveConsents, persona, postGraphql, startTestStack, type TestStack } from '../helpers/stack.js';

const SECRET = 'an-audit-test-store-secret-of-some-length';
const prefix = uniquePrefix();
let stack: TestStack;
let gateway: Gateway;
let url: string;
const logLines: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  const config = configFrom({
    LOG_LEVEL: 'info',
    REDIS_URL: redisTestUrl(),
    REDIS_KEY_PREFIX: prefix,
    STORE_SECRET: SECRET,
    ...stack.mocks.gatewayEnvironment(),
    // Records of its own: records sealed with another secret are not this gateway's to deliver.
    ...databaseEnvironment(),
  });
  gateway = await buildGateway(config, { logStream: { write: (line) => logLines.push(line) } });
  await gateway.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await gateway.close();
  await stack.close();
});

/** The audit events written for one request (or one delivery), oldest first, waiting for them a while. */
async function entriesFor(correlationId: string, waitMs = 1_000): Promise<AuditEvent[]> {
  for (let attempt = 0; attempt < waitMs / 20; attempt++) {
    const found = await gateway.audit.ofCorrelation(correlationId);
    if (found.length) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [];
}

async function ask(token: string, query: string, variables?: Record<string, unknown>) {
  const response = await postGraphql(url, query, { token, variables });
  return { ...response, requestId: String(response.headers['x-request-id']) };
}

const pidOf = (key: string) => persona(key).login.pid ?? '';

/**
 * Counts, at PostgreSQL itself, the INSERT statements into the audit trail and the rows each brought per
 * request: a statement-level trigger keeps the correlation ids of every statement's rows.
 */
async function countInsertsPerRequest(): Promise<void> {
  await gateway.database.query(`
    CREATE TABLE IF NOT EXISTS audit_insert_statements (statement bigserial, correlation_id text, rows int);
    CREATE OR REPLACE FUNCTION count_audit_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO audit_insert_statements (statement, correlation_id, rows)
      SELECT s.n, i.correlation_id, count(*) FROM inserted i,
             (SELECT nextval('audit_insert_statements_statement_seq') AS n) s
       GROUP BY s.n, i.correlation_id;
      RETURN NULL;
    END $$;
    DROP TRIGGER IF EXISTS audit_inserts ON audit_events;
    CREATE TRIGGER audit_inserts AFTER INSERT ON audit_events
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_audit_inserts();`);
}

/** The rows each INSERT statement wrote for one request. */
async function insertsOf(correlationId: string): Promise<number[]> {
  const rows = await gateway.database.query<{ rows: number }>(
    'SELECT rows FROM audit_insert_statements WHERE correlation_id = $1 ORDER BY statement',
    [correlationId],
  );
  return rows.map((r) => r.rows);
}

describe('the audit log', () => {
  it('records who read which case and its documents, in what role, on what basis, about whom', async () => {
    const token = await stack.token('lawyer-many');
    await giveConsents(url, token);
    const lawyer = pidOf('lawyer-many');
    const record = stack.mocks.world.cases.npe.find(
      (c) =>
        !c.closedAt && c.participants.length === 2 && c.participants.some((p) => p.nationalId === lawyer),
    );
    const party = record?.participants.find((p) => p.role === 'PARTY')?.nationalId ?? '';
    const id = `npe:${record?.caseNumber}`;
    const { body, requestId } = await ask(
      token,
      'query ($id: ID!) { case(id: $id) { id documents { id } } }',
      { id },
    );
    expect(body.errors).toBeUndefined();

    const entries = await entriesFor(requestId);
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ['READ_CASE', 'GRANTED'],
      ['READ_DOCUMENT_LIST', 'GRANTED'],
    ]);
    expect(entries[0]).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
      correlationId: requestId,
      actor: pseudonym(SECRET, lawyer),
      // The name the case gives the lawyer, for the party's "who has seen my data" (sealed in the table).
      actorName: record?.participants.find((p) => p.nationalId === lawyer)?.name,
      provider: 'idporten',
      role: 'LAWYER',
      basis: 'AGENCY_REGISTRATION',
      subjects: [pseudonym(SECRET, party)],
      object: id,
      caseId: id,
      action: 'READ_CASE',
      outcome: 'GRANTED',
      reason: null,
    });
    expect(Date.now() - Date.parse(entries[0]?.at ?? '')).toBeLessThan(10_000);

    // The same events are in the structured application log, on one line.
    const logged = logLines
      .map((l) => JSON.parse(l) as { audit?: AuditEvent[] })
      .filter((l) => l.audit?.some((e) => e.correlationId === requestId));
    expect(logged.map((l) => l.audit?.map((e) => e.action))).toEqual([['READ_CASE', 'READ_DOCUMENT_LIST']]);

    // "Who saw my data?": the party's own pseudonym finds the lawyer's read.
    const aboutParty = await gateway.audit.about(party);
    expect(aboutParty.some((e) => e.actor === pseudonym(SECRET, lawyer) && e.object === id)).toBe(true);
    expect(
      aboutParty.every(
        (e) => e.subjects.includes(pseudonym(SECRET, party)) || e.actor === pseudonym(SECRET, party),
      ),
    ).toBe(true);
  });

  it('writes a request’s reads together: six objects, one INSERT, every entry there', async () => {
    await countInsertsPerRequest();
    const token = await stack.token('lawyer-many');
    await giveConsents(url, token);
    // The document lists come well after the cases: the reads are spread over a quarter of a second.
    for (const mock of [stack.mocks.agencies.npe, stack.mocks.agencies.helseklage])
      mock.setFaults({ delayMs: 250, onlyPaths: ['/api/v1/saker/dokumentlister', '/api/cases/'] });
    let asked;
    try {
      asked = await ask(token, '{ cases(first: 3) { nodes { id documents { id } } } }');
    } finally {
      for (const mock of [stack.mocks.agencies.npe, stack.mocks.agencies.helseklage]) mock.setFaults({});
    }
    const { body, requestId } = asked;
    expect(body.errors).toBeUndefined();
    const entries = await entriesFor(requestId);
    expect(entries.map((e) => e.action).sort()).toEqual([
      ...Array<string>(3).fill('READ_CASE'),
      ...Array<string>(3).fill('READ_DOCUMENT_LIST'),
    ]);
    expect(await insertsOf(requestId)).toEqual([6]);
    const logged = logLines.filter((l) => l.includes(requestId) && l.includes('"audit"'));
    expect(logged).toHaveLength(1);
  });

  it('still records what a request read when its client left half-way', async () => {
    const token = await stack.token('lawyer-many');
    await giveConsents(url, token);
    const lawyer = pidOf('lawyer-many');
    const theirs = stack.mocks.world.cases.npe
      .filter((c) => !c.closedAt && c.participants.some((p) => p.nationalId === lawyer))
      .at(-1);
    const id = `npe:${theirs?.caseNumber}`;
    // The case comes at once; its documents take a second, and the person does not wait for them.
    stack.mocks.agencies.npe.setFaults({ delayMs: 1_000, onlyPaths: ['/api/v1/saker/dokumentlister'] });
    const requestId = `audit-abandoned-${Date.now()}`;
    const leaving = new AbortController();
    try {
      const asked = postGraphql(url, 'query ($id: ID!) { case(id: $id) { id documents { id } } }', {
        token,
        variables: { id },
        headers: { 'x-request-id': requestId },
        signal: leaving.signal,
      }).catch((error: unknown) => error);
      await vi.waitFor(() => expect(stack.mocks.agencies.npe.stats.inFlight).toBeGreaterThan(0));
      leaving.abort();
      expect(await asked).toBeInstanceOf(Error);
      // Written when the response closed, before the documents came.
      const read = await entriesFor(requestId);
      expect(read.map((e) => [e.action, e.object])).toEqual([['READ_CASE', id]]);
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
    // The work under way finishes, and what it read is recorded too.
    await vi.waitFor(
      async () =>
        expect((await gateway.audit.ofCorrelation(requestId)).map((e) => e.action)).toEqual([
          'READ_CASE',
          'READ_DOCUMENT_LIST',
        ]),
      { timeout: 5_000, interval: 100 },
    );
  });

  it('records a refused look-up of someone else’s case, saying nothing of whom it concerns', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    await giveConsents(url, token);
    const others = stack.mocks.world.cases.npe.find(
      (c) => !c.participants.some((p) => p.nationalId === pidOf('citizen-npe-helseklage')),
    );
    const id = `npe:${others?.caseNumber}`;
    const { body, requestId } = await ask(token, 'query ($id: ID!) { case(id: $id) { id } }', { id });
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await entriesFor(requestId)).toEqual([
      expect.objectContaining({
        action: 'READ_CASE',
        outcome: 'DENIED',
        object: id,
        reason: 'NOT_FOUND',
        subjects: [],
        role: null,
      }),
    ]);
  });

  it('records refusals for the viewer’s own reasons: guardianship, a case closed to them', async () => {
    const ward = await stack.token('ward');
    await giveConsents(url, ward);
    const wardsCase = stack.mocks.world.cases.helseklage.find((c) =>
      c.participants.some((p) => p.nationalId === pidOf('ward')),
    );
    const byWard = await ask(ward, 'query ($id: ID!) { case(id: $id) { id } }', {
      id: `helseklage:${wardsCase?.caseNumber}`,
    });
    expect(await entriesFor(byWard.requestId)).toEqual([
      expect.objectContaining({ outcome: 'DENIED', reason: 'HAS_GUARDIAN' }),
    ]);

    const noMobile = await stack.token('missing-mobile');
    await giveConsents(url, noMobile);
    const closed = await ask(noMobile, '{ cases { nodes { id documents { id } } } }');
    expect((await entriesFor(closed.requestId)).map((e) => [e.action, e.outcome, e.reason])).toEqual([
      ['READ_CASE', 'GRANTED', 'MISSING_CONTACT_INFO'],
      ['READ_DOCUMENT_LIST', 'DENIED', 'MISSING_CONTACT_INFO'],
    ]);
  });

  it('records writes: consent given and refused', async () => {
    const token = await stack.token('stranger', { consent: false });
    const given = await ask(
      token,
      'mutation { giveConsent(input: { agency: "npe", notifications: false }) { errors { code } } }',
    );
    expect(await entriesFor(given.requestId)).toEqual([
      expect.objectContaining({
        action: 'GIVE_CONSENT',
        outcome: 'GRANTED',
        object: 'agency:npe',
        actor: pseudonym(SECRET, pidOf('stranger')),
      }),
    ]);
    const refused = await ask(
      token,
      'mutation { withdrawConsent(input: { agency: "stpk" }) { errors { code } } }',
    );
    expect(await entriesFor(refused.requestId)).toEqual([
      expect.objectContaining({ action: 'WITHDRAW_CONSENT', outcome: 'DENIED', reason: 'BAD_USER_INPUT' }),
    ]);
  });

  it('records a write accepted while the agency was down with its case, and its delivery’s outcome', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    await giveConsents(url, token);
    const ingrid = pidOf('citizen-npe-helseklage');
    const own = stack.mocks.world.cases.npe.find(
      (c) => !c.closedAt && c.participants.some((p) => p.nationalId === ingrid && p.role === 'PARTY'),
    );
    const id = `npe:${own?.caseNumber}`;
    stack.mocks.agencies.npe.setFaults({ down: true, onlyPaths: ['/api/v1/saker'] });
    let sent;
    try {
      sent = await ask(
        token,
        `mutation ($input: SubmitInformationInput!) {
          submitInformation(input: $input) { submission { id state } errors { code } }
        }`,
        {
          input: { caseId: id, message: 'Kvittering for tannlegen.', idempotencyKey: `audit-${Date.now()}` },
        },
      );
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
    const submission = (
      sent.body.data as { submitInformation: { submission: { id: string; state: string } } }
    ).submitInformation.submission;
    expect(submission.state).toBe('PENDING');
    expect(await entriesFor(sent.requestId)).toEqual([
      expect.objectContaining({
        action: 'SUBMIT_INFORMATION',
        outcome: 'GRANTED',
        object: `submission:${submission.id}`,
        caseId: id,
        reason: 'AGENCY_DOWN_VERIFIED_AT_DELIVERY',
      }),
    ]);
    // Delivered from the outbox when the agency is back: by whom, about whom, in which case.
    const delivered = await entriesFor(`submission-${submission.id}`, 10_000);
    expect(delivered).toEqual([
      expect.objectContaining({
        action: 'DELIVER_INFORMATION',
        outcome: 'GRANTED',
        actor: pseudonym(SECRET, ingrid),
        object: `submission:${submission.id}`,
        caseId: id,
        subjects: [pseudonym(SECRET, ingrid)],
      }),
    ]);
  });

  it('holds no national id and no token', async () => {
    const all = await gateway.database.query('SELECT * FROM audit_events');
    expect(all.length).toBeGreaterThan(5);
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/\b\d{10,11}\b/);
    expect(text).not.toMatch(/eyJ[\w-]{10,}/);
  });
});
