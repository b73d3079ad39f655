/**
 * The one error family. Failures a client can act on are GraphQLErrors with a code from the public
 * contract; an agency's failure is an UpstreamError until the graph turns it into UPSTREAM_UNAVAILABLE or
 * an agencyStatuses entry; anything else is masked by the server's error formatter.
 */
import { GraphQLError } from 'graphql';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONSENT_REQUIRED',
  'NOT_ELIGIBLE',
  'UPSTREAM_UNAVAILABLE',
  'RATE_LIMITED',
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

/** "Not yours" and "does not exist" must be indistinguishable: one message, one code. */
export function notFound(): GraphQLError {
  return graphError('NOT_FOUND', 'No such case.');
}

export function unauthenticated(message = 'Log in to see your cases.'): GraphQLError {
  return graphError('UNAUTHENTICATED', message, { http: { status: 401 } });
}

/**
 * CIRCUIT_OPEN: the agency has been failing, so it is not asked for a while (see agencies/resilience.ts).
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

  toGraphError(): GraphQLError {
    return graphError('UPSTREAM_UNAVAILABLE', `The agency ${this.agency} did not answer; try again later.`, {
      agency: this.agency,
      reason: this.reason,
    });
  }
}
