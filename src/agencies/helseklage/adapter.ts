/**
 * Adapter for Helseklage. Its API has no batch endpoint, so a batch of case numbers becomes one request
 * per case; the pool's connection cap bounds how many run at once. Case ids are Noark numbers with a
 * slash, sent URL-encoded.
 */
import { eventParser } from '../kit/events.js';
import { helseklageEvent } from './schema.js';
import { cachedCatalog } from '../kit/catalog-cache.js';
import { followPages, type Page } from '../kit/batch.js';
import { AgencyHttp, type AgencyHttpOptions } from '../kit/http.js';
import type { AgencyAdapter, CaseRef, PersonListing } from '../kit/port.js';
import { helseklageDefinition } from './definition.js';
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
import { toCase, toCaseRef, toDocument } from './mapping.js';

export interface HelseklageConfig {
  baseUrl: string;
  username: string;
  password: string;
  http: Omit<AgencyHttpOptions, 'agency' | 'baseUrl' | 'headers'>;
}

const SEARCH_PAGE_SIZE = 50;

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
    'helseklage',
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
          items: answer.items.map(toCaseRef),
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
        caseNumbers.map(async (n) => {
          const found = await http.json(
            helseklageDocuments,
            { method: 'GET', path: `${casePath(n)}/documents` },
            call,
            true,
          );
          return found ? found.documents.map((d) => toDocument(n, d)) : null;
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

    formDefinitions: (call) => catalog(call),

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
