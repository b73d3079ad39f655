/** What every resolver gets for one request. Built fresh per request; nothing in it outlives the request. */
import type { FastifyBaseLogger } from 'fastify';
import type { AgencyRegistry } from './agencies/registry.js';
import type { CallOptions } from './agencies/port.js';
import type { Principal } from './auth/principal.js';
import type { AuditEntry } from './audit/audit.js';
import type { AgencyConsent } from './consent/consents.js';
import type { ReadDocuments } from './cases/reads.js';
import { unauthenticated } from './errors.js';
import type { Lang } from './i18n.js';
import { say } from './messages.js';
import type { Services } from './services.js';
import type { AgencyLoaders, Loaders } from './loaders/index.js';

/** The services (see services.ts) and what belongs to this request. */
export interface Context extends Services {
  requestId: string;
  lang: Lang;
  principal: Principal | null;
  /** Present exactly when `principal` is. */
  loaders: Loaders | null;
  /** The documents the viewer has opened, read from the store at most once per request; present exactly when `principal` is. */
  readDocuments: (() => Promise<ReadDocuments>) | null;
  /** The viewer's consents, read from the store at most once per request; present exactly when `principal` is. */
  consents: (() => Promise<ReadonlyMap<string, AgencyConsent>>) | null;
  /** The request's deadline and correlation id for agency calls; present exactly when `principal` is. */
  call: CallOptions | null;
  /** The login behind the request, for a long-lived subscription; present exactly when `principal` is. */
  login: LoginHold | null;
  registry: AgencyRegistry;
  log: FastifyBaseLogger;
  maxPageSize: number;
  /** The request's start; "today" for deadlines. */
  now: Date;
  /** When the request's budget for agency calls runs out (ms since the epoch). */
  deadlineAt: number;
}

export interface AuthenticatedContext extends Context {
  principal: Principal;
  loaders: Loaders;
  consents: () => Promise<ReadonlyMap<string, AgencyConsent>>;
  readDocuments: () => Promise<ReadDocuments>;
  call: CallOptions;
  login: LoginHold;
}

/** A login as a live stream watches it. */
export interface LoginHold {
  /** Whether it still holds. Reads only: an open stream is not activity that keeps a session alive. */
  holds(): Promise<boolean>;
  /** When it ends at the latest (ms since the epoch): the token's expiry, the session's absolute lifetime. */
  endsAt: number;
}

/** Records an audit event for the request's viewer (see src/audit/). */
export function audit(context: AuthenticatedContext, entry: AuditEntry): void {
  context.auditLog.record(context.principal, context.requestId, entry);
}

export function requireViewer(context: Context): AuthenticatedContext {
  if (
    !context.principal ||
    !context.loaders ||
    !context.consents ||
    !context.readDocuments ||
    !context.call ||
    !context.login
  )
    throw unauthenticated(say(context.lang, 'LOG_IN'));
  return context as AuthenticatedContext;
}

/** An agency's name in the request's language (its code when the agency is unknown). */
export function agencyName(context: Context, code: string): string {
  return context.registry.get(code)?.definition.name[context.lang] ?? code;
}

export function loadersFor(context: AuthenticatedContext, agency: string): AgencyLoaders {
  const loaders = context.loaders.get(agency);
  if (!loaders) throw new Error(`no loaders for agency ${agency}`);
  return loaders;
}
