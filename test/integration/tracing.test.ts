/**
 * OpenTelemetry tracing, switched on by configuration: a gateway with OTEL_TRACES_EXPORTER=otlp sends its
 * spans by OTLP/HTTP to a collector (here a small one on loopback): one server span per request, continuing
 * the caller's traceparent and named after the GraphQL operation, with a child span per agency call whose
 * context the agency receives. Off by default: no spans, no traceparent to the agencies.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { spanAttribute as attribute, startCollector, type Collector } from '../helpers/otlp.js';
import { gatewayProcesses } from '../helpers/process.js';
import { postGraphql, startGateway, startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
let collector: Collector;
const processes = gatewayProcesses();
beforeAll(async () => {
  stack = await startTestStack();
  collector = await startCollector();
});
afterAll(async () => {
  processes.killAll();
  await stack.close();
  await collector.close();
});

describe('tracing', () => {
  it('exports a request’s span, its operation and its agency calls as one trace, and tells the agencies', async () => {
    const traced = await startGateway({
      ...stack.mocks.gatewayEnvironment(),
      LOG_LEVEL: 'silent',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'graph-under-test',
    });
    const token = await stack.token('citizen-dk-compensation');
    const stpk = stack.mocks.agencies.stpk;
    stpk.resetStats();
    // The caller's trace (a frontend or a load balancer) goes on in the gateway.
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { body } = await traced.graphql('query MyCases { cases { totalCount nodes { id } } }', {
      token,
      headers: { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` },
    });
    expect(body.errors).toBeUndefined();
    // A probe is not traced.
    await request(`${traced.url}/healthz`).then((r) => r.body.dump());
    await traced.close(); // flushes the spans
    expect(collector.spans.some((s) => s.name === 'GET /healthz')).toBe(false);

    const server = collector.spans.find(
      (s) => s.kind === 2 && attribute(s, 'graphql.operation.name') === 'MyCases',
    );
    expect(server).toMatchObject({
      name: 'POST /graphql',
      traceId: callerTrace,
      parentSpanId: '00f067aa0ba902b7',
    });
    expect(attribute(server, 'graphql.operation.type')).toBe('query');
    expect(attribute(server, 'http.response.status_code')).toBe(200);
    const calls = collector.spans.filter((s) => s.kind === 3 && s.traceId === callerTrace);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const call of calls) expect(call.parentSpanId).toBe(server?.spanId);
    expect(new Set(calls.map((c) => attribute(c, 'agency.code')))).toEqual(
      new Set(['stpk', 'patienterstatningen']),
    );
    expect(collector.services).toContain('graph-under-test');
    // The agency received the call's own span context, in the caller's trace.
    const stpkSpans = calls.filter((c) => attribute(c, 'agency.code') === 'stpk').map((c) => c.spanId);
    expect(stpk.stats.traceparents.length).toBeGreaterThan(0);
    for (const header of stpk.stats.traceparents) {
      const [, traceId, spanId] = header.split('-');
      expect(traceId).toBe(callerTrace);
      expect(stpkSpans).toContain(spanId);
    }
    // Nothing in any span names a person or a case.
    const text = JSON.stringify(collector.spans);
    expect(text).not.toMatch(/6809791457|stpk:|patienterstatningen:\d/);
  });

  it('is off by default: no spans, no traceparent to the agencies', async () => {
    const before = collector.spans.length;
    const stpk = stack.mocks.agencies.stpk;
    stpk.resetStats();
    const { body } = await stack.graphql('{ cases { totalCount } }', {
      token: await stack.token('citizen-dk-compensation'),
    });
    expect(body.errors).toBeUndefined();
    expect(stpk.stats.total).toBeGreaterThan(0);
    expect(stpk.stats.traceparents).toEqual([]);
    expect(collector.spans.length).toBe(before);
  });

  it('follows the SDK’s standard environment: the sampler and the resource attributes', async () => {
    const gateway = await processes.start({
      ...stack.mocks.gatewayEnvironment(),
      ...stack.database,
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'graph-by-environment',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=probe,service.namespace=klage',
      // Nothing of its own is sampled; what a sampled caller asks for is.
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0',
    });
    const token = await stack.token('citizen-npe-helseklage');
    const before = collector.spans.length;
    const sampled = '6bf92f3577b34da6a3ce929d0e0e4736';
    await postGraphql(gateway.url, 'query Sampled { cases { totalCount } }', {
      token,
      headers: { traceparent: `00-${sampled}-00f067aa0ba902b7-01` },
    });
    await postGraphql(gateway.url, 'query NotSampled { cases { totalCount } }', { token });
    const exited = once(gateway.child, 'exit');
    gateway.child.kill('SIGTERM');
    await exited;
    const mine = collector.spans.slice(before).filter((s) => attribute(s, 'graphql.operation.name'));
    expect(mine.map((s) => attribute(s, 'graphql.operation.name'))).toEqual(['Sampled']);
    expect(mine[0]?.traceId).toBe(sampled);
    expect(collector.resources).toContainEqual(
      expect.objectContaining({
        'service.name': 'graph-by-environment',
        'deployment.environment.name': 'probe',
        'service.namespace': 'klage',
      }),
    );
  });

  it('beside the standard auto-instrumentation, adds to its spans instead of making a second trace', async () => {
    const preload = fileURLToPath(new URL('../helpers/otel-auto-instrumentation.mjs', import.meta.url));
    const gateway = await processes.start({
      ...stack.mocks.gatewayEnvironment(),
      ...stack.database,
      NODE_OPTIONS: `--import ${preload}`,
      // The instrumentation's exporter speaks JSON to the test's collector (its default is protobuf).
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    });
    const token = await stack.token('citizen-npe-helseklage');
    const traceId = '7bf92f3577b34da6a3ce929d0e0e4736';
    const { headers } = await postGraphql(gateway.url, 'query Auto { cases { totalCount } }', {
      token,
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const exited = once(gateway.child, 'exit');
    gateway.child.kill('SIGTERM');
    await exited;
    const servers = collector.spans.filter((s) => s.traceId === traceId && s.kind === 2);
    // One server span, the instrumentation's, with what the gateway knows about the request on it.
    expect(servers).toHaveLength(1);
    expect(attribute(servers[0], 'graphql.operation.name')).toBe('Auto');
    expect(attribute(servers[0], 'request.id')).toBe(headers['x-request-id']);
    expect(collector.spans.filter((s) => s.traceId === traceId && attribute(s, 'agency.code'))).toEqual([]);
  });
});
