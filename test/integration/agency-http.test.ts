/**
 * The adapter kit's HTTP client against a tiny agency on a real socket: request headers go out, response
 * headers come back (what paging by `Link` and caching by `ETag` need), a 304 is "unchanged", and an
 * answer that is not JSON is a typed BAD_RESPONSE — also for an upload's receipt.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgencyHttp } from '../../src/agencies/kit/http.js';
import { UpstreamError } from '../../src/errors.js';

let server: Server;
let http: AgencyHttp;
const seen: IncomingMessage['headers'][] = [];
const call = () => ({ signal: AbortSignal.timeout(5_000), correlationId: 'kit-test' });

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers);
    request.resume();
    if (request.url === '/api/catalog') {
      if (request.headers['if-none-match'] === '"v7"') {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, {
        'content-type': 'application/json',
        etag: '"v7"',
        link: '</api/catalog?page=2>; rel="next"',
      });
      response.end(JSON.stringify({ items: ['a'] }));
      return;
    }
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end('<html>not json</html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  http = new AgencyHttp({
    agency: 'kit',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    headers: { authorization: 'ApiKey kit' },
    connections: 2,
    connectTimeoutMs: 1_000,
    headersTimeoutMs: 1_000,
    bodyTimeoutMs: 1_000,
  });
});
afterAll(async () => {
  await http.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('the agency HTTP client', () => {
  const catalog = z.object({ items: z.array(z.string()) });

  it('sends a request’s own headers beside the agency’s and hands back the answer’s headers', async () => {
    const answer = await http.exchange(
      catalog,
      { method: 'GET', path: '/api/catalog', headers: { 'idempotency-key': 'k-1' } },
      call(),
    );
    expect(answer).toMatchObject({ status: 200, data: { items: ['a'] } });
    expect(answer.headers.etag).toBe('"v7"');
    expect(answer.headers.link).toBe('</api/catalog?page=2>; rel="next"');
    expect(seen.at(-1)).toMatchObject({
      authorization: 'ApiKey kit',
      'idempotency-key': 'k-1',
      'x-correlation-id': 'kit-test',
    });
  });

  it('answers a conditional request the agency says is unchanged with status 304 and no data', async () => {
    const answer = await http.exchange(
      catalog,
      { method: 'GET', path: '/api/catalog', headers: { 'if-none-match': '"v7"' } },
      call(),
    );
    expect([answer.status, answer.data]).toEqual([304, null]);
  });

  it('types a receipt that is not JSON as BAD_RESPONSE, never a bare SyntaxError', async () => {
    const upload = http.upload(
      z.object({ id: z.string() }),
      {
        path: '/api/files',
        headers: { 'content-type': 'application/pdf' },
        body: Readable.from([Buffer.from('%PDF')]),
        sizeBytes: 4,
      },
      call(),
    );
    await expect(upload).rejects.toBeInstanceOf(UpstreamError);
    await expect(upload).rejects.toMatchObject({ failure: 'BAD_RESPONSE' });
  });
});
