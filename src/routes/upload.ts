/**
 * PUT /files/uploads/:id — the one-time upload URL from createUpload. The same login that prepared the
 * upload sends the bytes; the first bytes must be what the declared type says (magic bytes, not only the
 * name or header); the body streams on to the agency with its declared length, never buffered, and a body
 * longer or shorter than declared fails the transfer instead of leaving a partial file. Audited.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { auditCaseAccess, auditRefusedLookup } from '../cases/audit.js';
import { loadCase } from '../cases/get.js';
import { parseGlobalId } from '../cases/ids.js';
import type { AuthenticatedContext } from '../context.js';
import { UpstreamError } from '../errors.js';
import { paced, TransferTooSlow } from '../files/pace.js';
import {
  authenticated,
  openTransfer,
  sendRefusal,
  unavailable,
  type ContextBuilder,
} from './route-context.js';
import { SNIFF_BYTES, sniffType, type UploadRecord } from '../files/uploads.js';

class SizeMismatch extends Error {}

/** The body, re-assembled from the bytes already read and the rest, counted against the declared size. */
async function* counted(
  head: Buffer[],
  rest: AsyncIterator<unknown>,
  declared: number,
): AsyncGenerator<Buffer> {
  let total = 0;
  for (const chunk of head) {
    total += chunk.length;
    if (total > declared) throw new SizeMismatch();
    yield chunk;
  }
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    const chunk = next.value as Buffer;
    total += chunk.length;
    if (total > declared) throw new SizeMismatch();
    yield chunk;
  }
  if (total !== declared) throw new SizeMismatch();
}

/** Reads whole chunks until at least `n` bytes are in hand (or the body ends). */
async function readHead(iterator: AsyncIterator<unknown>, n: number): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < n) {
    const next = await iterator.next();
    if (next.done) break;
    chunks.push(next.value as Buffer);
    length += (next.value as Buffer).length;
  }
  return chunks;
}

/** What the upload route itself refuses (createUpload refuses the rest before any byte is sent). */
type RouteRefusal =
  'TYPE_MISMATCH' | 'EMPTY_FILE' | 'SIZE_MISMATCH' | 'TOO_SLOW' | 'NOT_ALLOWED' | 'ALREADY_USED';

async function receive(
  context: AuthenticatedContext,
  record: UploadRecord,
  body: Readable,
  reply: FastifyReply,
) {
  const refuse = (status: number, reason: RouteRefusal) => {
    auditRefusedLookup(context.viewer, `upload:${record.id}`, reason, 'UPLOAD_ATTACHMENT');
    // The rest of the body is not read: close the connection rather than drain it.
    return sendRefusal(reply.header('connection', 'close'), status, context.lang, reason, `UPLOAD_${reason}`);
  };

  let view;
  try {
    view = await loadCase(context, record.caseId, { explicit: false });
  } catch (error) {
    if (error instanceof UpstreamError) return unavailable(reply, context, error);
    if (error instanceof GraphQLError) return refuse(403, 'NOT_ALLOWED');
    throw error;
  }
  const adapter = view && context.registry.get(view.definition.code);
  if (!view || !adapter?.uploadAttachment || !context.viewer.mayOn('case:uploadAttachment', view))
    return refuse(403, 'NOT_ALLOWED');

  const declaredLength = reply.request.headers['content-length'];
  if (declaredLength !== undefined && Number(declaredLength) !== record.sizeBytes)
    return refuse(400, 'SIZE_MISMATCH');
  const transfer = await openTransfer(context, reply);
  if (!transfer) return reply;
  // The bytes must keep coming: a sender who trickles or stalls is cut off, before and during the transfer.
  const iterator = paced(body as AsyncIterable<Buffer>, context.transfers.pace)[Symbol.asyncIterator]();
  let head: Buffer[];
  try {
    head = await readHead(iterator, SNIFF_BYTES);
  } catch (error) {
    if (error instanceof TransferTooSlow) return refuse(408, 'TOO_SLOW');
    throw error;
  }
  if (head.length === 0) return refuse(400, 'EMPTY_FILE');
  if (sniffType(Buffer.concat(head)) !== record.contentType) return refuse(400, 'TYPE_MISMATCH');

  const caseNumber = parseGlobalId(record.caseId)?.caseNumber ?? '';
  let attachmentId: string;
  const stream = Readable.from(counted(head, iterator, record.sizeBytes), { objectMode: false });
  let senderFault: 'SIZE_MISMATCH' | 'TOO_SLOW' | null = null;
  // Whatever fails on the sender's side (too much, too slow, gone) ends the agency's side as theirs.
  stream.once('error', (error) => {
    if (error instanceof SizeMismatch) senderFault = 'SIZE_MISMATCH';
    if (error instanceof TransferTooSlow) senderFault = 'TOO_SLOW';
    transfer.endForCaller(error.message);
  });
  try {
    ({ attachmentId } = await adapter.uploadAttachment(
      caseNumber,
      { filename: record.filename, contentType: record.contentType, sizeBytes: record.sizeBytes },
      stream,
      { signal: transfer.signal, correlationId: context.requestId },
    ));
  } catch (error) {
    if (senderFault) return refuse(senderFault === 'TOO_SLOW' ? 408 : 400, senderFault);
    if (error instanceof UpstreamError) return unavailable(reply, context, error);
    throw error;
  }
  await context.uploads.store.stored(record, attachmentId);
  auditCaseAccess(context.viewer, view, 'UPLOAD_ATTACHMENT', 'GRANTED', null, `upload:${record.id}`);
  return reply.code(201).send({
    id: record.id,
    filename: record.filename,
    contentType: record.contentType,
    sizeBytes: record.sizeBytes,
  });
}

export function uploadRoute(build: ContextBuilder): FastifyPluginAsync {
  return async (scope) => {
    // In this scope only: any media type reaches the handler as the raw stream, unread.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.put<{ Params: { id: string } }>('/files/uploads/:id', async (request, reply) => {
      const context = await authenticated(build, request, reply);
      if (!context) return reply;
      const record = await context.uploads.store.find(request.params.id, context.viewer.principal);
      if (!record) {
        auditRefusedLookup(context.viewer, 'upload:unknown', 'NOT_FOUND', 'UPLOAD_ATTACHMENT');
        return sendRefusal(
          reply.header('connection', 'close'),
          404,
          context.lang,
          'NOT_FOUND',
          'UPLOAD_NOT_FOUND',
        );
      }
      if (!(await context.uploads.store.claim(record.id))) {
        auditRefusedLookup(context.viewer, `upload:${record.id}`, 'ALREADY_USED', 'UPLOAD_ATTACHMENT');
        return sendRefusal(
          reply.header('connection', 'close'),
          409,
          context.lang,
          'ALREADY_USED',
          'UPLOAD_ALREADY_USED',
        );
      }
      const answered = await receive(context, record, request.body as Readable, reply);
      // A refused or failed upload may be tried again with the same URL; a stored one never.
      if (reply.statusCode !== 201) await context.uploads.store.release(record.id);
      return answered;
    });
  };
}
