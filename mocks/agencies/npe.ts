/**
 * Mock of NPE's case system. Dialect: Norwegian field names, an API key in `X-Api-Key`, a paged search
 * for a person's cases, and batch endpoints for cases and document lists (answers in no particular order,
 * unknown numbers simply missing). Skipped optional steps are listed as HOPPET_OVER.
 */
import { z } from 'zod';
import { documentSize, documentStream } from './documents.js';
import type { MockCase, MockDocument, MockRole, World } from '../seed/model.js';
import { constantTimeEquals, createMockAgency, type Faults, type MockAgency } from './harness.js';
import type { Readable } from 'node:stream';
import { receiveAttachment } from './attachments.js';
import { awaitedForms, FORM_CATALOG } from './forms.js';
import { receiptOf, receiveSubmission } from './submissions.js';
import { AgencyIndex } from './index.js';
import { caseAdvancer, type CaseMovement, type MockEvent } from './events.js';
import { NPE_DECISION_STEPS } from '../seed/catalog.js';

const MOVEMENT: CaseMovement = {
  agency: 'npe',
  decisionSteps: NPE_DECISION_STEPS,
  defaultOutcome: 'MEDHOLD',
  forComment: {
    UTTALELSE_TIL_KOMMENTAR: 'Uttalelse fra behandlingsstedet til kommentar',
    SAKKYNDIG_TIL_KOMMENTAR: 'Sakkyndig uttalelse til kommentar',
  },
  decisionLetter: 'Vedtak',
};

const EVENT_TYPE = {
  STEP_COMPLETED: 'STEG_FULLFORT',
  DOCUMENT_ADDED: 'DOKUMENT_LAGT_TIL',
  DECISION_MADE: 'VEDTAK_FATTET',
} as const;

/** NPE's event: Norwegian names, like the rest of its API. */
function renderEvent(event: MockEvent) {
  return {
    hendelsestype: EVENT_TYPE[event.kind],
    saksnummer: event.caseNumber,
    tidspunkt: event.at,
    steg: event.step,
    dokumentId: event.documentId,
  };
}

export const NPE_DEFAULT_API_KEY = 'npe-dev-api-key';

const ROLE: Record<MockRole, string> = {
  PARTY: 'SKADELIDT',
  LAWYER: 'ADVOKAT',
  PROXY: 'FULLMEKTIG',
  GUARDIAN: 'VERGE',
  BEREAVED: 'ETTERLATT',
  CUSTODY_HOLDER: 'FORESATT',
};

const STEP_STATE = { COMPLETED: 'FULLFORT', CURRENT: 'PAGAR', UPCOMING: 'KOMMENDE' } as const;

function caseStatus(index: AgencyIndex, record: MockCase): string {
  if (record.closedAt) return 'AVSLUTTET';
  const current = index.currentStep(record);
  if (current === 'MOTTATT' || current === 'I_KO') return 'VENTER_PA_BEHANDLING';
  const forwarded = record.steps.some(
    (s) => s.code === 'OVERSENDT_PASIENTSKADENEMNDA' && s.state === 'COMPLETED',
  );
  if (record.appealedTo || forwarded) return 'OVERSENDT_KLAGEINSTANS';
  if (record.outcome) return 'VEDTAK_FATTET';
  return 'UNDER_BEHANDLING';
}

function renderSteps(record: MockCase) {
  const steps = record.steps.map((s) => ({
    steg: s.code,
    status: STEP_STATE[s.state],
    fullfort: s.completedAt,
    forventet: s.expectedAt,
  }));
  // NPE lists the optional partial payment as skipped when a compensation case went without one.
  const calculation = steps.findIndex((s) => s.steg === 'UTMALING');
  if (calculation >= 0 && !steps.some((s) => s.steg === 'DELUTBETALING')) {
    steps.splice(calculation + 1, 0, {
      steg: 'DELUTBETALING',
      status: 'HOPPET_OVER' as never,
      fullfort: null,
      forventet: null,
    });
  }
  return steps;
}

function renderCase(index: AgencyIndex, record: MockCase) {
  return {
    saksnummer: record.caseNumber,
    sakstype: record.caseType,
    tittel: record.title,
    saksstatus: caseStatus(index, record),
    medisinskFagomrade: record.subject,
    opprettet: record.createdAt,
    sistEndret: record.updatedAt,
    avsluttet: record.closedAt,
    forventetVedtaksdato: record.expectedDecisionAt,
    saksbehandler: record.caseworker,
    resultat: record.outcome
      ? { kode: record.outcome, vedtaksdato: record.decidedAt, erstatningsbelop: record.compensationNok }
      : null,
    klagesak: record.appealedTo
      ? { instans: 'NASJONALT_KLAGEORGAN', saksnummer: record.appealedTo.caseNumber }
      : null,
    saksgang: renderSteps(record),
    ventendeSkjema: awaitedForms(record).map((f) => ({ skjemaId: f.formId, kode: f.code })),
    parter: record.participants.map((p) => ({
      rolle: ROLE[p.role],
      fodselsnummer: p.nationalId,
      navn: p.name,
      mobil: p.mobile,
      epost: p.email,
      personligEpost: p.emailIsPersonal,
      organisasjon: p.organisation,
    })),
  };
}

function renderDocument(doc: MockDocument) {
  return {
    dokumentId: doc.id,
    tittel: doc.title,
    journalposttype: doc.journalType,
    journaldato: doc.date,
    kommentarfrist: doc.commentDeadline,
    filnavn: doc.fileName,
    mimetype: 'application/pdf',
    storrelse: doc.sizeBytes,
    avsenderMottaker: doc.counterpartyId
      ? { type: 'PERSON', fodselsnummer: doc.counterpartyId }
      : { type: 'TREDJEPART' },
    digitalPostkasse: doc.digitalMailbox
      ? {
          leverandor: doc.digitalMailbox.mailbox === 'DIGIPOST' ? 'DIGIPOST' : 'EBOKS',
          levert: doc.digitalMailbox.at,
        }
      : null,
  };
}

const searchBody = z.object({
  fodselsnummer: z.string().regex(/^\d{11}$/),
  side: z.number().int().min(1).default(1),
  antallPerSide: z.number().int().min(1).max(200).default(50),
});
const batchBody = z.object({ saksnumre: z.array(z.string()).min(1).max(100) });
const formAnswerBody = z.object({
  innsendingId: z.string().min(8).max(100),
  svar: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  avsender: z.string().regex(/^\d{11}$/),
  sendt: z.iso.datetime(),
});
const submissionBody = z.object({
  innsendingId: z.string().min(8).max(100),
  melding: z.string().min(1).max(10_000),
  vedlegg: z.array(z.string()).max(20),
  avsender: z.string().regex(/^\d{11}$/),
  sendt: z.iso.datetime(),
});
const consentBody = z.object({
  fodselsnummer: z.string().regex(/^\d{11}$/),
  miSide: z.boolean(),
  varsling: z.boolean(),
  tidspunkt: z.iso.datetime(),
});

const errorBody = (status: number, message: string) => ({ feilkode: `NPE-${status}`, melding: message });

export function createNpeMock(
  world: World,
  options: { apiKey?: string; faults?: Partial<Faults> } = {},
): MockAgency {
  const apiKey = options.apiKey ?? NPE_DEFAULT_API_KEY;
  const index = new AgencyIndex(world, 'npe');
  const mock = createMockAgency({
    name: 'NPE',
    authorize: (request) => constantTimeEquals(request.headers['x-api-key'] as string | undefined, apiKey),
    openapi: npeOpenApi,
    faults: options.faults,
    seed: 101,
    errorBody,
    advance: caseAdvancer(index, MOVEMENT),
    renderEvent,
  });
  const { app } = mock;

  app.post('/api/v1/saker/sok', async (request, reply) => {
    const parsed = searchBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
    const { fodselsnummer, side, antallPerSide } = parsed.data;
    const all = index.listFor(fodselsnummer);
    const page = all.slice((side - 1) * antallPerSide, side * antallPerSide);
    return {
      treff: page.map((listed) => {
        const registered = index.registrationOf(listed, fodselsnummer);
        return {
          saksnummer: listed.record.caseNumber,
          rolle: ROLE[listed.role],
          opprettet: listed.record.createdAt,
          sistEndret: listed.record.updatedAt,
          avsluttet: listed.record.closedAt,
          // What the case registers of the person: whether contact details are there, never the details.
          registrering: {
            representert: registered.represented,
            harMobil: registered.hasMobile,
            harEpost: registered.hasEmail,
            personligEpost: registered.emailIsPersonal,
            antallAdvokater: registered.lawyers,
          },
        };
      }),
      // Whether the person is under guardianship (from the guardianship register).
      vergemaal: index.hasGuardian(fodselsnummer),
      side,
      antallSider: Math.max(1, Math.ceil(all.length / antallPerSide)),
      totaltAntall: all.length,
    };
  });

  app.post('/api/v1/saker/hent', async (request, reply) => {
    const parsed = batchBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
    const found = parsed.data.saksnumre.flatMap((n) => {
      const record = index.byNumber.get(n);
      return record ? [renderCase(index, record)] : [];
    });
    // The batch answers in the order the case system stores them, not the order asked.
    found.sort((a, b) => a.opprettet.localeCompare(b.opprettet));
    return { saker: found };
  });

  app.post('/api/v1/saker/dokumentlister', async (request, reply) => {
    const parsed = batchBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
    return {
      dokumentlister: parsed.data.saksnumre.flatMap((n) => {
        const record = index.byNumber.get(n);
        return record ? [{ saksnummer: n, dokumenter: record.documents.map(renderDocument) }] : [];
      }),
    };
  });

  app.get<{ Params: { dokumentId: string } }>(
    '/api/v1/dokumenter/:dokumentId/innhold',
    async (request, reply) => {
      const found = index.documents.get(request.params.dokumentId);
      if (!found) return reply.code(404).send(errorBody(404, 'dokumentet finnes ikke'));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${found.doc.fileName}"`)
        .header('content-length', documentSize(found.record, found.doc))
        .send(documentStream(found.record, found.doc));
    },
  );

  // An attachment to a case: raw bytes, the file name URL-encoded in X-Filnavn.
  app.post<{ Params: { saksnummer: string } }>(
    '/api/v1/saker/:saksnummer/vedlegg',
    async (request, reply) => {
      if (!index.byNumber.has(request.params.saksnummer))
        return reply.code(404).send(errorBody(404, 'saken finnes ikke'));
      const received = await receiveAttachment(mock, request.body as Readable, {
        caseNumber: request.params.saksnummer,
        filename: decodeURIComponent(String(request.headers['x-filnavn'] ?? 'vedlegg')),
        contentType: String(request.headers['content-type'] ?? ''),
        declaredBytes: Number(request.headers['content-length']),
      });
      if ('error' in received) return reply.code(400).send(errorBody(400, received.error));
      return reply.code(201).send({ vedleggId: received.id });
    },
  );

  // New information from a person on the case; innsendingId makes a repeat harmless.
  app.post<{ Params: { saksnummer: string } }>(
    '/api/v1/saker/:saksnummer/innsendinger',
    async (request, reply) => {
      const parsed = submissionBody.safeParse(request.body);
      if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
      if (!index.byNumber.has(request.params.saksnummer))
        return reply.code(404).send(errorBody(404, 'saken finnes ikke'));
      const { innsendingId, melding, vedlegg, avsender, sendt } = parsed.data;
      const result = receiveSubmission(mock, index, innsendingId, {
        caseNumber: request.params.saksnummer,
        message: melding,
        attachmentIds: vedlegg,
        sender: avsender,
        sentAt: sendt,
      });
      if ('error' in result) return reply.code(400).send(errorBody(400, result.error));
      return reply.code(result.repeated ? 200 : 201).send({ kvittering: result.receipt });
    },
  );

  // Whether NPE holds a submission (new information or form answers), by the sender's innsendingId.
  app.get<{ Params: { saksnummer: string; innsendingId: string } }>(
    '/api/v1/saker/:saksnummer/innsendinger/:innsendingId',
    async (request, reply) => {
      const receipt = receiptOf(mock, request.params.saksnummer, request.params.innsendingId);
      if (!receipt) return reply.code(404).send(errorBody(404, 'innsendingen finnes ikke'));
      return { innsendingId: request.params.innsendingId, kvittering: receipt };
    },
  );

  app.get('/api/v1/skjemadefinisjoner', async () => ({
    skjema: FORM_CATALOG.npe.map((f) => ({
      kode: f.code,
      versjon: f.version,
      felter: f.fields.map((x) => ({
        nokkel: x.key,
        type: x.type,
        pakrevd: x.required,
        valg: x.options ?? null,
        maksLengde: x.maxLength ?? null,
        min: x.min ?? null,
      })),
    })),
  }));

  app.post<{ Params: { saksnummer: string; skjemaId: string } }>(
    '/api/v1/saker/:saksnummer/skjema/:skjemaId/svar',
    async (request, reply) => {
      const parsed = formAnswerBody.safeParse(request.body);
      if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
      const record = index.byNumber.get(request.params.saksnummer);
      if (!record) return reply.code(404).send(errorBody(404, 'saken finnes ikke'));
      const { innsendingId, svar, avsender, sendt } = parsed.data;
      const result = receiveSubmission(mock, index, innsendingId, {
        caseNumber: record.caseNumber,
        message: `skjema ${request.params.skjemaId}`,
        attachmentIds: [],
        sender: avsender,
        sentAt: sendt,
        form: { formId: request.params.skjemaId, answers: svar },
      });
      if ('error' in result) return reply.code(400).send(errorBody(400, result.error));
      return reply.code(result.repeated ? 200 : 201).send({ kvittering: result.receipt });
    },
  );

  // Consent to use Mi side and to receive SMS, given at first login; NPE keeps it with the person.
  app.post('/api/v1/samtykker', async (request, reply) => {
    const parsed = consentBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
    const { fodselsnummer, miSide, varsling, tidspunkt } = parsed.data;
    mock.consents.set(fodselsnummer, { portal: miSide, notifications: varsling, at: tidspunkt });
    return { registrert: true };
  });

  app.get('/api/v1/helse', async () => ({ status: 'OK', saker: index.byNumber.size }));
  return mock;
}

const nullableString = { type: 'string', nullable: true };

export const npeOpenApi = {
  openapi: '3.0.3',
  info: {
    title: 'NPE saksbehandlingssystem – API for Mi side',
    version: '1.4.0',
    description:
      'Saker, saksgang og dokumenter for skadelidte, advokater og fullmektiger. Autentisering: API-nøkkel i X-Api-Key.',
  },
  components: {
    securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    schemas: {
      Feil: { type: 'object', properties: { feilkode: { type: 'string' }, melding: { type: 'string' } } },
      Part: {
        type: 'object',
        properties: {
          rolle: { type: 'string', enum: Object.values(ROLE) },
          fodselsnummer: { type: 'string' },
          navn: { type: 'string' },
          mobil: nullableString,
          epost: nullableString,
          personligEpost: { type: 'boolean' },
          organisasjon: nullableString,
        },
      },
      Steg: {
        type: 'object',
        properties: {
          steg: { type: 'string' },
          status: { type: 'string', enum: ['FULLFORT', 'PAGAR', 'KOMMENDE', 'HOPPET_OVER'] },
          fullfort: { ...nullableString, format: 'date-time' },
          forventet: { ...nullableString, format: 'date' },
        },
      },
      Sak: {
        type: 'object',
        properties: {
          saksnummer: { type: 'string', example: '2025-00636' },
          sakstype: { type: 'string', enum: ['PASIENTSKADE', 'LEGEMIDDELSKADE', 'LEGEMIDDELFORSOK'] },
          tittel: { type: 'string' },
          saksstatus: {
            type: 'string',
            enum: [
              'VENTER_PA_BEHANDLING',
              'UNDER_BEHANDLING',
              'VEDTAK_FATTET',
              'OVERSENDT_KLAGEINSTANS',
              'AVSLUTTET',
            ],
          },
          medisinskFagomrade: { type: 'string' },
          opprettet: { type: 'string', format: 'date-time' },
          sistEndret: { type: 'string', format: 'date-time' },
          avsluttet: { ...nullableString, format: 'date-time' },
          forventetVedtaksdato: { ...nullableString, format: 'date' },
          saksbehandler: { type: 'string' },
          resultat: {
            type: 'object',
            nullable: true,
            properties: {
              kode: { type: 'string', enum: ['MEDHOLD', 'DELVIS_MEDHOLD', 'AVSLAG'] },
              vedtaksdato: { type: 'string' },
            },
          },
          klagesak: {
            type: 'object',
            nullable: true,
            properties: { instans: { type: 'string' }, saksnummer: { type: 'string' } },
          },
          saksgang: { type: 'array', items: { $ref: '#/components/schemas/Steg' } },
          parter: { type: 'array', items: { $ref: '#/components/schemas/Part' } },
        },
      },
      Dokument: {
        type: 'object',
        properties: {
          dokumentId: { type: 'string' },
          tittel: { type: 'string' },
          journalposttype: {
            type: 'string',
            enum: ['I', 'U', 'N', 'X'],
            description: 'Noark: I inngående, U utgående, N/X internt',
          },
          journaldato: { type: 'string', format: 'date' },
          kommentarfrist: { ...nullableString, format: 'date' },
          filnavn: { type: 'string' },
          mimetype: { type: 'string' },
          storrelse: { type: 'integer' },
          avsenderMottaker: {
            type: 'object',
            properties: {
              type: { type: 'string', enum: ['PERSON', 'TREDJEPART'] },
              fodselsnummer: { type: 'string' },
            },
          },
          digitalPostkasse: {
            type: 'object',
            nullable: true,
            description: 'Vedtak sendes også til innbyggerens digitale postkasse',
            properties: {
              leverandor: { type: 'string', enum: ['DIGIPOST', 'EBOKS'] },
              levert: { type: 'string', format: 'date-time' },
            },
          },
        },
      },
    },
  },
  security: [{ apiKey: [] }],
  paths: {
    '/api/v1/saker/sok': {
      post: {
        summary: 'Søk etter saker der en person har en rolle (sidevis)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['fodselsnummer'],
                properties: {
                  fodselsnummer: { type: 'string' },
                  side: { type: 'integer', minimum: 1 },
                  antallPerSide: { type: 'integer', minimum: 1, maximum: 200 },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'Treff, nyeste først: saksnummer, rolle, datoer og hva saken registrerer om personen (registrering: representert, harMobil, harEpost, personligEpost, antallAdvokater)',
          },
          '400': { description: 'Ugyldig forespørsel' },
        },
      },
    },
    '/api/v1/saker/hent': {
      post: {
        summary: 'Hent inntil 100 saker på saksnummer (ukjente utelates, rekkefølgen er ikke garantert)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { saksnumre: { type: 'array', items: { type: 'string' }, maxItems: 100 } },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Sakene',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { saker: { type: 'array', items: { $ref: '#/components/schemas/Sak' } } },
                },
              },
            },
          },
        },
      },
    },
    '/api/v1/saker/dokumentlister': {
      post: {
        summary: 'Dokumentlister for inntil 100 saker',
        responses: { '200': { description: 'Dokumentlister per sak' } },
      },
    },
    '/api/v1/dokumenter/{dokumentId}/innhold': {
      get: {
        summary: 'Dokumentets innhold (PDF)',
        parameters: [{ name: 'dokumentId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'PDF', content: { 'application/pdf': {} } },
          '404': { description: 'Finnes ikke' },
        },
      },
    },
    '/api/v1/saker/{saksnummer}/vedlegg': {
      post: {
        summary:
          'Last opp et vedlegg til saken (rå bytes; filnavnet URL-kodet i X-Filnavn; Content-Length påkrevd)',
        parameters: [
          { name: 'saksnummer', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'X-Filnavn', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/pdf': {}, 'image/jpeg': {}, 'image/png': {}, 'image/heic': {} },
        },
        responses: {
          '201': { description: 'Mottatt: { vedleggId }' },
          '400': { description: 'Ufullstendig' },
          '404': { description: 'Saken finnes ikke' },
        },
      },
    },
    '/api/v1/saker/{saksnummer}/innsendinger': {
      post: {
        summary: 'Send inn nye opplysninger (innsendingId gjør gjentak ufarlig)',
        responses: {
          '201': { description: 'Mottatt: { kvittering }' },
          '200': { description: 'Allerede mottatt' },
        },
      },
    },
    '/api/v1/skjemadefinisjoner': {
      get: {
        summary: 'Skjemaene NPE ber om (felter, typer, valg)',
        responses: { '200': { description: 'OK' } },
      },
    },
    '/api/v1/saker/{saksnummer}/innsendinger/{innsendingId}': {
      get: { summary: 'Kvitteringen for en innsending NPE har mottatt (404: ikke mottatt)' },
    },
    '/api/v1/saker/{saksnummer}/skjema/{skjemaId}/svar': {
      post: {
        summary: 'Svar på et skjema saken venter på (innsendingId gjør gjentak ufarlig)',
        responses: { '201': { description: 'Mottatt: { kvittering }' } },
      },
    },
    '/api/v1/samtykker': {
      post: {
        summary: 'Registrer samtykke til Mi side (miSide) og til varsling på SMS (varsling)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['fodselsnummer', 'miSide', 'varsling', 'tidspunkt'],
                properties: {
                  fodselsnummer: { type: 'string' },
                  miSide: { type: 'boolean' },
                  varsling: { type: 'boolean' },
                  tidspunkt: { type: 'string', format: 'date-time' },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'Registrert' } },
      },
    },
    '/api/v1/helse': { get: { summary: 'Helsesjekk', responses: { '200': { description: 'OK' } } } },
  },
};
