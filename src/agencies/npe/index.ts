/**
 * Adapter for NPE: paged search (200 per page), batch look-ups of up to 100 cases or document lists per
 * call. The batch answers come in the case system's own order, so results are put back in key order here.
 */
import { z } from 'zod';
import { eventParser } from '../events.js';
import { npeEvent } from './schema.js';
import { chunks, followPages, inKeyOrder, type Page } from '../batch.js';
import { cachedCatalog } from '../catalog-cache.js';
import { AgencyHttp, type AgencyHttpOptions } from '../http.js';
import { baseUrl, defineAgency, secret } from '../module.js';
import type {
  AgencyAdapter,
  CallOptions,
  CaseRecord,
  CaseRef,
  CaseStatus,
  DocumentRecord,
  ParticipantRole,
  PersonListing,
} from '../port.js';
import { npeDefinition } from './labels.js';
import type { npeRole } from './schema.js';
import {
  npeCases,
  npeDocumentLists,
  npeHealth,
  npeSearchPage,
  type npeCase,
  type npeDocument,
  npeAttachmentReceipt,
  npeSubmissionReceipt,
  npeFormCatalog,
  npeConsentReceipt,
} from './schema.js';

export interface NpeConfig {
  baseUrl: string;
  apiKey: string;
  http: Omit<AgencyHttpOptions, 'agency' | 'baseUrl' | 'headers'>;
}

const ROLE: Record<z.infer<typeof npeRole>, ParticipantRole> = {
  SKADELIDT: 'PARTY',
  ADVOKAT: 'LAWYER',
  FULLMEKTIG: 'PROXY',
  VERGE: 'GUARDIAN',
  ETTERLATT: 'BEREAVED',
  FORESATT: 'CUSTODY_HOLDER',
};

const STATUS: Record<z.infer<typeof npeCase>['saksstatus'], CaseStatus> = {
  VENTER_PA_BEHANDLING: 'WAITING',
  UNDER_BEHANDLING: 'IN_PROGRESS',
  VEDTAK_FATTET: 'DECIDED',
  OVERSENDT_KLAGEINSTANS: 'FORWARDED',
  AVSLUTTET: 'CLOSED',
};

const STEP_STATE = { FULLFORT: 'COMPLETED', PAGAR: 'CURRENT', KOMMENDE: 'UPCOMING' } as const;

const SEARCH_PAGE_SIZE = 200;
const BATCH_SIZE = 100;

function toCase(sak: z.infer<typeof npeCase>): CaseRecord {
  return {
    agency: 'npe',
    caseNumber: sak.saksnummer,
    caseType: sak.sakstype,
    title: sak.tittel,
    status: STATUS[sak.saksstatus],
    agencyStatus: null,
    createdAt: sak.opprettet,
    updatedAt: sak.sistEndret,
    closedAt: sak.avsluttet,
    expectedDecisionAt: sak.forventetVedtaksdato,
    // Skipped optional steps are not part of the person's timeline.
    timeline: sak.saksgang.flatMap((s) =>
      s.status === 'HOPPET_OVER'
        ? []
        : [{ code: s.steg, state: STEP_STATE[s.status], completedAt: s.fullfort, expectedAt: s.forventet }],
    ),
    participants: sak.parter.map((p) => ({
      role: ROLE[p.rolle],
      nationalId: p.fodselsnummer,
      name: p.navn,
      mobile: p.mobil,
      email: p.epost,
      emailIsPersonal: p.personligEpost,
      organisation: p.organisasjon,
    })),
    outcome: sak.resultat
      ? {
          code: sak.resultat.kode,
          decidedAt: sak.resultat.vedtaksdato,
          compensation:
            sak.resultat.erstatningsbelop === null
              ? null
              : { amount: sak.resultat.erstatningsbelop, currency: 'NOK' },
        }
      : null,
    related: sak.klagesak ? [{ body: sak.klagesak.instans, caseNumber: sak.klagesak.saksnummer }] : [],
    awaitingForms: sak.ventendeSkjema.map((f) => ({ formId: f.skjemaId, code: f.kode })),
  };
}

function toDocument(caseNumber: string, dok: z.infer<typeof npeDocument>): DocumentRecord {
  return {
    id: dok.dokumentId,
    caseNumber,
    title: dok.tittel,
    direction:
      dok.journalposttype === 'I' ? 'INCOMING' : dok.journalposttype === 'U' ? 'OUTGOING' : 'INTERNAL',
    date: dok.journaldato,
    contentType: dok.mimetype,
    sizeBytes: dok.storrelse,
    commentDeadline: dok.kommentarfrist,
    counterpartyId: dok.avsenderMottaker.fodselsnummer ?? null,
  };
}

export function createNpeAdapter(config: NpeConfig): AgencyAdapter {
  const http = new AgencyHttp({
    ...config.http,
    agency: 'npe',
    baseUrl: config.baseUrl,
    headers: { 'x-api-key': config.apiKey },
  });

  const catalog = cachedCatalog(async (call) => {
    const answer = await http.json(
      npeFormCatalog,
      { method: 'GET', path: '/api/v1/skjemadefinisjoner' },
      call,
    );
    return answer.skjema.map((f) => ({
      code: f.kode,
      version: f.versjon,
      fields: f.felter.map((x) => ({
        key: x.nokkel,
        type: x.type,
        required: x.pakrevd,
        options: x.valg,
        maxLength: x.maksLengde,
        min: x.min,
      })),
    }));
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
          items: answer.treff.map((t) => ({
            caseNumber: t.saksnummer,
            role: ROLE[t.rolle],
            createdAt: t.opprettet,
            updatedAt: t.sistEndret,
            closedAt: t.avsluttet,
          })),
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

    formDefinitions: () => catalog(),

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

export const npeModule = defineAgency({
  code: 'npe',
  settings: (production) =>
    z
      .object({
        NPE_BASE_URL: baseUrl(production, 'http://127.0.0.1:4101'),
        NPE_API_KEY: secret(production, 'npe-dev-api-key'),
      })
      .transform((env) => ({ baseUrl: env.NPE_BASE_URL, apiKey: env.NPE_API_KEY })),
  create: (settings, http) => createNpeAdapter({ ...settings, http }),
});
