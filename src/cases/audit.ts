/** How case access is written to the audit log: who the case is about, and in what role it was read. */
import type { Viewer } from '../access/viewer.js';
import type { AuditAction } from '../audit/audit.js';
import type { CaseView } from './views.js';

/** The people a case is about: its parties (a child, a deceased patient — not their representatives). */
function subjectsOf(view: CaseView): string[] {
  return view.record.participants.filter((p) => p.role === 'PARTY').map((p) => p.nationalId);
}

/** The name the case gives the viewer in the role they act in (the agency's registration of them). */
function nameOf(viewer: Pick<Viewer, 'principal'>, view: CaseView): string | null {
  const mine = view.record.participants.filter((p) => p.nationalId === viewer.principal.nationalId);
  return (mine.find((p) => p.role === view.decision.role) ?? mine[0])?.name ?? null;
}

export function auditCaseAccess(
  viewer: Pick<Viewer, 'audit' | 'principal'>,
  view: CaseView,
  action: AuditAction,
  outcome: 'GRANTED' | 'DENIED' = 'GRANTED',
  reason: string | null = view.decision.closure,
  object = `${view.definition.code}:${view.record.caseNumber}`,
): void {
  viewer.audit({
    action,
    outcome,
    object,
    caseId: `${view.definition.code}:${view.record.caseNumber}`,
    role: view.decision.role,
    actorName: nameOf(viewer, view),
    // The viewer's role rests on the agency's own registration of them in the case.
    basis: view.decision.represented ? 'AGENCY_REGISTRATION;REPRESENTED' : 'AGENCY_REGISTRATION',
    subjectIds: subjectsOf(view),
    reason,
  });
}

/** A case or document asked for and refused; nothing is known, or said, about whom it concerns. */
export function auditRefusedLookup(
  viewer: Pick<Viewer, 'audit'>,
  object: string,
  reason: string,
  action: AuditAction = 'READ_CASE',
): void {
  viewer.audit({ action, outcome: 'DENIED', object, reason });
}
