/**
 * GET /files/cases/:link — a case's documents (all, or a chosen set) as one ZIP with an index, streamed as
 * it is made: each document is fetched from the agency only when the archive reaches it, so no agency
 * connection waits idle and memory stays flat however large the file. Each document is audited as a read.
 */
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { ZipFile } from 'yazl';
import { auditCaseAccess } from '../cases/audit.js';
import { visibleCaseDocuments } from '../cases/documents.js';
import { globalDocumentId } from '../cases/ids.js';
import { loadCase } from '../cases/get.js';
import type { DocumentView } from '../cases/views.js';
import type { AuthenticatedContext } from '../context.js';
import { UpstreamError } from '../errors.js';
import { COMMON_LABELS, labelTable, type Lang } from '../i18n.js';
import { contentDisposition, extensionFor, safeContentType } from '../files/content-disposition.js';
import { withoutUnsafeCharacters } from '../files/filenames.js';
import { paced } from '../files/pace.js';
import {
  authenticated,
  openTransfer,
  readingRefusal,
  unavailable,
  type ContextBuilder,
} from './route-context.js';

const INDEX_HEADINGS = labelTable({
  file: ['fil', 'fil', 'fil', 'file'],
  title: ['tittel', 'tittel', 'titel', 'title'],
  date: ['dato', 'dato', 'dato', 'date'],
  direction: ['retning', 'retning', 'retning', 'direction'],
});
const INDEX_NAME = labelTable({ index: ['innhold.csv', 'innhald.csv', 'indhold.csv', 'index.csv'] });

/**
 * One CSV line. A cell that starts like a formula (= + - @, or a tab or carriage return before one) gets a
 * leading apostrophe, so a spreadsheet shows a title from the agency as text instead of running it (OWASP's
 * advice on CSV injection); quotes are doubled.
 */
export const csv = (fields: string[]) =>
  fields.map((f) => `"${(/^[=+\-@\t\r]/.test(f) ? `'${f}` : f).replace(/"/g, '""')}"`).join(';');

/** One line per document: where it is in the ZIP, and what it is. UTF-8 with a BOM, for spreadsheets. */
function index(documents: DocumentView[], names: string[], lang: Lang): Buffer {
  const headings = (['file', 'title', 'date', 'direction'] as const).map((k) => INDEX_HEADINGS[k][lang]);
  const lines = documents.map((d, i) => {
    const direction = d.record.direction === 'INCOMING' ? 'INCOMING' : 'OUTGOING';
    return csv([names[i] ?? '', d.record.title, d.record.date, COMMON_LABELS.direction[direction][lang]]);
  });
  return Buffer.from(`\ufeff${[csv(headings), ...lines].join('\r\n')}\r\n`, 'utf8');
}

/** Numbered, dated, safe and unique entry names, in the order of the index. */
function entryNames(documents: DocumentView[]): string[] {
  const width = String(documents.length).length;
  return documents.map((d, i) => {
    const title = withoutUnsafeCharacters(d.record.title).slice(0, 80) || 'dokument';
    return `${String(i + 1).padStart(width, '0')} ${d.record.date} ${title}.${extensionFor(safeContentType(d.record.contentType))}`;
  });
}

async function caseFile(
  context: AuthenticatedContext,
  link: string,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const refuse = readingRefusal(context, reply, 'CASE_FILE_NOT_FOUND');
  const target = await context.links.openCaseFile(link, context.viewer.principal);
  if (!target) return refuse('case-file-link', 'INVALID_LINK');
  let view;
  let documents;
  try {
    view = await loadCase(context, target.caseId, { explicit: false });
    if (!view || !context.viewer.mayOn('case:readDocumentContent', view))
      return refuse(target.caseId, 'NOT_VISIBLE');
    documents = await visibleCaseDocuments(context, view);
  } catch (error) {
    if (error instanceof UpstreamError) return unavailable(reply, context, error);
    if (error instanceof GraphQLError) return refuse(target.caseId, 'NOT_VISIBLE');
    throw error;
  }
  const code = view.definition.code;
  const chosen = target.documentIds ? new Set(target.documentIds) : null;
  const selected = chosen
    ? documents.filter((d) => chosen.has(globalDocumentId(code, d.record.id)))
    : documents;
  // A chosen document the viewer may not see makes the whole request unknown, not a smaller ZIP.
  if (chosen && selected.length !== chosen.size) return refuse(target.caseId, 'NOT_VISIBLE');
  const adapter = context.registry.get(code);
  if (!adapter) return refuse(target.caseId, 'NOT_VISIBLE');

  const names = entryNames(selected);
  const zip = new ZipFile();
  // yazl's output is a Readable (its typings say only ReadableStream).
  const output = zip.outputStream as Readable;
  zip.addBuffer(index(selected, names, context.lang), INDEX_NAME.index[context.lang], { mtime: context.now });
  // PDFs and images are compressed already; storing them keeps the gateway's work small.
  const entries = selected.map((document, i) => {
    const sink = new PassThrough();
    zip.addReadStream(sink, names[i] ?? `${i + 1}`, {
      compress: false,
      mtime: new Date(`${document.record.date}T12:00:00Z`),
    });
    return { document, sink };
  });
  zip.end();

  const transfer = await openTransfer(context, reply);
  if (!transfer) return reply;
  const fetchInTurn = async () => {
    for (const { document, sink } of entries) {
      const content = await adapter.documentContent(document.record.id, {
        signal: transfer.signal,
        correlationId: context.requestId,
      });
      if (!content) throw new Error('a document disappeared at the agency while the case file was made');
      auditCaseAccess(
        context.viewer,
        view,
        'READ_DOCUMENT',
        'GRANTED',
        null,
        globalDocumentId(code, document.record.id),
      );
      await pipeline(content.body, sink);
    }
  };
  fetchInTurn().catch((error: unknown) => {
    // Headers are gone already: cut the download, so the person gets a broken file, never a quietly short one.
    context.log.warn({ err: (error as Error).message }, 'case file cut short');
    output.destroy(error as Error);
  });

  void reply
    .header('content-type', 'application/zip')
    .header(
      'content-disposition',
      contentDisposition(`Saksmappe ${view.record.caseNumber}`, 'application/zip'),
    );
  // Read as slowly as the person likes, the file would hold the agency's connection: it keeps a pace.
  return reply.send(Readable.from(paced(output, context.transfers.pace)));
}

export function registerCaseFiles(app: FastifyInstance, build: ContextBuilder): void {
  app.get<{ Params: { link: string } }>('/files/cases/:link', async (request, reply) => {
    const context = await authenticated(build, request, reply);
    if (!context) return reply;
    return caseFile(context, request.params.link, reply);
  });
}
