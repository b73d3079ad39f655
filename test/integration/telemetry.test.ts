/**
 * Telemetry that joins up, as a platform team reads it: with tracing on, every log line of a traced
 * request names its trace (and the spans carry the request id), and the log of a whole flow — a login
 * through the identity provider, a download, an upload — holds no signed link, no token and no OAuth
 * `code` or `state`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/browser.js';
import { startCollector, spanAttribute, type Collector } from '../helpers/otlp.js';
import { uploadPdf } from '../helpers/submissions.js';
import { postGraphql, startTestStack, type TestStack } from '../helpers/stack.js';

interface LogLine {
  msg: string;
  reqId?: string;
  trace_id?: string;
  span_id?: string;
}

let stack: TestStack;
let collector: Collector;
const raw: string[] = [];
const lines = () => raw.map((line) => JSON.parse(line) as LogLine);

beforeAll(async () => {
  collector = await startCollector();
  stack = await startTestStack({
    env: { LOG_LEVEL: 'info', OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url },
    gateway: { logStream: { write: (line) => void raw.push(line) } },
  });
});
afterAll(async () => {
  await stack.close();
  await collector.close();
});

const DOCUMENTS = `query { cases(first: 5) { nodes { id viewerCan { submitInformation }
  documents(first: 3) { downloadUrl } } } }`;
interface Documents {
  cases: {
    nodes: {
      id: string;
      viewerCan: { submitInformation: boolean };
      documents: { downloadUrl: string | null }[];
    }[];
  };
}

describe('logs and traces', () => {
  it('a login, a download and an upload leave no signed link, token, code or state in the log', async () => {
    const browser = new Browser();
    const cookie = await browser.logIn(stack.url, '15838510075');
    expect(cookie).not.toBe('');
    const callback = new URL(browser.visited.find((url) => url.includes('/auth/callback')) ?? '');
    const secrets = [callback.searchParams.get('code'), callback.searchParams.get('state')];
    expect(secrets.every((s) => s && s.length >= 8)).toBe(true);

    const token = await stack.token('citizen-npe-helseklage');
    const { body } = await postGraphql<Documents>(stack.url, DOCUMENTS, { token });
    const cases = body.data?.cases.nodes ?? [];
    const link = cases.flatMap((c) => c.documents.map((d) => d.downloadUrl)).find(Boolean);
    expect(link).toBeTruthy();
    const download = await fetch(`${stack.url}${new URL(link!).pathname}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    await download.arrayBuffer();
    const sendable = cases.find((c) => c.viewerCan.submitInformation);
    await uploadPdf(stack.url, token, sendable!.id);
    secrets.push(new URL(link!).pathname.split('/').pop()!, token, cookie);

    const log = raw.join('');
    // The requests were logged — only without what proves a right.
    expect(log).toContain('/auth/callback?code=[redacted]&state=[redacted]');
    expect(log).toContain('/files/documents/[redacted]');
    expect(log).toMatch(/"url":"\/files\/uploads\/[\w-]+"/);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  it('every log line of a traced request names its trace, and its span carries the request id', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const trace = '5bf92f3577b34da6a3ce929d0e0e4736';
    const { headers } = await postGraphql(stack.url, 'query Mine { cases { totalCount } }', {
      token,
      headers: { traceparent: `00-${trace}-00f067aa0ba902b7-01` },
    });
    const requestId = String(headers['x-request-id']);
    const ofRequest = lines().filter((line) => line.reqId === requestId);
    expect(ofRequest.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
    for (const line of ofRequest) {
      expect(line.trace_id, line.msg).toBe(trace);
      expect(line.span_id, line.msg).toMatch(/^[0-9a-f]{16}$/);
    }

    await stack.gateway.close(); // flushes the spans
    const server = collector.spans.find((s) => s.traceId === trace && s.kind === 2);
    expect(spanAttribute(server, 'request.id')).toBe(requestId);
    expect(spanAttribute(server, 'graphql.operation.name')).toBe('Mine');
  });
});
