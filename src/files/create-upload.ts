/** createUpload: every check that needs no bytes, then a sealed upload record and its one-time URL. */
import { agencyDown, caseToActOn } from '../cases/act-on.js';
import { auditCaseAccess, auditRefusedLookup } from '../cases/audit.js';
import type { ViewerRequest } from '../access/viewer.js';
import type { UserError } from '../errors.js';
import { say } from '../messages.js';
import { isAllowedUploadType, safeFilename, type UploadRecord, type UploadStore } from './uploads.js';

/** A file the person is about to upload to a case, as they describe it before sending any bytes. */
export interface UploadToCreate {
  caseId: string;
  contentType: string;
  filename: string;
  sizeBytes: number;
}

export interface CreateUploadResult {
  upload: (Omit<UploadRecord, 'owner' | 'caseId' | 'createdAt' | 'attachmentId'> & { url: string }) | null;
  errors: UserError[];
}

const refused = (error: UserError): CreateUploadResult => ({ upload: null, errors: [error] });

export async function createUpload(
  context: ViewerRequest & { uploads: { store: UploadStore; maxBytes: number; publicUrl: string } },
  input: UploadToCreate,
): Promise<CreateUploadResult> {
  const refuse = (error: UserError) => {
    auditRefusedLookup(
      context.viewer,
      `upload:${input.caseId.slice(0, 80)}`,
      error.reason ?? error.code,
      'CREATE_UPLOAD',
    );
    return refused(error);
  };
  if (!isAllowedUploadType(input.contentType)) {
    return refuse({
      code: 'BAD_USER_INPUT',
      reason: 'TYPE_NOT_ALLOWED',
      field: ['input', 'contentType'],
      message: say(context.lang, 'UPLOAD_TYPE_NOT_ALLOWED'),
    });
  }
  if (input.sizeBytes <= 0) {
    return refuse({
      code: 'BAD_USER_INPUT',
      reason: 'EMPTY_FILE',
      field: ['input', 'sizeBytes'],
      message: say(context.lang, 'UPLOAD_EMPTY_FILE'),
    });
  }
  if (input.sizeBytes > context.uploads.maxBytes) {
    return refuse({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_LARGE',
      field: ['input', 'sizeBytes'],
      message: say(context.lang, 'UPLOAD_TOO_LARGE', {
        mb: Math.floor(context.uploads.maxBytes / 1024 / 1024),
      }),
    });
  }
  const filename = safeFilename(input.filename, input.contentType);
  if (!filename) {
    return refuse({
      code: 'BAD_USER_INPUT',
      reason: 'BAD_FILENAME',
      field: ['input', 'filename'],
      message: say(context.lang, 'UPLOAD_BAD_FILENAME'),
    });
  }

  const target = await caseToActOn(context, input.caseId);
  if ('agencyDown' in target) return refused(agencyDown(context, target.agencyDown));
  if ('error' in target) return refused(target.error);
  const { view } = target;
  if (!context.viewer.mayOn('case:uploadAttachment', view)) {
    auditCaseAccess(context.viewer, view, 'CREATE_UPLOAD', 'DENIED', 'NOT_ALLOWED');
    return refused({
      code: 'FORBIDDEN',
      reason: 'NOT_ALLOWED',
      field: ['input', 'caseId'],
      message: say(context.lang, 'UPLOAD_NOT_ALLOWED'),
    });
  }

  const record = await context.uploads.store.create(context.viewer.principal, {
    caseId: input.caseId,
    filename,
    contentType: input.contentType,
    sizeBytes: input.sizeBytes,
  });
  auditCaseAccess(context.viewer, view, 'CREATE_UPLOAD', 'GRANTED', null, `upload:${record.id}`);
  return {
    upload: {
      id: record.id,
      url: `${context.uploads.publicUrl}/files/uploads/${record.id}`,
      expiresAt: record.expiresAt,
      filename: record.filename,
      contentType: record.contentType,
      sizeBytes: record.sizeBytes,
    },
    errors: [],
  };
}
