import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { documentPdf } from '../../mocks/seed/generate.js';
import { pdfChunks } from '../../mocks/seed/pdf.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const CASE = /* GraphQL */ `
  query ($documentIds: [ID!]) {
    cases(filter: { agencies: ["npe"] }) {
      nodes {
        id
        caseFileUrl(documentIds: $documentIds)
        documents {
          id
          title
          date
          direction
          directionLabel
        }
      }
    }
  }
`;

interface Answer {
  cases: {
    nodes: {
      id: string;
      caseFileUrl: string | null;
      documents: { id: string; title: string; date: string; directionLabel: string }[];
    }[];
  };
}

let stack: TestStack;
let ingrid: string;
let dir: string;

beforeAll(async () => {
  stack = await startTestStack();
  ingrid = await stack.token('citizen-npe-helseklage');
  dir = await mkdtemp(join(tmpdir(), 'case-file-'));
});
afterAll(async () => {
  await stack.close();
  await rm(dir, { recursive: true, force: true });
});

/** The entries of a ZIP file, with the SHA-256 of each one's bytes, in archive order. */
function unzip(path: string): Promise<{ name: string; sha256: string; text: string | null }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries: { name: string; sha256: string; text: string | null }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const hash = createHash('sha256');
          const small: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            hash.update(chunk);
            if (entry.fileName.endsWith('.csv')) small.push(chunk);
          });
          stream.on('end', () => {
            entries.push({
              name: entry.fileName,
              sha256: hash.digest('hex'),
              text: small.length ? Buffer.concat(small).toString('utf8') : null,
            });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function agencySha(globalId: string): string {
  const id = globalId.split(':')[1];
  const record = stack.mocks.world.cases.npe.find((c) => c.documents.some((d) => d.id === id));
  const doc = record?.documents.find((d) => d.id === id);
  const hash = createHash('sha256');
  if (record && doc) for (const chunk of pdfChunks(documentPdf(record, doc))) hash.update(chunk);
  return hash.digest('hex');
}

async function caseFileUrl(documentIds?: string[], token = ingrid) {
  const { body } = await stack.graphql<Answer>(CASE, { token, variables: { documentIds } });
  expect(body.errors).toBeUndefined();
  const node = body.data?.cases.nodes[0];
  return {
    url: `${stack.url}${new URL(node?.caseFileUrl ?? '').pathname}`,
    documents: node?.documents ?? [],
  };
}

describe('the whole case file as one ZIP', () => {
  it('streams dozens of documents with flat memory and unpacks to byte-identical documents plus the index', async () => {
    const { url, documents } = await caseFileUrl();
    expect(documents.length).toBeGreaterThanOrEqual(24);
    // Warm up the path with a small case file, so first-use allocations (compiled code) are not counted.
    const warm = await request((await caseFileUrl([documents[0]?.id ?? ''])).url, {
      headers: { authorization: `Bearer ${ingrid}` },
    });
    await warm.body.dump();

    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('run with --expose-gc (vitest.config.ts sets it)');
    const live = () => {
      gc();
      return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    };
    const before = live();
    let peak = before;
    const response = await request(url, { headers: { authorization: `Bearer ${ingrid}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(String(response.headers['content-disposition'])).toMatch(
      /^attachment; filename="Saksmappe \d{4}-\d{5}\.zip"/,
    );
    const path = join(dir, 'all.zip');
    const file = createWriteStream(path);
    let chunks = 0;
    for await (const chunk of response.body) {
      if (!file.write(chunk)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
      if (++chunks % 32 === 0) peak = Math.max(peak, live());
    }
    await new Promise<void>((resolve) => file.end(() => resolve()));
    // The file holds a 64 MB scan: buffering the archive anywhere in this process holds well over 100 MB live.
    expect(peak - before).toBeLessThan(32 * 1024 * 1024);

    const entries = await unzip(path);
    expect(entries[0]?.name).toBe('innhold.csv');
    const files = entries.slice(1);
    expect(files).toHaveLength(documents.length);
    files.forEach((entry, i) => expect(entry.sha256, entry.name).toBe(agencySha(documents[i]?.id ?? '')));
    const lines = (entries[0]?.text ?? '')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"fil";"tittel";"dato";"retning"');
    lines.slice(1).forEach((line, i) => {
      const d = documents[i];
      expect(line).toBe(
        `"${files[i]?.name}";"${d?.title.replace(/"/g, '""')}";"${d?.date}";"${d?.directionLabel}"`,
      );
    });

    const audit = await stack.gateway.audit.recent(200);
    const read = new Set(
      audit.filter((e) => e.action === 'READ_DOCUMENT' && e.outcome === 'GRANTED').map((e) => e.object),
    );
    for (const d of documents) expect(read.has(d.id), d.id).toBe(true);
  });

  it('a chosen set gives just those documents', async () => {
    const { documents } = await caseFileUrl();
    const chosen = [documents[3]?.id ?? '', documents[1]?.id ?? ''];
    const { url } = await caseFileUrl(chosen);
    const response = await request(url, { headers: { authorization: `Bearer ${ingrid}` } });
    const path = join(dir, 'chosen.zip');
    await new Promise<void>((resolve, reject) => {
      const file = createWriteStream(path);
      response.body.pipe(file).on('finish', resolve).on('error', reject);
    });
    const entries = await unzip(path);
    expect(entries.map((e) => e.sha256).slice(1)).toEqual([
      agencySha(documents[1]?.id ?? ''),
      agencySha(documents[3]?.id ?? ''),
    ]);
  });

  it('refuses someone else’s link, and a set naming a document the viewer may not see', async () => {
    const { url } = await caseFileUrl();
    const lawyer = await stack.token('lawyer-many');
    const other = await request(url, { headers: { authorization: `Bearer ${lawyer}` } });
    expect(other.statusCode).toBe(404);
    await other.body.dump();
    const { url: sneaky } = await caseFileUrl(['npe:D00000001']);
    const refused = await request(sneaky, { headers: { authorization: `Bearer ${ingrid}` } });
    expect(refused.statusCode).toBe(404);
    await refused.body.dump();
  });

  it('asks for between 1 and 100 documents when choosing', async () => {
    const { body } = await stack.graphql(CASE, { token: ingrid, variables: { documentIds: [] } });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'documentIds' });
  });
});
