/**
 * Adapter for NPE: paged search (200 per page), batch look-ups of up to 100 cases or document lists per
 * call. The batch answers come in the case system's own order, so results are put back in key order here.
 */
import { eventParser } from '../kit/events.js';
import { npeEvent } from './schema.js';
import { chunks, followPages, inKeyOrder, type Page } from '../kit/batch.js';
import { cachedCatalog } from '../kit/catalog-cache.js';
import { AgencyHttp, type AgencyHttpOptions } from '../kit/http.js';
import type { AgencyAdapter, CallOptions, CaseRef, PersonListing } from '../kit/port.js';
import { npeDefinition } from './definition.js';
import {
  npeCases,
  npeDocumentLists,
  npeHealth,
  npeSearchPage,
  npeAttachmentReceipt,
  npeSubmissionReceipt,
  npeFormCatalog,
  npeConsentReceipt,
} from './schema.js';
import { toCase, toCaseRef, toDocument, toForm } from './mapping.js';

export interface NpeConfig {
  baseUrl: string;
  apiKey: string;
  http: Omit<AgencyHttpOptions, 'agency' | 'baseUrl' | 'headers'>;
}

const SEARCH_PAGE_SIZE = 200;

const BATCH_SIZE = 100;

export function createNpeAdapter(config: NpeConfig): AgencyAdapter {
  const http = new AgencyHttp({
    ...config.http,
    agency: 'npe',
    baseUrl: config.baseUrl,
    headers: { 'x-api-key': config.apiKey },
  });

  const catalog = cachedCatalog('npe', async (call) => {
    const answer = await http.json(
      npeFormCatalog,
      { method: 'GET', path: '/api/v1/skjemadefinisjoner' },
      call,
    );
    return answer.skjema.map(toForm);
  });

  return {
    definition: npeDefinition,

    async casesForPerson(nationalId: string, call: CallOptions): Promise<PersonListing> {
      let underGuardianship = false;
      const page = async (side: number): Promise<Page<CaseRef>> => {
        const answer = await http.json(
          npeSearchPage,
          {
            method: 'POST',
            path: '/api/v1/saker/sok',
            idempotent: true,
            body: { fodselsnummer: nationalId, side, antallPerSide: SEARCH_PAGE_SIZE },
          },
          call,
        );
        underGuardianship ||= answer.vergemaal;
        return {
          items: answer.treff.map(toCaseRef),
          next: side < answer.antallSider ? () => page(side + 1) : null,
        };
      };
      const cases = await followPages('npe', () => page(1));
      return { cases, underGuardianship };
    },

    async getCases(caseNumbers, call) {
      const answers = await Promise.all(
        chunks(caseNumbers, BATCH_SIZE).map((batch) =>
          http.json(
            npeCases,
            { method: 'POST', path: '/api/v1/saker/hent', body: { saksnumre: batch }, idempotent: true },
            call,
          ),
        ),
      );
      return inKeyOrder(
        caseNumbers,
        answers.flatMap((a) => a.saker.map((s) => [s.saksnummer, toCase(s)] as const)),
      );
    },

    async getDocuments(caseNumbers, call) {
      const answers = await Promise.all(
        chunks(caseNumbers, BATCH_SIZE).map((batch) =>
          http.json(
            npeDocumentLists,
            {
              method: 'POST',
              path: '/api/v1/saker/dokumentlister',
              body: { saksnumre: batch },
              idempotent: true,
            },
            call,
          ),
        ),
      );
      return inKeyOrder(
        caseNumbers,
        answers.flatMap((a) =>
          a.dokumentlister.map(
            (l) => [l.saksnummer, l.dokumenter.map((d) => toDocument(l.saksnummer, d))] as const,
          ),
        ),
      );
    },

    documentContent: (documentId, call) =>
      http.stream(`/api/v1/dokumenter/${encodeURIComponent(documentId)}/innhold`, call),

    async uploadAttachment(caseNumber, file, body, call) {
      const receipt = await http.upload(
        npeAttachmentReceipt,
        {
          path: `/api/v1/saker/${encodeURIComponent(caseNumber)}/vedlegg`,
          headers: { 'content-type': file.contentType, 'x-filnavn': encodeURIComponent(file.filename) },
          body,
          sizeBytes: file.sizeBytes,
        },
        call,
      );
      return { attachmentId: receipt.vedleggId };
    },

    async submitInformation(caseNumber, submission, call) {
      const receipt = await http.json(
        npeSubmissionReceipt,
        {
          method: 'POST',
          path: `/api/v1/saker/${encodeURIComponent(caseNumber)}/innsendinger`,
          body: {
            innsendingId: submission.submissionId,
            melding: submission.message,
            vedlegg: submission.attachmentIds,
            avsender: submission.senderNationalId,
            sendt: submission.sentAt,
          },
        },
        call,
      );
      return { receipt: receipt.kvittering };
    },

    async findSubmission(caseNumber, submissionId, call) {
      const found = await http.json(
        npeSubmissionReceipt,
        {
          method: 'GET',
          path: `/api/v1/saker/${encodeURIComponent(caseNumber)}/innsendinger/${encodeURIComponent(submissionId)}`,
        },
        call,
        true,
      );
      return found && { receipt: found.kvittering };
    },

    formDefinitions: (call) => catalog(call),

    async submitForm(caseNumber, formId, submission, call) {
      const receipt = await http.json(
        npeSubmissionReceipt,
        {
          method: 'POST',
          path: `/api/v1/saker/${encodeURIComponent(caseNumber)}/skjema/${encodeURIComponent(formId)}/svar`,
          body: {
            innsendingId: submission.submissionId,
            svar: submission.answers,
            avsender: submission.senderNationalId,
            sendt: submission.sentAt,
          },
        },
        call,
      );
      return { receipt: receipt.kvittering };
    },

    async recordConsent(nationalId, consent, call) {
      await http.json(
        npeConsentReceipt,
        {
          method: 'POST',
          path: '/api/v1/samtykker',
          body: {
            fodselsnummer: nationalId,
            miSide: consent.portal,
            varsling: consent.notifications,
            tidspunkt: consent.at,
          },
        },
        call,
      );
    },

    async health(call) {
      await http.json(npeHealth, { method: 'GET', path: '/api/v1/helse' }, call);
    },

    parseEvent: eventParser(npeEvent),

    close: () => http.close(),
  };
}
