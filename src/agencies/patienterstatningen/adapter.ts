/**
 * Adapter for Patienterstatningen (Denmark's patient compensation association): lists paged by RFC 8288
 * `Link` headers, one claim per request (no batch endpoint: the port's batch becomes parallel requests,
 * capped by the connection pool), the form catalog revalidated by its `ETag`, writes made safe to repeat
 * by an `Idempotency-Key`. A claim that went on appeal names the appeals board (whose secretariat is STPK:
 * the registry makes that the link to the STPK appeal case).
 */
import LinkHeader from 'http-link-header';
import type { z } from 'zod';
import { UpstreamError } from '../../errors.js';
import { followPages, inKeyOrder, type Page } from '../kit/batch.js';
import { cachedCatalog } from '../kit/catalog-cache.js';
import { eventParser } from '../kit/events.js';
import { AgencyHttp, type JsonRequest } from '../kit/http.js';
import type { HttpSettings } from '../kit/module.js';
import type { AgencyAdapter, CallOptions, FormDefinition } from '../kit/port.js';
import { patienterstatningenDefinition } from './definition.js';
import {
  patienterstatningenClaim,
  patienterstatningenClaimList,
  patienterstatningenDocumentList,
  patienterstatningenEvent,
  patienterstatningenFileReceipt,
  patienterstatningenForms,
  patienterstatningenMessageReceipt,
  patienterstatningenPing,
} from './schema.js';
import { CODE, toCase, toCaseRef, toDocument, toForm } from './mapping.js';

export interface PatienterstatningenConfig {
  baseUrl: string;
  apiKey: string;
  http: HttpSettings;
}

const PER_PAGE = 100;

/**
 * The path of the `rel="next"` page, or null on the last page. Only links on the agency's own origin and
 * under its base path are followed: anywhere else our API key would go along.
 */
export function nextPagePath(header: unknown, base: URL): string | null {
  if (typeof header !== 'string' || header === '') return null;
  let next: string | undefined;
  try {
    next = LinkHeader.parse(header).rel('next')[0]?.uri;
  } catch (error) {
    throw new UpstreamError(CODE, 'BAD_RESPONSE', 'sent an unreadable Link header', undefined, {
      cause: error,
    });
  }
  if (!next) return null;
  const url = new URL(next, base);
  const basePath = base.pathname.replace(/\/$/, '');
  if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`))
    throw new UpstreamError(CODE, 'BAD_RESPONSE', 'paged to a link outside its own API');
  return `${url.pathname.slice(basePath.length)}${url.search}`;
}

export function createPatienterstatningenAdapter(config: PatienterstatningenConfig): AgencyAdapter {
  const base = new URL(config.baseUrl);
  const http = new AgencyHttp({
    ...config.http,
    agency: CODE,
    baseUrl: config.baseUrl,
    headers: { authorization: `ApiKey ${config.apiKey}` },
  });

  /** Every page of a list, following `Link: rel="next"`; null when the first page is a 404. */
  async function allPages<T>(
    schema: z.ZodType<T[]>,
    first: JsonRequest,
    call: CallOptions,
  ): Promise<T[] | null> {
    let missing = false;
    const page = async (request: JsonRequest, index: number): Promise<Page<T>> => {
      const answer = await http.exchange(schema, request, call, { notFoundAsNull: index === 0 });
      if (!answer.data) {
        missing = true;
        return { items: [], next: null };
      }
      const path = nextPagePath(answer.headers.link, base);
      return {
        items: answer.data,
        next: path ? () => page({ ...first, path, query: undefined }, index + 1) : null,
      };
    };
    const items = await followPages(CODE, () => page(first, 0));
    return missing ? null : items;
  }

  // The catalog is the same for everyone: revalidated by its ETag when the cache expires. Claims are
  // personal data and are not kept here (the gateway's safety net holds what may be held, sealed).
  let catalogVersion: { etag: string; forms: FormDefinition[] } | null = null;
  const catalog = cachedCatalog('patienterstatningen', async (call) => {
    const held = catalogVersion;
    const answer = await http.exchange(
      patienterstatningenForms,
      { method: 'GET', path: '/v2/forms', headers: held ? { 'if-none-match': held.etag } : {} },
      call,
    );
    if (answer.status === 304 && held) return held.forms;
    if (!answer.data)
      throw new UpstreamError(CODE, 'BAD_RESPONSE', 'answered 304 to an unconditional request');
    const forms = answer.data.forms.map(toForm);
    const etag = answer.headers.etag;
    catalogVersion = typeof etag === 'string' ? { etag, forms } : null;
    return forms;
  });

  const claimPath = (caseNumber: string) => `/v2/claims/${encodeURIComponent(caseNumber)}`;

  return {
    definition: patienterstatningenDefinition,

    async casesForPerson(nationalId, call) {
      const claims =
        (await allPages(
          patienterstatningenClaimList,
          {
            method: 'GET',
            path: '/v2/claims',
            query: { per_page: String(PER_PAGE) },
            headers: { 'x-cpr': nationalId },
          },
          call,
        )) ?? [];
      return {
        cases: claims.map(toCaseRef),
        // Not part of the dialect; Min sag has no guardianship rule.
        underGuardianship: null,
      };
    },

    async getCases(caseNumbers, call) {
      const unique = [...new Set(caseNumbers)];
      const claims = await Promise.all(
        unique.map((n) =>
          http.json(patienterstatningenClaim, { method: 'GET', path: claimPath(n) }, call, true),
        ),
      );
      return inKeyOrder(
        caseNumbers,
        claims.flatMap((c) => (c ? [[c.claim_number, toCase(c)] as const] : [])),
      );
    },

    async getDocuments(caseNumbers, call) {
      const unique = [...new Set(caseNumbers)];
      const lists = await Promise.all(
        unique.map(async (n) => {
          const documents = await allPages(
            patienterstatningenDocumentList,
            { method: 'GET', path: `${claimPath(n)}/documents`, query: { per_page: String(PER_PAGE) } },
            call,
          );
          return [n, documents?.map((d) => toDocument(n, d)) ?? null] as const;
        }),
      );
      const byCase = new Map(lists);
      return caseNumbers.map((n) => byCase.get(n) ?? null);
    },

    documentContent: (documentId, call) =>
      http.stream(`/v2/documents/${encodeURIComponent(documentId)}/content`, call),

    async uploadAttachment(caseNumber, file, body, call) {
      const receipt = await http.upload(
        patienterstatningenFileReceipt,
        {
          path: `${claimPath(caseNumber)}/files`,
          headers: {
            'content-type': file.contentType,
            'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          },
          body,
          sizeBytes: file.sizeBytes,
        },
        call,
      );
      return { attachmentId: receipt.file_id };
    },

    async submitInformation(caseNumber, submission, call) {
      const receipt = await http.json(
        patienterstatningenMessageReceipt,
        {
          method: 'POST',
          path: `${claimPath(caseNumber)}/messages`,
          headers: { 'idempotency-key': submission.submissionId },
          // The key makes a repeat harmless, so a lost answer may be asked again.
          idempotent: true,
          body: {
            text: submission.message,
            file_ids: submission.attachmentIds,
            sender_cpr: submission.senderNationalId,
            sent_at: submission.sentAt,
          },
        },
        call,
      );
      return { receipt: receipt.message_id };
    },

    async findSubmission(caseNumber, submissionId, call) {
      // Writes are keyed by the Idempotency-Key the submission id was sent as.
      const found = await http.json(
        patienterstatningenMessageReceipt,
        { method: 'GET', path: `${claimPath(caseNumber)}/receipts/${encodeURIComponent(submissionId)}` },
        call,
        true,
      );
      return found && { receipt: found.message_id };
    },

    formDefinitions: (call) => catalog(call),

    async submitForm(caseNumber, formId, submission, call) {
      const receipt = await http.json(
        patienterstatningenMessageReceipt,
        {
          method: 'POST',
          path: `${claimPath(caseNumber)}/forms/${encodeURIComponent(formId)}/answers`,
          headers: { 'idempotency-key': submission.submissionId },
          idempotent: true,
          body: {
            answers: submission.answers,
            sender_cpr: submission.senderNationalId,
            sent_at: submission.sentAt,
          },
        },
        call,
      );
      return { receipt: receipt.message_id };
    },

    parseEvent: eventParser(patienterstatningenEvent),

    async health(call) {
      await http.json(patienterstatningenPing, { method: 'GET', path: '/v2/ping' }, call);
    },

    close: () => http.close(),
  };
}
