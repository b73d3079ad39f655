/**
 * No single person can degrade the service for others, and no agency trouble costs more than its own
 * part: slow and abandoned uploads, a trickling agency, a hanging one, and more streams than a person may
 * hold — each against the real gateway, the real mocks and real sockets.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../mocks/seed/pdf.js';
import { giveConsents, persona, startTestStack, type TestStack } from '../helpers/stack.js';
import { subscribe } from '../helpers/sse.js';

const CALL_TIMEOUT_MS = 1_000;
const DEADLINE_MS = 3_000;
const GRACE_MS = 3_000;

const DASHBOARD = /* GraphQL */ `
  {
    cases(first: 20) {
      agencyStatuses {
        agency {
          code
        }
        status
        reason
      }
      nodes {
        id
        documents {
          id
        }
      }
    }
  }
`;
interface Dashboard {
  cases: {
    agencyStatuses: { agency: { code: string }; status: string; reason: string | null }[];
    nodes: { id: string }[];
  };
}

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

async function statusesFor(token: string) {
  const started = Date.now();
  const { body } = await stack.graphql<Dashboard>(DASHBOARD, { token });
  const statuses = Object.fromEntries(
    (body.data?.cases.agencyStatuses ?? []).map((s) => [s.agency.code, s.status]),
  );
  return { statuses, ms: Date.now() - started, body };
}

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

  it('six uploads abandoned mid-body leave the agency’s circuit breaker closed', async () => {
    for (let i = 0; i < 6; i++) {
      const { request } = slowUpload(await createUpload());
      // Long enough for the body to be on its way to the agency, then the person goes away.
      await new Promise((resolve) => setTimeout(resolve, 300));
      request.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toMatch(/upstream_breaker_state\{[^}]*agency="npe"[^}]*\} 0/);
    const { statuses } = await statusesFor(ingrid);
    expect(statuses.npe).toBe('OK');
  });

  it('a person holds only so many live-update streams at once; the next is refused with 429', async () => {
    const token = await stack.token('bereaved');
    const subscription = { query: 'subscription { caseEvents { caseId } }' };
    const as = (t: string) => ({ authorization: `Bearer ${t}` });
    const open = await Promise.all(Array.from({ length: 3 }, () => subscribe(stack.url, as(token))));
    try {
      const refused = await fetch(`${stack.url}/graphql/stream`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'text/event-stream',
        },
        body: JSON.stringify(subscription),
      });
      expect(refused.status).toBe(429);
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
    const gateway = await stack.gatewayWith({ UPSTREAM_TIMEOUT_MS: '10000', REQUEST_DEADLINE_MS: '2000' });
    const people = ['lawyer-many', 'guardian', 'bereaved', 'represented-party', 'citizen-npe-helseklage'];
    const tokens = await Promise.all(people.map((p) => stack.token(p, { consent: false })));
    await Promise.all(tokens.map((token) => giveConsents(gateway.url, token)));
    // The search answers; the cases then hang: the deadline must hold for what comes after the listing too.
    stack.mocks.agencies.helseklage.setFaults({ delayMs: 60_000, onlyPaths: ['/api/cases/'] });
    try {
      const answers = await Promise.all(
        tokens.map(async (token) => {
          const started = Date.now();
          const { body } = await gateway.graphql<Dashboard>(DASHBOARD, { token });
          const helseklage = body.data?.cases.agencyStatuses.find((s) => s.agency.code === 'helseklage');
          return { ms: Date.now() - started, helseklage: helseklage?.status };
        }),
      );
      for (const { ms, helseklage } of answers) {
        expect(ms).toBeLessThan(2_000);
        expect(helseklage).toBe('UNAVAILABLE');
      }
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }
  });
});
