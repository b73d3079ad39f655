import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../mocks/seed/pdf.js';
import { persona, startTestStack, type TestStack } from '../helpers/stack.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateUploadInput!) {
    createUpload(input: $input) {
      upload {
        id
        url
        expiresAt
        filename
        contentType
        sizeBytes
      }
      errors {
        code
        reason
        field
        message
      }
    }
  }
`;

interface Created {
  createUpload: {
    upload: {
      id: string;
      url: string;
      expiresAt: string;
      filename: string;
      contentType: string;
      sizeBytes: number;
    } | null;
    errors: { code: string; reason: string | null; field: string[] | null; message: string }[];
  };
}

const PDF = renderPdf(['Kvittering for tannbehandling', 'Beløp: 4 350 kr']);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);

let stack: TestStack;
let ingrid: string;
let caseId: string;

beforeAll(async () => {
  stack = await startTestStack();
  ingrid = await stack.token('citizen-npe-helseklage');
  const own = stack.mocks.world.cases.npe.find((c) =>
    c.participants.some((p) => p.nationalId === persona('citizen-npe-helseklage').login.pid),
  );
  caseId = `npe:${own?.caseNumber}`;
});
afterAll(async () => {
  await stack.close();
});

async function prepare(
  input: { filename: string; contentType: string; sizeBytes: number; caseId?: string },
  token = ingrid,
) {
  const { body } = await stack.graphql<Created>(CREATE, {
    token,
    variables: { input: { caseId, ...input } },
  });
  expect(body.errors).toBeUndefined();
  return body.data!.createUpload;
}

async function put(
  url: string,
  body: Buffer | Readable,
  token: string | null = ingrid,
  contentType = 'application/octet-stream',
) {
  const response = await request(`${stack.url}${new URL(url).pathname}`, {
    method: 'PUT',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    json: text ? (JSON.parse(text) as { error?: string; id?: string }) : {},
  };
}

const attachmentsAtNpe = () => stack.mocks.agencies.npe.attachments.size;

describe('uploads', () => {
  it('a proper PDF arrives at the agency byte-identical, under a safe name, and the upload is audited', async () => {
    const { upload, errors } = await prepare({
      filename: '  Kvittering: tann<behandling>.PDF ',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(errors).toEqual([]);
    expect(upload).toMatchObject({
      filename: 'Kvittering tann behandling.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(upload?.url).toMatch(/\/files\/uploads\/[\w-]{20,}$/);
    const before = attachmentsAtNpe();
    const { status, json } = await put(upload?.url ?? '', PDF, ingrid, 'application/pdf');
    expect(status).toBe(201);
    expect(json.id).toBe(upload?.id);
    expect(attachmentsAtNpe()).toBe(before + 1);
    const received = [...stack.mocks.agencies.npe.attachments.values()].at(-1);
    expect(received).toEqual({
      caseNumber: caseId.split(':')[1],
      filename: 'Kvittering tann behandling.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const audit = await stack.gateway.audit.recent(10);
    expect(audit.find((e) => e.action === 'UPLOAD_ATTACHMENT')).toMatchObject({
      outcome: 'GRANTED',
      object: `upload:${upload?.id}`,
    });
  });

  it('a refused upload’s connection is closed after the answer, whatever the sender’s client does', async () => {
    const { upload } = await prepare({
      filename: 'kvittering.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    // Chunked, more than declared; the sender's client keeps its connections for reuse.
    const sender = httpRequest(`${stack.url}${new URL(upload?.url ?? '').pathname}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ingrid}`, 'content-type': 'application/pdf' },
    });
    const answered = new Promise<number | undefined>((resolve) =>
      sender.once('response', (response) => {
        response.resume();
        resolve(response.statusCode);
      }),
    );
    const closed = new Promise<number>((resolve) => sender.once('close', () => resolve(Date.now())));
    sender.on('error', () => undefined);
    sender.end(Buffer.concat([PDF, PDF]));
    expect(await answered).toBe(400);
    const at = Date.now();
    // The gateway lets the connection go soon after answering (otherwise it stays until the sender leaves).
    const closedAt = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 4_000))]);
    sender.destroy();
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt - at).toBeLessThan(3_000);
  });

  it('an upload URL works once', async () => {
    const { upload } = await prepare({
      filename: 'skjema.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
    });
    expect((await put(upload?.url ?? '', PNG)).status).toBe(201);
    expect(await put(upload?.url ?? '', PNG)).toEqual({
      status: 409,
      json: { error: 'ALREADY_USED', message: expect.any(String) as string },
    });
  });

  describe('each refusal has its own reason', () => {
    it('a type that is not allowed', async () => {
      const { upload, errors } = await prepare({
        filename: 'setup.exe',
        contentType: 'application/x-msdownload',
        sizeBytes: EXE.length,
      });
      expect(upload).toBeNull();
      expect(errors).toEqual([
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          reason: 'TYPE_NOT_ALLOWED',
          field: ['input', 'contentType'],
        }),
      ]);
    });

    it('a PDF renamed .png', async () => {
      const { upload } = await prepare({
        filename: 'bilde.png',
        contentType: 'image/png',
        sizeBytes: PDF.length,
      });
      const before = attachmentsAtNpe();
      expect((await put(upload?.url ?? '', PDF, ingrid, 'image/png')).json.error).toBe('TYPE_MISMATCH');
      expect(attachmentsAtNpe()).toBe(before);
    });

    it('an executable disguised as a PDF', async () => {
      const { upload } = await prepare({
        filename: 'faktura.pdf',
        contentType: 'application/pdf',
        sizeBytes: EXE.length,
      });
      const before = attachmentsAtNpe();
      expect((await put(upload?.url ?? '', EXE, ingrid, 'application/pdf')).json.error).toBe('TYPE_MISMATCH');
      expect(attachmentsAtNpe()).toBe(before);
    });

    it('an empty file', async () => {
      const { errors } = await prepare({ filename: 'tom.pdf', contentType: 'application/pdf', sizeBytes: 0 });
      expect(errors).toEqual([
        expect.objectContaining({ reason: 'EMPTY_FILE', field: ['input', 'sizeBytes'] }),
      ]);
    });

    it('an oversized file, declared', async () => {
      const { errors } = await prepare({
        filename: 'stor.pdf',
        contentType: 'application/pdf',
        sizeBytes: 26 * 1024 * 1024,
      });
      expect(errors).toEqual([
        expect.objectContaining({ reason: 'TOO_LARGE', field: ['input', 'sizeBytes'] }),
      ]);
    });

    it('more bytes than declared, even without a Content-Length: nothing is stored at the agency', async () => {
      const { upload } = await prepare({
        filename: 'liten.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
      });
      const before = attachmentsAtNpe();
      const longer = Readable.from([PDF, Buffer.alloc(4096, 32)]);
      expect((await put(upload?.url ?? '', longer, ingrid, 'application/pdf')).json.error).toBe(
        'SIZE_MISMATCH',
      );
      expect(attachmentsAtNpe()).toBe(before);
      // A refused attempt leaves the URL usable for the right file.
      expect((await put(upload?.url ?? '', PDF, ingrid, 'application/pdf')).status).toBe(201);
    });

    it('a path-traversal file name', async () => {
      for (const filename of ['../../etc/passwd.pdf', '..\\..\\boot.ini.pdf', 'a/b.pdf', '..']) {
        const { errors } = await prepare({ filename, contentType: 'application/pdf', sizeBytes: 10 });
        expect(errors).toEqual([
          expect.objectContaining({ reason: 'BAD_FILENAME', field: ['input', 'filename'] }),
        ]);
      }
    });

    it('a viewer who may not send information (a represented party; STPK’s overview)', async () => {
      const anders = await stack.token('represented-party');
      const his = stack.mocks.world.cases.npe.find((c) =>
        c.participants.some((p) => p.nationalId === persona('represented-party').login.pid),
      );
      const refused = await prepare(
        {
          caseId: `npe:${his?.caseNumber}`,
          filename: 'brev.pdf',
          contentType: 'application/pdf',
          sizeBytes: PDF.length,
        },
        anders,
      );
      expect(refused.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' })]);
      const mette = await stack.token('citizen-dk');
      const hers = stack.mocks.world.cases.stpk.find(
        (c) =>
          c.createdAt >= '2025-11-01' &&
          c.participants.some((p) => p.nationalId === persona('citizen-dk').login.cpr && p.role === 'PARTY'),
      );
      const dk = await prepare(
        {
          caseId: `stpk:${hers?.caseNumber}`,
          filename: 'brev.pdf',
          contentType: 'application/pdf',
          sizeBytes: PDF.length,
        },
        mette,
      );
      expect(dk.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' })]);
    });

    it('someone else’s upload URL, and no login at all', async () => {
      const { upload } = await prepare({
        filename: 'mitt.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
      });
      const lawyer = await stack.token('lawyer-many');
      expect((await put(upload?.url ?? '', PDF, lawyer, 'application/pdf')).status).toBe(404);
      expect((await put(upload?.url ?? '', PDF, null, 'application/pdf')).status).toBe(401);
      expect((await put(`${stack.url}/files/uploads/AAAAAAAAAAAAAAAAAAAAAAAA`, PDF, ingrid)).status).toBe(
        404,
      );
    });

    it('a case that is not the viewer’s', async () => {
      const others = stack.mocks.world.cases.npe.find(
        (c) => !c.participants.some((p) => p.nationalId === persona('citizen-npe-helseklage').login.pid),
      );
      const { errors } = await prepare({
        caseId: `npe:${others?.caseNumber}`,
        filename: 'x.pdf',
        contentType: 'application/pdf',
        sizeBytes: 10,
      });
      expect(errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'caseId'] })]);
    });
  });
});
