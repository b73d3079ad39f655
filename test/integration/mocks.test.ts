import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_CODES } from '../../mocks/seed/model.js';
import { loadPersonas } from '../../mocks/seed/personas.js';
import { FREE_PORTS, startMockStack, type MockStack } from '../../mocks/start.js';
import { sharedWorld } from '../helpers/stack.js';

let mocks: MockStack;

beforeAll(async () => {
  mocks = await startMockStack({
    world: sharedWorld(),
    ports: FREE_PORTS,
  });
});
afterAll(async () => {
  await mocks.close();
});

const CALLS = {
  npe: {
    path: '/api/v1/saker/sok',
    method: 'POST',
    body: { fodselsnummer: '15838510075' },
    good: { 'x-api-key': 'npe-dev-api-key' },
    bad: { 'x-api-key': 'wrong' },
  },
  helseklage: {
    path: '/api/case-search',
    method: 'POST',
    body: { nationalId: '15838510075' },
    good: { authorization: `Basic ${Buffer.from('bff:helseklage-dev-password').toString('base64')}` },
    bad: { authorization: `Basic ${Buffer.from('bff:guess').toString('base64')}` },
  },
  stpk: {
    path: '/api/sager/soeg',
    method: 'POST',
    body: { cpr: '7503821234' },
    good: { authorization: 'Bearer stpk-dev-token' },
    bad: { authorization: 'Bearer guess' },
  },
  patienterstatningen: {
    path: '/v2/claims',
    method: 'GET',
    headers: { 'x-cpr': '6809791457' },
    good: { authorization: 'ApiKey patienterstatningen-dev-api-key' },
    bad: { authorization: 'ApiKey guess' },
  },
} as const;

describe('the mock agencies', () => {
  it.each(AGENCY_CODES)('%s publishes an OpenAPI 3 document naming its credential', async (code) => {
    const response = await request(`${mocks.agencies[code].url}/openapi.json`);
    const doc = (await response.body.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { securitySchemes: object };
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain(CALLS[code].path);
    expect(Object.keys(doc.components.securitySchemes)).toHaveLength(1);
  });

  it.each(AGENCY_CODES)(
    '%s refuses a missing or wrong credential and answers the right one',
    async (code) => {
      const call = CALLS[code];
      const send = (headers: Record<string, string>) =>
        request(`${mocks.agencies[code].url}${call.path}`, {
          method: call.method,
          headers: {
            'content-type': 'application/json',
            ...('headers' in call ? call.headers : {}),
            ...headers,
          },
          body: 'body' in call ? JSON.stringify(call.body) : undefined,
        });
      for (const headers of [{}, call.bad]) {
        const refused = await send(headers);
        expect(refused.statusCode).toBe(401);
        await refused.body.dump();
      }
      const ok = await send(call.good);
      expect(ok.statusCode).toBe(200);
      await ok.body.dump();
    },
  );

  it.each(AGENCY_CODES)('%s documents every route it serves in its OpenAPI document', async (code) => {
    const response = await request(`${mocks.agencies[code].url}/openapi.json`);
    const { paths } = (await response.body.json()) as { paths: Record<string, Record<string, unknown>> };
    const served = mocks.agencies[code].routes.filter(
      (r) => !r.url.startsWith('/_mock/') && r.url !== '/openapi.json' && r.url !== '*',
    );
    expect(served.length).toBeGreaterThan(4);
    for (const { method, url } of served) {
      const path = url.replace(/:(\w+)/g, '{$1}');
      expect(paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
    }
  });

  it('serves each document as a real PDF whose size matches the metadata', async () => {
    const record = mocks.world.cases.helseklage[0];
    const doc = record?.documents[0];
    const response = await request(`${mocks.agencies.helseklage.url}/api/documents/${doc?.id}/content`, {
      headers: CALLS.helseklage.good,
    });
    const bytes = Buffer.from(await response.body.arrayBuffer());
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(bytes.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect(bytes.length).toBe(doc?.sizeBytes);
  });

  it('takes fault settings over HTTP and refuses invalid ones with a clear error', async () => {
    const url = `${mocks.agencies.stpk.url}/_mock/faults`;
    const bad = await request(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 7 }),
    });
    expect(bad.statusCode).toBe(400);
    expect(await bad.body.text()).toMatch(/errorRate/);
    const set = await request(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1 }),
    });
    expect(((await set.body.json()) as { errorRate: number }).errorRate).toBe(1);
    const failing = await request(`${mocks.agencies.stpk.url}/api/status`, { headers: CALLS.stpk.good });
    expect(failing.statusCode).toBe(500);
    expect(await failing.body.json()).toEqual({
      fejl: { kode: 500, besked: 'internal error in case system' },
    });
    await (
      await request(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })
    ).body.dump();
    const healthy = await request(`${mocks.agencies.stpk.url}/api/status`, { headers: CALLS.stpk.good });
    expect(healthy.statusCode).toBe(200);
    await healthy.body.dump();
  });
});

describe('the mock identity providers', () => {
  it.each(['idporten', 'mitid'] as const)(
    '%s is a real OpenID provider: discovery names its issuer and a JWKS',
    async (kind) => {
      const idp = mocks[kind];
      const response = await request(`${idp.url}/.well-known/openid-configuration`);
      const doc = (await response.body.json()) as {
        issuer: string;
        jwks_uri: string;
        code_challenge_methods_supported: string[];
      };
      expect(doc.issuer).toBe(idp.issuer);
      expect(doc.code_challenge_methods_supported).toEqual(['S256']);
      const jwks = (await (await request(doc.jwks_uri.replace('localhost', '127.0.0.1'))).body.json()) as {
        keys: { kid: string; d?: string }[];
      };
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]?.d).toBeUndefined();
    },
  );

  it('lists the personas at /dev/personas', async () => {
    const response = await request(`${mocks.idporten.url}/dev/personas`);
    const { personas } = (await response.body.json()) as { personas: { key: string }[] };
    expect(personas.map((p) => p.key)).toEqual(loadPersonas().map((p) => p.key));
    for (const key of [
      'citizen-npe-helseklage',
      'citizen-dk',
      'lawyer-many',
      'represented-party',
      'proxy',
      'guardian',
      'ward',
      'bereaved',
      'dnumber',
      'missing-mobile',
      'npe-closed-old',
      'stranger',
    ]) {
      expect(personas.map((p) => p.key)).toContain(key);
    }
  });

  it('refuses a dev token request with a malformed national id, saying why', async () => {
    const response = await request(`${mocks.idporten.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ pid: '123' }),
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.text()).toMatch(/pid must be 11 digits/);
    const notJson = await request(`${mocks.mitid.url}/dev/token`, { method: 'POST', body: '{cpr' });
    expect(notJson.statusCode).toBe(400);
    await notJson.body.dump();
  });
});
