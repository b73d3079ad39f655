/**
 * Prometheus metrics (prom-client, on a registry of our own), by Prometheus' naming conventions: every
 * series of the gateway's own starts with `helseklage_graph_` (the process and Node.js series keep their
 * standard names), counters end in `_total`, times are in seconds, states are labels. Label values are
 * bounded: agency codes, failure kinds, outcomes, error codes from the public contract, route families,
 * and operation names from the registered operations (anything else is `unregistered`) — never ids or
 * people.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { projectPath } from '../project-path.js';
import type { BreakerState } from '../agencies/kit/resilience.js';
import { ERROR_CODES } from '../errors.js';
import type { AttemptOutcome } from '../submissions/records.js';

const PREFIX = 'helseklage_graph_';
const BREAKER_STATES: readonly BreakerState[] = ['CLOSED', 'HALF_OPEN', 'OPEN'];

/** Codes an answer may carry besides the contract's: Apollo's own and the operation admission's. */
const KNOWN_CODES = new Set<string>([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_NOT_REGISTERED',
]);
/** Errors that are ours or an agency's to fix, not the caller's. */
const INTERNAL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'UPSTREAM_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);

/** The route families of the HTTP series: what an operator tells apart on a dashboard. */
export type RouteFamily = 'graphql' | 'stream' | 'files' | 'auth' | 'events' | 'probes' | 'other';
export type StreamTransport = 'sse' | 'multipart' | 'websocket';

/** The family of a route template (Fastify's `routeOptions.url`). */
export function routeFamily(route: string | undefined, streaming: boolean): RouteFamily {
  if (streaming || route === '/graphql/stream') return 'stream';
  if (route === '/graphql') return 'graphql';
  if (route?.startsWith('/files/')) return 'files';
  if (route?.startsWith('/auth/')) return 'auth';
  if (route?.startsWith('/events/')) return 'events';
  if (route === '/healthz' || route === '/readyz' || route === '/metrics') return 'probes';
  return 'other';
}

export interface BuildInfo {
  version: string;
  revision: string;
}

export class Metrics {
  readonly registry = new Registry();
  readonly #operations: ReadonlySet<string>;

  readonly #requests = new Counter({
    name: `${PREFIX}graphql_requests_total`,
    help: 'GraphQL operations by registered operation name, outcome (ok, user_error, internal_error) and error code.',
    labelNames: ['operation', 'outcome', 'code'] as const,
    registers: [this.registry],
  });
  readonly #requestSeconds = new Histogram({
    name: `${PREFIX}graphql_request_duration_seconds`,
    help: 'GraphQL operation latency by registered operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly #httpRequests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests by route family (graphql, stream, files, auth, events, probes, other) and status class.',
    labelNames: ['family', 'status'] as const,
    registers: [this.registry],
  });
  readonly #httpSeconds = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'HTTP request duration by route family (a stream: how long it stayed open).',
    labelNames: ['family'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120, 600],
    registers: [this.registry],
  });
  readonly #openStreams = new Gauge({
    name: `${PREFIX}open_streams`,
    help: 'Live-update streams open on this instance, by transport (sse, multipart, websocket).',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });
  readonly #upstreamSeconds = new Histogram({
    name: `${PREFIX}upstream_request_duration_seconds`,
    help: 'Agency call latency by agency and outcome (ok, or the failure kind).',
    labelNames: ['agency', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly #upstreamErrors = new Counter({
    name: `${PREFIX}upstream_errors_total`,
    help: 'Failed agency calls by agency and failure kind.',
    labelNames: ['agency', 'failure'] as const,
    registers: [this.registry],
  });
  readonly #retries = new Counter({
    name: `${PREFIX}upstream_retries_total`,
    help: 'Agency calls retried (within the retry budget).',
    labelNames: ['agency'] as const,
    registers: [this.registry],
  });
  readonly #breaker = new Gauge({
    name: `${PREFIX}upstream_breaker_state`,
    help: 'Circuit breaker per agency: 1 for its current state (closed, half_open, open), 0 for the others.',
    labelNames: ['agency', 'state'] as const,
    registers: [this.registry],
  });
  /** What a scrape sets going (the agencies' health check, which answers the next scrape). */
  #onScrape: () => void = () => undefined;
  readonly #agencyUp = (() => {
    const scraped = () => this.#onScrape();
    return new Gauge({
      name: `${PREFIX}upstream_up`,
      help: 'Whether each agency answered its last health check (1) or not (0); checked at most every 5 s.',
      labelNames: ['agency'] as const,
      registers: [this.registry],
      collect: scraped,
    });
  })();
  readonly #cache = new Counter({
    name: `${PREFIX}cache_lookups_total`,
    help: 'Cache lookups by cache (safety_net, token) and result (hit, miss).',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });
  readonly #persisted = new Counter({
    name: `${PREFIX}persisted_operations_total`,
    help: 'Registered operations sent by id, by operation name and the day the id was registered.',
    labelNames: ['operation', 'registered'] as const,
    registers: [this.registry],
  });
  readonly #deliveries = new Counter({
    name: `${PREFIX}submission_attempts_total`,
    help: 'Outbox delivery attempts by agency and outcome (delivered, found_at_agency, retry, gave_up, refused_by_agency, not_allowed, not_supported).',
    labelNames: ['agency', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #outboxDepthErrors = new Counter({
    name: `${PREFIX}outbox_depth_errors_total`,
    help: 'Scrapes at which the records did not answer how many submissions wait (outbox_depth then keeps its last value).',
    registers: [this.registry],
  });

  #outboxDepth: () => Promise<number> = async () => 0;

  constructor(
    /** The registered operations' names: the only operation label values besides `unregistered`. */
    operations: Iterable<string>,
    build: BuildInfo,
  ) {
    this.#operations = new Set(operations);
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: `${PREFIX}build_info`,
      help: 'Always 1; the labels say which build runs (version, revision, Node.js version).',
      labelNames: ['version', 'revision', 'node_version'] as const,
      registers: [this.registry],
    }).set({ version: build.version, revision: build.revision, node_version: process.version }, 1);
    const depth = () => this.#outboxDepth();
    const depthErrors = this.#outboxDepthErrors;
    new Gauge({
      name: `${PREFIX}outbox_depth`,
      help: 'Submissions waiting in the outbox for delivery to an agency.',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await depth());
        } catch {
          depthErrors.inc();
        }
      },
    });
  }

  /** How to count the outbox, once the store is there. */
  countOutboxWith(depth: () => Promise<number>): void {
    this.#outboxDepth = depth;
  }

  /** What to set going when Prometheus scrapes (it does not wait for it). */
  whenScraped(start: () => void): void {
    this.#onScrape = start;
  }

  /** An operation name as a label: a registered operation's name, else `unregistered`. */
  operationLabel(name: string | null | undefined): string {
    return name && this.#operations.has(name) ? name : 'unregistered';
  }

  /** An operation answered: ok, or the first error's code, counted as the caller's or ours. */
  operation(name: string | null | undefined, seconds: number, errorCodes: readonly unknown[]): void {
    const operation = this.operationLabel(name);
    const codes = errorCodes.map((c) => (typeof c === 'string' ? c : 'OTHER'));
    const first = codes[0];
    const code = first === undefined ? 'none' : KNOWN_CODES.has(first) ? first : 'OTHER';
    const internal = codes.some((c) => INTERNAL_CODES.has(c));
    const outcome = first === undefined ? 'ok' : internal ? 'internal_error' : 'user_error';
    this.#requests.inc({ operation, outcome, code });
    this.#requestSeconds.observe({ operation }, seconds);
  }

  /** A registered id was used (labels from the committed registry: bounded by it). */
  persistedOperation(operation: string, registered: string): void {
    this.#persisted.inc({ operation: this.operationLabel(operation), registered: registered || 'unknown' });
  }

  /** An HTTP request ended (a stream: closed). */
  http(family: RouteFamily, status: number, seconds: number): void {
    this.#httpRequests.inc({ family, status: `${Math.floor(status / 100)}xx` });
    this.#httpSeconds.observe({ family }, seconds);
  }

  /** A live stream opened; the function returned counts it closed. */
  streamOpened(transport: StreamTransport): () => void {
    this.#openStreams.inc({ transport });
    let open = true;
    return () => {
      if (open) this.#openStreams.dec({ transport });
      open = false;
    };
  }

  upstream(agency: string, seconds: number, failure: string | null): void {
    this.#upstreamSeconds.observe({ agency, outcome: failure ?? 'ok' }, seconds);
    if (failure) this.#upstreamErrors.inc({ agency, failure });
  }

  retry(agency: string): void {
    this.#retries.inc({ agency });
  }

  breaker(agency: string, current: BreakerState): void {
    for (const state of BREAKER_STATES)
      this.#breaker.set({ agency, state: state.toLowerCase() }, state === current ? 1 : 0);
  }

  agencyUp(agency: string, up: boolean): void {
    this.#agencyUp.set({ agency }, up ? 1 : 0);
  }

  cacheLookup(cache: 'safety_net' | 'token', hit: boolean): void {
    this.#cache.inc({ cache, result: hit ? 'hit' : 'miss' });
  }

  deliveryAttempt(agency: string, outcome: AttemptOutcome): void {
    this.#deliveries.inc({ agency, outcome: outcome.toLowerCase() });
  }
}

/** The gateway's version, from its package.json (beside the code, in the image too). */
export function packageVersion(): string {
  const path = projectPath('package.json');
  if (!path) return 'unknown';
  return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? 'unknown';
}

/** `/metrics` on a port of its own (nothing else answers there). */
export async function serveMetrics(
  metrics: Metrics,
  host: string,
  port: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
