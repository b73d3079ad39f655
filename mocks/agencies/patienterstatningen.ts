/**
 * Mock of Patienterstatningen's case system (Denmark's patient compensation association). Dialect: a REST
 * API in English snake_case with an `Authorization: ApiKey …` header; lists are bare JSON arrays paged by
 * RFC 8288 `Link` headers (`rel="next"`); the person searched for goes in an `X-CPR` header, never in a
 * URL; one claim per request (no batch endpoint), each with an `ETag` honouring `If-None-Match`; writes
 * carry an `Idempotency-Key` header; events are CloudEvents-like (`claim.step.completed` …).
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AgencyCode, MockCase, MockDocument, MockRole, World } from '../seed/model.js';
import { PATIENTERSTATNINGEN_DECISION_STEPS } from '../seed/catalog.js';
import { receiveAttachment } from './attachments.js';
import { documentSize, documentStream } from './documents.js';
import { caseAdvancer, type CaseMovement, type MockEvent } from './events.js';
import { awaitedForms, FORM_CATALOG } from './forms.js';
import {
  constantTimeEquals,
  createMockAgency,
  type Faults,
  type MockAgency,
  type MockSubmission,
} from './harness.js';
import { AgencyIndex } from './index.js';
import { receiptOf, receiveSubmission } from './submissions.js';

export const PATIENTERSTATNINGEN_DEFAULT_API_KEY = 'patienterstatningen-dev-api-key';

const ROLE: Record<MockRole, string> = {
  PARTY: 'claimant',
  LAWYER: 'attorney',
  PROXY: 'representative',
  GUARDIAN: 'guardian',
  BEREAVED: 'surviving_relative',
  CUSTODY_HOLDER: 'parental_authority',
};

const STEP_STATE = { COMPLETED: 'done', CURRENT: 'active', UPCOMING: 'pending' } as const;
const DIRECTION = { I: 'received', U: 'sent', N: 'internal', X: 'internal' } as const;
/** The appeals board whose secretariat an agency is, as this dialect names it. */
const APPEAL_BODY: Partial<Record<AgencyCode, string>> = { stpk: 'ANKENAEVNET_FOR_PATIENTERSTATNINGEN' };
/** The largest page the API serves, whatever is asked: clients must follow the Link headers. */
const MAX_PER_PAGE = 10;

function renderCase(record: MockCase) {
  return {
    claim_number: record.caseNumber,
    claim_type: record.caseType,
    heading: record.title,
    created_at: record.createdAt,
    modified_at: record.updatedAt,
    closed_at: record.closedAt,
    expected_decision_on: record.expectedDecisionAt,
    case_officer: record.caseworker,
    treatment_place: record.subject,
    decision: record.outcome ? { result: record.outcome, decided_at: record.decidedAt } : null,
    appeal:
      record.appealedTo && APPEAL_BODY[record.appealedTo.agency]
        ? { body: APPEAL_BODY[record.appealedTo.agency], reference: record.appealedTo.caseNumber }
        : null,
    open_forms: awaitedForms(record).map((f) => ({ id: f.formId, form: f.code })),
    milestones: record.steps.map((s) => ({
      key: s.code,
      status: STEP_STATE[s.state],
      done_at: s.completedAt,
      due_on: s.expectedAt,
    })),
    people: record.participants.map((p) => ({
      relation: ROLE[p.role],
      cpr: p.nationalId,
      full_name: p.name,
      phone: p.mobile,
      email: p.email,
      firm: p.organisation,
    })),
  };
}

function renderDocument(doc: MockDocument) {
  return {
    document_id: doc.id,
    heading: doc.title,
    flow: DIRECTION[doc.journalType],
    dated: doc.date,
    reply_by: doc.commentDeadline,
    file_name: doc.fileName,
    media_type: 'application/pdf',
    bytes: doc.sizeBytes,
    person_cpr: doc.counterpartyId,
    digital_post_delivered_at: doc.digitalMailbox?.at ?? null,
  };
}

const MOVEMENT: CaseMovement = {
  agency: 'patienterstatningen',
  decisionSteps: PATIENTERSTATNINGEN_DECISION_STEPS,
  defaultOutcome: 'ANERKENDT',
  forComment: { PARTSHOERING: 'Partshøring over sagens oplysninger' },
  decisionLetter: 'Afgørelse',
};

const EVENT_TYPE = {
  STEP_COMPLETED: 'claim.step.completed',
  DOCUMENT_ADDED: 'claim.document.created',
  DECISION_MADE: 'claim.decision.made',
} as const;

/** Patienterstatningen's event, shaped like a CloudEvent. */
function renderEvent(event: MockEvent) {
  return {
    specversion: '1.0',
    type: EVENT_TYPE[event.kind],
    source: 'urn:patienterstatningen:claims',
    subject: event.caseNumber,
    time: event.at,
    data: { step: event.step, document_id: event.documentId },
  };
}

const errorBody = (status: number, message: string) => ({
  type: `https://api.patienterstatningen.dk/problems/${status}`,
  title: message,
  status,
});

const paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .default(MAX_PER_PAGE)
    .transform((n) => Math.min(n, MAX_PER_PAGE)),
});

/** Answers one page of `items` with RFC 8288 links to the next and last pages. */
function sendPage<T>(request: FastifyRequest, reply: FastifyReply, items: readonly T[]) {
  const parsed = paging.safeParse(request.query);
  if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
  const { page, per_page: perPage } = parsed.data;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const link = (n: number, rel: string) => {
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(perPage));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links = [...(page < last ? [link(page + 1, 'next')] : []), link(last, 'last')];
  return reply.header('link', links.join(', ')).send(items.slice((page - 1) * perPage, page * perPage));
}

/** Answers `body` with a strong ETag, or 304 when the client already holds that version. */
function sendTagged(request: FastifyRequest, reply: FastifyReply, body: unknown) {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
  reply.header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(body);
}

const idempotencyKey = z.string().min(8).max(200);

const messageBody = z.object({
  text: z.string().min(1).max(20_000),
  file_ids: z.array(z.string()).max(20).default([]),
  sender_cpr: z.string().regex(/^\d{10}$/),
  sent_at: z.iso.datetime(),
});

const answersBody = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  sender_cpr: z.string().regex(/^\d{10}$/),
  sent_at: z.iso.datetime(),
});

export function createPatienterstatningenMock(
  world: World,
  options: { apiKey?: string; faults?: Partial<Faults> } = {},
): MockAgency {
  const apiKey = options.apiKey ?? PATIENTERSTATNINGEN_DEFAULT_API_KEY;
  const index = new AgencyIndex(world, 'patienterstatningen');
  const mock = createMockAgency({
    name: 'Patienterstatningen',
    authorize: (request) => constantTimeEquals(request.headers.authorization, `ApiKey ${apiKey}`),
    openapi: patienterstatningenOpenApi,
    faults: options.faults,
    seed: 104,
    errorBody,
    advance: caseAdvancer(index, MOVEMENT),
    renderEvent,
  });
  const { app } = mock;

  app.get('/v2/claims', async (request, reply) => {
    const cpr = request.headers['x-cpr'];
    if (typeof cpr !== 'string' || !/^\d{10}$/.test(cpr))
      return reply.code(400).send(errorBody(400, 'X-CPR header: ten digits'));
    return sendPage(
      request,
      reply,
      index.listFor(cpr).map(({ record, role }) => ({
        claim_number: record.caseNumber,
        relation: ROLE[role],
        created_at: record.createdAt,
        modified_at: record.updatedAt,
        closed_at: record.closedAt,
      })),
    );
  });

  app.get<{ Params: { claim: string } }>('/v2/claims/:claim', async (request, reply) => {
    const record = index.byNumber.get(request.params.claim);
    if (!record) return reply.code(404).send(errorBody(404, 'no such claim'));
    return sendTagged(request, reply, renderCase(record));
  });

  app.get<{ Params: { claim: string } }>('/v2/claims/:claim/documents', async (request, reply) => {
    const record = index.byNumber.get(request.params.claim);
    if (!record) return reply.code(404).send(errorBody(404, 'no such claim'));
    return sendPage(request, reply, record.documents.map(renderDocument));
  });

  app.get<{ Params: { document: string } }>('/v2/documents/:document/content', async (request, reply) => {
    const found = index.documents.get(request.params.document);
    if (!found) return reply.code(404).send(errorBody(404, 'no such document'));
    return reply
      .type('application/pdf')
      .header('content-length', documentSize(found.record, found.doc))
      .send(documentStream(found.record, found.doc));
  });

  // A file for a claim: raw bytes, its name in Content-Disposition (RFC 6266 `filename*`).
  app.post<{ Params: { claim: string } }>('/v2/claims/:claim/files', async (request, reply) => {
    if (!index.byNumber.has(request.params.claim))
      return reply.code(404).send(errorBody(404, 'no such claim'));
    const disposition = String(request.headers['content-disposition'] ?? '');
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const received = await receiveAttachment(mock, request.body as Readable, {
      caseNumber: request.params.claim,
      filename: encoded ? decodeURIComponent(encoded) : 'file',
      contentType: String(request.headers['content-type'] ?? ''),
      declaredBytes: Number(request.headers['content-length']),
    });
    if ('error' in received) return reply.code(400).send(errorBody(400, received.error));
    return reply.code(201).send({ file_id: received.id });
  });

  /** A write that the Idempotency-Key makes harmless to repeat: a message, or a form's answers. */
  function receiveWrite<S extends z.ZodType>(
    schema: S,
    toSubmission: (
      body: z.infer<S>,
      params: { claim: string; form?: string },
    ) => Omit<MockSubmission, 'caseNumber' | 'receipt' | 'received'>,
  ) {
    return async (
      request: FastifyRequest<{ Params: { claim: string; form?: string } }>,
      reply: FastifyReply,
    ) => {
      const key = idempotencyKey.safeParse(request.headers['idempotency-key']);
      const parsed = schema.safeParse(request.body);
      if (!key.success) return reply.code(400).send(errorBody(400, 'Idempotency-Key header required'));
      if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
      if (!index.byNumber.has(request.params.claim))
        return reply.code(404).send(errorBody(404, 'no such claim'));
      const result = receiveSubmission(mock, index, key.data, {
        caseNumber: request.params.claim,
        ...toSubmission(parsed.data, request.params),
      });
      if ('error' in result) return reply.code(422).send(errorBody(422, result.error));
      return reply.code(result.repeated ? 200 : 201).send({ message_id: result.receipt });
    };
  }

  // A message to the case officer, with files already uploaded.
  app.post(
    '/v2/claims/:claim/messages',
    receiveWrite(messageBody, (body) => ({
      message: body.text,
      attachmentIds: body.file_ids,
      sender: body.sender_cpr,
      sentAt: body.sent_at,
    })),
  );

  app.post(
    '/v2/claims/:claim/forms/:form/answers',
    receiveWrite(answersBody, (body, params) => ({
      message: `form ${params.form}`,
      attachmentIds: [],
      sender: body.sender_cpr,
      sentAt: body.sent_at,
      form: { formId: params.form ?? '', answers: body.answers },
    })),
  );

  // What became of a write, by the Idempotency-Key it was sent with (404: nothing was recorded).
  app.get<{ Params: { claim: string; key: string } }>(
    '/v2/claims/:claim/receipts/:key',
    async (request, reply) => {
      const receipt = receiptOf(mock, request.params.claim, request.params.key);
      if (!receipt) return reply.code(404).send(errorBody(404, 'no write with this idempotency key'));
      return { message_id: receipt };
    },
  );

  app.get('/v2/forms', async (request, reply) =>
    sendTagged(request, reply, {
      forms: FORM_CATALOG.patienterstatningen.map((f) => ({
        code: f.code,
        revision: f.version,
        inputs: f.fields.map((x) => ({
          name: x.key,
          kind: x.type.toLowerCase(),
          mandatory: x.required,
          choices: x.options ?? [],
          max_length: x.maxLength ?? null,
          minimum: x.min ?? null,
        })),
      })),
    }),
  );

  app.get('/v2/ping', async () => ({ status: 'up' }));
  return mock;
}

const paged = [
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
  {
    name: 'per_page',
    in: 'query',
    description: `at most ${MAX_PER_PAGE} are served`,
    schema: { type: 'integer' },
  },
];
const linkHeader = {
  Link: { description: 'RFC 8288 links: rel="next" (when there is more) and rel="last"' },
};
const idempotency = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  schema: { type: 'string', minLength: 8 },
};

export const patienterstatningenOpenApi = {
  openapi: '3.0.3',
  info: {
    title: 'Patienterstatningen – claims API',
    version: '2.0.0',
    description:
      'Claims, milestones and documents for "Min sag". Authentication: `Authorization: ApiKey <key>`. Lists are paged by `Link` headers; single resources carry an `ETag`.',
  },
  components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'Authorization' } } },
  security: [{ apiKey: [] }],
  paths: {
    '/v2/claims': {
      get: {
        summary: 'Claims on which the person in X-CPR has a relation, newest activity first',
        parameters: [{ name: 'X-CPR', in: 'header', required: true, schema: { type: 'string' } }, ...paged],
        responses: { '200': { description: 'One page of claims', headers: linkHeader } },
      },
    },
    '/v2/claims/{claim}': {
      get: {
        summary: 'One claim (ETag; If-None-Match answers 304)',
        parameters: [{ name: 'claim', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The claim' }, '304': { description: 'Unchanged' } },
      },
    },
    '/v2/claims/{claim}/documents': {
      get: {
        summary: "The claim's documents",
        parameters: [{ name: 'claim', in: 'path', required: true, schema: { type: 'string' } }, ...paged],
        responses: { '200': { description: 'One page of documents', headers: linkHeader } },
      },
    },
    '/v2/documents/{document}/content': {
      get: {
        summary: 'The document (PDF)',
        parameters: [{ name: 'document', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'PDF', content: { 'application/pdf': {} } } },
      },
    },
    '/v2/claims/{claim}/files': {
      post: {
        summary:
          "A file for the claim: raw bytes, Content-Length required, name in Content-Disposition's filename*",
        responses: { '201': { description: '{ file_id }' } },
      },
    },
    '/v2/claims/{claim}/receipts/{key}': {
      get: {
        summary: 'What a write with this Idempotency-Key became: { message_id } (404: nothing recorded)',
      },
    },
    '/v2/claims/{claim}/messages': {
      post: {
        summary: 'A message to the case officer, with files already uploaded',
        parameters: [idempotency],
        responses: { '201': { description: '{ message_id }' }, '200': { description: 'Already received' } },
      },
    },
    '/v2/claims/{claim}/forms/{form}/answers': {
      post: {
        summary: 'Answers to a form the claim awaits',
        parameters: [idempotency],
        responses: { '201': { description: '{ message_id }' }, '200': { description: 'Already received' } },
      },
    },
    '/v2/forms': {
      get: {
        summary: 'The forms Patienterstatningen asks for (ETag)',
        responses: { '200': { description: 'OK' } },
      },
    },
    '/v2/ping': { get: { summary: 'Health', responses: { '200': { description: 'up' } } } },
  },
};
