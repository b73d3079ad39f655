/** The case a person wants to act on (upload, send, fill in): their view of it, an outage, or the error to answer. */
import { GraphQLError } from 'graphql';
import type { ViewerRequest } from '../access/viewer.js';
import { agencyUnavailable, UpstreamError, type UserError } from '../errors.js';
import { say } from '../messages.js';
import { loadCase } from './get.js';
import type { CaseView } from './views.js';

/** `agencyDown`: the agency that did not answer. */
export type CaseToActOn = { view: CaseView } | { agencyDown: string } | { error: UserError };

/** The user error for an agency that did not answer while the person acted on one of its cases. */
export function agencyDown(context: Pick<ViewerRequest, 'registry' | 'lang'>, agency: string): UserError {
  return agencyUnavailable(context.lang, context.registry.nameOf(agency, context.lang));
}

export async function caseToActOn(context: ViewerRequest, caseId: string): Promise<CaseToActOn> {
  try {
    const view = await loadCase(context, caseId, { explicit: true });
    return view
      ? { view }
      : {
          error: {
            code: 'NOT_FOUND',
            message: say(context.lang, 'CASE_NOT_FOUND'),
            field: ['input', 'caseId'],
          },
        };
  } catch (error) {
    if (error instanceof UpstreamError) return { agencyDown: error.agency };
    if (error instanceof GraphQLError) {
      const code = typeof error.extensions.code === 'string' ? error.extensions.code : 'FORBIDDEN';
      return { error: { code, message: error.message, field: ['input', 'caseId'] } };
    }
    throw error;
  }
}
