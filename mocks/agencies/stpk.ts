/**
 * Mock of Styrelsen for Patientklager's case system. Dialect: Danish field names, CPR numbers, a Bearer
 * token, a paged search, a batch endpoint with the case numbers in the query string (unknown ones listed
 * under `ikkeFundet`), the public OIO macro status beside the steps, and documents already marked as
 * incoming, outgoing or internal.
 */
import { z } from 'zod';
import { documentSize, documentStream } from './documents.js';
import type { AgencyCode, MockCase, MockDocument, MockRole, World } from '../seed/model.js';
import { constantTimeEquals, createMockAgency, type Faults, type MockAgency } from './harness.js';
import { awaitedForms, FORM_CATALOG } from './forms.js';
import { AgencyIndex } from './index.js';
import { caseAdvancer, type CaseMovement, type MockEvent } from './events.js';
import { STPK_DECISION_STEPS } from '../seed/catalog.js';

export const STPK_DEFAULT_TOKEN = 'stpk-dev-token';

const ROLE: Record<MockRole, string> = {
  PARTY: 'KLAGER',
  LAWYER: 'ADVOKAT',
  PROXY: 'PARTSREPRAESENTANT',
  GUARDIAN: 'VAERGE',
  BEREAVED: 'EFTERLADT',
  CUSTODY_HOLDER: 'FORAELDREMYNDIGHEDSINDEHAVER',
};

const STEP_STATE = { COMPLETED: 'AFSLUTTET', CURRENT: 'IGANG', UPCOMING: 'KOMMENDE' } as const;
/** The first-instance authorities whose decisions STPK's boards hear appeals of. */
const APPEALED_AUTHORITY: Partial<Record<AgencyCode, string>> = {
  patienterstatningen: 'PATIENTERSTATNINGEN',
};
const DIRECTION = { I: 'INDGAAENDE', U: 'UDGAAENDE', N: 'INTERN', X: 'INTERN' } as const;
const MAX_BATCH = 50;

/** The OIO case model's macro status: Opstået → Oplyst → Afgjort → Afsluttet. */
function oioStatus(record: MockCase): string {
  if (record.closedAt) return 'Afsluttet';
  if (record.outcome) return 'Afgjort';
  const collected = record.steps.find((s) => s.code === 'INDHENTER_OPLYSNINGER');
  return collected?.state === 'COMPLETED' ? 'Oplyst' : 'Opstået';
}

function renderCase(record: MockCase) {
  return {
    sagsnummer: record.caseNumber,
    sagstype: record.caseType,
    overskrift: record.title,
    oioStatus: oioStatus(record),
    oprettet: record.createdAt,
    senestAendret: record.updatedAt,
    afsluttet: record.closedAt,
    forventetAfgoerelse: record.expectedDecisionAt,
    sagsbehandler: record.caseworker,
    behandlingssted: record.subject,
    afgoerelse: record.outcome ? { resultat: record.outcome, dato: record.decidedAt } : null,
    // An appeal names the decision it appeals: the authority in STPK's words and that authority's case number.
    ankeAf:
      record.appealOf && APPEALED_AUTHORITY[record.appealOf.agency]
        ? { myndighed: APPEALED_AUTHORITY[record.appealOf.agency], sagsnummer: record.appealOf.caseNumber }
        : null,
    afventendeSkemaer: awaitedForms(record).map((f) => ({ skemaId: f.formId, kode: f.code })),
    forloeb: record.steps.map((s) => ({
      trin: s.code,
      tilstand: STEP_STATE[s.state],
      afsluttetDato: s.completedAt,
      forventetDato: s.expectedAt,
    })),
    parter: record.participants.map((p) => ({
      rolle: ROLE[p.role],
      cpr: p.nationalId,
      navn: p.name,
      telefon: p.mobile,
      email: p.email,
    })),
  };
}

function renderDocument(doc: MockDocument) {
  return {
    dokumentId: doc.id,
    sagsnummer: doc.caseNumber,
    titel: doc.title,
    retning: DIRECTION[doc.journalType],
    dato: doc.date,
    hoeringsfrist: doc.commentDeadline,
    filnavn: doc.fileName,
    indholdstype: 'application/pdf',
    stoerrelse: doc.sizeBytes,
    partCpr: doc.counterpartyId,
    digitalPost: doc.digitalMailbox ? { leveret: doc.digitalMailbox.at } : null,
  };
}

const searchBody = z.object({
  cpr: z.string().regex(/^\d{10}$/),
  side: z.number().int().min(0).default(0),
  sidestoerrelse: z.number().int().min(1).max(100).default(20),
});

const MOVEMENT: CaseMovement = {
  agency: 'stpk',
  decisionSteps: STPK_DECISION_STEPS,
  defaultOutcome: 'IKKE_KRITIK',
  forComment: { HOERING: 'Sagen sendt i høring' },
  decisionLetter: 'Afgørelse',
};

const EVENT_TYPE = {
  STEP_COMPLETED: 'TRIN_AFSLUTTET',
  DOCUMENT_ADDED: 'DOKUMENT_TILFOEJET',
  DECISION_MADE: 'AFGOERELSE_TRUFFET',
} as const;

/** STPK's event: Danish names, like the rest of its API. */
function renderEvent(event: MockEvent) {
  return {
    haendelse: EVENT_TYPE[event.kind],
    sagsnummer: event.caseNumber,
    tidspunkt: event.at,
    trin: event.step,
    dokumentId: event.documentId,
  };
}

const errorBody = (status: number, message: string) => ({ fejl: { kode: status, besked: message } });

function caseNumbersFrom(query: unknown): string[] | null {
  const raw = (query as { sagsnumre?: unknown }).sagsnumre;
  if (typeof raw !== 'string' || raw.length === 0) return null;
  const numbers = raw.split(',');
  return numbers.length > MAX_BATCH ? null : numbers;
}

export function createStpkMock(
  world: World,
  options: { token?: string; faults?: Partial<Faults> } = {},
): MockAgency {
  const token = options.token ?? STPK_DEFAULT_TOKEN;
  const index = new AgencyIndex(world, 'stpk');
  const mock = createMockAgency({
    name: 'STPK',
    authorize: (request) => constantTimeEquals(request.headers.authorization, `Bearer ${token}`),
    openapi: stpkOpenApi,
    faults: options.faults,
    seed: 103,
    errorBody,
    advance: caseAdvancer(index, MOVEMENT),
    renderEvent,
  });
  const { app } = mock;

  app.post('/api/sager/soeg', async (request, reply) => {
    const parsed = searchBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
    const { cpr, side, sidestoerrelse } = parsed.data;
    const all = index.listFor(cpr);
    const page = all.slice(side * sidestoerrelse, (side + 1) * sidestoerrelse);
    return {
      sager: page.map(({ record, role }) => ({
        sagsnummer: record.caseNumber,
        rolle: ROLE[role],
        oprettet: record.createdAt,
        senestAendret: record.updatedAt,
        afsluttet: record.closedAt,
      })),
      side,
      flereSider: (side + 1) * sidestoerrelse < all.length,
    };
  });

  app.get('/api/sager', async (request, reply) => {
    const numbers = caseNumbersFrom(request.query);
    if (!numbers)
      return reply.code(400).send(errorBody(400, `sagsnumre: 1 til ${MAX_BATCH} sagsnumre, kommasepareret`));
    const sager = numbers.flatMap((n) => {
      const record = index.byNumber.get(n);
      return record ? [renderCase(record)] : [];
    });
    return { sager, ikkeFundet: numbers.filter((n) => !index.byNumber.has(n)) };
  });

  app.get('/api/dokumenter', async (request, reply) => {
    const numbers = caseNumbersFrom(request.query);
    if (!numbers)
      return reply.code(400).send(errorBody(400, `sagsnumre: 1 til ${MAX_BATCH} sagsnumre, kommasepareret`));
    return { dokumenter: numbers.flatMap((n) => index.byNumber.get(n)?.documents.map(renderDocument) ?? []) };
  });

  app.get<{ Params: { dokumentId: string } }>(
    '/api/dokumenter/:dokumentId/indhold',
    async (request, reply) => {
      const found = index.documents.get(request.params.dokumentId);
      if (!found) return reply.code(404).send(errorBody(404, 'dokumentet findes ikke'));
      return reply
        .type('application/pdf')
        .header('content-length', documentSize(found.record, found.doc))
        .send(documentStream(found.record, found.doc));
    },
  );

  app.get('/api/skemaer', async () => ({
    skemaer: FORM_CATALOG.stpk.map((f) => ({
      kode: f.code,
      version: f.version,
      felter: f.fields.map((x) => ({
        noegle: x.key,
        type: x.type,
        paakraevet: x.required,
        valg: x.options ?? null,
        maksLaengde: x.maxLength ?? null,
        min: x.min ?? null,
      })),
    })),
  }));

  app.get('/api/status', async () => ({ status: 'I drift' }));
  return mock;
}

const nullable = (type: string, format?: string) => ({ type, nullable: true, ...(format ? { format } : {}) });

export const stpkOpenApi = {
  openapi: '3.0.3',
  info: {
    title: 'Styrelsen for Patientklager – sagsoverblik API',
    version: '1.0.0',
    description:
      'Sager, forløb og dokumenter til Mit Overblik. Autentisering: Bearer-token (klientlegitimation).',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Fejl: {
        type: 'object',
        properties: {
          fejl: { type: 'object', properties: { kode: { type: 'integer' }, besked: { type: 'string' } } },
        },
      },
      Sag: {
        type: 'object',
        properties: {
          sagsnummer: { type: 'string', example: '26-000123' },
          sagstype: { type: 'string' },
          overskrift: { type: 'string' },
          oioStatus: { type: 'string', enum: ['Opstået', 'Oplyst', 'Afgjort', 'Afsluttet'] },
          oprettet: { type: 'string', format: 'date-time' },
          senestAendret: { type: 'string', format: 'date-time' },
          afsluttet: nullable('string', 'date-time'),
          forventetAfgoerelse: nullable('string', 'date'),
          sagsbehandler: { type: 'string' },
          behandlingssted: { type: 'string' },
          afgoerelse: {
            type: 'object',
            nullable: true,
            properties: { resultat: { type: 'string' }, dato: { type: 'string' } },
          },
          ankeAf: {
            type: 'object',
            nullable: true,
            description: 'Den afgørelse en ankesag anker: myndigheden og dens sagsnummer',
            properties: {
              myndighed: { type: 'string', enum: ['PATIENTERSTATNINGEN'] },
              sagsnummer: { type: 'string' },
            },
          },
          forloeb: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                trin: { type: 'string' },
                tilstand: { type: 'string', enum: ['AFSLUTTET', 'IGANG', 'KOMMENDE'] },
                afsluttetDato: nullable('string', 'date-time'),
                forventetDato: nullable('string', 'date'),
              },
            },
          },
          parter: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                rolle: { type: 'string', enum: Object.values(ROLE) },
                cpr: { type: 'string' },
                navn: { type: 'string' },
                telefon: nullable('string'),
                email: nullable('string'),
              },
            },
          },
        },
      },
      Dokument: {
        type: 'object',
        properties: {
          dokumentId: { type: 'string' },
          sagsnummer: { type: 'string' },
          titel: { type: 'string' },
          retning: { type: 'string', enum: ['INDGAAENDE', 'UDGAAENDE', 'INTERN'] },
          dato: { type: 'string', format: 'date' },
          hoeringsfrist: nullable('string', 'date'),
          filnavn: { type: 'string' },
          indholdstype: { type: 'string' },
          stoerrelse: { type: 'integer' },
          partCpr: nullable('string'),
          digitalPost: {
            type: 'object',
            nullable: true,
            description: 'Afgørelser sendes også med Digital Post',
            properties: { leveret: { type: 'string', format: 'date-time' } },
          },
        },
      },
    },
  },
  security: [{ bearer: [] }],
  paths: {
    '/api/sager/soeg': {
      post: {
        summary: 'Sager hvor en person har en rolle (sidevis, nyeste først)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['cpr'],
                properties: {
                  cpr: { type: 'string' },
                  side: { type: 'integer' },
                  sidestoerrelse: { type: 'integer', maximum: 100 },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'En side med sager' } },
      },
    },
    '/api/sager': {
      get: {
        summary: `Op til ${MAX_BATCH} sager (kommasepareret)`,
        parameters: [{ name: 'sagsnumre', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'Sager og ikke fundne sagsnumre' } },
      },
    },
    '/api/dokumenter': {
      get: {
        summary: `Dokumenter for op til ${MAX_BATCH} sager`,
        parameters: [{ name: 'sagsnumre', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'Dokumenter' } },
      },
    },
    '/api/dokumenter/{dokumentId}/indhold': {
      get: {
        summary: 'Dokumentets indhold (PDF)',
        parameters: [{ name: 'dokumentId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'PDF', content: { 'application/pdf': {} } } },
      },
    },
    '/api/skemaer': {
      get: {
        summary: 'De skemaer styrelsen beder om (felter, typer, valg)',
        responses: { '200': { description: 'OK' } },
      },
    },
    '/api/status': { get: { summary: 'Driftsstatus', responses: { '200': { description: 'I drift' } } } },
  },
};
