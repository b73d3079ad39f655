/**
 * Adapter for Helseklage. Its API has no batch endpoint, so a batch of case numbers becomes one request
 * per case; the pool's connection cap bounds how many run at once. Case ids are Noark numbers with a
 * slash, sent URL-encoded.
 */
import { z } from 'zod';
import { eventParser } from '../events.js';
import { helseklageEvent } from './schema.js';
import { cachedCatalog } from '../catalog-cache.js';
import { followPages, type Page } from '../batch.js';
import { AgencyHttp, type AgencyHttpOptions } from '../http.js';
import { baseUrl, defineAgency, secret } from '../module.js';
import type {
  AgencyAdapter,
  CaseRecord,
  CaseRef,
  CaseStatus,
  DocumentRecord,
  ParticipantRole,
  PersonListing,
} from '../port.js';
import { helseklageDefinition } from './labels.js';
import type { helseklageRole } from './schema.js';
import {
  helseklageCase,
  helseklageDocuments,
  helseklageHealth,
  helseklageSearchPage,
  helseklageAttachmentReceipt,
  helseklageSubmissionReceipt,
  helseklageFormCatalog,
  helseklageConsentReceipt,
} from './schema.js';

export interface HelseklageConfig {
  baseUrl: string;
  username: string;
  password: string;
  http: Omit<AgencyHttpOptions, 'agency' | 'baseUrl' | 'headers'>;
}

const ROLE: Record<z.infer<typeof helseklageRole>, ParticipantRole> = {
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
const SEARCH_PAGE_SIZE = 50;
function toCase(c: z.infer<typeof helseklageCase>): CaseRecord {
  return {
    agency: 'helseklage',
    caseNumber: c.caseId,
    caseType: c.caseType,
    title: c.title,
    status: STATUS[c.status],
    agencyStatus: null,
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

export function createHelseklageAdapter(config: HelseklageConfig): AgencyAdapter {
  const credential = Buffer.from(`${config.username}:${config.password}`).toString('base64');
  const http = new AgencyHttp({
    ...config.http,
    agency: 'helseklage',
    baseUrl: config.baseUrl,
    headers: { authorization: `Basic ${credential}` },
  });
  const casePath = (caseNumber: string) => `/api/cases/${encodeURIComponent(caseNumber)}`;

  const catalog = cachedCatalog(
    async (call) =>
      (await http.json(helseklageFormCatalog, { method: 'GET', path: '/api/form-definitions' }, call)).forms,
  );

  return {
    definition: helseklageDefinition,

    async casesForPerson(nationalId, call): Promise<PersonListing> {
      let underGuardianship = false;
      const page = async (cursor?: string): Promise<Page<CaseRef>> => {
        const answer = await http.json(
          helseklageSearchPage,
          {
            method: 'POST',
            path: '/api/case-search',
            idempotent: true,
            body: { nationalId, limit: SEARCH_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          },
          call,
        );
        underGuardianship ||= answer.subject.underGuardianship;
        const next = answer.nextCursor;
        return {
          items: answer.items.map((i) => ({
            caseNumber: i.caseId,
            role: ROLE[i.role],
            createdAt: i.createdAt,
            updatedAt: i.lastModified,
            closedAt: i.closedAt,
          })),
          next: next ? () => page(next) : null,
        };
      };
      const cases = await followPages('helseklage', () => page());
      return { cases, underGuardianship };
    },

    async getCases(caseNumbers, call) {
      return Promise.all(
        caseNumbers.map(async (n) => {
          const found = await http.json(helseklageCase, { method: 'GET', path: casePath(n) }, call, true);
          return found ? toCase(found) : null;
        }),
      );
    },

    async getDocuments(caseNumbers, call) {
      return Promise.all(
        caseNumbers.map(async (n): Promise<DocumentRecord[] | null> => {
          const found = await http.json(
            helseklageDocuments,
            { method: 'GET', path: `${casePath(n)}/documents` },
            call,
            true,
          );
          if (!found) return null;
          return found.documents.map((d) => ({
            id: d.documentId,
            caseNumber: n,
            title: d.title,
            direction: d.journalType === 'I' ? 'INCOMING' : d.journalType === 'U' ? 'OUTGOING' : 'INTERNAL',
            date: d.journalDate,
            contentType: d.mediaType,
            sizeBytes: d.size,
            commentDeadline: d.commentDeadline,
            counterpartyId: d.senderRecipient.nationalId ?? null,
          }));
        }),
      );
    },

    documentContent: (documentId, call) =>
      http.stream(`/api/documents/${encodeURIComponent(documentId)}/content`, call),

    async uploadAttachment(caseNumber, file, body, call) {
      const receipt = await http.upload(
        helseklageAttachmentReceipt,
        {
          path: `${casePath(caseNumber)}/attachments`,
          headers: { 'content-type': file.contentType, 'x-file-name': encodeURIComponent(file.filename) },
          body,
          sizeBytes: file.sizeBytes,
        },
        call,
      );
      return { attachmentId: receipt.attachmentId };
    },

    async submitInformation(caseNumber, submission, call) {
      const receipt = await http.json(
        helseklageSubmissionReceipt,
        {
          method: 'POST',
          path: `${casePath(caseNumber)}/submissions`,
          body: {
            submissionId: submission.submissionId,
            message: submission.message,
            attachmentIds: submission.attachmentIds,
            sender: submission.senderNationalId,
            sentAt: submission.sentAt,
          },
        },
        call,
      );
      return { receipt: receipt.receiptId };
    },

    async findSubmission(caseNumber, submissionId, call) {
      const found = await http.json(
        helseklageSubmissionReceipt,
        { method: 'GET', path: `${casePath(caseNumber)}/submissions/${encodeURIComponent(submissionId)}` },
        call,
        true,
      );
      return found && { receipt: found.receiptId };
    },

    formDefinitions: () => catalog(),

    async markDocumentRead(documentId, nationalId, call) {
      await http.empty(
        {
          method: 'POST',
          path: `/api/documents/${encodeURIComponent(documentId)}/read-receipts`,
          body: { nationalId, readAt: new Date().toISOString() },
        },
        call,
      );
    },

    async submitForm(caseNumber, formId, submission, call) {
      const receipt = await http.json(
        helseklageSubmissionReceipt,
        {
          method: 'POST',
          path: `${casePath(caseNumber)}/forms/${encodeURIComponent(formId)}/answers`,
          body: {
            submissionId: submission.submissionId,
            answers: submission.answers,
            sender: submission.senderNationalId,
            sentAt: submission.sentAt,
          },
        },
        call,
      );
      return { receipt: receipt.receiptId };
    },

    async recordConsent(nationalId, consent, call) {
      await http.json(
        helseklageConsentReceipt,
        {
          method: 'PUT',
          path: '/api/consents',
          body: {
            nationalId,
            portal: consent.portal,
            notifications: consent.notifications,
            timestamp: consent.at,
          },
        },
        call,
      );
    },

    async health(call) {
      await http.json(helseklageHealth, { method: 'GET', path: '/api/health' }, call);
    },

    parseEvent: eventParser(helseklageEvent),

    close: () => http.close(),
  };
}

export const helseklageModule = defineAgency({
  code: 'helseklage',
  settings: (production) =>
    z
      .object({
        HELSEKLAGE_BASE_URL: baseUrl(production, 'http://127.0.0.1:4102'),
        HELSEKLAGE_USERNAME: production ? z.string().min(1) : z.string().default('bff'),
        HELSEKLAGE_PASSWORD: secret(production, 'helseklage-dev-password'),
      })
      .transform((env) => ({
        baseUrl: env.HELSEKLAGE_BASE_URL,
        username: env.HELSEKLAGE_USERNAME,
        password: env.HELSEKLAGE_PASSWORD,
      })),
  create: (settings, http) => createHelseklageAdapter({ ...settings, http }),
});
