/**
 * OpenTelemetry tracing, off unless configured (`OTEL_TRACES_EXPORTER=otlp`): a server span per request
 * (continuing the caller's W3C `traceparent`), named by its route and carrying the GraphQL operation's
 * name and type, and a client span per agency call, whose context goes to the agency in `traceparent`.
 * Spans leave by OTLP over HTTP. No identity numbers, case numbers or paths with ids go into spans: only
 * route templates, agency codes, methods, status codes and failure kinds.
 *
 * Spans are made explicitly (no monkey-patching, which ES modules would not allow without a loader); the
 * request's span travels to the agency calls through AsyncLocalStorage.
 */
import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FastifyInstance } from 'fastify';

export interface TracingSettings {
  /** `otlp` exports spans; `none` makes none. */
  exporter: 'otlp' | 'none';
  /** The OTLP/HTTP endpoint (the collector); traces go to `<endpoint>/v1/traces`. */
  endpoint: string;
  serviceName: string;
}

export interface Tracing {
  tracer: Tracer;
  /** Sends what is still buffered and stops. */
  shutdown(): Promise<void>;
}

const propagator = new W3CTraceContextPropagator();
let contextManagerInstalled = false;

/** The tracing a configuration asks for; null when it is off. */
export function startTracing(settings: TracingSettings): Tracing | null {
  if (settings.exporter === 'none') return null;
  // Context propagation is process-wide (one AsyncLocalStorage); providers are per gateway.
  if (!contextManagerInstalled) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    contextManagerInstalled = true;
  }
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${settings.endpoint.replace(/\/$/, '')}/v1/traces` }),
      }),
    ],
  });
  return { tracer: provider.getTracer('helseklage-graph'), shutdown: () => provider.shutdown() };
}

const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

/** One server span per request (probes and scrapes aside), made current for everything the request does. */
export function traceRequests(app: FastifyInstance, tracer: Tracer): void {
  const spans = new WeakMap<object, Span>();
  app.addHook('onRequest', (request, _reply, done) => {
    // Probes and scrapes come every few seconds and say nothing about the graph's work.
    if (UNTRACED.has(request.routeOptions.url ?? '')) {
      done();
      return;
    }
    const parent = propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
    const route = request.routeOptions.url ?? 'unknown route';
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
      parent,
    );
    spans.set(request, span);
    // Fastify goes on inside this call: the rest of the request runs with the span as current.
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = spans.get(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

/** Marks the current request's span with its GraphQL operation's name and type. */
export function operationTracing<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operationName, operation }) => {
        const span = trace.getSpan(context.active());
        if (operationName) span?.setAttribute('graphql.operation.name', operationName);
        if (operation) span?.setAttribute('graphql.operation.type', operation.operation);
      },
    }),
  };
}

/**
 * Runs one agency call in a client span (child of the current request's span) and passes the span's
 * context to the agency in the headers given. Without a tracer, just runs it.
 */
export async function traceAgencyCall<T>(
  tracer: Tracer | undefined,
  agency: string,
  method: string,
  headers: Record<string, string>,
  send: (headers: Record<string, string>) => Promise<T & { statusCode: number }>,
): Promise<T & { statusCode: number }> {
  if (!tracer) return send(headers);
  const span = tracer.startSpan(`${method} ${agency}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'http.request.method': method, 'agency.code': agency },
  });
  const withContext = { ...headers };
  propagator.inject(trace.setSpan(context.active(), span), withContext, defaultTextMapSetter);
  try {
    const response = await send(withContext);
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return response;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).name });
    throw error;
  } finally {
    span.end();
  }
}
