/**
 * Server-side login sessions. The browser holds only a random id in a `__Host-` cookie; the person, their
 * tokens and the session's times live sealed in the store (so every gateway instance knows the session),
 * under a hash of that id (so a copy of the store holds no usable cookie).
 *
 * A session ends when it has been idle too long, when it reaches its absolute lifetime, on logout, on
 * front-channel logout from the identity provider, and when the provider refuses to refresh its tokens.
 * Tokens are refreshed once at a time: a lock in the store lets one request, on any instance, do it while
 * the others carry on with the session as it stands.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from './principal.js';
import type { Store } from '../store/index.js';
import { Sealer } from '../store/sealed.js';

export const SESSION_COOKIE = '__Host-session';
/** `__Host-` cookies: Secure, Path=/, no Domain — bound to exactly this origin; never readable by scripts. */
export const COOKIE_ATTRIBUTES = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

/** The id token is checked at login and not kept: logging out does not need it (see login.ts). */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string | null;
  /** When the access token expires (ms since the epoch). */
  accessExpiresAt: number;
}

export interface Session {
  principal: Principal;
  /** The identity provider's session id (`sid`), named by its front-channel logout. */
  sid: string | null;
  createdAt: number;
  lastSeenAt: number;
  tokens: SessionTokens;
}

/** New tokens, or REFUSED when the provider no longer honours the refresh token (its session ended). */
export type Refresher = (session: Session) => Promise<SessionTokens | 'REFUSED'>;

export interface SessionLifetimes {
  idleMs: number;
  absoluteMs: number;
}

/** Refresh when the access token has less than this left. */
const REFRESH_AHEAD_MS = 5_000;
/** How long one refresh may hold the lock before another request may try. */
const REFRESH_LOCK_MS = 10_000;

type SessionState = Omit<Session, 'tokens'>;

export class Sessions {
  readonly #sealer: Sealer;

  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly lifetimes: SessionLifetimes,
    private readonly clock: () => number = Date.now,
  ) {
    this.#sealer = new Sealer(secret, 'session');
  }

  /** Starts a session; the answer is the cookie value. */
  async create(principal: Principal, tokens: SessionTokens, sid: string | null): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const key = this.#key(id);
    const now = this.clock();
    const state: SessionState = {
      principal: { ...principal, expiresAt: Math.floor((now + this.lifetimes.absoluteMs) / 1000) },
      sid,
      createdAt: now,
      lastSeenAt: now,
    };
    await this.#write(key, state);
    await this.#writeTokens(key, state, tokens);
    if (sid) await this.store.set(this.#sidKey(principal.issuer, sid), key, this.lifetimes.absoluteMs);
    return id;
  }

  /**
   * The session behind a cookie, if it is still alive: refreshes its tokens when they are about to expire
   * and records the activity. Null when there is no such session or it has ended.
   */
  async resume(id: string, refresh: Refresher, log: FastifyBaseLogger): Promise<Session | null> {
    const key = this.#key(id);
    let session = await this.#read(key);
    if (!session) return null;
    const now = this.clock();
    if (
      now - session.lastSeenAt > this.lifetimes.idleMs ||
      now - session.createdAt > this.lifetimes.absoluteMs
    ) {
      await this.#end(key, session);
      return null;
    }
    if (session.tokens.accessExpiresAt - now < REFRESH_AHEAD_MS) {
      const refreshed = await this.#refresh(key, session, refresh, log);
      if (!refreshed) return null;
      session = refreshed;
    }
    // Record activity at most every so often: a write per request would be wasted on a busy page.
    if (now - session.lastSeenAt > Math.min(60_000, this.lifetimes.idleMs / 10)) {
      session = { ...session, lastSeenAt: now };
      await this.#write(key, session);
    }
    return session;
  }

  /**
   * Whether the session behind a cookie is still alive, without recording activity or refreshing tokens
   * (for a live stream: an open stream alone does not keep a session from going idle).
   */
  async holds(id: string): Promise<boolean> {
    const session = await this.#read(this.#key(id));
    const now = this.clock();
    return (
      session !== null &&
      now - session.lastSeenAt <= this.lifetimes.idleMs &&
      now - session.createdAt <= this.lifetimes.absoluteMs
    );
  }

  /** Ends the session behind a cookie; returns it (for the provider's logout), or null. */
  async end(id: string): Promise<Session | null> {
    const key = this.#key(id);
    const session = await this.#read(key);
    if (session) await this.#end(key, session);
    return session;
  }

  /** Ends the session the identity provider names by its `sid` (front-channel logout). */
  async endBySid(issuer: string, sid: string): Promise<boolean> {
    const key = await this.store.get(this.#sidKey(issuer, sid));
    if (!key) return false;
    const session = await this.#read(key);
    if (!session || session.principal.issuer !== issuer) return false;
    await this.#end(key, session);
    return true;
  }

  async #refresh(
    key: string,
    session: Session,
    refresh: Refresher,
    log: FastifyBaseLogger,
  ): Promise<Session | null> {
    // Another request (here or on another instance) is refreshing: go on with the session as it stands.
    if (!(await this.store.setIfAbsent(`${key}:refreshing`, '1', REFRESH_LOCK_MS))) return session;
    try {
      const tokens = await refresh(session);
      if (tokens === 'REFUSED') {
        log.info('identity provider refused to refresh the session; session ended');
        await this.#end(key, session);
        return null;
      }
      await this.#writeTokens(key, session, tokens);
      return { ...session, tokens };
    } catch (error) {
      // The provider could not be reached: the person was verified at login and the session is within its
      // lifetimes, so it goes on; the next request tries again.
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'session refresh failed');
      return session;
    } finally {
      await this.store.delete(`${key}:refreshing`);
    }
  }

  #key(id: string): string {
    // The hash tag keeps a session's state, tokens and refresh lock in one Redis Cluster slot (read together).
    return `session:{${createHash('sha256').update(id).digest('base64url')}}`;
  }

  #sidKey(issuer: string, sid: string): string {
    return `session-sid:${createHash('sha256').update(`${issuer}|${sid}`).digest('base64url')}`;
  }

  #ttl(state: SessionState): number {
    const left = state.createdAt + this.lifetimes.absoluteMs - this.clock();
    return Math.max(1, Math.min(this.lifetimes.idleMs, left));
  }

  // The state and the tokens are kept apart: a request recording activity never writes back tokens that a
  // concurrent refresh has just replaced (a rotated refresh token is good only once).
  async #write(key: string, state: SessionState): Promise<void> {
    const { principal, sid, createdAt, lastSeenAt } = state;
    const sealed = this.#sealer.sealJson({ principal, sid, createdAt, lastSeenAt }, key);
    await this.store.set(key, sealed, this.#ttl(state));
  }

  async #writeTokens(key: string, state: SessionState, tokens: SessionTokens): Promise<void> {
    const left = Math.max(1, state.createdAt + this.lifetimes.absoluteMs - this.clock());
    await this.store.set(`${key}:tokens`, this.#sealer.sealJson(tokens, `${key}:tokens`), left);
  }

  async #read(key: string): Promise<Session | null> {
    const [state, tokens] = await this.store.getMany([key, `${key}:tokens`]);
    const openedState = this.#sealer.openJson<SessionState>(state, key);
    const openedTokens = this.#sealer.openJson<SessionTokens>(tokens, `${key}:tokens`);
    if (!openedState || !openedTokens) return null;
    return { ...openedState, tokens: openedTokens };
  }

  async #end(key: string, session: Session): Promise<void> {
    await Promise.all([
      this.store.delete(key),
      this.store.delete(`${key}:tokens`),
      session.sid ? this.store.delete(this.#sidKey(session.principal.issuer, session.sid)) : undefined,
    ]);
  }
}
