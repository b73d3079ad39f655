/**
 * The context of one request: who is asking (a bearer token when one is sent, else the BFF's session
 * cookie; nobody for neither), in which language, with what deadline for the agencies, and — for a person
 * — their loaders, consents and document reads. Shared by the graph, the file routes and the streams.
 */
import { setMaxListeners } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Viewer, type LoginHold } from './access/viewer.js';
import type { AgencyRegistry } from './agencies/registry.js';
import type { LoginFlow } from './auth/login.js';
import type { Principal } from './auth/principal.js';
import { COOKIE_ATTRIBUTES, SESSION_COOKIE, type Sessions } from './auth/sessions.js';
import { AuthError, messageOfAuthFailure, type TokenVerifier } from './auth/verify.js';
import type { Config } from './config.js';
import type { Context } from './context.js';
import { serviceUnavailable, unauthenticated } from './errors.js';
import { LOGIN_LANGUAGE, negotiateLanguage, type Lang } from './i18n.js';
import { createLoaders } from './loaders/index.js';
import { say } from './messages.js';
import type { RateLimiter } from './rate-limit.js';
import type { Services } from './services.js';
import { isStoreOutage, STORE_RETRY_AFTER_SECONDS } from './store/index.js';

export type RequestContext = (request: FastifyRequest, reply: FastifyReply | null) => Promise<Context>;

function bearerToken(request: FastifyRequest): string | null | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

export function createRequestContext(parts: {
  config: Config;
  registry: AgencyRegistry;
  services: Services;
  limiter: RateLimiter;
  verifier: TokenVerifier;
  sessions: Sessions;
  login: LoginFlow;
}): RequestContext {
  const { config, registry, services, limiter, verifier, sessions, login } = parts;

  /**
   * The context of one request, for the graph and for the file routes alike; for a WebSocket, of its
   * upgrade request (no reply: nothing to set on it).
   */
  const requestContext = async (request: FastifyRequest, reply: FastifyReply | null): Promise<Context> => {
    // The deadline counts from the request's arrival, and the agencies get it less a reserve for building
    // the answer (a safety-net read, serialising): the person has the answer within REQUEST_DEADLINE_MS.
    const reserveMs = Math.min(500, config.requestDeadlineMs * 0.1);
    const elapsedMs = reply?.elapsedTime ?? 0;
    const agencyBudgetMs = Math.max(1, Math.floor(config.requestDeadlineMs - reserveMs - elapsedMs));
    const acceptLanguage = request.headers['accept-language'];
    const base = {
      requestId: request.id,
      lang: negotiateLanguage(acceptLanguage),
      registry,
      log: request.log,
      maxPageSize: config.limits.maxPageSize,
      now: new Date(),
      deadlineAt: Date.now() + agencyBudgetMs,
      ...services,
    };
    const signedIn = await authenticate(request, reply, base.lang);
    if (!signedIn) return { ...base, viewer: null };
    const { principal, login } = signedIn;
    // Without a language of the browser's, the login's country decides (MitID: Danish).
    const lang = negotiateLanguage(acceptLanguage, LOGIN_LANGUAGE[principal.provider]);
    await limiter.check(principal, lang, request.log);
    // One deadline for all of the request's agency calls; each in-flight call listens to it.
    const signal = AbortSignal.timeout(Math.max(1, Math.floor(base.deadlineAt - Date.now())));
    setMaxListeners(0, signal);
    const call = { signal, correlationId: request.id };
    // The request's audit events, and the answers its safety net keeps, are written together when its
    // response closes (sent, failed or abandoned). A stream has no end to wait for: they go as they come.
    const auditTrail = services.auditLog.trail(principal, request.id);
    const safetyNet = services.viewerCache?.forRequest(principal.nationalId) ?? null;
    const requestEnded = () => {
      auditTrail.end();
      safetyNet?.end();
    };
    if (reply) reply.raw.once('close', requestEnded);
    else requestEnded();
    const viewer: Viewer = new Viewer({
      principal,
      registry,
      call,
      now: base.now,
      login,
      loaders: createLoaders(registry, principal.nationalId, call, safetyNet, request.log, config.batching),
      // Consents are read for the agencies that ask this viewer for them.
      consents: () =>
        services.consentService.forViewer(
          principal,
          registry.adapters.filter((a) => viewer.asksConsent(a.definition)).map((a) => a.definition.code),
        ),
      readDocuments: () => services.documentReads.readIds(principal.nationalId),
      auditTrail,
      streaming: requestEnded,
    });
    return { ...base, lang, viewer };
  };

  /**
   * The person behind a request — a bearer token when one is sent, else the session cookie; null for
   * neither — and how to tell later whether that login still holds.
   */
  const authenticate = async (
    request: FastifyRequest,
    reply: FastifyReply | null,
    lang: Lang,
  ): Promise<{ principal: Principal; login: LoginHold } | null> => {
    const token = bearerToken(request);
    if (token === undefined) {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (!sessionId) {
        await limiter.checkClient(request.ip, lang, request.log);
        return null;
      }
      // The session is in the store: while it is away the person is told to try again shortly.
      const session = await sessions.resume(sessionId, login.refresh, request.log).catch((error: unknown) => {
        if (!isStoreOutage(error)) throw error;
        request.log.warn(
          { err: (error as Error).message },
          'session not resumed: the store cannot be reached',
        );
        throw serviceUnavailable(lang, STORE_RETRY_AFTER_SECONDS);
      });
      if (session) {
        const hold = { holds: () => sessions.holds(sessionId), endsAt: session.principal.expiresAt * 1000 };
        return { principal: session.principal, login: hold };
      }
      reply?.clearCookie(SESSION_COOKIE, COOKIE_ATTRIBUTES);
      await limiter.checkClient(request.ip, lang, request.log);
      throw unauthenticated(say(lang, 'SESSION_ENDED'));
    }
    try {
      if (token === null)
        throw new AuthError('MALFORMED', 'The Authorization header must be "Bearer <token>".');
      const principal = await verifier.verify(token);
      const endsAt = principal.expiresAt * 1000;
      return { principal, login: { holds: async () => Date.now() < endsAt, endsAt } };
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      request.log.info({ failure: error.failure }, 'bearer token refused');
      // Trying tokens is limited per client address: past the limit, 429 instead of another 401.
      await limiter.checkClient(request.ip, lang, request.log);
      reply?.header('www-authenticate', `Bearer error="invalid_token", error_description="${error.message}"`);
      throw unauthenticated(say(lang, messageOfAuthFailure(error.failure)), { reason: error.failure });
    }
  };

  return requestContext;
}
