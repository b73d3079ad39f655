/** Helseklage's API dialect, as its OpenAPI document describes it. */
import { z } from 'zod';

export const helseklageRole = z.enum(['complainant', 'lawyer', 'proxy', 'guardian', 'bereaved', 'parent']);

export const helseklageSearchPage = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      role: helseklageRole,
      createdAt: z.iso.datetime(),
      lastModified: z.iso.datetime(),
      closedAt: z.iso.datetime().nullable(),
      /**
       * What the case registers of the person (not every release of the search says it). Only a hint for
       * fetching documents early, never for access: a malformed one is dropped, not a failed search.
       */
      registration: z
        .object({
          represented: z.boolean(),
          hasMobile: z.boolean(),
          hasEmail: z.boolean(),
          emailIsPersonal: z.boolean().nullable(),
          lawyerCount: z.number().int().min(0),
        })
        .optional()
        .catch(undefined),
    }),
  ),
  subject: z.object({ underGuardianship: z.boolean() }),
  nextCursor: z.string().nullable(),
});

export const helseklageCase = z.object({
  caseId: z.string(),
  caseType: z.string(),
  title: z.string(),
  status: z.enum(['REGISTERED', 'QUEUED', 'IN_PROGRESS', 'DECIDED', 'RETURNED', 'CLOSED']),
  createdAt: z.iso.datetime(),
  lastModified: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  expectedDecisionDate: z.iso.date().nullable(),
  firstInstance: z.string().nullish(),
  appealOf: z.object({ agency: z.string(), caseNumber: z.string() }).nullable(),
  pendingForms: z.array(z.object({ formId: z.string(), code: z.string() })),
  outcome: z.object({ code: z.string(), decidedAt: z.iso.datetime().nullable() }).nullable(),
  progress: z.array(
    z.object({
      stepCode: z.string(),
      status: z.enum(['done', 'active', 'pending']),
      doneAt: z.iso.datetime().nullable(),
      expectedBy: z.iso.date().nullable(),
    }),
  ),
  parties: z.array(
    z.object({
      role: helseklageRole,
      nationalId: z.string(),
      fullName: z.string(),
      mobilePhone: z.string().nullable(),
      email: z.string().nullable(),
      emailIsPersonal: z.boolean(),
      organization: z.string().nullable(),
    }),
  ),
});

export const helseklageFormCatalog = z.object({
  forms: z.array(
    z.object({
      code: z.string(),
      version: z.number().int(),
      fields: z.array(
        z.object({
          key: z.string(),
          type: z.enum(['TEXT', 'TEXTAREA', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE', 'ACCOUNT_NUMBER']),
          required: z.boolean(),
          options: z.array(z.string()).nullable(),
          maxLength: z.number().int().nullable(),
          min: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const helseklageDocuments = z.object({
  caseId: z.string(),
  documents: z.array(
    z.object({
      documentId: z.string(),
      title: z.string(),
      journalType: z.enum(['I', 'U', 'N', 'X']),
      journalDate: z.iso.date(),
      commentDeadline: z.iso.date().nullable(),
      mediaType: z.string(),
      size: z.number().int().min(0),
      senderRecipient: z.object({ kind: z.enum(['party', 'external']), nationalId: z.string().optional() }),
      digitalMailbox: z
        .object({ provider: z.enum(['digipost', 'eboks']), deliveredAt: z.iso.datetime() })
        .nullish(),
    }),
  ),
});

export const helseklageAttachmentReceipt = z.object({ attachmentId: z.string() });

export const helseklageSubmissionReceipt = z.object({ receiptId: z.string() });

export const helseklageConsentReceipt = z.object({ status: z.literal('RECORDED') });

export const helseklageHealth = z.object({ status: z.literal('UP') });

const helseklageEventType = {
  'case.step_completed': 'STEP_COMPLETED',
  'case.document_added': 'DOCUMENT_ADDED',
  'case.decision_made': 'DECISION_MADE',
} as const;

/** Helseklage's case event (its webhook). */
export const helseklageEvent = z
  .object({
    eventType: z.enum(['case.step_completed', 'case.document_added', 'case.decision_made']),
    caseNumber: z.string().min(1).max(64),
    occurredAt: z.iso.datetime(),
    step: z.string().max(64).nullable(),
    documentId: z.string().max(64).nullable(),
  })
  .transform((e) => ({
    kind: helseklageEventType[e.eventType],
    caseNumber: e.caseNumber,
    occurredAt: e.occurredAt,
    step: e.step,
    documentId: e.documentId,
  }));
