/**
 * Verifies bearer access tokens from the configured identity providers (ID-porten, a MitID broker) and
 * turns them into a Principal. Every check of the security baseline lives here: issuer by exact match and
 * OIDC discovery, signature by `kid` from the issuer's JWKS (jku/x5u/jwk headers are never consulted),
 * RS256/ES256 only, `aud` and `exp` required, a small clock tolerance, access tokens only (`typ: at+jwt`),
 * assurance in the accepted set, a national id present. Anything unverifiable is refused: fail closed.
 */
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { MessageKey } from '../messages.js';
import { DiscoveryError, IssuerDiscovery } from './discovery.js';
import { ASSURANCE_RANK, type Assurance, type Principal } from './principal.js';

export type IssuerConfig =
  | { provider: 'idporten'; issuer: string; audience: string; acceptedAcr: string[] }
  | { provider: 'mitid'; issuer: string; audience: string; minimumLoa: Assurance };

export type AuthFailure =
  | 'MALFORMED'
  | 'UNKNOWN_ISSUER'
  | 'NOT_AN_ACCESS_TOKEN'
  | 'IDP_UNREACHABLE'
  | 'ALG_NOT_ALLOWED'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'EXPIRED'
  | 'INVALID_CLAIM'
  | 'INSUFFICIENT_ASSURANCE'
  | 'MISSING_NATIONAL_ID';

/** What the person is told about a refused login (the failure itself goes to the log and `reason`). */
export function messageOfAuthFailure(failure: AuthFailure): MessageKey {
  switch (failure) {
    case 'EXPIRED':
      return 'LOGIN_ENDED';
    case 'MISSING_NATIONAL_ID':
      return 'LOGIN_WITHOUT_ID';
    case 'INSUFFICIENT_ASSURANCE':
      return 'LOGIN_ASSURANCE_TOO_LOW';
    case 'IDP_UNREACHABLE':
      return 'LOGIN_UNCHECKABLE';
    default:
      return 'LOGIN_NOT_ACCEPTED';
  }
}

export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly failure: AuthFailure,
    message: string,
  ) {
    super(message);
  }
}

const ALGORITHMS = ['RS256', 'ES256'];
const CLOCK_TOLERANCE_S = 10;
const MAX_TOKEN_LENGTH = 8_192;
const CACHE_SIZE = 10_000;

/** ID-porten's older acr values are aliases of today's. */
const IDPORTEN_ACR_ALIASES: Record<string, string> = {
  Level3: 'idporten-loa-substantial',
  Level4: 'idporten-loa-high',
};
const IDPORTEN_ASSURANCE: Record<string, Assurance> = {
  'idporten-loa-substantial': 'substantial',
  'idporten-loa-high': 'high',
};
const NSIS_LEVEL = /\/nsis\/loa\/(Low|Substantial|High)$/;

interface IssuerState {
  config: IssuerConfig;
  jwks?: ReturnType<typeof createRemoteJWKSet>;
}

export interface VerifierOptions {
  /** Time allowed for discovery and JWKS requests. */
  fetchTimeoutMs?: number;
  /** The issuers' discovery, shared with the login (a discovery of its own otherwise). */
  discovery?: IssuerDiscovery;
  /** Told whether each token was already verified (the metrics' hit rate). */
  onCacheLookup?: (hit: boolean) => void;
}

export class TokenVerifier {
  readonly #issuers: Map<string, IssuerState>;
  readonly #cache = new LRUCache<string, Principal>({ max: CACHE_SIZE });
  readonly #fetchTimeoutMs: number;
  readonly #onCacheLookup: (hit: boolean) => void;
  readonly #discovery: IssuerDiscovery;

  constructor(issuers: readonly IssuerConfig[], options: VerifierOptions = {}) {
    this.#issuers = new Map(issuers.map((config) => [config.issuer, { config }]));
    this.#fetchTimeoutMs = options.fetchTimeoutMs ?? 3_000;
    this.#onCacheLookup = options.onCacheLookup ?? (() => undefined);
    this.#discovery = options.discovery ?? new IssuerDiscovery(this.#fetchTimeoutMs);
  }

  async verify(token: string): Promise<Principal> {
    const cached = this.#cache.get(token);
    this.#onCacheLookup(cached !== undefined && cached.expiresAt > Date.now() / 1000);
    if (cached && cached.expiresAt > Date.now() / 1000) return cached;
    if (cached) this.#cache.delete(token);

    const principal = await this.#verifyUncached(token);
    this.#cache.set(token, principal);
    return principal;
  }

  async #verifyUncached(token: string): Promise<Principal> {
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthError('MALFORMED', 'The token is too long.');
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw new AuthError('MALFORMED', 'The token is not a JWT.');
    }
    const state = typeof unverified.iss === 'string' ? this.#issuers.get(unverified.iss) : undefined;
    if (!state)
      throw new AuthError('UNKNOWN_ISSUER', 'The token was not issued by an accepted identity provider.');
    const typ = typeof header.typ === 'string' ? header.typ.toLowerCase().replace(/^application\//, '') : '';
    if (typ !== 'at+jwt')
      throw new AuthError('NOT_AN_ACCESS_TOKEN', 'Only access tokens are accepted as bearer tokens.');
    if (!ALGORITHMS.includes(String(header.alg)))
      throw new AuthError('ALG_NOT_ALLOWED', 'The token is signed with a refused algorithm.');

    const jwks = await this.#jwks(state);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: state.config.issuer,
        audience: state.config.audience,
        algorithms: ALGORITHMS,
        typ: 'at+jwt',
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'iat', 'aud'],
      }));
    } catch (error) {
      throw this.#verificationFailure(error);
    }
    return principalFromClaims(state.config, payload);
  }

  /** The issuer's JWKS, from its discovery document on first use; a failure is not kept, the next request tries again. */
  async #jwks(state: IssuerState): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (state.jwks) return state.jwks;
    let jwksUri: string;
    try {
      ({ jwks_uri: jwksUri } = await this.#discovery.metadata(state.config.issuer));
    } catch (error) {
      if (!(error instanceof DiscoveryError)) throw error;
      throw new AuthError(
        'IDP_UNREACHABLE',
        'The identity provider could not be reached to verify the token.',
      );
    }
    state.jwks = createRemoteJWKSet(new URL(jwksUri), {
      timeoutDuration: this.#fetchTimeoutMs,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
    return state.jwks;
  }

  #verificationFailure(error: unknown): AuthError {
    if (error instanceof AuthError) return error;
    if (error instanceof joseErrors.JWTExpired) return new AuthError('EXPIRED', 'The token has expired.');
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      return new AuthError('INVALID_CLAIM', `The token's ${error.claim} claim is not accepted.`);
    }
    if (error instanceof joseErrors.JOSEAlgNotAllowed)
      return new AuthError('ALG_NOT_ALLOWED', 'The token is signed with a refused algorithm.');
    if (
      error instanceof joseErrors.JWKSNoMatchingKey ||
      error instanceof joseErrors.JWKSMultipleMatchingKeys
    ) {
      return new AuthError('UNKNOWN_KEY', 'The token is signed with an unknown key.');
    }
    if (error instanceof joseErrors.JWSSignatureVerificationFailed)
      return new AuthError('BAD_SIGNATURE', 'The token signature is invalid.');
    if (error instanceof joseErrors.JWTInvalid || error instanceof joseErrors.JWSInvalid)
      return new AuthError('MALFORMED', 'The token is malformed.');
    // JWKS timeouts, network failures and invalid key sets: we cannot verify, so we refuse.
    return new AuthError(
      'IDP_UNREACHABLE',
      'The identity provider could not be reached to verify the token.',
    );
  }
}

/**
 * The person a verified token (an access token, or the id token of a login) names, once the provider's
 * assurance and national id rules are met.
 */
export function principalFromClaims(config: IssuerConfig, payload: JWTPayload): Principal {
  const expiresAt = payload.exp ?? 0;
  if (config.provider === 'idporten') {
    const pid = payload.pid;
    if (typeof pid !== 'string' || !/^\d{11}$/.test(pid)) {
      throw new AuthError('MISSING_NATIONAL_ID', 'The login carries no Norwegian national identity number.');
    }
    const raw = typeof payload.acr === 'string' ? payload.acr : '';
    const acr = IDPORTEN_ACR_ALIASES[raw] ?? raw;
    const assurance = IDPORTEN_ASSURANCE[acr];
    if (!assurance || !config.acceptedAcr.map((a) => IDPORTEN_ACR_ALIASES[a] ?? a).includes(acr)) {
      throw new AuthError(
        'INSUFFICIENT_ASSURANCE',
        'The login assurance level is too low; log in with a stronger method.',
      );
    }
    return {
      provider: 'idporten',
      issuer: config.issuer,
      country: 'NO',
      nationalId: pid,
      assurance,
      expiresAt,
    };
  }
  const cpr = payload['dk.cpr'];
  if (typeof cpr !== 'string' || !/^\d{10}$/.test(cpr)) {
    throw new AuthError('MISSING_NATIONAL_ID', 'The login carries no CPR number.');
  }
  const level = NSIS_LEVEL.exec(typeof payload.acr === 'string' ? payload.acr : '')?.[1]?.toLowerCase() as
    Assurance | undefined;
  if (!level || ASSURANCE_RANK[level] < ASSURANCE_RANK[config.minimumLoa]) {
    throw new AuthError(
      'INSUFFICIENT_ASSURANCE',
      'The login assurance level is too low; log in with a stronger method.',
    );
  }
  return {
    provider: 'mitid',
    issuer: config.issuer,
    country: 'DK',
    nationalId: cpr,
    assurance: level,
    expiresAt,
  };
}
