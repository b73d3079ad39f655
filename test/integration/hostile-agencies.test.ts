/**
 * An agency that answers wrongly on purpose, on a real socket, read through a real adapter (NPE's): an
 * answer of 50 MB, one that never ends, one that trickles, invalid UTF-8 in a case number, a page count of
 * a million and a quarter of a million hits. Each is a typed BAD_RESPONSE or TIMEOUT, found quickly and
 * cheaply — never the gateway's memory, never thousands of calls, never an exception past the safety net.
 */
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNpeAdapter } from '../../src/agencies/npe/adapter.js';
import type { AgencyAdapter } from '../../src/agencies/kit/port.js';
import { UpstreamError } from '../../src/errors.js';

type Behaviour = (response: ServerResponse) => void;

let server: Server;
let npe: AgencyAdapter;
let behave: Behaviour = (response) => response.writeHead(404).end();
let calls = 0;
let bytesSent = 0;

const CALL_TIMEOUT_MS = 1_000;
const call = () => ({ signal: AbortSignal.timeout(20_000), correlationId: 'hostile-test' });
const MB = 1024 * 1024;
const filler = Buffer.alloc(64 * 1024, 0x20);

/** A JSON search page with these hits, as NPE writes it. */
function searchPage(hits: number, pages = 1, side = 1): string {
  const hit = {
    saksnummer: '2026-00001',
    rolle: 'SKADELIDT',
    opprettet: '2026-01-05T10:00:00.000Z',
    sistEndret: '2026-02-05T10:00:00.000Z',
    avsluttet: null,
  };
  const treff = JSON.stringify(hit);
  return `{"treff":[${Array.from({ length: hits }, () => treff).join(',')}],"vergemaal":false,"side":${side},"antallSider":${pages},"totaltAntall":${hits}}`;
}

/** Writes `total` bytes of whitespace-padded JSON (or without end), honouring back-pressure. */
function padded(response: ServerResponse, total: number): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"treff":[');
  let sent = 0;
  const more = () => {
    while (sent < total) {
      sent += filler.length;
      bytesSent += filler.length;
      if (!response.write(filler)) return void response.once('drain', more);
    }
    response.end('],"vergemaal":false,"side":1,"antallSider":1,"totaltAntall":0}');
  };
  response.once('close', () => (sent = total));
  more();
}

function memoryMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss / MB;
}

async function failureOf(work: Promise<unknown>): Promise<UpstreamError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    calls++;
    request.resume();
    behave(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  npe = createNpeAdapter({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiKey: 'hostile',
    http: {
      connections: 4,
      connectTimeoutMs: 1_000,
      headersTimeoutMs: CALL_TIMEOUT_MS,
      bodyTimeoutMs: CALL_TIMEOUT_MS,
      // Many failures in a row here: keep the breaker out of what each test looks at.
      resilience: { breakerFailures: 1000, breakerOpenMs: 1000, retryRatio: 0, retryMinimum: 0 },
    },
  });
});
afterAll(async () => {
  await npe.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('a hostile agency answer', () => {
  it('of 50 MB is refused at the size cap, and the gateway’s memory stays within 50 MB of where it was', async () => {
    behave = (response) => padded(response, 50 * MB);
    bytesSent = 0;
    const before = memoryMb();
    const error = await failureOf(npe.casesForPerson('15838510075', call()));
    expect(error.failure).toBe('BAD_RESPONSE');
    expect(error.message).toMatch(/more than \d+ bytes/);
    expect(memoryMb() - before).toBeLessThan(50);
    // Reading stopped at the cap: most of the 50 MB was never sent.
    expect(bytesSent).toBeLessThan(20 * MB);
  });

  it('that never ends is refused at the size cap, quickly, without holding memory', async () => {
    behave = (response) => padded(response, Number.POSITIVE_INFINITY);
    const before = memoryMb();
    const started = Date.now();
    const error = await failureOf(npe.casesForPerson('15838510075', call()));
    expect(error.failure).toBe('BAD_RESPONSE');
    expect(Date.now() - started).toBeLessThan(CALL_TIMEOUT_MS);
    expect(memoryMb() - before).toBeLessThan(50);
  });

  it('that trickles (a chunk every half second) ends at the call’s total time, not at an idle timer', async () => {
    const body = searchPage(1);
    behave = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      let at = 0;
      const timer = setInterval(() => {
        if (at >= body.length) return void (clearInterval(timer), response.end());
        response.write(body.slice(at, at + 10));
        at += 10;
      }, 500);
      response.once('close', () => clearInterval(timer));
    };
    const started = Date.now();
    const error = await failureOf(npe.casesForPerson('15838510075', call()));
    expect(error.failure).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(CALL_TIMEOUT_MS + 300);
  });

  it('with a malformed registration on a hit keeps the hit and drops only the hint (documents then wait for the case)', async () => {
    const page = searchPage(1).replace(
      '"avsluttet":null',
      '"avsluttet":null,"registrering":{"harMobil":"ja","antallAdvokater":-3}',
    );
    behave = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(page);
    const listing = await npe.casesForPerson('15838510075', call());
    expect(listing.cases).toHaveLength(1);
    expect(listing.cases[0]?.caseNumber).toBe('2026-00001');
    expect(listing.cases[0]?.registration).toBeUndefined();
  });

  it('with invalid UTF-8 in a case number is BAD_RESPONSE, not a silently different case number', async () => {
    const page = Buffer.from(searchPage(1).replace('2026-00001', '2026-0000\u0001'));
    // Replace the control character with a lone continuation byte: not UTF-8.
    page[page.indexOf(0x01)] = 0x80;
    behave = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(page);
    const error = await failureOf(npe.casesForPerson('15838510075', call()));
    expect(error).toMatchObject({ failure: 'BAD_RESPONSE' });
    expect(error.message).toContain('UTF-8');
  });

  it('that says it has a million pages is followed for 50 pages at most, then refused', async () => {
    let side = 0;
    behave = (response) => {
      side++;
      response.writeHead(200, { 'content-type': 'application/json' }).end(searchPage(1, 1_000_000, side));
    };
    calls = 0;
    const error = await failureOf(npe.casesForPerson('15838510075', call()));
    expect(error).toMatchObject({ failure: 'BAD_RESPONSE' });
    expect(calls).toBe(50);
  });

  it('of a quarter of a million hits is a typed failure, not a RangeError', async () => {
    const page = searchPage(250_000);
    behave = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(page);
    const error = await failureOf(npe.casesForPerson('15838510075', call()));
    expect(error.failure).toBe('BAD_RESPONSE');
  });
});
