/** Loading one case for the viewer. A case they are not part of is indistinguishable from none at all. */
import { eligibility, viewerRole } from '../access/policy.js';
import { loadersFor, type AuthenticatedContext } from '../context.js';
import type { CaseView } from './views.js';

const GLOBAL_ID = /^([a-z][a-z0-9-]*):(.{1,64})$/;

export function globalCaseId(agency: string, caseNumber: string): string {
  return `${agency}:${caseNumber}`;
}

export function parseGlobalId(id: string): { agency: string; caseNumber: string } | null {
  const match = GLOBAL_ID.exec(id);
  return match?.[1] && match[2] ? { agency: match[1], caseNumber: match[2] } : null;
}

/** The case as the viewer sees it, or null when it does not exist for them. Agency failures propagate. */
export async function loadCase(context: AuthenticatedContext, id: string): Promise<CaseView | null> {
  const parsed = parseGlobalId(id);
  const adapter = parsed && context.registry.get(parsed.agency);
  if (!parsed || !adapter) return null;
  if (!eligibility(context.principal, adapter.definition).eligible) return null;
  const record = await loadersFor(context, parsed.agency).cases.load(parsed.caseNumber);
  if (!record) return null;
  const role = viewerRole(context.principal, record);
  return role ? { record, role, definition: adapter.definition } : null;
}
