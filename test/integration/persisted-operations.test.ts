/**
 * The client kit and the safelist: the portal's registered operations (operations/*.graphql, compiled by
 * the client preset into typed documents and a manifest) run by their id; with SAFELIST=on nothing else
 * runs — and nothing unregistered reaches an agency.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse, validate, type DocumentNode } from 'graphql';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistedRequest } from '../../operations/client.js';
import {
  AgenciesDocument,
  CaseEventsDocument,
  DashboardDocument,
  type DashboardQuery,
} from '../../operations/generated/graphql.js';
import {
  operationNameOf,
  PersistedOperations,
  REGISTRY_PATH,
  type Registry,
} from '../../src/persisted-operations.js';
import { buildSchema } from '../../src/schema.js';
import { startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
let safelisted: GraphClient;

beforeAll(async () => {
  stack = await startTestStack();
  safelisted = await stack.gatewayWith({ SAFELIST: 'on' });
});
afterAll(async () => {
  await stack.close();
});

const agencyCalls = () => Object.values(stack.mocks.agencies).reduce((sum, a) => sum + a.stats.total, 0);

async function post(url: string, body: unknown, token?: string) {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.statusCode,
    body: (await response.body.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

/** The client kit's current manifest (id → text), as codegen writes it. */
const manifest = () =>
  JSON.parse(
    readFileSync(new URL('../../operations/generated/persisted-documents.json', import.meta.url), 'utf8'),
  ) as Record<string, string>;
const registry = () => JSON.parse(readFileSync(REGISTRY_PATH, 'utf8')) as Registry;

describe('the client kit', () => {
  it('registers every operation in operations/, each valid against the current schema', () => {
    const names = (doc: DocumentNode) =>
      doc.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    const written = readdirSync(new URL('../../operations/', import.meta.url))
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => names(parse(readFileSync(new URL(`../../operations/${f}`, import.meta.url), 'utf8'))));
    const registered = Object.values(manifest()).map((text) => parse(text));
    expect(registered.flatMap(names).sort()).toEqual(written.sort());
    expect(written).toEqual(
      expect.arrayContaining([
        'Dashboard',
        'LawyerOverview',
        'CasePage',
        'CaseDocuments',
        'SubmitInformation',
      ]),
    );
    const schema = buildSchema();
    for (const doc of registered) expect(validate(schema, doc)).toEqual([]);
  });

  it('keeps every id it ever shipped registered, each still valid against the current schema', () => {
    const all = registry();
    for (const [id, text] of Object.entries(manifest())) expect(all[id]?.text).toBe(text);
    // A deployed bundle's operations keep answering: the schema may not break what was registered.
    const schema = buildSchema();
    for (const entry of Object.values(all).filter((e) => !e.retired))
      expect([entry.operation, validate(schema, parse(entry.text))]).toEqual([entry.operation, []]);
    expect(Object.keys(all).length).toBeGreaterThan(Object.keys(manifest()).length);
  });
});

describe('with SAFELIST=on', () => {
  it('runs a registered operation sent by its id, typed by the generated document', async () => {
    const token = await stack.token('citizen-dk-compensation');
    const { status, body } = await post(
      safelisted.url,
      persistedRequest(DashboardDocument, { first: 5 }),
      token,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const data = body.data as DashboardQuery;
    expect(data.viewer.country).toBe('DK');
    expect(data.cases.totalCount).toBe(3);
    expect(data.cases.nodes.map((n) => n.agency.code).sort()).toEqual([
      'patienterstatningen',
      'patienterstatningen',
      'stpk',
    ]);
  });

  it('runs the registered text too, and Apollo’s persisted-query form', async () => {
    const [id, text] = Object.entries(manifest()).find(([, t]) => t.startsWith('query Agencies')) ?? [];
    const asText = await post(safelisted.url, { query: text });
    const asApq = await post(safelisted.url, {
      extensions: { persistedQuery: { version: 1, sha256Hash: id?.replace('sha256:', '') } },
    });
    for (const answer of [asText, asApq]) {
      expect(answer.status).toBe(200);
      expect((answer.body.data as { agencies: unknown[] }).agencies).toHaveLength(4);
    }
  });

  it('refuses an unregistered operation before it reaches any agency', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const before = agencyCalls();
    const adHoc = await post(
      safelisted.url,
      { query: '{ cases { nodes { id participants { name } } } }' },
      token,
    );
    expect(adHoc.status).toBe(400);
    expect(adHoc.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
    expect(adHoc.body.data).toBeUndefined();
    // A registered text with one character changed is another operation.
    const [, text] = Object.entries(manifest()).find(([, t]) => t.startsWith('query Agencies')) ?? [];
    const altered = await post(safelisted.url, { query: `${text} ` });
    expect(altered.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
    expect(agencyCalls()).toBe(before);
  });

  it('refuses an id nobody registered, and a subscription that is not registered', async () => {
    const unknown = await post(safelisted.url, { documentId: `sha256:${'0'.repeat(64)}` });
    expect([unknown.status, unknown.body.errors?.[0]?.extensions?.code]).toEqual([
      400,
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    const stream = await request(`${safelisted.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { caseEvents { id caseId } }' }),
    });
    const streamed = (await stream.body.json()) as { errors: { extensions: { code: string } }[] };
    expect([stream.statusCode, streamed.errors[0]?.extensions.code]).toEqual([
      400,
      'OPERATION_NOT_REGISTERED',
    ]);
    // The registered subscription passes the safelist (and then asks for a login, like any other).
    const registered = await request(`${safelisted.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(persistedRequest(CaseEventsDocument, {})),
    });
    const text = await registered.body.text();
    expect(text).not.toContain('OPERATION_NOT_REGISTERED');
    expect(text).toContain('UNAUTHENTICATED');
  });
});

describe('without the safelist', () => {
  it('runs registered operations by id and any operation as text', async () => {
    const byId = await post(stack.url, persistedRequest(AgenciesDocument, {}));
    const adHoc = await post(stack.url, { query: '{ agencies { code } }' });
    expect((byId.body.data as { agencies: unknown[] }).agencies).toHaveLength(4);
    expect((adHoc.body.data as { agencies: unknown[] }).agencies).toHaveLength(4);
  });

  it('leaves Apollo’s automatic persisted queries to Apollo: unknown hash, then hash with text, then hash alone', async () => {
    const query = '{ agencies { country } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const first = await post(stack.url, { extensions: { persistedQuery } });
    expect(first.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const second = await post(stack.url, { query, extensions: { persistedQuery } });
    const third = await post(stack.url, { extensions: { persistedQuery } });
    for (const answer of [second, third])
      expect((answer.body.data as { agencies: unknown[] }).agencies).toHaveLength(4);
    // Under the safelist, the same hash with its text is still an unregistered operation.
    const refused = await post(safelisted.url, { query, extensions: { persistedQuery } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
  });
});

describe('by GET', () => {
  it('runs a registered query by id without a preflight header, and refuses a registered mutation', async () => {
    const [agencies] = Object.entries(manifest()).find(([, t]) => t.startsWith('query Agencies')) ?? [];
    const byId = await request(`${safelisted.url}/graphql?documentId=${agencies}`);
    expect(byId.statusCode).toBe(200);
    expect(((await byId.body.json()) as { data: { agencies: unknown[] } }).data.agencies).toHaveLength(4);
    const [consent] = Object.entries(manifest()).find(([, t]) => t.startsWith('mutation GiveConsent')) ?? [];
    const variables = encodeURIComponent(JSON.stringify({ input: { agency: 'npe' } }));
    const token = await stack.token('citizen-npe-helseklage', { consent: false });
    const mutation = await request(`${safelisted.url}/graphql?documentId=${consent}&variables=${variables}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(mutation.statusCode).toBe(405);
    await mutation.body.dump();
  });

  it('refuses an operation sent as text without a preflight header, in the person’s language', async () => {
    const query = encodeURIComponent('{ agencies { code } }');
    const refused = await request(`${stack.url}/graphql?query=${query}`, {
      headers: { 'accept-language': 'da' },
    });
    const body = (await refused.body.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect([refused.statusCode, body.errors[0]?.extensions.code]).toEqual([400, 'PREFLIGHT_REQUIRED']);
    expect(body.errors[0]?.message).toMatch(/^Forespørgslen blev blokeret/);
    // A form post is what a cross-site page can send without asking; JSON is not.
    const form = await request(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ agencies { code } }' }),
    });
    expect(form.statusCode).toBe(400);
    await form.body.dump();
  });
});

describe('retired ids', () => {
  it('answer that the page is out of date, and nothing runs', async () => {
    const [[id, text] = ['', '']] = Object.entries(manifest());
    const path = join(mkdtempSync(join(tmpdir(), 'registry-')), 'registered.json');
    const entry = { operation: operationNameOf(text), registered: '2026-11-23', retired: '2026-12-01', text };
    writeFileSync(path, JSON.stringify({ [id]: entry }));
    const retiring = await stack.gatewayWith({ SAFELIST: 'on', PERSISTED_OPERATIONS_MANIFEST: path });
    const answer = await request(`${retiring.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ documentId: id }),
    });
    const body = (await answer.body.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect([answer.statusCode, body.errors[0]?.extensions.code]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
    expect(body.errors[0]?.message).toBe('This version of the page is out of date. Reload the page.');
  });
});

describe('the manifest', () => {
  it('is refused at start-up when an id is not the hash of its text, or missing under SAFELIST=on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const tampered = join(dir, 'persisted-documents.json');
    const [[id] = []] = Object.entries(manifest());
    writeFileSync(tampered, JSON.stringify({ [id ?? '']: '{ viewer { country } }' }));
    expect(() => PersistedOperations.load(tampered, true)).toThrow(/not the hash of its text/);
    expect(() => PersistedOperations.load(join(dir, 'missing.json'), true)).toThrow(/cannot be read/);
  });
});
