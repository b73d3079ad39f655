/**
 * Login through the BFF: the gateway is the OpenID client (openid-client, a confidential client), so the
 * browser never holds a token. `/auth/login` starts the authorization code flow with PKCE, state and nonce;
 * `/auth/callback` checks them, verifies the id token and the person (assurance, national id) and starts a
 * session; `/auth/logout` ends it here and at the provider; `/auth/frontchannel-logout` ends it when the
 * person logs out at the provider.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { LOGIN_LANGUAGE, negotiateLanguage, type Lang } from '../i18n.js';
import { say } from '../messages.js';
import { isStoreOutage, STORE_RETRY_AFTER_SECONDS, type Store } from '../store/index.js';
import { Sealer } from '../store/sealed.js';
import {
  COOKIE_ATTRIBUTES as cookieAttributes,
  SESSION_COOKIE,
  type Refresher,
  type Sessions,
  type SessionTokens,
} from './sessions.js';
import type { IssuerDiscovery } from './discovery.js';
import { AuthError, messageOfAuthFailure, principalFromClaims, type IssuerConfig } from './verify.js';

export interface LoginClient {
  issuer: IssuerConfig;
  clientId: string;
  clientSecret: string;
}

export interface LoginSettings {
  publicUrl: string;
  /** Origins of the portals a login may return to (besides paths on the gateway's own origin). */
  portalOrigins: readonly string[];
  clients: LoginClient[];
  /** Time allowed for each call to an identity provider. */
  timeoutMs: number;
  /** The issuers' discovery, shared with token verification. */
  discovery: IssuerDiscovery;
}

const LOGIN_COOKIE = '__Host-login';
const LOGIN_TTL_MS = 10 * 60_000;
const DEFAULT_RETURN_TO = '/graphql';

type Provider = 'idporten' | 'mitid';

/** The pages the login shows itself (src/messages.ts). */
type PageMessage =
  | 'LOGIN_STORE_UNAVAILABLE'
  | 'LOGIN_ATTEMPT_EXPIRED'
  | 'LOGIN_NOT_ACCEPTED'
  | 'LOGIN_CANCELLED'
  | 'LOGIN_UNCHECKABLE'
  | 'LOGGED_OUT'
  | 'TOO_MANY_LOGIN_ATTEMPTS'
  | 'UNKNOWN_LOGIN_PROVIDER'
  | ReturnType<typeof messageOfAuthFailure>;

function page(lang: Lang, text: string, retry: boolean): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const link = retry ? '<p><a href="/auth/login">Logg inn / Log ind / Log in</a></p>' : '';
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${escaped}</title></head><body><p>${escaped}</p>${link}</body></html>`;
}

/** Printable ASCII without backslashes: nothing a browser or a parser could read in two ways. */
const PLAIN_URL = /^[\x21-\x5b\x5d-\x7e]{1,2000}$/;

/**
 * Where a login may return: a path on the gateway's own origin, or a URL on a configured portal origin —
 * never elsewhere (no open redirects). The URL must begin with the portal's origin exactly as written, so
 * that userinfo (`https://portal@evil`), a missing slash (`https://portal.evil`) or any form a parser might
 * read differently cannot pass; percent-encoded forms are not decoded, so they stay paths.
 */
export function safeReturnTo(value: unknown, portalOrigins: readonly string[]): string {
  if (typeof value !== 'string' || !PLAIN_URL.test(value)) return DEFAULT_RETURN_TO;
  if (/^\/(?![/])/.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  const onPortal = portalOrigins.some(
    (origin) =>
      origin !== '*' &&
      value.startsWith(origin) &&
      /^[/?#]?$/.test(value.charAt(origin.length)) &&
      url.origin === origin,
  );
  return onPortal && !url.username && !url.password ? url.href : DEFAULT_RETURN_TO;
}

const loginTransaction = z.object({
  provider: z.enum(['idporten', 'mitid']),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
});

export class LoginFlow {
  readonly #configs = new Map<string, Promise<oidc.Configuration>>();
  readonly #sealer: Sealer;

  constructor(
    private readonly settings: LoginSettings,
    private readonly store: Store,
    secret: string,
    private readonly sessions: Sessions,
    private readonly clock: () => number = Date.now,
  ) {
    this.#sealer = new Sealer(secret, 'login');
  }

  /** Refreshes a session's tokens at the provider that issued them. */
  readonly refresh: Refresher = async (session) => {
    const client = this.#client(session.principal.provider);
    if (!session.tokens.refreshToken) return 'REFUSED';
    try {
      const tokens = await oidc.refreshTokenGrant(await this.#config(client), session.tokens.refreshToken);
      return this.#tokens(tokens, session.tokens);
    } catch (error) {
      // The provider answered "no" (the session there ended, the token was revoked): the session ends here too.
      if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') return 'REFUSED';
      throw error;
    }
  };

  /**
   * The login routes. They carry no login yet, so `retryAfter` counts them per client address (each start
   * stores a login transaction): past its limit they answer 429 with a page in the person's language.
   */
  async register(
    app: FastifyInstance,
    retryAfter: (request: FastifyRequest) => Promise<number | null>,
  ): Promise<void> {
    await app.register(async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const wait = await retryAfter(request);
        if (wait === null) return;
        void reply.header('retry-after', String(wait));
        return this.#page(reply, request, 429, 'TOO_MANY_LOGIN_ATTEMPTS', false);
      });
      // Sessions and login transactions live in the store: while it cannot be reached, the person is told
      // to try again shortly, in their language, and nothing else is said (never the Redis client's words).
      scope.setErrorHandler((error, request, reply) => {
        if (!isStoreOutage(error)) throw error;
        request.log.warn({ err: (error as Error).message }, 'login: the store cannot be reached');
        void reply.header('retry-after', String(STORE_RETRY_AFTER_SECONDS));
        return this.#page(reply, request, 503, 'LOGIN_STORE_UNAVAILABLE', true);
      });
      // A portal logs out with a plain HTML form, which browsers post urlencoded; its body says nothing.
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 1024 },
        (_request, _body, done) => done(null, undefined),
      );
      scope.get('/auth/login', (request, reply) => this.#login(request, reply));
      scope.get('/auth/callback', (request, reply) => this.#callback(request, reply));
      scope.post('/auth/logout', (request, reply) => this.#logout(request, reply));
      scope.get('/auth/logged-out', (request, reply) => this.#loggedOut(request, reply));
      scope.get('/auth/frontchannel-logout', (request, reply) => this.#frontChannelLogout(request, reply));
    });
  }

  async #login(request: FastifyRequest, reply: FastifyReply) {
    const query = request.query as Record<string, unknown>;
    const provider = query.idp ?? 'idporten';
    if (provider !== 'idporten' && provider !== 'mitid') {
      return this.#page(reply, request, 400, 'UNKNOWN_LOGIN_PROVIDER', true);
    }
    const client = this.#client(provider);
    let config: oidc.Configuration;
    try {
      config = await this.#config(client);
    } catch (error) {
      request.log.warn({ err: (error as Error).message, provider }, 'identity provider discovery failed');
      return this.#page(reply, request, 502, 'LOGIN_UNCHECKABLE', true, provider);
    }
    const transaction = {
      provider,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(query.returnTo, this.settings.portalOrigins),
    } satisfies z.infer<typeof loginTransaction>;
    const id = randomBytes(24).toString('base64url');
    const key = this.#transactionKey(id);
    await this.store.set(key, this.#sealer.sealJson(transaction, key), LOGIN_TTL_MS);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#url('/auth/callback'),
      scope: 'openid',
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      acr_values: this.#acrValues(client.issuer),
      ui_locales: negotiateLanguage(request.headers['accept-language'], LOGIN_LANGUAGE[provider]),
    });
    reply.setCookie(LOGIN_COOKIE, id, { ...cookieAttributes, maxAge: LOGIN_TTL_MS / 1000 });
    return reply.redirect(url.href, 303);
  }

  async #callback(request: FastifyRequest, reply: FastifyReply) {
    // The transaction is good once, and only in the browser that started it.
    const id = request.cookies[LOGIN_COOKIE];
    reply.clearCookie(LOGIN_COOKIE, cookieAttributes);
    const key = id ? this.#transactionKey(id) : null;
    const sealed = key ? await this.store.get(key) : null;
    if (key) await this.store.delete(key);
    const transaction = key ? this.#sealer.openJson(sealed, key, loginTransaction) : null;
    if (!transaction) return this.#page(reply, request, 400, 'LOGIN_ATTEMPT_EXPIRED', true);
    const query = request.query as Record<string, unknown>;
    if (typeof query.error === 'string') {
      request.log.info({ error: query.error }, 'login cancelled at the identity provider');
      return this.#page(reply, request, 400, 'LOGIN_CANCELLED', true, transaction.provider);
    }
    const client = this.#client(transaction.provider);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(
        await this.#config(client),
        new URL(request.url, this.settings.publicUrl),
        {
          pkceCodeVerifier: transaction.codeVerifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        },
      );
    } catch (error) {
      return this.#failed(request, reply, error, transaction.provider);
    }
    const claims = tokens.claims();
    if (!claims) return this.#page(reply, request, 400, 'LOGIN_NOT_ACCEPTED', true, transaction.provider);
    let principal;
    try {
      principal = principalFromClaims(client.issuer, claims);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      request.log.info({ failure: error.failure }, 'login refused');
      return this.#page(reply, request, 403, messageOfAuthFailure(error.failure), true, transaction.provider);
    }
    const sid = typeof claims.sid === 'string' ? claims.sid : null;
    const sessionId = await this.sessions.create(principal, this.#tokens(tokens), sid);
    request.log.info({ provider: principal.provider }, 'login: session started');
    reply.setCookie(SESSION_COOKIE, sessionId, cookieAttributes);
    return reply.redirect(transaction.returnTo, 303);
  }

  async #logout(request: FastifyRequest, reply: FastifyReply) {
    // A portal names the page to come back to (`?returnTo=`), checked as a login's is.
    const returnTo = safeReturnTo(
      (request.query as Record<string, unknown>).returnTo,
      this.settings.portalOrigins,
    );
    const loggedOut = returnTo === DEFAULT_RETURN_TO ? '/auth/logged-out' : returnTo;
    const id = request.cookies[SESSION_COOKIE];
    const session = id ? await this.sessions.end(id) : null;
    reply.clearCookie(SESSION_COOKIE, cookieAttributes);
    if (!session) return reply.redirect(loggedOut, 303);
    // Also log out at the provider (RP-initiated logout), which then comes back to us. The provider is told
    // which client asks (`client_id`, added by openid-client), never shown the id token: as `id_token_hint`
    // it would put the person's national id (`pid`) and session id (`sid`) in a URL, in browser history and
    // in access logs. RP-Initiated Logout 1.0 accepts `client_id` with a registered `post_logout_redirect_uri`;
    // the portal page to return to travels as the logout's `state`, which the provider hands back.
    try {
      const config = await this.#config(this.#client(session.principal.provider));
      const url = oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: this.#url('/auth/logged-out'),
        ...(loggedOut === returnTo ? { state: returnTo } : {}),
      });
      return reply.redirect(url.href, 303);
    } catch (error) {
      request.log.warn({ err: (error as Error).message }, 'provider logout unavailable; logged out here');
      return reply.redirect(loggedOut, 303);
    }
  }

  /** Back from the provider's logout: to the portal page the logout named (checked again), else a page here. */
  #loggedOut(request: FastifyRequest, reply: FastifyReply) {
    const returnTo = safeReturnTo(
      (request.query as Record<string, unknown>).state,
      this.settings.portalOrigins,
    );
    if (returnTo !== DEFAULT_RETURN_TO) return reply.redirect(returnTo, 303);
    return this.#page(reply, request, 200, 'LOGGED_OUT', false);
  }

  async #frontChannelLogout(request: FastifyRequest, reply: FastifyReply) {
    const query = request.query as Record<string, unknown>;
    const known = this.settings.clients.some((c) => c.issuer.issuer === query.iss);
    if (known && typeof query.iss === 'string' && typeof query.sid === 'string' && query.sid.length <= 256) {
      const ended = await this.sessions.endBySid(query.iss, query.sid);
      request.log.info({ ended }, 'front-channel logout');
    }
    // The provider shows this in a hidden frame; it answers the same whatever happened.
    return reply.type('text/html; charset=utf-8').send('<!DOCTYPE html><title>logged out</title>');
  }

  #failed(request: FastifyRequest, reply: FastifyReply, error: unknown, provider: Provider) {
    const reason =
      error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError
        ? error.error
        : error instanceof Error
          ? error.message
          : String(error);
    // Network failures towards the provider are not the person's fault; the rest (state, nonce, a
    // signature, an expired code) is a login that cannot be trusted.
    const unreachable =
      error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError');
    request.log.info({ reason }, 'login callback refused');
    return unreachable
      ? this.#page(reply, request, 502, 'LOGIN_UNCHECKABLE', true, provider)
      : this.#page(reply, request, 400, 'LOGIN_NOT_ACCEPTED', true, provider);
  }

  /** A page in the browser's language, else the language of the login under way (MitID: Danish). */
  #page(
    reply: FastifyReply,
    request: FastifyRequest,
    status: number,
    key: PageMessage,
    retry: boolean,
    provider?: Provider,
  ) {
    const lang = negotiateLanguage(request.headers['accept-language'], provider && LOGIN_LANGUAGE[provider]);
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(page(lang, say(lang, key), retry));
  }

  #tokens(response: oidc.TokenEndpointResponse, previous?: SessionTokens): SessionTokens {
    return {
      accessToken: response.access_token,
      refreshToken: response.refresh_token ?? previous?.refreshToken ?? null,
      accessExpiresAt: this.clock() + (response.expires_in ?? 60) * 1000,
    };
  }

  #client(provider: Provider): LoginClient {
    const client = this.settings.clients.find((c) => c.issuer.provider === provider);
    if (!client) throw new Error(`no login client for ${provider}`);
    return client;
  }

  /**
   * The provider's configuration for this client, from the issuer's discovery document (shared with token
   * verification) on first use; a failure is not kept, the next login retries.
   */
  #config(client: LoginClient): Promise<oidc.Configuration> {
    const cached = this.#configs.get(client.issuer.issuer);
    if (cached) return cached;
    const loading = this.settings.discovery.metadata(client.issuer.issuer).then((metadata) => {
      const config = new oidc.Configuration(
        metadata,
        client.clientId,
        { client_secret: client.clientSecret },
        oidc.ClientSecretBasic(client.clientSecret),
      );
      config.timeout = this.settings.timeoutMs / 1000;
      // config.ts allows plain HTTP only to identity providers on this machine (the mocks).
      if (client.issuer.issuer.startsWith('http://')) oidc.allowInsecureRequests(config);
      return config;
    });
    this.#configs.set(client.issuer.issuer, loading);
    loading.catch(() => this.#configs.delete(client.issuer.issuer));
    return loading;
  }

  #acrValues(issuer: IssuerConfig): string {
    if (issuer.provider === 'idporten') return issuer.acceptedAcr.join(' ');
    const level = issuer.minimumLoa[0]?.toUpperCase() + issuer.minimumLoa.slice(1);
    return `https://data.gov.dk/concept/core/nsis/loa/${level}`;
  }

  #transactionKey(id: string): string {
    return `login:${createHash('sha256').update(id).digest('base64url')}`;
  }

  #url(path: string): string {
    return `${this.settings.publicUrl.replace(/\/$/, '')}${path}`;
  }
}
