import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../src/messages.js';
import { npeDefinition } from '../../src/agencies/npe/definition.js';
import type { AgencyAdapter, CaseRecord } from '../../src/agencies/kit/port.js';
import { AgencyRegistry } from '../../src/agencies/registry.js';
import { configFrom } from '../helpers/config.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { buildGateway, type Gateway } from '../../src/server.js';
import {
  giveConsents,
  persona,
  postGraphql,
  startTestStack,
  type GraphClient,
  type TestStack,
} from '../helpers/stack.js';
import { productionOnLoopback } from '../../mocks/start.js';

const ALLOWED_ORIGIN = 'https://minside.helseklage.example';

let stack: TestStack;
let production: GraphClient;

function productionEnv(): Record<string, string> {
  return productionOnLoopback({
    name: 'helseklage',
    redisUrl: redisTestUrl(),
    redisKeyPrefix: uniquePrefix(),
    overrides: {
      CORS_ORIGINS: ALLOWED_ORIGIN,
      // These tests send queries of their own; the safelist has tests of its own (persisted-operations).
      SAFELIST: 'off',
      // Closed by the test, not by a load balancer: nothing to drain.
      SHUTDOWN_DRAIN_SECONDS: '0',
    },
  });
}

beforeAll(async () => {
  stack = await startTestStack();
  production = await stack.gatewayWith(productionEnv());
});
afterAll(async () => {
  await stack.close();
});

const agencyCalls = () => Object.values(stack.mocks.agencies).reduce((sum, a) => sum + a.stats.total, 0);

describe('production mode', () => {
  it('refuses introspection', async () => {
    const { status, body } = await production.graphql('{ __schema { types { name } } }');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an over-deep query before asking any agency, without revealing the limit', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    let selection = 'id';
    for (let i = 0; i < 12; i++) selection = `relatedCases { ${selection} }`;
    const before = agencyCalls();
    const { status, body, text } = await production.graphql(`{ cases { nodes { ${selection} } } }`, {
      token,
    });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(text).not.toMatch(/\b10\b/);
    expect(agencyCalls()).toBe(before);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: agencies { code }`).join(' ');
    const { body } = await production.graphql(`{ ${aliases} }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query with too many tokens as a client error, not a 500', async () => {
    const fields = Array.from({ length: 2500 }, () => 'code').join(' ');
    const { status, body } = await production.graphql(`{ agencies { ${fields} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('caps page sizes', async () => {
    const token = await stack.token('lawyer-many');
    const { body } = await production.graphql('{ cases(first: 1000) { totalCount } }', { token });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('hides field suggestions', async () => {
    const { body } = await production.graphql('{ agencie { code } }');
    expect(body.errors?.[0]?.message).not.toMatch(/did you mean/i);
    expect(body.errors?.[0]?.message).not.toContain('agencies');
  });

  it('serves no Sandbox landing page, no explorer and no schema file', async () => {
    const response = await request(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    const text = await response.body.text();
    expect(text).not.toMatch(/sandbox|<html/i);
    for (const path of ['/explorer', '/schema.graphql', '/dev/notifications']) {
      const answer = await request(`${production.url}${path}`);
      await answer.body.dump();
      expect(answer.statusCode, path).toBe(404);
    }
  });

  it('prevents CSRF: a simple cross-site request is refused', async () => {
    const response = await request(`${production.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ agencies { code } }' }),
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.text()).toMatch(/CSRF|preflight/i);
  });

  it('answers CORS only for the allow-listed origin', async () => {
    const preflight = (origin: string) =>
      request(`${production.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const evil = await preflight('https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets a portal on its own origin upload, trace and name itself, and read the headers it needs', async () => {
    const asked = {
      'access-control-request-method': 'PUT',
      'access-control-request-headers':
        'content-type,traceparent,tracestate,apollographql-client-name,apollographql-client-version,apollo-require-preflight',
    };
    const upload = `${production.url}/files/uploads/an-upload-id`;
    const allowed = await request(upload, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, ...asked },
    });
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(
      String(allowed.headers['access-control-allow-methods'])
        .split(',')
        .map((m) => m.trim()),
    ).toContain('PUT');
    const headers = String(allowed.headers['access-control-allow-headers'])
      .split(',')
      .map((h) => h.trim());
    for (const header of asked['access-control-request-headers'].split(','))
      expect([header, headers.includes(header)]).toEqual([header, true]);
    const foreign = await request(upload, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', ...asked },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    // The answer itself tells the page what it may read: the request id, and how long to wait.
    const answer = await request(`${production.url}/graphql`, {
      method: 'POST',
      headers: { origin: ALLOWED_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ agencies { code } }' }),
    });
    await answer.body.dump();
    const exposed = String(answer.headers['access-control-expose-headers'])
      .split(',')
      .map((h) => h.trim());
    expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'retry-after']));
  });

  it('refuses a request body over the small limit with 413', async () => {
    const response = await request(`${production.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ agencies { code } } # ${'x'.repeat(40_000)}` }),
    });
    expect(response.statusCode).toBe(413);
    await response.body.dump();
  });

  it('still answers the real thing', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    await giveConsents(production.url, token);
    const { body } = await production.graphql('{ cases { totalCount } }', { token });
    expect(body).toEqual({ data: { cases: { totalCount: 3 } } });
  });
});

describe('development mode', () => {
  it('shows Apollo Sandbox to a browser and allows introspection', async () => {
    const response = await request(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(await response.body.text()).toMatch(/embeddable-sandbox/);
    const { body } = await stack.graphql<{ __schema: { queryType: { name: string } } }>(
      '{ __schema { queryType { name } } }',
    );
    expect(body.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('unexpected errors are masked in every mode', () => {
  const ingrid = persona('citizen-npe-helseklage').login.pid ?? '';
  const record: CaseRecord = {
    agency: 'npe',
    caseNumber: '2025-00001',
    caseType: 'PASIENTSKADE',
    title: 'Skade etter operasjon',
    status: 'IN_PROGRESS',
    agencyStatus: null,
    firstInstance: null,
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-07-01T10:00:00.000Z',
    closedAt: null,
    expectedDecisionAt: null,
    timeline: [],
    participants: [
      {
        role: 'PARTY',
        nationalId: ingrid,
        name: 'Ingrid Haugen',
        mobile: '+4791234567',
        email: null,
        emailIsPersonal: null,
        organisation: null,
      },
    ],
    outcome: null,
    related: [],
    awaitingForms: [],
  };
  /** The correlation id each agency call was made with (what the adapters send as `x-correlation-id`). */
  const correlationIds: string[] = [];
  const adapterWithBugs = (bugInCases: boolean): AgencyAdapter => ({
    definition: npeDefinition,
    casesForPerson: () => Promise.resolve({ cases: [], underGuardianship: false }),
    getCases: (_numbers, call) => {
      correlationIds.push(call.correlationId);
      return bugInCases
        ? Promise.reject(new TypeError("Cannot read properties of undefined (reading 'saker')"))
        : // A record against the port's types, which the gateway's own code then trips over.
          Promise.resolve([{ ...record, timeline: undefined as never }]);
    },
    getDocuments: () => Promise.resolve([]),
    documentContent: () => Promise.resolve(null),
    formDefinitions: () => Promise.resolve([]),
    parseEvent: () => null,
    health: () => Promise.resolve(),
    close: () => Promise.resolve(),
  });
  interface LogLine {
    reqId?: string;
    msg: string;
    correlationId?: string;
  }
  const logLines: LogLine[] = [];
  const gateways: Gateway[] = [];
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
  });

  async function ask(
    env: Record<string, string>,
    bugInCases: boolean,
    query: string,
    headers: Record<string, string> = {},
  ) {
    const config = configFrom({
      LOG_LEVEL: 'info',
      ...stack.mocks.gatewayEnvironment(),
      ...stack.database,
      ...env,
    });
    const gateway = await buildGateway(config, {
      registry: new AgencyRegistry([adapterWithBugs(bugInCases)]),
      logStream: { write: (line) => void logLines.push(JSON.parse(line) as LogLine) },
    });
    gateways.push(gateway);
    await gateway.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}`;
    const token = await stack.token('citizen-npe-helseklage');
    await giveConsents(url, token, ['npe']);
    return postGraphql<{ case: unknown }>(url, query, { token, headers });
  }

  it.each([
    ['production', productionEnv()],
    ['development', {}],
  ])(
    '%s: a bug in the gateway’s own work becomes INTERNAL_SERVER_ERROR with the request’s id, never a stack trace',
    async (_mode, env) => {
      correlationIds.length = 0;
      const { body, text, headers } = await ask(
        env,
        false,
        '{ case(id: "npe:2025-00001") { id timeline { code } } }',
        {
          'accept-language': 'nn',
        },
      );
      expect(body.errors?.[0]?.message).toBe(say('nn', 'INTERNAL'));
      const extensions = body.errors?.[0]?.extensions;
      expect(Object.keys(extensions ?? {}).sort()).toEqual(['code', 'correlationId']);
      expect(extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(extensions?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(text).not.toMatch(/TypeError|reading 'map'|stacktrace|\.ts:\d+|node_modules/);
      // One id: the answer's header, the agency call, the error's log line and the access log's lines.
      const id = extensions?.correlationId as string;
      expect(headers['x-request-id']).toBe(id);
      expect(correlationIds).toContain(id);
      const ofRequest = logLines.filter((line) => line.reqId === id).map((line) => line.msg);
      expect(ofRequest).toEqual(
        expect.arrayContaining([
          'incoming request',
          'unexpected error in GraphQL request',
          'request completed',
        ]),
      );
      const errorLine = logLines.find(
        (line) => line.reqId === id && line.msg === 'unexpected error in GraphQL request',
      );
      expect(errorLine?.correlationId).toBe(id);
    },
  );

  it('a bug in an adapter’s reading of cases is that agency failing: UPSTREAM_UNAVAILABLE, never a stack trace', async () => {
    const { body, text } = await ask(productionEnv(), true, '{ case(id: "npe:2025-00001") { id } }');
    expect(body.data).toEqual({ case: null });
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      agency: 'npe',
      reason: 'UPSTREAM_BAD_RESPONSE',
    });
    expect(text).not.toMatch(/TypeError|saker|stacktrace|\.ts:\d+|node_modules/);
  });
});
