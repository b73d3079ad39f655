/**
 * Helseklage's answers as our records, without I/O: its roles, statuses and steps, its search hits, cases
 * and documents.
 */
import type { z } from 'zod';
import type { CaseRecord, CaseRef, CaseStatus, DocumentRecord, ParticipantRole } from '../kit/port.js';
import { NOARK_DIRECTION } from '../kit/noark.js';
import type { helseklageCase, helseklageDocuments, helseklageRole, helseklageSearchPage } from './schema.js';

export const ROLE: Record<z.infer<typeof helseklageRole>, ParticipantRole> = {
  complainant: 'PARTY',
  lawyer: 'LAWYER',
  proxy: 'PROXY',
  guardian: 'GUARDIAN',
  bereaved: 'BEREAVED',
  parent: 'CUSTODY_HOLDER',
};

const STATUS: Record<z.infer<typeof helseklageCase>['status'], CaseStatus> = {
  REGISTERED: 'RECEIVED',
  QUEUED: 'WAITING',
  IN_PROGRESS: 'IN_PROGRESS',
  DECIDED: 'DECIDED',
  RETURNED: 'DECIDED',
  CLOSED: 'CLOSED',
};

const STEP_STATE = { done: 'COMPLETED', active: 'CURRENT', pending: 'UPCOMING' } as const;

export function toCase(c: z.infer<typeof helseklageCase>): CaseRecord {
  return {
    agency: 'helseklage',
    caseNumber: c.caseId,
    caseType: c.caseType,
    title: c.title,
    status: STATUS[c.status],
    agencyStatus: null,
    firstInstance: c.firstInstance ?? null,
    createdAt: c.createdAt,
    updatedAt: c.lastModified,
    closedAt: c.closedAt,
    expectedDecisionAt: c.expectedDecisionDate,
    timeline: c.progress.map((p) => ({
      code: p.stepCode,
      state: STEP_STATE[p.status],
      completedAt: p.doneAt,
      expectedAt: p.expectedBy,
    })),
    participants: c.parties.map((p) => ({
      role: ROLE[p.role],
      nationalId: p.nationalId,
      name: p.fullName,
      mobile: p.mobilePhone,
      email: p.email,
      emailIsPersonal: p.emailIsPersonal,
      organisation: p.organization,
    })),
    outcome: c.outcome ? { code: c.outcome.code, decidedAt: c.outcome.decidedAt } : null,
    related: c.appealOf ? [{ body: c.appealOf.agency, caseNumber: c.appealOf.caseNumber }] : [],
    awaitingForms: c.pendingForms.map((f) => ({ formId: f.formId, code: f.code })),
  };
}

export function toCaseRef(hit: z.infer<typeof helseklageSearchPage>['items'][number]): CaseRef {
  return {
    caseNumber: hit.caseId,
    role: ROLE[hit.role],
    createdAt: hit.createdAt,
    updatedAt: hit.lastModified,
    closedAt: hit.closedAt,
    ...(hit.registration && {
      registration: {
        represented: hit.registration.represented,
        hasMobile: hit.registration.hasMobile,
        hasEmail: hit.registration.hasEmail,
        emailIsPersonal: hit.registration.emailIsPersonal,
        lawyersOnCase: hit.registration.lawyerCount,
      },
    }),
  };
}

/** The digital mailboxes by their names. */
const MAILBOX = { digipost: 'Digipost', eboks: 'e-Boks' } as const;

export function toDocument(
  caseNumber: string,
  d: z.infer<typeof helseklageDocuments>['documents'][number],
): DocumentRecord {
  return {
    id: d.documentId,
    caseNumber,
    title: d.title,
    direction: NOARK_DIRECTION[d.journalType],
    date: d.journalDate,
    contentType: d.mediaType,
    sizeBytes: d.size,
    commentDeadline: d.commentDeadline,
    counterpartyId: d.senderRecipient.nationalId ?? null,
    digitalMailbox: d.digitalMailbox
      ? { mailbox: MAILBOX[d.digitalMailbox.provider], deliveredAt: d.digitalMailbox.deliveredAt }
      : null,
  };
}
