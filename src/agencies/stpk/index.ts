/**
 * Adapter for Styrelsen for Patientklager: paged search, batches of up to 50 case numbers in the query
 * string, and the OIO macro status kept beside the steps.
 */
import { z } from 'zod';
import { eventParser } from '../events.js';
import { stpkEvent } from './schema.js';
import { chunks, followPages, inKeyOrder, type Page } from '../batch.js';
import { cachedCatalog } from '../catalog-cache.js';
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
import { stpkDefinition } from './labels.js';
import { stpkPolicy } from './policy.js';
import type { stpkCase, stpkRole } from './schema.js';
import { stpkCases, stpkDocuments, stpkFormCatalog, stpkHealth, stpkSearchPage } from './schema.js';

export interface StpkConfig {
  baseUrl: string;
  token: string;
  /** Mit Overblik shows only cases created on or after this date (YYYY-MM-DD). */
  cutoff: string;
  http: Omit<AgencyHttpOptions, 'agency' | 'baseUrl' | 'headers'>;
}

const ROLE: Record<z.infer<typeof stpkRole>, ParticipantRole> = {
  KLAGER: 'PARTY',
  ADVOKAT: 'LAWYER',
  PARTSREPRAESENTANT: 'PROXY',
  VAERGE: 'GUARDIAN',
  EFTERLADT: 'BEREAVED',
  FORAELDREMYNDIGHEDSINDEHAVER: 'CUSTODY_HOLDER',
};

const STATUS: Record<z.infer<typeof stpkCase>['oioStatus'], CaseStatus> = {
  Opstået: 'RECEIVED',
  Oplyst: 'IN_PROGRESS',
  Afgjort: 'DECIDED',
  Afsluttet: 'CLOSED',
};

const STEP_STATE = { AFSLUTTET: 'COMPLETED', IGANG: 'CURRENT', KOMMENDE: 'UPCOMING' } as const;
const SEARCH_PAGE_SIZE = 100;
const BATCH_SIZE = 50;

function toCase(sag: z.infer<typeof stpkCase>): CaseRecord {
  return {
    agency: 'stpk',
    caseNumber: sag.sagsnummer,
    caseType: sag.sagstype,
    title: sag.overskrift,
    status: STATUS[sag.oioStatus],
    agencyStatus: sag.oioStatus,
    createdAt: sag.oprettet,
    updatedAt: sag.senestAendret,
    closedAt: sag.afsluttet,
    expectedDecisionAt: sag.forventetAfgoerelse,
    timeline: sag.forloeb.map((t) => ({
      code: t.trin,
      state: STEP_STATE[t.tilstand],
      completedAt: t.afsluttetDato,
      expectedAt: t.forventetDato,
    })),
    participants: sag.parter.map((p) => ({
      role: ROLE[p.rolle],
      nationalId: p.cpr,
      name: p.navn,
      mobile: p.telefon,
      email: p.email,
      emailIsPersonal: null,
      organisation: null,
    })),
    outcome: sag.afgoerelse ? { code: sag.afgoerelse.resultat, decidedAt: sag.afgoerelse.dato } : null,
    related: sag.ankeAf ? [{ body: sag.ankeAf.myndighed, caseNumber: sag.ankeAf.sagsnummer }] : [],
    awaitingForms: sag.afventendeSkemaer.map((f) => ({ formId: f.skemaId, code: f.kode })),
  };
}

export function createStpkAdapter(config: StpkConfig): AgencyAdapter {
  const http = new AgencyHttp({
    ...config.http,
    agency: 'stpk',
    baseUrl: config.baseUrl,
    headers: { authorization: `Bearer ${config.token}` },
  });

  const catalog = cachedCatalog(async (call) => {
    const answer = await http.json(stpkFormCatalog, { method: 'GET', path: '/api/skemaer' }, call);
    return answer.skemaer.map((f) => ({
      code: f.kode,
      version: f.version,
      fields: f.felter.map((x) => ({
        key: x.noegle,
        type: x.type,
        required: x.paakraevet,
        options: x.valg,
        maxLength: x.maksLaengde,
        min: x.min,
      })),
    }));
  });

  return {
    definition: { ...stpkDefinition, policy: stpkPolicy(config.cutoff) },

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
          items: answer.sager.map((s) => ({
            caseNumber: s.sagsnummer,
            role: ROLE[s.rolle],
            createdAt: s.oprettet,
            updatedAt: s.senestAendret,
            closedAt: s.afsluttet,
          })),
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
        byCase.get(d.sagsnummer)?.push({
          id: d.dokumentId,
          caseNumber: d.sagsnummer,
          title: d.titel,
          direction:
            d.retning === 'INDGAAENDE' ? 'INCOMING' : d.retning === 'UDGAAENDE' ? 'OUTGOING' : 'INTERNAL',
          date: d.dato,
          contentType: d.indholdstype,
          sizeBytes: d.stoerrelse,
          commentDeadline: d.hoeringsfrist,
          counterpartyId: d.partCpr,
        });
      }
      return caseNumbers.map((n) => byCase.get(n) ?? null);
    },

    documentContent: (documentId, call) =>
      http.stream(`/api/dokumenter/${encodeURIComponent(documentId)}/indhold`, call),

    formDefinitions: () => catalog(),

    async health(call) {
      await http.json(stpkHealth, { method: 'GET', path: '/api/status' }, call);
    },

    parseEvent: eventParser(stpkEvent),

    close: () => http.close(),
  };
}

export const stpkModule = defineAgency({
  code: 'stpk',
  settings: (production) =>
    z
      .object({
        STPK_BASE_URL: baseUrl(production, 'http://127.0.0.1:4103'),
        STPK_TOKEN: secret(production, 'stpk-dev-token'),
        // Mit Overblik launched on 1 November; cases created before it are not shown.
        STPK_CUTOFF_DATE: z.iso.date().default('2025-11-01'),
      })
      .transform((env) => ({
        baseUrl: env.STPK_BASE_URL,
        token: env.STPK_TOKEN,
        cutoff: env.STPK_CUTOFF_DATE,
      })),
  create: (settings, http) => createStpkAdapter({ ...settings, http }),
});
