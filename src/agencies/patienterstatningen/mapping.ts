/**
 * Patienterstatningen's answers as our records, without I/O: its roles, statuses and steps, its claim
 * list, claims, documents and forms.
 */
import type { z } from 'zod';
import type {
  CaseRecord,
  CaseRef,
  CaseStatus,
  DocumentDirection,
  DocumentRecord,
  FieldType,
  FormDefinition,
  ParticipantRole,
} from '../kit/port.js';
import type {
  patienterstatningenClaim,
  patienterstatningenClaimList,
  patienterstatningenDocumentList,
  patienterstatningenForms,
  patienterstatningenRelation,
} from './schema.js';

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
    // Patienterstatningen decides in the first instance.
    firstInstance: null,
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

export function toCaseRef(claim: z.infer<typeof patienterstatningenClaimList>[number]): CaseRef {
  return {
    caseNumber: claim.claim_number,
    role: ROLE[claim.relation],
    createdAt: claim.created_at,
    updatedAt: claim.modified_at,
    closedAt: claim.closed_at,
  };
}

type Document = z.infer<typeof patienterstatningenDocumentList>[number];

const DIRECTION: Record<Document['flow'], DocumentDirection> = {
  received: 'INCOMING',
  sent: 'OUTGOING',
  internal: 'INTERNAL',
};

export function toDocument(caseNumber: string, d: Document): DocumentRecord {
  return {
    id: d.document_id,
    caseNumber,
    title: d.heading,
    direction: DIRECTION[d.flow],
    date: d.dated,
    contentType: d.media_type,
    sizeBytes: d.bytes,
    commentDeadline: d.reply_by,
    counterpartyId: d.person_cpr,
    digitalMailbox: d.digital_post_delivered_at
      ? { mailbox: 'Digital Post', deliveredAt: d.digital_post_delivered_at }
      : null,
  };
}

export function toForm(form: z.infer<typeof patienterstatningenForms>['forms'][number]): FormDefinition {
  return {
    code: form.code,
    version: form.revision,
    fields: form.inputs.map((x) => ({
      key: x.name,
      type: x.kind.toUpperCase() as FieldType,
      required: x.mandatory,
      // The dialect sends an empty list for a field without choices.
      options: x.choices.length > 0 ? x.choices : null,
      maxLength: x.max_length,
      min: x.minimum,
    })),
  };
}
