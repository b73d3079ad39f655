/**
 * Mock of Helseklage's case system. Dialect: English camelCase, HTTP Basic credentials, a cursor-paged
 * search, no batch endpoint (one case per request; Noark case ids contain a slash and travel URL-encoded),
 * documents with Noark journal types including internal N/X notes, and `appealOf` naming the NPE case.
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
import { HELSEKLAGE_DECISION_STEPS } from '../seed/catalog.js';

const MOVEMENT: CaseMovement = {
  agency: 'helseklage',
  decisionSteps: HELSEKLAGE_DECISION_STEPS,
  defaultOutcome: 'UPHELD',
  forComment: { SENT_FOR_COMMENT: 'Saksdokumenter til kommentar' },
  decisionLetter: 'Vedtak',
};

const EVENT_TYPE = {
  STEP_COMPLETED: 'case.step_completed',
  DOCUMENT_ADDED: 'case.document_added',
  DECISION_MADE: 'case.decision_made',
} as const;

/** Helseklage's event: dotted English event types, Noark case numbers. */
function renderEvent(event: MockEvent) {
  return {
    eventType: EVENT_TYPE[event.kind],
    caseNumber: event.caseNumber,
    occurredAt: event.at,
    step: event.step,
    documentId: event.documentId,
  };
}

export const HELSEKLAGE_DEFAULT_CREDENTIAL = { username: 'bff', password: 'helseklage-dev-password' };

const ROLE: Record<MockRole, string> = {
  PARTY: 'complainant',
  LAWYER: 'lawyer',
  PROXY: 'proxy',
  GUARDIAN: 'guardian',
  BEREAVED: 'bereaved',
  CUSTODY_HOLDER: 'parent',
};

const STEP_STATE = { COMPLETED: 'done', CURRENT: 'active', UPCOMING: 'pending' } as const;

function caseStatus(index: AgencyIndex, record: MockCase): string {
  if (record.closedAt) return 'CLOSED';
  const current = index.currentStep(record);
  if (current === 'FORWARDED' || current === 'REGISTERED') return 'REGISTERED';
  if (current === 'IN_QUEUE') return 'QUEUED';
  if (record.outcome === 'QUASHED') return 'RETURNED';
  if (record.outcome) return 'DECIDED';
  return 'IN_PROGRESS';
}

function renderCase(index: AgencyIndex, record: MockCase) {
  return {
    caseId: record.caseNumber,
    caseType: record.caseType,
    title: record.title,
    status: caseStatus(index, record),
    firstInstance: record.subject,
    createdAt: record.createdAt,
    lastModified: record.updatedAt,
    closedAt: record.closedAt,
    expectedDecisionDate: record.expectedDecisionAt,
    caseOfficer: record.caseworker,
    appealOf: record.appealOf ? { agency: 'NPE', caseNumber: record.appealOf.caseNumber } : null,
    outcome: record.outcome ? { code: record.outcome, decidedAt: record.decidedAt } : null,
    pendingForms: awaitedForms(record).map((f) => ({ formId: f.formId, code: f.code })),
    progress: record.steps.map((s) => ({
      stepCode: s.code,
      status: STEP_STATE[s.state],
      doneAt: s.completedAt,
      expectedBy: s.expectedAt,
    })),
    parties: record.participants.map((p) => ({
      role: ROLE[p.role],
      nationalId: p.nationalId,
      fullName: p.name,
      mobilePhone: p.mobile,
      email: p.email,
      emailIsPersonal: p.emailIsPersonal,
      organization: p.organisation,
    })),
  };
}

function renderDocument(doc: MockDocument) {
  return {
    documentId: doc.id,
    title: doc.title,
    journalType: doc.journalType,
    journalDate: doc.date,
    commentDeadline: doc.commentDeadline,
    fileName: doc.fileName,
    mediaType: 'application/pdf',
    size: doc.sizeBytes,
    senderRecipient: doc.counterpartyId
      ? { kind: 'party', nationalId: doc.counterpartyId }
      : { kind: 'external' },
    digitalMailbox: doc.digitalMailbox
      ? {
          provider: doc.digitalMailbox.mailbox === 'DIGIPOST' ? 'digipost' : 'eboks',
          deliveredAt: doc.digitalMailbox.at,
        }
      : null,
  };
}

const searchBody = z.object({
  nationalId: z.string().regex(/^\d{11}$/),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(50).default(25),
});

const formAnswerBody = z.object({
  submissionId: z.string().min(8).max(100),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  sender: z.string().regex(/^\d{11}$/),
  sentAt: z.iso.datetime(),
});
const readReceiptBody = z.object({ nationalId: z.string().regex(/^\d{11}$/), readAt: z.iso.datetime() });
const submissionBody = z.object({
  submissionId: z.string().min(8).max(100),
  message: z.string().min(1).max(10_000),
  attachmentIds: z.array(z.string()).max(20),
  sender: z.string().regex(/^\d{11}$/),
  sentAt: z.iso.datetime(),
});
const consentBody = z.object({
  nationalId: z.string().regex(/^\d{11}$/),
  portal: z.boolean(),
  notifications: z.boolean(),
  timestamp: z.iso.datetime(),
});

const errorBody = (status: number, message: string) => ({
  error:
    status === 404
      ? 'NOT_FOUND'
      : status === 401
        ? 'UNAUTHORIZED'
        : status === 400
          ? 'BAD_REQUEST'
          : 'SERVER_ERROR',
  message,
});

function basicCredential(header: string | undefined): { username: string; password: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function createHelseklageMock(
  world: World,
  options: { credential?: { username: string; password: string }; faults?: Partial<Faults> } = {},
): MockAgency {
  const credential = options.credential ?? HELSEKLAGE_DEFAULT_CREDENTIAL;
  const index = new AgencyIndex(world, 'helseklage');
  const mock = createMockAgency({
    name: 'Helseklage',
    authorize: (request) => {
      const given = basicCredential(request.headers.authorization);
      return (
        given !== null &&
        constantTimeEquals(given.username, credential.username) &&
        constantTimeEquals(given.password, credential.password)
      );
    },
    openapi: helseklageOpenApi,
    faults: options.faults,
    seed: 102,
    errorBody,
    advance: caseAdvancer(index, MOVEMENT),
    renderEvent,
  });
  const { app } = mock;

  app.post('/api/case-search', async (request, reply) => {
    const parsed = searchBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
    const { nationalId, cursor, limit } = parsed.data;
    const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(start) || start < 0) return reply.code(400).send(errorBody(400, 'invalid cursor'));
    const all = index.listFor(nationalId);
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : null;
    return {
      items: page.map((listed) => {
        const registered = index.registrationOf(listed, nationalId);
        return {
          caseId: listed.record.caseNumber,
          role: ROLE[listed.role],
          createdAt: listed.record.createdAt,
          lastModified: listed.record.updatedAt,
          closedAt: listed.record.closedAt,
          // What the case registers of the person: whether contact details are there, never the details.
          registration: {
            represented: registered.represented,
            hasMobile: registered.hasMobile,
            hasEmail: registered.hasEmail,
            emailIsPersonal: registered.emailIsPersonal,
            lawyerCount: registered.lawyers,
          },
        };
      }),
      subject: { underGuardianship: index.hasGuardian(nationalId) },
      nextCursor: next,
    };
  });

  app.get<{ Params: { caseId: string } }>('/api/cases/:caseId', async (request, reply) => {
    const record = index.byNumber.get(request.params.caseId);
    if (!record) return reply.code(404).send(errorBody(404, 'case not found'));
    return renderCase(index, record);
  });

  app.get<{ Params: { caseId: string } }>('/api/cases/:caseId/documents', async (request, reply) => {
    const record = index.byNumber.get(request.params.caseId);
    if (!record) return reply.code(404).send(errorBody(404, 'case not found'));
    return { caseId: record.caseNumber, documents: record.documents.map(renderDocument) };
  });

  app.get<{ Params: { documentId: string } }>(
    '/api/documents/:documentId/content',
    async (request, reply) => {
      const found = index.documents.get(request.params.documentId);
      if (!found) return reply.code(404).send(errorBody(404, 'document not found'));
      return reply
        .type('application/pdf')
        .header('content-length', documentSize(found.record, found.doc))
        .send(documentStream(found.record, found.doc));
    },
  );

  // An attachment to a case: raw bytes, the file name URL-encoded in X-File-Name.
  app.post<{ Params: { caseId: string } }>('/api/cases/:caseId/attachments', async (request, reply) => {
    if (!index.byNumber.has(request.params.caseId))
      return reply.code(404).send(errorBody(404, 'case not found'));
    const received = await receiveAttachment(mock, request.body as Readable, {
      caseNumber: request.params.caseId,
      filename: decodeURIComponent(String(request.headers['x-file-name'] ?? 'attachment')),
      contentType: String(request.headers['content-type'] ?? ''),
      declaredBytes: Number(request.headers['content-length']),
    });
    if ('error' in received) return reply.code(400).send(errorBody(400, received.error));
    return reply.code(201).send({ attachmentId: received.id });
  });

  // New information from a person on the case; submissionId makes a repeat harmless.
  app.post<{ Params: { caseId: string } }>('/api/cases/:caseId/submissions', async (request, reply) => {
    const parsed = submissionBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
    if (!index.byNumber.has(request.params.caseId))
      return reply.code(404).send(errorBody(404, 'case not found'));
    const { submissionId, message, attachmentIds, sender, sentAt } = parsed.data;
    const result = receiveSubmission(mock, index, submissionId, {
      caseNumber: request.params.caseId,
      message,
      attachmentIds,
      sender,
      sentAt,
    });
    if ('error' in result) return reply.code(400).send(errorBody(400, result.error));
    return reply.code(result.repeated ? 200 : 201).send({ receiptId: result.receipt });
  });

  // Whether Helseklage holds a submission (information or form answers), by the sender's submissionId.
  app.get<{ Params: { caseId: string; submissionId: string } }>(
    '/api/cases/:caseId/submissions/:submissionId',
    async (request, reply) => {
      const receipt = receiptOf(mock, request.params.caseId, request.params.submissionId);
      if (!receipt) return reply.code(404).send(errorBody(404, 'submission not found'));
      return { submissionId: request.params.submissionId, receiptId: receipt };
    },
  );

  app.get('/api/form-definitions', async () => ({
    forms: FORM_CATALOG.helseklage.map((f) => ({
      code: f.code,
      version: f.version,
      fields: f.fields.map((x) => ({
        key: x.key,
        type: x.type,
        required: x.required,
        options: x.options ?? null,
        maxLength: x.maxLength ?? null,
        min: x.min ?? null,
      })),
    })),
  }));

  app.post<{ Params: { caseId: string; formId: string } }>(
    '/api/cases/:caseId/forms/:formId/answers',
    async (request, reply) => {
      const parsed = formAnswerBody.safeParse(request.body);
      if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
      if (!index.byNumber.has(request.params.caseId))
        return reply.code(404).send(errorBody(404, 'case not found'));
      const { submissionId, answers, sender, sentAt } = parsed.data;
      const result = receiveSubmission(mock, index, submissionId, {
        caseNumber: request.params.caseId,
        message: `form ${request.params.formId}`,
        attachmentIds: [],
        sender,
        sentAt,
        form: { formId: request.params.formId, answers },
      });
      if ('error' in result) return reply.code(400).send(errorBody(400, result.error));
      return reply.code(result.repeated ? 200 : 201).send({ receiptId: result.receipt });
    },
  );

  // A read receipt: the party or representative opened the document in Min side.
  app.post<{ Params: { documentId: string } }>(
    '/api/documents/:documentId/read-receipts',
    async (request, reply) => {
      const parsed = readReceiptBody.safeParse(request.body);
      if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
      if (!index.documents.has(request.params.documentId))
        return reply.code(404).send(errorBody(404, 'document not found'));
      mock.readReceipts.set(`${request.params.documentId}|${parsed.data.nationalId}`, parsed.data.readAt);
      return reply.code(204).send();
    },
  );

  // Consent to use Min side and to receive notifications.
  app.put('/api/consents', async (request, reply) => {
    const parsed = consentBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(errorBody(400, z.prettifyError(parsed.error)));
    const { nationalId, portal, notifications, timestamp } = parsed.data;
    mock.consents.set(nationalId, { portal, notifications, at: timestamp });
    return { status: 'RECORDED' };
  });

  app.get('/api/health', async () => ({ status: 'UP' }));
  return mock;
}

const nullable = (type: string, format?: string) => ({ type, nullable: true, ...(format ? { format } : {}) });

export const helseklageOpenApi = {
  openapi: '3.0.3',
  info: {
    title: 'Helseklage case management – Min side API',
    version: '2.1.0',
    description:
      'Cases, progress and documents for parties and representatives. Authentication: HTTP Basic. One case per request; case ids are Noark case numbers (year/sequence) and must be URL-encoded in paths.',
  },
  components: {
    securitySchemes: { basic: { type: 'http', scheme: 'basic' } },
    schemas: {
      Error: { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' } } },
      Party: {
        type: 'object',
        properties: {
          role: { type: 'string', enum: Object.values(ROLE) },
          nationalId: { type: 'string' },
          fullName: { type: 'string' },
          mobilePhone: nullable('string'),
          email: nullable('string'),
          emailIsPersonal: { type: 'boolean' },
          organization: nullable('string'),
        },
      },
      Case: {
        type: 'object',
        properties: {
          caseId: { type: 'string', example: '2026/00332' },
          caseType: { type: 'string', example: 'PSN_ANSVAR' },
          title: { type: 'string' },
          status: {
            type: 'string',
            enum: ['REGISTERED', 'QUEUED', 'IN_PROGRESS', 'DECIDED', 'RETURNED', 'CLOSED'],
          },
          firstInstance: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          lastModified: { type: 'string', format: 'date-time' },
          closedAt: nullable('string', 'date-time'),
          expectedDecisionDate: nullable('string', 'date'),
          caseOfficer: { type: 'string' },
          appealOf: {
            type: 'object',
            nullable: true,
            properties: { agency: { type: 'string' }, caseNumber: { type: 'string' } },
          },
          outcome: {
            type: 'object',
            nullable: true,
            properties: {
              code: {
                type: 'string',
                enum: ['UPHELD', 'REVERSED', 'PARTLY_REVERSED', 'QUASHED', 'DISMISSED'],
              },
              decidedAt: { type: 'string', format: 'date-time' },
            },
          },
          progress: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                stepCode: { type: 'string' },
                status: { type: 'string', enum: ['done', 'active', 'pending'] },
                doneAt: nullable('string', 'date-time'),
                expectedBy: nullable('string', 'date'),
              },
            },
          },
          parties: { type: 'array', items: { $ref: '#/components/schemas/Party' } },
        },
      },
      Document: {
        type: 'object',
        properties: {
          documentId: { type: 'string' },
          title: { type: 'string' },
          journalType: {
            type: 'string',
            enum: ['I', 'U', 'N', 'X'],
            description: 'Noark journal type; N and X are internal',
          },
          journalDate: { type: 'string', format: 'date' },
          commentDeadline: nullable('string', 'date'),
          fileName: { type: 'string' },
          mediaType: { type: 'string' },
          size: { type: 'integer' },
          senderRecipient: {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: ['party', 'external'] },
              nationalId: { type: 'string' },
            },
          },
          digitalMailbox: {
            type: 'object',
            nullable: true,
            description: 'Decisions also go to the person’s digital mailbox',
            properties: {
              provider: { type: 'string', enum: ['digipost', 'eboks'] },
              deliveredAt: { type: 'string', format: 'date-time' },
            },
          },
        },
      },
    },
  },
  security: [{ basic: [] }],
  paths: {
    '/api/case-search': {
      post: {
        summary: "A person's cases, newest first, cursor-paged (limit ≤ 50)",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['nationalId'],
                properties: {
                  nationalId: { type: 'string' },
                  cursor: { type: 'string' },
                  limit: { type: 'integer', maximum: 50 },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'A page of case references, each with what the case registers of the person (registration: represented, hasMobile, hasEmail, emailIsPersonal, lawyerCount)',
          },
        },
      },
    },
    '/api/cases/{caseId}': {
      get: {
        summary: 'One case',
        parameters: [{ name: 'caseId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'The case',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } },
          },
          '404': { description: 'No such case' },
        },
      },
    },
    '/api/cases/{caseId}/documents': {
      get: {
        summary: "A case's journal (all journal types)",
        parameters: [{ name: 'caseId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'Documents' }, '404': { description: 'No such case' } },
      },
    },
    '/api/documents/{documentId}/content': {
      get: {
        summary: 'Document content (PDF)',
        parameters: [{ name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'PDF', content: { 'application/pdf': {} } } },
      },
    },
    '/api/cases/{caseId}/attachments': {
      post: {
        summary:
          'Upload an attachment to a case (raw bytes; file name URL-encoded in X-File-Name; Content-Length required)',
        parameters: [
          { name: 'caseId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'X-File-Name', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/pdf': {}, 'image/jpeg': {}, 'image/png': {}, 'image/heic': {} },
        },
        responses: {
          '201': { description: 'Received: { attachmentId }' },
          '400': { description: 'Incomplete' },
          '404': { description: 'No such case' },
        },
      },
    },
    '/api/cases/{caseId}/submissions/{submissionId}': {
      get: {
        summary: 'The receipt of a submission Helseklage received: { submissionId, receiptId } (404: none)',
      },
    },
    '/api/cases/{caseId}/submissions': {
      post: {
        summary: 'Send new information (submissionId makes a repeat harmless)',
        responses: {
          '201': { description: 'Received: { receiptId }' },
          '200': { description: 'Already received' },
        },
      },
    },
    '/api/form-definitions': {
      get: {
        summary: 'The forms Helseklage asks for (fields, types, options)',
        responses: { '200': { description: 'OK' } },
      },
    },
    '/api/cases/{caseId}/forms/{formId}/answers': {
      post: {
        summary: 'Answer a form the case awaits (submissionId makes a repeat harmless)',
        responses: { '201': { description: 'Received: { receiptId }' } },
      },
    },
    '/api/documents/{documentId}/read-receipts': {
      post: {
        summary: 'Record that a person opened a document',
        responses: { '204': { description: 'Recorded' } },
      },
    },
    '/api/consents': {
      put: {
        summary: 'Record consent to use Min side (portal) and to receive notifications',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['nationalId', 'portal', 'notifications', 'timestamp'],
                properties: {
                  nationalId: { type: 'string' },
                  portal: { type: 'boolean' },
                  notifications: { type: 'boolean' },
                  timestamp: { type: 'string', format: 'date-time' },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'Recorded' } },
      },
    },
    '/api/health': { get: { summary: 'Health', responses: { '200': { description: 'UP' } } } },
  },
};
