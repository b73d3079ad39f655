/** Loading one case for the viewer. A case they are not part of is indistinguishable from none at all. */
import { decideCase, refusalOfLogin, showsWardship } from '../access/policy.js';
import { loadersFor, type AuthenticatedContext } from '../context.js';
import { graphError } from '../errors.js';
import type { CaseView } from './views.js';

const GLOBAL_ID = /^([a-z][a-z0-9-]*):(.{1,64})$/;

export function globalCaseId(agency: string, caseNumber: string): string {
  return `${agency}:${caseNumber}`;
}

export function parseGlobalId(id: string): { agency: string; caseNumber: string } | null {
  const match = GLOBAL_ID.exec(id);
  return match?.[1] && match[2] ? { agency: match[1], caseNumber: match[2] } : null;
}

/**
 * The case as the viewer sees it, or null when it does not exist for them. A refusal that concerns the
 * viewer (not the case) is a NOT_ELIGIBLE error with its reason; agency failures propagate.
 */
export async function loadCase(context: AuthenticatedContext, id: string): Promise<CaseView | null> {
  const parsed = parseGlobalId(id);
  const adapter = parsed && context.registry.get(parsed.agency);
  if (!parsed || !adapter) return null;
  const { definition } = adapter;
  const refusal = refusalOfLogin(context.principal, definition);
  // Another country's agency has no cases for this login at all: that is "not found", not a refusal.
  if (refusal?.reason === 'OTHER_COUNTRY') return null;
  if (refusal)
    throw graphError('NOT_ELIGIBLE', 'You may not use this agency’s portal.', { reason: refusal.reason });
  if (definition.policy.requiresConsent && !(await context.consents()).get(definition.code)?.portal) {
    throw graphError('CONSENT_REQUIRED', 'Consent to use this agency’s portal first.', {
      agency: definition.code,
    });
  }
  const record = await loadersFor(context, parsed.agency).cases.load(parsed.caseNumber);
  if (!record) return null;
  const decision = decideCase(context.principal, record, definition.policy, context.now);
  if (!decision.visible) return null;
  if (definition.policy.refuseWards && showsWardship(context.principal, record)) {
    throw graphError('NOT_ELIGIBLE', 'You may not use this agency’s portal.', { reason: 'HAS_GUARDIAN' });
  }
  return { record, definition, decision };
}
