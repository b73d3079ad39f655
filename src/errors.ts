/**
 * The one error family. Failures a client can act on are GraphQLErrors with a code from the public
 * contract; an agency's failure is an UpstreamError until the graph turns it into UPSTREAM_UNAVAILABLE or
 * an agencyStatuses entry; anything else is masked by the server's error formatter.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Lang } from './i18n.js';
import { say } from './messages.js';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONSENT_REQUIRED',
  'NOT_ELIGIBLE',
  'UPSTREAM_UNAVAILABLE',
  'RATE_LIMITED',
  /** Something of ours (the session store) is briefly away: try again shortly. */
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function graphError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/**
 * A masked error in the person's language: the error formatter masks without knowing the request, in
 * English; the places that know the request's language (an Apollo plugin, the streams) put it right.
 */
export function maskedInLanguage(error: GraphQLFormattedError, lang: Lang): GraphQLFormattedError {
  const code = error.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR') return { ...error, message: say(lang, 'INTERNAL') };
  if (code === 'SERVICE_UNAVAILABLE') return { ...error, message: say(lang, 'STORE_UNAVAILABLE') };
  return error;
}

/** "Not yours" and "does not exist" must be indistinguishable: one message, one code. */
export function notFound(lang: Lang): GraphQLError {
  return graphError('NOT_FOUND', say(lang, 'CASE_NOT_FOUND'));
}

/** `message` in the person's language (src/messages.ts): LOG_IN, SESSION_ENDED, a refused token's text. */
export function unauthenticated(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return graphError('UNAUTHENTICATED', message, { ...extensions, http: { status: 401 } });
}

/** Our store is briefly away and the request cannot be served without it: 503, try again in a moment. */
export function serviceUnavailable(lang: Lang, retryAfterSeconds: number): GraphQLError {
  return graphError('SERVICE_UNAVAILABLE', say(lang, 'STORE_UNAVAILABLE'), {
    http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
}

/**
 * CIRCUIT_OPEN: the agency has been failing, so it is not asked for a while (see agencies/kit/resilience.ts).
 * CANCELLED: the caller went away (a browser closed mid-upload or mid-download): not the agency's failure.
 */
export type UpstreamFailure =
  'TIMEOUT' | 'UNREACHABLE' | 'HTTP_ERROR' | 'BAD_RESPONSE' | 'CIRCUIT_OPEN' | 'CANCELLED';

/**
 * The reason a call's signal is aborted with when the person behind it went away or stopped sending, so that
 * the agency call it ends is told apart from an agency that failed to answer.
 */
export class CallerGone extends Error {
  override readonly name = 'CallerGone';
}

/** An agency did not give a usable answer. `reason` is the machine-readable `agencyStatuses` reason. */
/**
 * What a person did wrong, or may not do, said in their language: a mutation's payload lists these rather
 * than failing the request. `field` is the input path at fault; `reason` a finer machine-readable code.
 */
export interface UserError {
  code: string;
  message: string;
  field?: string[] | null;
  reason?: string | null;
}

/** The one way to say that an agency could not be reached, in the person's language (`agency`: its name). */
export function agencyUnavailable(lang: Lang, agency: string): UserError & { code: 'UPSTREAM_UNAVAILABLE' } {
  return { code: 'UPSTREAM_UNAVAILABLE', message: say(lang, 'AGENCY_UNAVAILABLE', { agency }) };
}

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';

  constructor(
    readonly agency: string,
    readonly failure: UpstreamFailure,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`${agency}: ${message}`, options);
  }

  get reason(): string {
    return `UPSTREAM_${this.failure}`;
  }

  /** `agencyName`: the agency's name in the person's language. */
  toGraphError(lang: Lang, agencyName: string): GraphQLError {
    const { code, message } = agencyUnavailable(lang, agencyName);
    return graphError(code, message, {
      agency: this.agency,
      reason: this.reason,
    });
  }
}
