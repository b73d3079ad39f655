/** What every resolver gets for one request. Built fresh per request; nothing in it outlives the request. */
import type { FastifyBaseLogger } from 'fastify';
import type { Viewer } from './access/viewer.js';
import type { AgencyRegistry } from './agencies/registry.js';
import { unauthenticated } from './errors.js';
import type { Lang } from './i18n.js';
import { say } from './messages.js';
import type { Services } from './services.js';

/** The services (see services.ts) and what belongs to this request. */
export interface Context extends Services {
  requestId: string;
  lang: Lang;
  /** The person behind the request, and the only entry to access decisions; null without a login. */
  viewer: Viewer | null;
  registry: AgencyRegistry;
  log: FastifyBaseLogger;
  maxPageSize: number;
  /** The request's start; "today" for deadlines. */
  now: Date;
  /** When the request's budget for agency calls runs out (ms since the epoch). */
  deadlineAt: number;
}

export interface AuthenticatedContext extends Context {
  viewer: Viewer;
}

export function requireViewer(context: Context): AuthenticatedContext {
  if (!context.viewer) throw unauthenticated(say(context.lang, 'LOG_IN'));
  return context as AuthenticatedContext;
}
