/** Patienterstatningen's API dialect (v2), as its OpenAPI document describes it. */
import { z } from 'zod';

export const patienterstatningenRelation = z.enum([
  'claimant',
  'attorney',
  'representative',
  'guardian',
  'surviving_relative',
  'parental_authority',
]);

/** One line of `GET /v2/claims` (a bare array, paged by Link headers). */
export const patienterstatningenClaimList = z.array(
  z.object({
    claim_number: z.string(),
    relation: patienterstatningenRelation,
    created_at: z.iso.datetime(),
    modified_at: z.iso.datetime(),
    closed_at: z.iso.datetime().nullable(),
  }),
);

export const patienterstatningenClaim = z.object({
  claim_number: z.string(),
  claim_type: z.string(),
  heading: z.string(),
  created_at: z.iso.datetime(),
  modified_at: z.iso.datetime(),
  closed_at: z.iso.datetime().nullable(),
  expected_decision_on: z.iso.date().nullable(),
  decision: z.object({ result: z.string(), decided_at: z.iso.datetime().nullable() }).nullable(),
  /** Where the claim went on appeal: the board (by its name in this dialect) and its case number there. */
  appeal: z.object({ body: z.string(), reference: z.string() }).nullable(),
  open_forms: z.array(z.object({ id: z.string(), form: z.string() })),
  milestones: z.array(
    z.object({
      key: z.string(),
      status: z.enum(['done', 'active', 'pending']),
      done_at: z.iso.datetime().nullable(),
      due_on: z.iso.date().nullable(),
    }),
  ),
  people: z.array(
    z.object({
      relation: patienterstatningenRelation,
      cpr: z.string(),
      full_name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      firm: z.string().nullable(),
    }),
  ),
});

export const patienterstatningenDocumentList = z.array(
  z.object({
    document_id: z.string(),
    heading: z.string(),
    flow: z.enum(['received', 'sent', 'internal']),
    dated: z.iso.date(),
    reply_by: z.iso.date().nullable(),
    media_type: z.string(),
    bytes: z.number().int().min(0),
    person_cpr: z.string().nullable(),
    digital_post_delivered_at: z.iso.datetime().nullish(),
  }),
);

export const patienterstatningenForms = z.object({
  forms: z.array(
    z.object({
      code: z.string(),
      revision: z.number().int(),
      inputs: z.array(
        z.object({
          name: z.string(),
          kind: z.enum(['text', 'textarea', 'number', 'date', 'boolean', 'choice', 'account_number']),
          mandatory: z.boolean(),
          choices: z.array(z.string()),
          max_length: z.number().int().nullable(),
          minimum: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const patienterstatningenFileReceipt = z.object({ file_id: z.string().min(1) });
export const patienterstatningenMessageReceipt = z.object({ message_id: z.string().min(1) });
export const patienterstatningenPing = z.object({ status: z.string() });

const eventKind = {
  'claim.step.completed': 'STEP_COMPLETED',
  'claim.document.created': 'DOCUMENT_ADDED',
  'claim.decision.made': 'DECISION_MADE',
} as const;

/** Patienterstatningen's case event, shaped like a CloudEvent. */
export const patienterstatningenEvent = z
  .object({
    specversion: z.literal('1.0'),
    type: z.enum(['claim.step.completed', 'claim.document.created', 'claim.decision.made']),
    source: z.literal('urn:patienterstatningen:claims'),
    subject: z.string().min(1).max(64),
    time: z.iso.datetime(),
    data: z.object({ step: z.string().max(64).nullable(), document_id: z.string().max(64).nullable() }),
  })
  .transform((e) => ({
    kind: eventKind[e.type],
    caseNumber: e.subject,
    occurredAt: e.time,
    step: e.data.step,
    documentId: e.data.document_id,
  }));
