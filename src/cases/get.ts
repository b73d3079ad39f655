/** Loading one case for the viewer. A case they are not part of is indistinguishable from none at all. */
import type { GraphQLError } from 'graphql';
import type { ViewerRequest } from '../access/viewer.js';
import { graphError } from '../errors.js';
import { say, sayRefusal } from '../messages.js';
import { parseGlobalId } from './ids.js';
import { auditCaseAccess, auditRefusedLookup } from './audit.js';
import type { CaseView } from './views.js';

type Lookup = { view: CaseView } | { refused: string; error: GraphQLError | null };

/** A refusal of the viewer (not of the case) says so: it reveals nothing about the case. */
function refusalError(context: ViewerRequest, refused: string, agency: string): GraphQLError | null {
  if (refused === 'NOT_FOUND') return null;
  const name = context.registry.nameOf(agency, context.lang);
  if (refused === 'CONSENT_REQUIRED')
    return graphError('CONSENT_REQUIRED', say(context.lang, 'CONSENT_FIRST', { agency: name }), { agency });
  return graphError('NOT_ELIGIBLE', sayRefusal(context.lang, refused, name), { reason: refused, agency });
}

async function lookUp(context: ViewerRequest, id: string): Promise<Lookup> {
  const parsed = parseGlobalId(id);
  const adapter = parsed && context.registry.get(parsed.agency);
  if (!parsed || !adapter) return { refused: 'NOT_FOUND', error: null };
  const { definition } = adapter;
  const access = await context.viewer.case(definition, parsed.caseNumber);
  if ('decision' in access) return { view: { record: access.record, definition, decision: access.decision } };
  return { refused: access.refused, error: refusalError(context, access.refused, definition.code) };
}

/**
 * The case as the viewer sees it, or null when it does not exist for them; a refusal that concerns the
 * viewer is thrown as its error; agency failures propagate. Every case shown is audited, and so is every
 * refusal of a case the viewer asked for by id (`explicit`).
 */
export async function loadCase(
  context: ViewerRequest,
  id: string,
  options: { explicit: boolean },
): Promise<CaseView | null> {
  const found = await lookUp(context, id);
  if ('view' in found) {
    auditCaseAccess(context.viewer, found.view, 'READ_CASE');
    return found.view;
  }
  if (options.explicit) auditRefusedLookup(context.viewer, id, found.refused);
  if (found.error) throw found.error;
  return null;
}
