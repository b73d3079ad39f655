import { createHash } from 'node:crypto';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../src/messages.js';
import { documentPdf, LARGE_SCAN_BYTES } from '../../mocks/seed/generate.js';
import { pdfChunks } from '../../mocks/seed/pdf.js';
import { giveConsents, startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';

const DOCUMENTS = /* GraphQL */ `
  query ($agencies: [ID!]) {
    cases(filter: { agencies: $agencies }) {
      nodes {
        id
        documents {
          id
          title
          sizeBytes
          downloadUrl
        }
      }
    }
  }
`;

interface Documents {
  cases: {
    nodes: {
      id: string;
      documents: { id: string; title: string; sizeBytes: number; downloadUrl: string | null }[] | null;
    }[];
  };
}

let stack: TestStack;
let ingrid: string;

beforeAll(async () => {
  stack = await startTestStack();
  ingrid = await stack.token('citizen-npe-helseklage');
});
afterAll(async () => {
  await stack.close();
});

/** The link's path on this test's gateway (PUBLIC_URL names the deployed host). */
function onGateway(url: string, base = stack.url): string {
  return `${base}${new URL(url).pathname}`;
}

async function ingridsNpeDocuments() {
  const { body } = await stack.graphql<Documents>(DOCUMENTS, {
    token: ingrid,
    variables: { agencies: ['npe'] },
  });
  expect(body.errors).toBeUndefined();
  return body.data?.cases.nodes[0]?.documents ?? [];
}

/** What the agency holds for a document: the mock's own bytes, hashed. */
function agencyHash(globalId: string): { sha256: string; size: number } {
  const id = globalId.split(':')[1];
  for (const record of stack.mocks.world.cases.npe) {
    const doc = record.documents.find((d) => d.id === id);
    if (!doc) continue;
    const hash = createHash('sha256');
    let size = 0;
    for (const chunk of pdfChunks(documentPdf(record, doc))) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size };
  }
  throw new Error(`no document ${globalId}`);
}

async function download(url: string, token?: string) {
  return request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe('reading documents', () => {
  it('streams a document byte-identical to the agency’s, with safe headers, and audits the read', async () => {
    const doc = (await ingridsNpeDocuments()).find((d) => d.title === 'Vedtak om erstatningsansvar');
    expect(doc?.downloadUrl).toMatch(/\/files\/documents\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const response = await download(onGateway(doc?.downloadUrl ?? ''), ingrid);
    const bytes = Buffer.from(await response.body.arrayBuffer());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Vedtak om erstatningsansvar.pdf"; filename*=UTF-8''Vedtak%20om%20erstatningsansvar.pdf`,
    );
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(agencyHash(doc?.id ?? '').sha256);
    const audit = await stack.gateway.audit.recent(20);
    expect(audit.find((e) => e.action === 'READ_DOCUMENT' && e.object === doc?.id)).toMatchObject({
      outcome: 'GRANTED',
      role: 'PARTY',
      correlationId: response.headers['x-request-id'],
    });
  });

  it(`streams a ${LARGE_SCAN_BYTES / 1024 / 1024} MB scan with the gateway's memory flat`, async () => {
    const scan = (await ingridsNpeDocuments()).find((d) => d.title.includes('skannet'));
    expect(scan?.sizeBytes).toBeGreaterThan(LARGE_SCAN_BYTES);
    // Live memory: collect, then measure. Without --expose-gc the number would include garbage.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('run with --expose-gc (vitest.config.ts sets it)');
    const live = () => {
      gc();
      return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    };
    // Warm up the path with a small document, so first-use allocations (compiled code) are not counted.
    const small = (await ingridsNpeDocuments()).find((d) => !d.title.includes('skannet'));
    await (await download(onGateway(small?.downloadUrl ?? ''), ingrid)).body.dump();
    const before = live();
    let peak = before;
    const response = await download(onGateway(scan?.downloadUrl ?? ''), ingrid);
    const hash = createHash('sha256');
    let received = 0;
    let chunks = 0;
    for await (const chunk of response.body) {
      hash.update(chunk as Buffer);
      received += (chunk as Buffer).length;
      if (++chunks % 32 === 0) peak = Math.max(peak, live());
    }
    expect(response.statusCode).toBe(200);
    expect(received).toBe(scan?.sizeBytes);
    expect(hash.digest('hex')).toBe(agencyHash(scan?.id ?? '').sha256);
    // Mock, gateway and client share this process: buffering the scan anywhere would hold over 64 MB live.
    expect(chunks).toBeGreaterThan(100);
    expect(peak - before).toBeLessThan(24 * 1024 * 1024);
  });

  it('refuses someone else’s link, a tampered link and a forged link alike, revealing nothing', async () => {
    const [doc] = await ingridsNpeDocuments();
    const url = onGateway(doc?.downloadUrl ?? '');
    const lawyer = await stack.token('lawyer-many');
    const someoneElse = await download(url, lawyer);
    const [head, payload] = (url.split('/').pop() ?? '').split('.');
    const tamperedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
        doc: 'npe:D00000001',
      }),
    ).toString('base64url');
    const tampered = await download(
      url.replace(`${head}.${payload}.`, `${head}.${tamperedPayload}.`),
      ingrid,
    );
    const forged = await download(`${stack.url}/files/documents/not.a.link`, ingrid);
    const bodies = await Promise.all(
      [someoneElse, tampered, forged].map(async (r) => [r.statusCode, await r.body.text()]),
    );
    expect(bodies[0]).toEqual([
      404,
      JSON.stringify({ error: 'NOT_FOUND', message: say('nb', 'DOCUMENT_NOT_FOUND') }),
    ]);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it('an opened document counts as read, for this person only', async () => {
    const UNREAD = `query ($agencies: [ID!]) { cases(filter: { agencies: $agencies }) { nodes {
      unreadDocumentCount documents { id direction read downloadUrl } } } }`;
    type Unread = {
      cases: {
        nodes: {
          unreadDocumentCount: number;
          documents: { id: string; direction: string; read: boolean; downloadUrl: string }[];
        }[];
      };
    };
    const ask = async (token: string) =>
      (await stack.graphql<Unread>(UNREAD, { token, variables: { agencies: ['npe'] } })).body.data?.cases
        .nodes[0];
    const before = await ask(ingrid);
    const letter = before?.documents.find((d) => d.direction === 'OUTGOING' && !d.read);
    expect(letter).toBeDefined();
    const unread = before?.documents.filter((d) => d.direction === 'OUTGOING' && !d.read).length;
    expect(before?.unreadDocumentCount).toBe(unread);

    const response = await download(onGateway(letter?.downloadUrl ?? ''), ingrid);
    await response.body.dump();
    expect(response.statusCode).toBe(200);
    const after = await ask(ingrid);
    expect(after?.documents.find((d) => d.id === letter?.id)?.read).toBe(true);
    expect(after?.unreadDocumentCount).toBe((unread ?? 0) - 1);
    // Kept in the store, not in the request or the token: a new login of hers sees it read.
    const again = await stack.token('citizen-npe-helseklage', { consent: false });
    expect((await ask(again))?.documents.find((d) => d.id === letter?.id)?.read).toBe(true);
  });

  it('asks for a login when none is sent', async () => {
    const [doc] = await ingridsNpeDocuments();
    const response = await download(onGateway(doc?.downloadUrl ?? ''));
    expect(response.statusCode).toBe(401);
    await response.body.dump();
  });

  it('a link expires', async () => {
    const shortLived: GraphClient = await stack.gatewayWith({ DOWNLOAD_LINK_TTL_SECONDS: '1' });
    await giveConsents(shortLived.url, ingrid);
    const { body } = await shortLived.graphql<Documents>(DOCUMENTS, {
      token: ingrid,
      variables: { agencies: ['npe'] },
    });
    const url = onGateway(body.data?.cases.nodes[0]?.documents?.[0]?.downloadUrl ?? '', shortLived.url);
    const fresh = await download(url, ingrid);
    expect(fresh.statusCode).toBe(200);
    await fresh.body.dump();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await download(url, ingrid);
    expect(expired.statusCode).toBe(404);
    await expired.body.dump();
  });

  it('access is decided again at download time: after consent is withdrawn the link is refused', async () => {
    const token = await stack.token('proxy');
    const { body } = await stack.graphql<Documents>(DOCUMENTS, {
      token,
      variables: { agencies: ['helseklage'] },
    });
    const url = onGateway(body.data?.cases.nodes[0]?.documents?.[0]?.downloadUrl ?? '');
    await stack.graphql('mutation { withdrawConsent(input: { agency: "helseklage" }) { errors { code } } }', {
      token,
    });
    const response = await download(url, token);
    expect(response.statusCode).toBe(404);
    await response.body.dump();
    const audit = await stack.gateway.audit.recent(10);
    expect(audit.find((e) => e.action === 'READ_DOCUMENT')).toMatchObject({
      outcome: 'DENIED',
      reason: 'CONSENT_REQUIRED',
    });
  });

  it('reading a document at Helseklage leaves a read receipt there', async () => {
    const { body } = await stack.graphql<Documents>(DOCUMENTS, {
      token: ingrid,
      variables: { agencies: ['helseklage'] },
    });
    const doc = body.data?.cases.nodes.flatMap((n) => n.documents ?? [])[0];
    const response = await download(onGateway(doc?.downloadUrl ?? ''), ingrid);
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    const receiptKey = `${doc?.id.split(':')[1]}|15838510075`;
    for (let i = 0; i < 50 && !stack.mocks.agencies.helseklage.readReceipts.has(receiptKey); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(
      Date.now() - Date.parse(stack.mocks.agencies.helseklage.readReceipts.get(receiptKey) ?? ''),
    ).toBeLessThan(10_000);
  });

  it('Mit Overblik shows document titles only: no link, FORBIDDEN', async () => {
    const token = await stack.token('citizen-dk');
    const { body } = await stack.graphql<Documents>(DOCUMENTS, { token, variables: { agencies: ['stpk'] } });
    const documents = body.data?.cases.nodes[0]?.documents ?? [];
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.every((d) => d.downloadUrl === null && d.title.length > 0)).toBe(true);
    expect(new Set(body.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });
});
