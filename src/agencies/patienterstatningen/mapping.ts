/** Patienterstatningen's answers as our records, without I/O: its roles, statuses and steps, and its cases. */
import type { z } from 'zod';
import type { CaseRecord, CaseStatus, ParticipantRole } from '../kit/port.js';
import type { patienterstatningenClaim, patienterstatningenRelation } from './schema.js';

export const CODE = 'patienterstatningen';

export const ROLE: Record<z.infer<typeof patienterstatningenRelation>, ParticipantRole> = {
  claimant: 'PARTY',
  attorney: 'LAWYER',
  representative: 'PROXY',
  guardian: 'GUARDIAN',
  surviving_relative: 'BEREAVED',
  parental_authority: 'CUSTODY_HOLDER',
};

const STEP_STATE = { done: 'COMPLETED', active: 'CURRENT', pending: 'UPCOMING' } as const;

function status(claim: z.infer<typeof patienterstatningenClaim>): CaseStatus {
  if (claim.closed_at) return 'CLOSED';
  if (claim.appeal) return 'FORWARDED';
  if (claim.decision) return 'DECIDED';
  return claim.milestones.find((m) => m.status === 'active')?.key === 'ANMELDELSE_MODTAGET'
    ? 'RECEIVED'
    : 'IN_PROGRESS';
}

export function toCase(claim: z.infer<typeof patienterstatningenClaim>): CaseRecord {
  return {
    agency: CODE,
    caseNumber: claim.claim_number,
    caseType: claim.claim_type,
    title: claim.heading,
    status: status(claim),
    agencyStatus: null,
    createdAt: claim.created_at,
    updatedAt: claim.modified_at,
    closedAt: claim.closed_at,
    expectedDecisionAt: claim.expected_decision_on,
    timeline: claim.milestones.map((m) => ({
      code: m.key,
      state: STEP_STATE[m.status],
      completedAt: m.done_at,
      expectedAt: m.due_on,
    })),
    participants: claim.people.map((p) => ({
      role: ROLE[p.relation],
      nationalId: p.cpr,
      name: p.full_name,
      mobile: p.phone,
      email: p.email,
      emailIsPersonal: null,
      organisation: p.firm,
    })),
    outcome: claim.decision ? { code: claim.decision.result, decidedAt: claim.decision.decided_at } : null,
    related: claim.appeal ? [{ body: claim.appeal.body, caseNumber: claim.appeal.reference }] : [],
    awaitingForms: claim.open_forms.map((f) => ({ formId: f.id, code: f.form })),
  };
}
