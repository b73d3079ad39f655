/** The case a person wants to act on (upload, send, fill in): their view of it, an outage, or the error to answer. */
import { GraphQLError } from 'graphql';
import type { AuthenticatedContext } from '../context.js';
import { UpstreamError } from '../errors.js';
import type { UserError } from '../generated/graphql.js';
import { loadCase } from './get.js';
import type { CaseView } from './views.js';

export type CaseToActOn = { view: CaseView } | { agencyDown: true } | { error: UserError };

export const AGENCY_DOWN: UserError = {
  code: 'UPSTREAM_UNAVAILABLE',
  message: 'The agency could not be reached; try again later.',
};

export async function caseToActOn(context: AuthenticatedContext, caseId: string): Promise<CaseToActOn> {
  try {
    const view = await loadCase(context, caseId, { explicit: true });
    return view
      ? { view }
      : { error: { code: 'NOT_FOUND', message: 'No such case.', field: ['input', 'caseId'] } };
  } catch (error) {
    if (error instanceof UpstreamError) return { agencyDown: true };
    if (error instanceof GraphQLError) {
      const code = typeof error.extensions.code === 'string' ? error.extensions.code : 'FORBIDDEN';
      return { error: { code, message: error.message, field: ['input', 'caseId'] } };
    }
    throw error;
  }
}
