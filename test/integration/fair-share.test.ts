/**
 * No single person can degrade the service for others, and no agency trouble costs more than its own
 * part: slow and abandoned uploads, a trickling agency, a hanging one, and more streams than a person may
 * hold — each against the real gateway, the real mocks and real sockets.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistedRequest } from '../../operations/client.js';
import { DashboardDocument, type DashboardQuery } from '../../operations/generated/graphql.js';
import { renderPdf } from '../../mocks/seed/pdf.js';
import { giveConsents, persona, startTestStack, type TestStack } from '../helpers/stack.js';
import { subscribe } from '../helpers/sse.js';

const CALL_TIMEOUT_MS = 1_000;
const DEADLINE_MS = 3_000;
const GRACE_MS = 3_000;

let stack: TestStack;
let ingrid: string;
let caseId: string;
const PDF = renderPdf(['Kvittering for tannbehandling', 'Beløp: 4 350 kr', 'x'.repeat(2000)]);

beforeAll(async () => {
  stack = await startTestStack({
    env: {
      UPSTREAM_TIMEOUT_MS: String(CALL_TIMEOUT_MS),
      REQUEST_DEADLINE_MS: String(DEADLINE_MS),
      TRANSFER_GRACE_SECONDS: String(GRACE_MS / 1000),
      TRANSFERS_PER_PERSON: '9',
      EVENT_STREAMS_PER_PERSON: '3',
      RATE_LIMIT_PER_MINUTE: '10000',
    },
  });
  ingrid = await stack.token('citizen-npe-helseklage');
  const own = stack.mocks.world.cases.npe.find(
    (c) =>
      !c.closedAt && c.participants.some((p) => p.nationalId === persona('citizen-npe-helseklage').login.pid),
  );
  caseId = `npe:${own?.caseNumber}`;
});
afterAll(async () => {
  await stack.close();
});

/** The portal's own dashboard, sent by its persisted id as the portal sends it; each agency's status. */
async function dashboard(url: string, token: string) {
  const started = Date.now();
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(persistedRequest(DashboardDocument, { first: 20 })),
  });
  const body = (await response.body.json()) as { data?: DashboardQuery };
  const statuses = Object.fromEntries(
    (body.data?.cases.agencyStatuses ?? []).map((s) => [s.agency.code, s.status]),
  );
  return { statuses, ms: Date.now() - started, body };
}

const statusesFor = (token: string) => dashboard(stack.url, token);

async function createUpload(): Promise<string> {
  const { body } = await stack.graphql<{ createUpload: { upload: { url: string } | null } }>(
    `mutation ($input: CreateUploadInput!) { createUpload(input: $input) { upload { url } } }`,
    {
      token: ingrid,
      variables: {
        input: { caseId, filename: 'kvittering.pdf', contentType: 'application/pdf', sizeBytes: PDF.length },
      },
    },
  );
  const url = body.data?.createUpload.upload?.url;
  if (!url) throw new Error(`no upload: ${JSON.stringify(body)}`);
  return `${stack.url}${new URL(url).pathname}`;
}

/** Starts an upload that sends its first bytes at once, then one byte a second; its answer, when one comes. */
function slowUpload(url: string): { request: ClientRequest; answered: Promise<number | null> } {
  const request = httpRequest(url, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${ingrid}`,
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
    },
  });
  const answered = new Promise<number | null>((resolve) => {
    request.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? null);
    });
    request.once('error', () => resolve(null));
  });
  request.write(PDF.subarray(0, 64));
  let at = 64;
  const timer = setInterval(() => {
    if (request.destroyed || at >= PDF.length) return clearInterval(timer);
    request.write(PDF.subarray(at, at + 1));
    at++;
  }, 1_000);
  request.once('close', () => clearInterval(timer));
  return { request, answered };
}

describe('one person cannot take an agency from the others', () => {
  it('nine slow uploads leave another person’s dashboard OK, and are cut off for keeping too slow a pace', async () => {
    const urls = await Promise.all(Array.from({ length: 9 }, () => createUpload()));
    const uploads = urls.map((url) => slowUpload(url));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // While all nine hang on the agency, another person's dashboard still reaches it.
      const other = await stack.token('lawyer-many');
      const { statuses } = await statusesFor(other);
      expect(statuses.npe).toBe('OK');
      // After the grace period the trickle is too slow: each is answered 408 and closed.
      const answers = await Promise.all(uploads.map((u) => u.answered));
      expect(answers.every((status) => status === 408 || status === null)).toBe(true);
      expect(answers.filter((status) => status === 408).length).toBeGreaterThan(0);
    } finally {
      for (const upload of uploads) upload.request.destroy();
    }
  });

  it('six uploads abandoned mid-body, and six longer than declared, leave the agency’s circuit breaker closed', async () => {
    // Prepared first, so that no other call to the agency comes between the failures (a success would reset
    // the breaker's count of consecutive failures).
    const abandoned = await Promise.all(Array.from({ length: 6 }, () => createUpload()));
    const oversized = await Promise.all(Array.from({ length: 6 }, () => createUpload()));
    const started = abandoned.map((url) => slowUpload(url));
    // Long enough for each body to be on its way to the agency, then the people go away.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const { request } of started) request.destroy();
    // Chunked, so no length is declared up front: each body starts well, then turns out longer than
    // createUpload said — all six at once, after each upload's own look-up of the case.
    const sending = oversized.map((url) => {
      const request = httpRequest(url, {
        method: 'PUT',
        headers: { authorization: `Bearer ${ingrid}`, 'content-type': 'application/pdf' },
      });
      const answered = new Promise<string>((resolve) => {
        request.once('response', (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.once('end', () => resolve((JSON.parse(text) as { error: string }).error));
        });
        request.once('error', () => resolve('CONNECTION_ERROR'));
      });
      request.write(PDF.subarray(0, 64));
      return { request, answered };
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const { request } of sending) request.end(Buffer.concat([PDF.subarray(64), PDF]));
    const answers = await Promise.all(sending.map((s) => s.answered));
    expect(answers).toEqual(Array.from({ length: 6 }, () => 'SIZE_MISMATCH'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toMatch(/upstream_breaker_state\{agency="npe",state="closed"\} 1/);
    const { statuses } = await statusesFor(ingrid);
    expect(statuses.npe).toBe('OK');
  });

  it('six downloads abandoned while the agency is slow to send leave the circuit breaker closed', async () => {
    const { body } = await stack.graphql<{
      cases: { nodes: { documents: { downloadUrl: string | null }[] }[] };
    }>('{ cases(filter: { agencies: ["npe"] }) { nodes { documents { downloadUrl } } } }', { token: ingrid });
    const links = (body.data?.cases.nodes ?? [])
      .flatMap((n) => n.documents)
      .flatMap((d) => (d.downloadUrl ? [`${stack.url}${new URL(d.downloadUrl).pathname}`] : []))
      .slice(0, 6);
    expect(links).toHaveLength(6);
    // The agency takes its time with document content only; the people do not wait for it.
    stack.mocks.agencies.npe.setFaults({ delayMs: 5_000, onlyPaths: ['/api/v1/dokumenter'] });
    // A browser of its own: aborted requests leave it holding connections it never used, which it lets go
    // when it is closed (the gateway's server would otherwise wait out its headers timeout at shutdown).
    const browser = new Agent();
    try {
      await Promise.all(
        links.map(async (link) => {
          const gone = new AbortController();
          setTimeout(() => gone.abort(), 500);
          await request(link, {
            headers: { authorization: `Bearer ${ingrid}` },
            signal: gone.signal,
            dispatcher: browser,
          }).catch(() => undefined);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const metrics = await (await fetch(`${stack.url}/metrics`)).text();
      expect(metrics).toMatch(/upstream_breaker_state\{agency="npe",state="closed"\} 1/);
      expect(metrics).toMatch(/upstream_errors_total\{agency="npe",failure="CANCELLED"\} \d+/);
    } finally {
      stack.mocks.agencies.npe.setFaults({});
      await browser.destroy();
    }
  });

  it('a person holds only so many live-update streams at once; the next is refused with 429', async () => {
    const token = await stack.token('bereaved');
    const as = (t: string) => ({ authorization: `Bearer ${t}` });
    const open = await Promise.all(Array.from({ length: 3 }, () => subscribe(stack.url, as(token))));
    try {
      // graphql-sse's own client, as a portal opens a stream.
      const refused = await subscribe(stack.url, as(token)).then(
        (stream) => (stream.close(), null),
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(Error);
      expect(String((refused as Error).message)).toMatch(/429/);
      // Someone else is not affected.
      const other = await subscribe(stack.url, as(ingrid));
      other.close();
    } finally {
      for (const stream of open) stream.close();
    }
  });
});

describe('a slow agency costs only its own part, and never the deadline', () => {
  it('a trickling agency yields STALE within one agency timeout, from the person’s last answer', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    expect((await statusesFor(token)).statuses.npe).toBe('OK');
    // A chunk every half second: no idle timer ever fires.
    stack.mocks.agencies.npe.setFaults({ slowMs: 5_000 });
    try {
      const { statuses, ms, body } = await statusesFor(token);
      expect(statuses).toMatchObject({ npe: 'STALE', helseklage: 'OK' });
      expect(body.data?.cases.nodes.some((n) => n.id.startsWith('npe:'))).toBe(true);
      expect(ms).toBeLessThan(CALL_TIMEOUT_MS + 500);
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
  });

  it('with one agency hanging, every answer arrives within the request deadline', async () => {
    // Agency calls allowed longer than the deadline: the request's deadline is what must hold.
    const deadlineMs = 4_000;
    const gateway = await stack.gatewayWith({
      UPSTREAM_TIMEOUT_MS: '10000',
      REQUEST_DEADLINE_MS: String(deadlineMs),
    });
    const people = ['lawyer-many', 'guardian', 'bereaved', 'represented-party', 'citizen-npe-helseklage'];
    const tokens = await Promise.all(people.map((p) => stack.token(p, { consent: false })));
    await Promise.all(tokens.map((token) => giveConsents(gateway.url, token)));
    // The search answers; the cases then hang: the deadline must hold for what comes after the listing too.
    stack.mocks.agencies.helseklage.setFaults({ delayMs: 60_000, onlyPaths: ['/api/cases/'] });
    try {
      const answers = await Promise.all(tokens.map((token) => dashboard(gateway.url, token)));
      for (const { ms, statuses } of answers) {
        expect(ms).toBeLessThan(deadlineMs);
        expect(statuses.helseklage).toBe('UNAVAILABLE');
      }
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }
  });
});
