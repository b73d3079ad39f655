/** The authenticated context for the file routes, built exactly as for the graph; refusals as JSON. */
import { setMaxListeners } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { auditRefusedLookup } from '../cases/audit.js';
import { requireViewer, type AuthenticatedContext, type Context } from '../context.js';
import { agencyUnavailable, CallerGone, type UpstreamError } from '../errors.js';
import type { Lang } from '../i18n.js';
import { say, type MessageKey } from '../messages.js';

export type ContextBuilder = (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;

/** The viewer's context, or null after answering 401 (or 429) as the graph would. */
export async function authenticated(
  build: ContextBuilder,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AuthenticatedContext | null> {
  try {
    return requireViewer(await build(request, reply));
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const code = typeof error.extensions.code === 'string' ? error.extensions.code : 'UNAUTHENTICATED';
    void reply.code(code === 'RATE_LIMITED' ? 429 : 401).send({ error: code, message: error.message });
    return null;
  }
}

/** A file route's refusal: its code, and its text in the person's language. */
export function sendRefusal(
  reply: FastifyReply,
  status: number,
  lang: Lang,
  error: string,
  key: MessageKey,
  values: Record<string, string | number> = {},
): FastifyReply {
  return reply.code(status).send({ error, message: say(lang, key, values) });
}

/**
 * How a document or case-file link is refused: audited as a refused read, and answered 404 exactly as for
 * one that does not exist (`notFound`: which of the two it was).
 */
export function readingRefusal(
  context: AuthenticatedContext,
  reply: FastifyReply,
  notFound: 'DOCUMENT_NOT_FOUND' | 'CASE_FILE_NOT_FOUND',
): (object: string, reason: string) => FastifyReply {
  return (object, reason) => {
    auditRefusedLookup(context.viewer, object, reason, 'READ_DOCUMENT');
    return sendRefusal(reply, 404, context.lang, 'NOT_FOUND', notFound);
  };
}

/** 503 for an agency that did not answer. */
export function unavailable(reply: FastifyReply, context: Context, failure: UpstreamError): FastifyReply {
  const { code, message } = agencyUnavailable(
    context.lang,
    context.registry.nameOf(failure.agency, context.lang),
  );
  return reply.code(503).send({ error: code, message });
}

/** One of the person's transfers: the signal for the agency's side of it, and how to end it for their sake. */
export interface Transfer {
  signal: AbortSignal;
  /** Ends the agency's side because of the person (they sent too slowly, too much, or went away). */
  endForCaller(why: string): void;
}

/**
 * Opens one of the person's transfers (an upload, a download, a case file): a slot of theirs (at most
 * TRANSFERS_PER_PERSON at once), and the signal for the agency's side of it, aborted with CallerGone when
 * the person goes away or the transfer runs out of time — so that the agency call it ends is never counted
 * against the agency. Null after answering 429.
 */
export async function openTransfer(
  context: AuthenticatedContext,
  reply: FastifyReply,
): Promise<Transfer | null> {
  const { slots, pace } = context.transfers;
  const slot = await slots.acquire(context.viewer.principal, context.log);
  if (!slot) {
    sendRefusal(
      reply.header('retry-after', '10'),
      429,
      context.lang,
      'TOO_MANY_TRANSFERS',
      'TOO_MANY_TRANSFERS',
      {
        limit: slots.limit,
      },
    );
    return null;
  }
  const ended = new AbortController();
  // A case file's documents all listen to this one signal: not a leak.
  setMaxListeners(0, ended.signal);
  const endForCaller = (why: string) => {
    if (!ended.signal.aborted) ended.abort(new CallerGone(why));
  };
  const timer = setTimeout(() => endForCaller('the transfer ran out of time'), pace.totalMs).unref();
  reply.raw.once('close', () => {
    clearTimeout(timer);
    endForCaller('the person went away');
    void slot.release();
  });
  return { signal: ended.signal, endForCaller };
}
