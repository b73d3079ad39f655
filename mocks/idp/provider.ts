/**
 * Mock identity providers built on oidc-provider: an ID-porten look-alike (`pid`, `acr` idporten-loa-*)
 * and a MitID broker look-alike (a CPR claim, NSIS assurance). oidc-provider serves discovery, JWKS and
 * the authorization-code flow; the dev routes mint tokens for a chosen person with the same signing key,
 * so they verify exactly as the provider's own tokens do.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { Provider } from 'oidc-provider';
import { z } from 'zod';
import { loadPersonas } from '../seed/personas.js';

export type IdpKind = 'idporten' | 'mitid';

export interface MockIdpOptions {
  kind: IdpKind;
  port: number;
  host?: string;
  /** The issuer URL; defaults to http://localhost:<port>. */
  issuer?: string;
  /** `aud` of access tokens: the BFF as resource server. */
  audience: string;
  /** The BFF's client registration, used by the login flow. */
  client: { clientId: string; clientSecret: string; redirectUris: string[] };
}

export interface TokenRequest {
  nationalId: string;
  assurance: string;
  expiresIn?: number;
  audience?: string;
}

export interface MockIdp {
  kind: IdpKind;
  issuer: string;
  url: string;
  server: Server;
  /** Mints an access token and an id token the way the dev route does. */
  mint(request: TokenRequest): Promise<TokenResponse>;
  /** Signs arbitrary claims and header with the provider's key: for tests of the BFF's token checks. */
  sign(claims: JWTPayload, header?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export interface TokenResponse {
  access_token: string;
  id_token: string;
  expires_in: number;
  token_type: 'Bearer';
}

const IDPORTEN_ACR = ['idporten-loa-substantial', 'idporten-loa-high'] as const;
const NSIS = ['low', 'substantial', 'high'] as const;
const NSIS_URI = (level: string) =>
  `https://data.gov.dk/concept/core/nsis/loa/${level[0]?.toUpperCase()}${level.slice(1)}`;

const idportenBody = z.object({
  pid: z.string().regex(/^\d{11}$/, 'pid must be 11 digits'),
  acr: z.enum([...IDPORTEN_ACR, 'Level3', 'Level4']).default('idporten-loa-high'),
  expires_in: z.number().int().min(-3600).max(3600).optional(),
  aud: z.string().optional(),
});
const mitidBody = z.object({
  cpr: z.string().regex(/^\d{10}$/, 'cpr must be 10 digits'),
  loa: z.enum(NSIS).default('substantial'),
  expires_in: z.number().int().min(-3600).max(3600).optional(),
  aud: z.string().optional(),
});

/** ID-porten's `sub` is pairwise per client: never the national id, never the same across clients. */
function pairwiseSub(issuer: string, clientId: string, nationalId: string): string {
  return createHash('sha256').update(`${issuer}|${clientId}|${nationalId}`).digest('base64url').slice(0, 43);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

export async function startMockIdp(options: MockIdpOptions): Promise<MockIdp> {
  const host = options.host ?? '127.0.0.1';
  const alg = options.kind === 'idporten' ? 'RS256' : 'ES256';
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${options.kind}-${randomUUID().slice(0, 8)}`;
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };

  // Listen first so that a port of 0 resolves before the issuer URL is fixed.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = options.issuer ?? `http://localhost:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        redirect_uris: options.client.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [privateJwk] },
    cookies: { keys: [`mock-${options.kind}-cookie-key`] },
    acrValues: options.kind === 'idporten' ? [...IDPORTEN_ACR] : NSIS.map(NSIS_URI),
    claims: options.kind === 'idporten' ? { openid: ['sub', 'pid'] } : { openid: ['sub', 'dk.cpr'] },
    pkce: { required: () => true },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => (options.kind === 'idporten' ? { sub: id, pid: id } : { sub: id, 'dk.cpr': id }),
    }),
  });
  const providerCallback = provider.callback();

  async function sign(claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg, kid, typ: 'at+jwt', ...header }).sign(privateKey);
  }

  async function mint(request: TokenRequest): Promise<TokenResponse> {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = request.expiresIn ?? 120;
    const sub = pairwiseSub(issuer, options.client.clientId, request.nationalId);
    const identity =
      options.kind === 'idporten'
        ? { pid: request.nationalId, acr: request.assurance, amr: ['BankID'] }
        : {
            'dk.cpr': request.nationalId,
            acr: NSIS_URI(request.assurance),
            loa: NSIS_URI(request.assurance),
            idp: 'mitid',
          };
    const common = { iss: issuer, sub, iat: now, exp: now + expiresIn, ...identity };
    const access_token = await sign({
      ...common,
      aud: request.audience ?? options.audience,
      client_id: options.client.clientId,
      scope: 'openid',
      jti: randomUUID(),
    });
    const id_token = await sign(
      { ...common, aud: options.client.clientId, auth_time: now, jti: randomUUID() },
      { typ: 'JWT' },
    );
    return { access_token, id_token, expires_in: expiresIn, token_type: 'Bearer' };
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/dev/personas' && request.method === 'GET') {
      send(response, 200, { personas: loadPersonas() });
      return;
    }
    if (path === '/dev/token' && request.method === 'POST') {
      readJson(request)
        .then(async (body) => {
          const parsed = (options.kind === 'idporten' ? idportenBody : mitidBody).safeParse(body);
          if (!parsed.success) {
            send(response, 400, {
              error: 'invalid_request',
              error_description: z.prettifyError(parsed.error),
            });
            return;
          }
          const data = parsed.data;
          const token = await mint({
            nationalId: 'pid' in data ? data.pid : data.cpr,
            assurance: 'acr' in data ? data.acr : data.loa,
            expiresIn: data.expires_in,
            audience: data.aud,
          });
          send(response, 200, token);
        })
        .catch(() =>
          send(response, 400, { error: 'invalid_request', error_description: 'body must be JSON' }),
        );
      return;
    }
    void providerCallback(request, response);
  });

  return {
    kind: options.kind,
    issuer,
    url: `http://${host}:${port}`,
    server,
    mint,
    sign,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
