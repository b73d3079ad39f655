/**
 * Mock identity providers built on oidc-provider: an ID-porten look-alike (`pid`, `acr` idporten-loa-*)
 * and a MitID broker look-alike (a CPR claim, NSIS assurance). oidc-provider serves discovery, JWKS, the
 * authorization-code flow with PKCE, refresh tokens and RP-initiated logout; a login page lets a developer
 * pick a persona; front-channel logout loads the client's logout URL with `iss` and `sid`. Access tokens
 * are JWTs (`at+jwt`) for the BFF's audience with `pid`/`dk.cpr` and `acr`, like the real ones. The dev
 * routes mint tokens for a chosen person with the same signing key, so they verify exactly the same way.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { errors, Provider, type KoaContextWithOIDC } from 'oidc-provider';
import { z } from 'zod';
import { loadPersonas } from '../seed/personas.js';
import { frontChannelLogoutPage, loginPage, logoutPage } from './pages.js';

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
  client: MockIdpClient;
  /** Lifetime of access tokens issued by the login flow (default 120 s, as ID-porten's). */
  accessTokenTtlSeconds?: number;
  /** What `GET /dev/personas` lists (default: mocks/personas.json as it is). */
  personas?: () => unknown[];
}

export interface MockIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** Where the provider's logout page sends the browser (in a frame) with `iss` and `sid`. */
  frontChannelLogoutUri?: string;
}

/** What the provider did, for tests that count (e.g. one refresh for many concurrent requests). */
export interface MockIdpStats {
  logins: number;
  codeExchanges: number;
  refreshes: number;
  logouts: number;
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
  stats: MockIdpStats;
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

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readText(request);
  return text ? JSON.parse(text) : {};
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

  const stats: MockIdpStats = { logins: 0, codeExchanges: 0, refreshes: 0, logouts: 0 };
  const accessTokenTtl = options.accessTokenTtlSeconds ?? 120;
  const levels: readonly string[] = options.kind === 'idporten' ? [...IDPORTEN_ACR].reverse() : NSIS;
  // The account id is the pairwise `sub`; the national id is a claim, as at the real providers.
  const nationalIds = new Map<string, string>();
  const identityClaims = (nationalId: string): Record<string, string> =>
    options.kind === 'idporten' ? { pid: nationalId } : { 'dk.cpr': nationalId };
  const acrOf = (level: string) => (options.kind === 'idporten' ? level : NSIS_URI(level));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        redirect_uris: options.client.redirectUris,
        post_logout_redirect_uris: options.client.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        id_token_signed_response_alg: alg,
      },
    ],
    jwks: { keys: [privateJwk] },
    cookies: { keys: [`mock-${options.kind}-cookie-key`] },
    acrValues: options.kind === 'idporten' ? [...IDPORTEN_ACR] : NSIS.map(NSIS_URI),
    claims: options.kind === 'idporten' ? { openid: ['sub', 'pid'] } : { openid: ['sub', 'dk.cpr'] },
    pkce: { required: () => true },
    ttl: { AccessToken: accessTokenTtl, IdToken: 3600, RefreshToken: 8 * 3600, Grant: 8 * 3600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The BFF is a first-party client: no consent screen. Grant what it asks for on first login.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId,
        accountId: ctx.oidc.session?.accountId,
      });
      grant.addOIDCScope('openid');
      grant.addResourceScope(options.audience, 'openid');
      await grant.save();
      return grant;
    },
    // Like ID-porten: confidential clients get refresh tokens without asking for offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== options.audience) throw new errors.InvalidTarget();
          return {
            scope: 'openid',
            audience: options.audience,
            accessTokenTTL: accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = logoutPage(form);
        },
      },
    },
    // Access tokens carry the national id and the assurance, as ID-porten's and the MitID broker's do.
    extraTokenClaims: async (ctx, token) => {
      if (token.kind !== 'AccessToken') return undefined;
      const nationalId = nationalIds.get(token.accountId);
      const source = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
      if (!nationalId || !source?.acr) return undefined;
      return { ...identityClaims(nationalId), acr: source.acr };
    },
    findAccount: (_ctx, sub) => {
      const nationalId = nationalIds.get(sub);
      if (!nationalId) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...identityClaims(nationalId) }) };
    },
  });
  // ID-porten always puts `sid` in its id tokens, so that front-channel logout can name the session.
  Object.defineProperty(provider.Client.prototype, 'includeSid', { value: () => true });
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    if (ctx.oidc.params?.grant_type === 'refresh_token') stats.refreshes++;
    else stats.codeExchanges++;
  });
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    stats.logouts++;
    const frontChannel = options.client.frontChannelLogoutUri;
    const sid = ctx.oidc.session?.authorizations?.[options.client.clientId]?.sid;
    if (frontChannel && sid) {
      const url = new URL(frontChannel);
      url.searchParams.set('iss', issuer);
      url.searchParams.set('sid', sid);
      (ctx.state as { frontChannel?: string[] }).frontChannel = [url.href];
    }
  });
  // After a logout the browser visits each client's front-channel logout URL on its way on.
  provider.use(async (ctx, next) => {
    await next();
    const frames = (ctx.state as { frontChannel?: string[] }).frontChannel;
    const location = ctx.response.get('location');
    if (frames?.length && ctx.status === 303 && location) {
      ctx.status = 200;
      ctx.remove('location');
      ctx.type = 'html';
      ctx.body = frontChannelLogoutPage(frames, location);
    }
  });
  const providerCallback = provider.callback();

  /** The persona picker: GET shows it, POST logs the chosen person in. */
  async function interaction(
    request: IncomingMessage,
    response: ServerResponse,
    uid: string,
    login: boolean,
  ) {
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) throw new errors.SessionNotFound('interaction mismatch');
    const personas = loadPersonas().filter((p) => p.login.idp === options.kind);
    if (!login) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(loginPage({ kind: options.kind, uid, personas, levels }));
      return;
    }
    const form = new URLSearchParams(await readText(request));
    const nationalId = form.get('nationalId') ?? '';
    const level = form.get('level') ?? '';
    const idPattern = options.kind === 'idporten' ? /^\d{11}$/ : /^\d{10}$/;
    if (!idPattern.test(nationalId) || !levels.includes(level)) {
      response.writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(
        loginPage({ kind: options.kind, uid, personas, levels, error: 'Unknown national id or level.' }),
      );
      return;
    }
    const sub = pairwiseSub(issuer, options.client.clientId, nationalId);
    nationalIds.set(sub, nationalId);
    stats.logins++;
    await provider.interactionFinished(
      request,
      response,
      {
        login: { accountId: sub, acr: acrOf(level), amr: [options.kind === 'idporten' ? 'BankID' : 'MitID'] },
      },
      { mergeWithLastSubmission: false },
    );
  }

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
      send(response, 200, { personas: options.personas?.() ?? loadPersonas() });
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
    const interactionPath = /^\/interaction\/([\w-]{1,64})(\/login)?$/.exec(path ?? '');
    if (interactionPath?.[1] && (request.method === 'GET' || request.method === 'POST')) {
      const login = request.method === 'POST' && interactionPath[2] === '/login';
      interaction(request, response, interactionPath[1], login).catch(() => {
        if (response.headersSent) return;
        send(response, 400, {
          error: 'invalid_request',
          error_description: 'The login has expired or is unknown; start again.',
        });
      });
      return;
    }
    void providerCallback(request, response);
  });

  return {
    kind: options.kind,
    issuer,
    url: `http://${host}:${port}`,
    server,
    stats,
    mint,
    sign,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
