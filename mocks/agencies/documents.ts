/** Document content as the mock agencies serve it: streamed, so a large scan never sits in memory. */
import { Readable } from 'node:stream';
import { documentPdf } from '../seed/generate.js';
import type { MockCase, MockDocument } from '../seed/model.js';
import { pdfChunks } from '../seed/pdf.js';

export function documentSize(record: MockCase, doc: MockDocument): number {
  return documentPdf(record, doc).size;
}

export function documentStream(record: MockCase, doc: MockDocument): Readable {
  return Readable.from(pdfChunks(documentPdf(record, doc)), { objectMode: false });
}
