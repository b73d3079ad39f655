/** submitInformation: checks the input, claims the idempotency key, records, and delivers (or queues). */
import { caseToActOn } from '../cases/act-on.js';
import { randomBytes } from 'node:crypto';
import { auditCaseAccess } from '../cases/audit.js';
import type { ViewerRequest } from '../access/viewer.js';
import type { UserError } from '../errors.js';
import type { UploadStore } from '../files/uploads.js';
import type { SubmissionDelivery } from './delivery.js';
import type { CaseView } from '../cases/views.js';
import { say } from '../messages.js';
import {
  senderOf,
  type Idempotency,
  type KeptSubmission,
  type SubmissionRecord,
  type SubmissionRecords,
} from './records.js';

/** What sending takes of a request: the viewer's, and the submissions' records and outbox and the uploads. */
export interface SubmitRequest extends ViewerRequest {
  submissions: { records: SubmissionRecords; delivery: SubmissionDelivery };
  uploads: { store: UploadStore };
}

/** New information for a case, as the person sends it. */
export interface InformationToSend {
  caseId: string;
  message: string;
  /** Chosen by the client once per submission: a repeat with the same input returns the first result. */
  idempotencyKey: string;
  uploadIds?: readonly string[] | null;
}

export interface SubmitResult {
  submission: SubmissionRecord | null;
  errors: UserError[];
}

export const refused = (error: UserError): SubmitResult => ({ submission: null, errors: [error] });
const MAX_MESSAGE = 5_000;
const MAX_ATTACHMENTS = 10;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

export async function submitInformation(
  context: SubmitRequest,
  input: InformationToSend,
): Promise<SubmitResult> {
  const message = input.message.trim();
  if (!message || message.length > MAX_MESSAGE) {
    return refused({
      code: 'BAD_USER_INPUT',
      reason: 'MESSAGE_LENGTH',
      field: ['input', 'message'],
      message: say(context.lang, 'MESSAGE_LENGTH', { max: MAX_MESSAGE }),
    });
  }
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    return refused({
      code: 'BAD_USER_INPUT',
      reason: 'BAD_IDEMPOTENCY_KEY',
      field: ['input', 'idempotencyKey'],
      message: say(context.lang, 'BAD_IDEMPOTENCY_KEY'),
    });
  }
  const uploadIds = [...new Set(input.uploadIds ?? [])];
  if (uploadIds.length > MAX_ATTACHMENTS) {
    return refused({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_ATTACHMENTS',
      field: ['input', 'uploadIds'],
      message: say(context.lang, 'TOO_MANY_ATTACHMENTS', { max: MAX_ATTACHMENTS }),
    });
  }

  const idempotency = {
    key: input.idempotencyKey,
    fingerprint: context.submissions.records.fingerprint({
      caseId: input.caseId,
      kind: 'INFORMATION',
      message,
      uploadIds,
    }),
  };
  const repeated = await replay(context, idempotency);
  if (repeated) return repeated;

  // When the agency is down the case cannot be checked now: the submission is kept, and the sender's rights
  // are decided when it is delivered (delivery.ts), so nothing reaches the agency unchecked.
  const target = await caseToActOn(context, input.caseId);
  if ('error' in target) return refused(target.error);
  const view = 'view' in target ? target.view : null;
  if (view && !context.viewer.mayOn('case:submitInformation', view)) {
    auditCaseAccess(context.viewer, view, 'SUBMIT_INFORMATION', 'DENIED', 'NOT_ALLOWED');
    return refused({
      code: 'FORBIDDEN',
      reason: 'NOT_ALLOWED',
      field: ['input', 'caseId'],
      message: say(context.lang, 'CANNOT_SEND_INFORMATION'),
    });
  }

  const attachmentIds: string[] = [];
  for (const [i, id] of uploadIds.entries()) {
    const upload = await context.uploads.store.find(id, context.viewer.principal);
    if (!upload || upload.caseId !== input.caseId || !upload.attachmentId) {
      return refused({
        code: 'BAD_USER_INPUT',
        reason: 'UPLOAD_NOT_READY',
        field: ['input', 'uploadIds', String(i)],
        message: say(context.lang, 'ATTACHMENT_NOT_UPLOADED'),
      });
    }
    attachmentIds.push(upload.attachmentId);
  }

  return accept(
    context,
    view ?? null,
    { caseId: input.caseId, kind: 'INFORMATION', message, attachmentIds, formId: null, answers: null },
    idempotency,
  );
}

/**
 * A request sent again under a key already used — a client that did not hear the answer — is answered from
 * the record, before anything that may have changed since (the agency, the uploads) is looked at again.
 */
export async function replay(context: SubmitRequest, idempotency: Idempotency): Promise<SubmitResult | null> {
  const { records } = context.submissions;
  const kept = await records.byKey(records.owner(context.viewer.principal), idempotency.key);
  return kept && answerRepeat(context, kept, idempotency);
}

/** The earlier submission when the request is the same; a refusal when the key is reused for another one. */
function answerRepeat(context: SubmitRequest, kept: KeptSubmission, idempotency: Idempotency): SubmitResult {
  if (kept.fingerprint === idempotency.fingerprint) return { submission: kept.record, errors: [] };
  return refused({
    code: 'BAD_USER_INPUT',
    reason: 'IDEMPOTENCY_KEY_REUSED',
    field: ['input', 'idempotencyKey'],
    message: say(context.lang, 'IDEMPOTENCY_KEY_REUSED'),
  });
}

/**
 * Records the submission under the person's idempotency key — one row, written before any attempt — then
 * makes the first attempt. A key taken meanwhile (the same request sent twice at once) answers as a repeat;
 * nothing is written twice.
 */
export async function accept(
  context: SubmitRequest,
  view: CaseView | null,
  draft: Pick<SubmissionRecord, 'caseId' | 'kind' | 'message' | 'attachmentIds' | 'formId' | 'answers'>,
  idempotency: Idempotency,
): Promise<SubmitResult> {
  const { records, delivery } = context.submissions;
  const accepted = await delivery.accept(
    {
      ...draft,
      id: randomBytes(16).toString('base64url'),
      owner: records.owner(context.viewer.principal),
      ...senderOf(context.viewer.principal),
      createdAt: new Date().toISOString(),
      state: 'PENDING',
      attempts: 0,
      deliveredAt: null,
      failureReason: null,
      receipt: null,
    },
    idempotency,
  );
  if (!accepted.created) return answerRepeat(context, accepted, idempotency);
  const { record } = accepted;
  const action = draft.kind === 'FORM' ? 'SUBMIT_FORM' : 'SUBMIT_INFORMATION';
  if (view) auditCaseAccess(context.viewer, view, action, 'GRANTED', null, `submission:${record.id}`);
  else
    context.viewer.audit({
      action,
      outcome: 'GRANTED',
      object: `submission:${record.id}`,
      caseId: draft.caseId,
      reason: 'AGENCY_DOWN_VERIFIED_AT_DELIVERY',
    });
  return { submission: await delivery.deliverFirst(record), errors: [] };
}
