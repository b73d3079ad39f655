/**
 * Adapter for Styrelsen for Patientklager: paged search, batches of up to 50 case numbers in the query
 * string, and the OIO macro status kept beside the steps.
 */
import { eventParser } from '../kit/events.js';
import { stpkEvent } from './schema.js';
import { chunks, followPages, inKeyOrder, type Page } from '../kit/batch.js';
import { cachedCatalog } from '../kit/catalog-cache.js';
import { AgencyHttp, type AgencyHttpOptions } from '../kit/http.js';
import type { AgencyAdapter, CaseRef, DocumentRecord, PersonListing } from '../kit/port.js';
import { stpkDefinition } from './definition.js';
import { stpkCases, stpkDocuments, stpkFormCatalog, stpkHealth, stpkSearchPage } from './schema.js';
import { toCase, toCaseRef, toDocument, toForm } from './mapping.js';

export interface StpkConfig {
  baseUrl: string;
  token: string;
  /** Mit Overblik shows only cases created on or after this date (YYYY-MM-DD). */
  cutoff: string;
  http: Omit<AgencyHttpOptions, 'agency' | 'baseUrl' | 'headers'>;
}

const SEARCH_PAGE_SIZE = 100;

const BATCH_SIZE = 50;

export function createStpkAdapter(config: StpkConfig): AgencyAdapter {
  const http = new AgencyHttp({
    ...config.http,
    agency: 'stpk',
    baseUrl: config.baseUrl,
    headers: { authorization: `Bearer ${config.token}` },
  });

  const catalog = cachedCatalog('stpk', async (call) => {
    const answer = await http.json(stpkFormCatalog, { method: 'GET', path: '/api/skemaer' }, call);
    return answer.skemaer.map(toForm);
  });

  return {
    definition: stpkDefinition(config.cutoff),

    async casesForPerson(nationalId, call): Promise<PersonListing> {
      const page = async (side: number): Promise<Page<CaseRef>> => {
        const answer = await http.json(
          stpkSearchPage,
          {
            method: 'POST',
            path: '/api/sager/soeg',
            idempotent: true,
            body: { cpr: nationalId, side, sidestoerrelse: SEARCH_PAGE_SIZE },
          },
          call,
        );
        return {
          items: answer.sager.map(toCaseRef),
          next: answer.flereSider ? () => page(side + 1) : null,
        };
      };
      const cases = await followPages('stpk', () => page(0));
      // STPK's search does not say; a Danish guardianship is no rule of Mit Overblik's.
      return { cases, underGuardianship: null };
    },

    async getCases(caseNumbers, call) {
      const answers = await Promise.all(
        chunks(caseNumbers, BATCH_SIZE).map((batch) =>
          http.json(
            stpkCases,
            { method: 'GET', path: '/api/sager', query: { sagsnumre: batch.join(',') } },
            call,
          ),
        ),
      );
      return inKeyOrder(
        caseNumbers,
        answers.flatMap((a) => a.sager.map((s) => [s.sagsnummer, toCase(s)] as const)),
      );
    },

    async getDocuments(caseNumbers, call) {
      const answers = await Promise.all(
        chunks(caseNumbers, BATCH_SIZE).map((batch) =>
          http.json(
            stpkDocuments,
            { method: 'GET', path: '/api/dokumenter', query: { sagsnumre: batch.join(',') } },
            call,
          ),
        ),
      );
      // The answer is one flat list that cannot tell an unknown case from a case without documents; the
      // graph asks only for cases it has already loaded, so both become an empty list here.
      const byCase = new Map<string, DocumentRecord[]>(caseNumbers.map((n) => [n, []]));
      for (const d of answers.flatMap((a) => a.dokumenter)) {
        byCase.get(d.sagsnummer)?.push(toDocument(d));
      }
      return caseNumbers.map((n) => byCase.get(n) ?? null);
    },

    documentContent: (documentId, call) =>
      http.stream(`/api/dokumenter/${encodeURIComponent(documentId)}/indhold`, call),

    formDefinitions: (call) => catalog(call),

    async health(call) {
      await http.json(stpkHealth, { method: 'GET', path: '/api/status' }, call);
    },

    parseEvent: eventParser(stpkEvent),

    close: () => http.close(),
  };
}
