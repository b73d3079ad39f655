/**
 * GET /files/documents/:link — streams one document from its agency to the person the link was made for.
 * The access policy is decided again at download time (a link outlives nothing: consent withdrawn or a
 * case closed since the link was made refuses it). Every refusal — expired, forged, someone else's,
 * gone — is the same 404, so a link reveals nothing about whether a document exists. Each read is audited.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { loadCase } from '../cases/get.js';
import { parseGlobalId } from '../cases/ids.js';
import { auditCaseAccess } from '../cases/audit.js';
import { visibleCaseDocuments } from '../cases/documents.js';
import { globalDocumentId } from '../cases/ids.js';
import type { AuthenticatedContext } from '../context.js';
import { UpstreamError } from '../errors.js';
import { contentDisposition, safeContentType } from '../files/content-disposition.js';
import { Readable } from 'node:stream';
import { paced } from '../files/pace.js';
import {
  authenticated,
  openTransfer,
  readingRefusal,
  unavailable,
  type ContextBuilder,
} from './route-context.js';

async function deliver(
  context: AuthenticatedContext,
  link: string,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const refuse = readingRefusal(context, reply, 'DOCUMENT_NOT_FOUND');
  const target = await context.links.open(link, context.viewer.principal);
  if (!target) return refuse('document-link', 'INVALID_LINK');

  let view;
  try {
    view = await loadCase(context, target.caseId, { explicit: false });
  } catch (error) {
    if (error instanceof UpstreamError) return unavailable(reply, context, error);
    if (error instanceof GraphQLError) {
      const { reason, code } = error.extensions;
      return refuse(
        target.documentId,
        typeof reason === 'string' ? reason : typeof code === 'string' ? code : 'REFUSED',
      );
    }
    throw error;
  }
  if (!view || !context.viewer.mayOn('case:readDocumentContent', view))
    return refuse(target.documentId, 'NOT_VISIBLE');
  let documents;
  try {
    documents = await visibleCaseDocuments(context, view);
  } catch (error) {
    if (error instanceof UpstreamError) return unavailable(reply, context, error);
    throw error;
  }
  const document = documents.find(
    (d) => globalDocumentId(view.definition.code, d.record.id) === target.documentId,
  );
  const adapter = context.registry.get(view.definition.code);
  if (!document || !adapter || parseGlobalId(target.caseId)?.agency !== view.definition.code) {
    return refuse(target.documentId, 'NOT_VISIBLE');
  }

  // Stops the agency's transfer when the person's browser goes away or the download runs out of time.
  const transfer = await openTransfer(context, reply);
  if (!transfer) return reply;
  let content;
  try {
    content = await adapter.documentContent(document.record.id, {
      signal: transfer.signal,
      correlationId: context.requestId,
    });
  } catch (error) {
    if (error instanceof UpstreamError) return unavailable(reply, context, error);
    throw error;
  }
  if (!content) return refuse(target.documentId, 'NOT_FOUND_AT_AGENCY');

  auditCaseAccess(context.viewer, view, 'READ_DOCUMENT', 'GRANTED', null, target.documentId);
  // Opened: no longer new to this person. Written before the content goes out, so that the page the person
  // returns to already shows it read; a failure here costs the marker, never the download.
  await context.documentReads
    .markRead(context.viewer.principal.nationalId, target.documentId)
    .catch((error: unknown) =>
      context.log.warn({ err: (error as Error).message }, 'document read marker not written'),
    );
  // A read receipt where the agency takes them; the download never waits for it or fails on it.
  adapter
    .markDocumentRead?.(document.record.id, context.viewer.principal.nationalId, {
      signal: AbortSignal.timeout(5_000),
      correlationId: context.requestId,
    })
    .catch((error: unknown) =>
      context.log.warn({ err: (error as Error).message }, 'read receipt not delivered'),
    );
  const type = safeContentType(content.contentType ?? document.record.contentType);
  void reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(document.record.title, type));
  if (content.sizeBytes !== null) void reply.header('content-length', content.sizeBytes);
  // Read as slowly as the person likes, the download would hold the agency's connection: it keeps a pace.
  return reply.send(Readable.from(paced(content.body, context.transfers.pace)));
}

export function registerDocumentDownloads(app: FastifyInstance, build: ContextBuilder): void {
  app.get<{ Params: { link: string } }>('/files/documents/:link', async (request, reply) => {
    const context = await authenticated(build, request, reply);
    if (!context) return reply;
    return deliver(context, request.params.link, reply);
  });
}
