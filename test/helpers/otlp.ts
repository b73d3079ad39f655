/** A small OpenTelemetry collector on loopback: takes OTLP/HTTP JSON at `/v1/traces` and keeps the spans. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}

export interface Collector {
  url: string;
  /** Every span received so far. */
  spans: OtlpSpan[];
  /** The `service.name` of each batch received. */
  services: string[];
  /** Each batch's resource attributes (string values). */
  resources: Record<string, string>[];
  close(): Promise<void>;
}

export async function startCollector(): Promise<Collector> {
  const spans: OtlpSpan[] = [];
  const services: string[] = [];
  const resources: Record<string, string>[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const payload = JSON.parse(body) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: { stringValue?: string } }[] };
            scopeSpans: { spans: OtlpSpan[] }[];
          }[];
        };
        for (const r of payload.resourceSpans) {
          const attributes = Object.fromEntries(
            r.resource.attributes.map((a) => [a.key, a.value.stringValue ?? '']),
          );
          resources.push(attributes);
          services.push(attributes['service.name'] ?? '');
          spans.push(...r.scopeSpans.flatMap((s) => s.spans));
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    services,
    resources,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A span's attribute, as a string or a number. */
export function spanAttribute(span: OtlpSpan | undefined, key: string): string | number | undefined {
  const value = span?.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
}
