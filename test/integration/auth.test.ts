import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockIdp, type MockIdp } from '../../mocks/idp/provider.js';
import { DEV_BFF_CLIENT } from '../../mocks/start.js';
import { persona, startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';
import { messageOfAuthFailure, type AuthFailure } from '../../src/auth/verify.js';
import { say } from '../../src/messages.js';

const VIEWER = '{ viewer { identityProvider country assuranceLevel } }';
const CASES = '{ cases { totalCount } }';
const INGRID = persona('citizen-npe-helseklage').login.pid ?? '';

let stack: TestStack;
let strangerIdp: MockIdp;
const servers: Server[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  strangerIdp = await startMockIdp({
    kind: 'idporten',
    port: 0,
    audience: DEV_BFF_CLIENT.audience,
    client: {
      clientId: DEV_BFF_CLIENT.clientId,
      clientSecret: 'x',
      redirectUris: [`${DEV_BFF_CLIENT.publicUrl}/auth/callback`],
    },
  });
});
afterAll(async () => {
  await strangerIdp.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await stack.close();
});

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Valid access-token claims for Ingrid from the configured ID-porten, to be altered one at a time. */
function claims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: stack.mocks.idporten.issuer,
    aud: DEV_BFF_CLIENT.audience,
    sub: 'pairwise-sub',
    pid: INGRID,
    acr: 'idporten-loa-high',
    client_id: DEV_BFF_CLIENT.clientId,
    scope: 'openid',
    iat: now,
    exp: now + 120,
    ...overrides,
  };
}

async function idportenKid(): Promise<string> {
  const response = await request(`${stack.mocks.idporten.url}/jwks`);
  const { keys } = (await response.body.json()) as { keys: { kid: string }[] };
  return keys[0]?.kid ?? '';
}

/**
 * Asks the graph with the token and expects it refused, with no agency asked: the diagnostic (for the
 * developer, in WWW-Authenticate) matches `diagnostic`, and the person reads what to do in their language.
 */
async function expectRefused(token: string, diagnostic: RegExp, gateway: GraphClient = stack): Promise<void> {
  const before = Object.values(stack.mocks.agencies).reduce((sum, a) => sum + a.stats.total, 0);
  const response = await gateway.graphql(CASES, { token, headers: { 'accept-language': 'nn' } });
  expect(response.status).toBe(401);
  expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
  expect(response.headers['www-authenticate']).toMatch(diagnostic);
  expect(response.body.data ?? null).toBeNull();
  const [error] = response.body.errors ?? [];
  expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
  const reason = error?.extensions?.reason as AuthFailure;
  expect(error?.message).toBe(say('nn', messageOfAuthFailure(reason)));
  expect(response.text).not.toMatch(/stack|at .*\.ts:/i);
  const after = Object.values(stack.mocks.agencies).reduce((sum, a) => sum + a.stats.total, 0);
  expect(after).toBe(before);
}

describe('bearer tokens: accepted', () => {
  it('an ID-porten access token from the dev route logs the person in', async () => {
    const { body } = await stack.graphql(VIEWER, { token: await stack.token('citizen-npe-helseklage') });
    expect(body).toEqual({
      data: { viewer: { identityProvider: 'IDPORTEN', country: 'NO', assuranceLevel: 'HIGH' } },
    });
  });

  it('a MitID broker token with a CPR claim and NSIS Substantial logs the person in', async () => {
    const { body } = await stack.graphql(VIEWER, { token: await stack.token('citizen-dk') });
    expect(body).toEqual({
      data: { viewer: { identityProvider: 'MITID', country: 'DK', assuranceLevel: 'SUBSTANTIAL' } },
    });
  });

  it('the older acr value Level4 is accepted as idporten-loa-high', async () => {
    const { body } = await stack.graphql(VIEWER, {
      token: await stack.token({ pid: INGRID, acr: 'Level4' }),
    });
    expect(body.data).toEqual({
      viewer: { identityProvider: 'IDPORTEN', country: 'NO', assuranceLevel: 'HIGH' },
    });
  });

  it('the person is identified by pid, not by the pairwise sub', async () => {
    const kid = await idportenKid();
    const a = await stack.mocks.idporten.sign(claims({ sub: 'sub-for-client-a' }), { kid });
    const b = await stack.mocks.idporten.sign(claims({ sub: 'sub-for-client-b' }), { kid });
    const [ra, rb] = await Promise.all([
      stack.graphql(CASES, { token: a }),
      stack.graphql(CASES, { token: b }),
    ]);
    expect(ra.body.data).toEqual({ cases: { totalCount: 3 } });
    expect(rb.body.data).toEqual(ra.body.data);
  });

  it('without a token, the graph asks the person to log in', async () => {
    const response = await stack.graphql(CASES);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.body.data).toBeNull();
  });
});

describe('bearer tokens: every check of the security baseline refuses', () => {
  it('a token from an issuer that is not configured', async () => {
    const token = (await strangerIdp.mint({ nationalId: INGRID, assurance: 'idporten-loa-high' }))
      .access_token;
    await expectRefused(token, /not issued by an accepted identity provider/);
  });

  it('a token signed by the right key but naming another issuer', async () => {
    await expectRefused(
      await stack.mocks.idporten.sign(claims({ iss: 'https://idporten.no' }), { kid: await idportenKid() }),
      /not issued by an accepted/,
    );
  });

  it('a token for another audience', async () => {
    const response = await request(`${stack.mocks.idporten.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ pid: INGRID, aud: 'https://some-other-service.example' }),
    });
    const { access_token } = (await response.body.json()) as { access_token: string };
    await expectRefused(access_token, /aud claim is not accepted/);
  });

  it('a token without an audience', async () => {
    const { aud: _aud, ...rest } = claims();
    await expectRefused(await stack.mocks.idporten.sign(rest, { kid: await idportenKid() }), /aud/);
  });

  it('an expired token (beyond the small clock tolerance)', async () => {
    const response = await request(`${stack.mocks.idporten.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ pid: INGRID, expires_in: -60 }),
    });
    const { access_token } = (await response.body.json()) as { access_token: string };
    await expectRefused(access_token, /expired/);
  });

  it('a token without exp', async () => {
    const { exp: _exp, ...rest } = claims();
    await expectRefused(await stack.mocks.idporten.sign(rest, { kid: await idportenKid() }), /exp/);
  });

  it('an unsigned token (alg: none)', async () => {
    const token = `${base64url({ alg: 'none', typ: 'at+jwt', kid: await idportenKid() })}.${base64url(claims())}.`;
    await expectRefused(token, /refused algorithm/);
  });

  it('an HS256 token whose HMAC key is the provider’s public key', async () => {
    const response = await request(`${stack.mocks.idporten.url}/jwks`);
    const { keys } = (await response.body.json()) as { keys: Record<string, string>[] };
    const publicJwk = JSON.stringify(keys[0]);
    const signingInput = `${base64url({ alg: 'HS256', typ: 'at+jwt', kid: keys[0]?.kid })}.${base64url(claims())}`;
    const signature = createHmac('sha256', publicJwk).update(signingInput).digest('base64url');
    await expectRefused(`${signingInput}.${signature}`, /refused algorithm/);
  });

  it('a token signed with a key the provider never published (unknown kid)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'not-a-published-kid' })
      .sign(privateKey);
    await expectRefused(token, /unknown key/);
  });

  it('an attacker’s key offered in jwk and jku headers is ignored', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: await idportenKid(), alg: 'RS256' };
    const jwksServer = createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
    servers.push(jwksServer);
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const jku = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks`;
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.kid, jwk, jku, x5u: jku })
      .sign(privateKey);
    await expectRefused(token, /signature is invalid/);
  });

  it('a login below the accepted ID-porten level (substantial where only high is accepted)', async () => {
    const strict = await stack.gatewayWith({ IDPORTEN_ACR_VALUES: 'idporten-loa-high' });
    await expectRefused(
      await stack.token({ pid: INGRID, acr: 'idporten-loa-substantial' }),
      /assurance level is too low/,
      strict,
    );
    const { body } = await strict.graphql(VIEWER, {
      token: await stack.token({ pid: INGRID, acr: 'idporten-loa-high' }),
    });
    expect(body.data).toBeTruthy();
  });

  it('a MitID login below NSIS Substantial', async () => {
    await expectRefused(await stack.token({ cpr: '7503821234', loa: 'low' }), /assurance level is too low/);
  });

  it('an ID-porten token without pid (a foreign eID)', async () => {
    const { pid: _pid, ...rest } = claims();
    await expectRefused(
      await stack.mocks.idporten.sign(rest, { kid: await idportenKid() }),
      /no Norwegian national identity number/,
    );
  });

  it('a MitID token without a CPR claim', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await stack.mocks.mitid.sign({
      iss: stack.mocks.mitid.issuer,
      aud: DEV_BFF_CLIENT.audience,
      sub: 'x',
      acr: 'https://data.gov.dk/concept/core/nsis/loa/Substantial',
      iat: now,
      exp: now + 120,
    });
    await expectRefused(token, /no CPR number/);
  });

  it('an id token presented as a bearer token', async () => {
    const response = await request(`${stack.mocks.idporten.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ pid: INGRID }),
    });
    const { id_token } = (await response.body.json()) as { id_token: string };
    await expectRefused(id_token, /Only access tokens/);
  });

  it('garbage, and an Authorization header that is not a bearer token', async () => {
    await expectRefused('not.a.jwt', /not a JWT/);
    const response = await stack.graphql(CASES, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('fails closed when the issuer’s JWKS cannot be fetched', async () => {
    // A provider whose discovery works but whose jwks_uri points at a closed port.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const discovery = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer, jwks_uri: `http://127.0.0.1:${deadPort}/jwks` }));
    });
    servers.push(discovery);
    await new Promise<void>((resolve) => discovery.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}`;
    const gateway = await stack.gatewayWith({ MITID_ISSUER: issuer });
    const token = await stack.mocks.mitid.sign({
      iss: issuer,
      aud: DEV_BFF_CLIENT.audience,
      sub: 'x',
      'dk.cpr': '7503821234',
      acr: 'https://data.gov.dk/concept/core/nsis/loa/Substantial',
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 120,
    });
    await expectRefused(token, /could not be reached/, gateway);
  });

  it('fails closed when the identity provider is down altogether', async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(down.address() as AddressInfo).port}`;
    await new Promise((r) => down.close(r));
    const gateway = await stack.gatewayWith({ IDPORTEN_ISSUER: issuer });
    await expectRefused(
      await stack.mocks.idporten.sign(claims({ iss: issuer }), { kid: await idportenKid() }),
      /could not be reached/,
      gateway,
    );
  });
});
