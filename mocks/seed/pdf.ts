/**
 * Renders one-page PDF 1.4 letters. Small on purpose (the mocks hold tens of thousands of documents and
 * render each on request), but real PDFs: valid cross-reference table, open in any viewer. A scanned
 * document can carry padding (an unreferenced stream object, like a page scan's image data), streamed in
 * chunks so that even a very large one is never held in memory.
 */
function escapePdfText(text: string): string {
  // WinAnsi covers æøå; anything outside Latin-1 is replaced so the byte offsets stay exact.
  return text.replace(/[^\x20-\xff]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
}

export interface PdfParts {
  head: Buffer;
  paddingBytes: number;
  tail: Buffer;
  size: number;
}

export function pdfParts(lines: readonly string[], paddingBytes = 0): PdfParts {
  const content = [
    'BT',
    '/F1 12 Tf',
    '14 TL',
    '72 770 Td',
    ...lines.map((line) => `(${escapePdfText(line)}) Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let head = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(head, 'latin1'));
    head += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  let tail = '';
  if (paddingBytes > 0) {
    offsets.push(Buffer.byteLength(head, 'latin1'));
    head += `${objects.length + 1} 0 obj\n<< /Length ${paddingBytes} >>\nstream\n`;
    tail += '\nendstream\nendobj\n';
  }
  const xrefOffset = Buffer.byteLength(head, 'latin1') + paddingBytes + Buffer.byteLength(tail, 'latin1');
  tail += `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  tail += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  tail += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const headBytes = Buffer.from(head, 'latin1');
  const tailBytes = Buffer.from(tail, 'latin1');
  return {
    head: headBytes,
    paddingBytes,
    tail: tailBytes,
    size: headBytes.length + paddingBytes + tailBytes.length,
  };
}

export function renderPdf(lines: readonly string[]): Buffer {
  const parts = pdfParts(lines);
  return Buffer.concat([parts.head, parts.tail]);
}

const FILLER = Buffer.alloc(64 * 1024, '0123456789abcdef');

/** The PDF in chunks: the padding is the same 64 KB block over and over, so memory stays flat. */
export function* pdfChunks(parts: PdfParts): Generator<Buffer> {
  yield parts.head;
  for (let left = parts.paddingBytes; left > 0; left -= FILLER.length)
    yield FILLER.subarray(0, Math.min(left, FILLER.length));
  yield parts.tail;
}
