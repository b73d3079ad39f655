/**
 * OpenTelemetry tracing, off unless configured (`OTEL_TRACES_EXPORTER=otlp`), by the OpenTelemetry Node
 * SDK and its standard environment handling: the sampler (`OTEL_TRACES_SAMPLER`, `_ARG`), the resource
 * (`OTEL_RESOURCE_ATTRIBUTES` and the usual detectors), the exporter's settings (`OTEL_EXPORTER_OTLP_*`:
 * endpoint, headers, timeout, compression), propagators, `OTEL_SDK_DISABLED`.
 *
 * The gateway makes its own spans — a server span per request (continuing the caller's W3C `traceparent`),
 * named by its route, with the GraphQL operation's name and type and the request id; a client span per
 * agency call, whose context goes to the agency in `traceparent` — unless the process was started with
 * the standard auto-instrumentation (`--import @opentelemetry/auto-instrumentations-node/register`), which
 * makes those spans itself: then the gateway only adds what it knows to them, so that no request is traced
 * twice. No identity numbers, case numbers or paths with ids go into spans: only route templates, agency
 * codes, methods, status codes, failure kinds and the request id.
 */
import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ProxyTracerProvider,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FastifyInstance } from 'fastify';

export interface TracingSettings {
  /** `otlp` exports spans; `none` makes none. */
  exporter: 'otlp' | 'none';
  /**
   * Where traces go (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`);
   * null leaves it to the exporter's defaults (a collector at localhost:4318).
   */
  tracesUrl: string | null;
  serviceName: string;
}

export interface Tracing {
  tracer: Tracer;
  /** Whether the gateway makes the request and agency-call spans itself (not when auto-instrumented). */
  ownSpans: boolean;
  /** Sends what is still buffered and stops. */
  shutdown(): Promise<void>;
}

const TRACER_NAME = 'helseklage-graph';
const propagator = new W3CTraceContextPropagator();

/** The tracer provider something else registered first (the standard auto-instrumentation), if any. */
function registeredProvider(): TracerProvider | null {
  const registered = trace.getTracerProvider();
  const delegate = registered instanceof ProxyTracerProvider ? registered.getDelegate() : registered;
  // An unregistered proxy delegates to the API's no-op provider, the one a fresh proxy has.
  return delegate === new ProxyTracerProvider().getDelegate() ? null : delegate;
}

/** The tracing a configuration asks for; null when it is off. One per process (the SDK is process-wide). */
export function startTracing(settings: TracingSettings): Tracing | null {
  if (settings.exporter === 'none') return null;
  const registered = registeredProvider();
  if (registered) {
    return {
      tracer: trace.getTracer(TRACER_NAME),
      ownSpans: false,
      // Its owner shuts it down; what this gateway added goes out now.
      shutdown: async () => {
        await (registered as { forceFlush?: () => Promise<void> }).forceFlush?.();
      },
    };
  }
  const sdk = new NodeSDK({
    serviceName: settings.serviceName,
    traceExporter: new OTLPTraceExporter(settings.tracesUrl ? { url: settings.tracesUrl } : {}),
    instrumentations: [],
  });
  sdk.start();
  return { tracer: trace.getTracer(TRACER_NAME), ownSpans: true, shutdown: () => sdk.shutdown() };
}

/** The current trace and span ids, for each log line (none outside a traced request). */
export function traceFields(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One server span per request (probes and scrapes aside), made current for everything the request does,
 * carrying the request id — or, when auto-instrumentation made the span, the request id on its span.
 */
export function traceRequests(app: FastifyInstance, tracing: Tracing): void {
  if (!tracing.ownSpans) {
    app.addHook('onRequest', async (request) => {
      trace.getSpan(context.active())?.setAttribute('request.id', request.id);
    });
    return;
  }
  const { tracer } = tracing;
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
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'http.route': route, 'request.id': request.id },
      },
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
