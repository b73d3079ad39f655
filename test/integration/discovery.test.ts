/**
 * One discovery of each identity provider, shared by token verification and the login: fetched once for
 * both, a failure not kept (the next use tries again), and a document that names another issuer refused
 * (OpenID Connect Discovery §4.3). Over a real socket, against a provider that counts what it is asked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscoveryError, IssuerDiscovery } from '../../src/auth/discovery.js';

describe('the identity providers’ discovery', () => {
  let server: Server;
  let issuer: string;
  let asked = 0;
  let answer: 'OK' | 'DOWN' | 'OTHER_ISSUER' = 'OK';

  beforeAll(async () => {
    server = createServer((_request, response) => {
      asked++;
      if (answer === 'DOWN') {
        response.writeHead(503).end();
        return;
      }
      const published = answer === 'OTHER_ISSUER' ? 'https://idporten.example' : issuer;
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          issuer: published,
          jwks_uri: `${issuer}/jwks`,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is fetched once for everyone who needs it, with every endpoint the login uses', async () => {
    asked = 0;
    answer = 'OK';
    const discovery = new IssuerDiscovery(1_000);
    const [forTokens, forLogin] = await Promise.all([discovery.metadata(issuer), discovery.metadata(issuer)]);
    await discovery.metadata(issuer);
    expect(asked).toBe(1);
    expect(forTokens).toBe(forLogin);
    expect(forLogin).toMatchObject({
      issuer,
      jwks_uri: `${issuer}/jwks`,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
    });
  });

  it('does not keep a failure: the next use asks again', async () => {
    asked = 0;
    answer = 'DOWN';
    const discovery = new IssuerDiscovery(1_000);
    await expect(discovery.metadata(issuer)).rejects.toBeInstanceOf(DiscoveryError);
    answer = 'OK';
    await expect(discovery.metadata(issuer)).resolves.toMatchObject({ issuer });
    expect(asked).toBe(2);
  });

  it('refuses a document that names another issuer than the one asked', async () => {
    answer = 'OTHER_ISSUER';
    await expect(new IssuerDiscovery(1_000).metadata(issuer)).rejects.toThrow(
      /published the issuer https:\/\/idporten\.example/,
    );
  });
});
