/**
 * Prometheus metrics (prom-client, on a registry of our own). Label values are bounded: agency codes,
 * failure kinds, outcomes, breaker states, and operation names — the first 100 distinct names seen, then
 * "other" — never ids or people.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { BreakerState } from '../agencies/kit/resilience.js';

const MAX_OPERATION_NAMES = 100;
const BREAKER_VALUE: Record<BreakerState, number> = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 };

export class Metrics {
  readonly registry = new Registry();
  readonly #operationNames = new Set<string>();

  readonly #requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations by operation name and outcome (ok, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #requestSeconds = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL operation latency by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly #upstreamSeconds = new Histogram({
    name: 'upstream_request_duration_seconds',
    help: 'Agency call latency by agency and outcome (ok, or the failure kind).',
    labelNames: ['agency', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly #upstreamErrors = new Counter({
    name: 'upstream_errors_total',
    help: 'Failed agency calls by agency and failure kind.',
    labelNames: ['agency', 'failure'] as const,
    registers: [this.registry],
  });
  readonly #retries = new Counter({
    name: 'upstream_retries_total',
    help: 'Agency calls retried (within the retry budget).',
    labelNames: ['agency'] as const,
    registers: [this.registry],
  });
  readonly #breaker = new Gauge({
    name: 'upstream_breaker_state',
    help: 'Circuit breaker per agency: 0 closed, 1 half-open, 2 open.',
    labelNames: ['agency'] as const,
    registers: [this.registry],
  });
  /** What a scrape sets going (the agencies' health check, which answers the next scrape). */
  #onScrape: () => void = () => undefined;
  readonly #agencyUp = (() => {
    const scraped = () => this.#onScrape();
    return new Gauge({
      name: 'upstream_up',
      help: 'Whether each agency answered its last health check (1) or not (0); checked at most every 5 s.',
      labelNames: ['agency'] as const,
      registers: [this.registry],
      collect: scraped,
    });
  })();
  readonly #cache = new Counter({
    name: 'cache_lookups_total',
    help: 'Cache lookups by cache (safety_net, token) and result (hit, miss).',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });

  readonly #persisted = new Counter({
    name: 'persisted_operations_total',
    help: 'Registered operations sent by id, by operation name and the day the id was registered.',
    labelNames: ['operation', 'registered'] as const,
    registers: [this.registry],
  });

  #outboxDepth: () => Promise<number> = async () => 0;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const depth = () => this.#outboxDepth();
    new Gauge({
      name: 'outbox_depth',
      help: 'Submissions waiting in the outbox for delivery to an agency (-1: the store did not answer).',
      registers: [this.registry],
      async collect() {
        this.set(await depth().catch(() => -1));
      },
    });
  }

  /** How to count the outbox, once the store is there. */
  countOutboxWith(depth: () => Promise<number>): void {
    this.#outboxDepth = depth;
  }

  /** An operation name as a label: its name while fewer than 100 are known, else "other". */
  operationLabel(name: string | null | undefined): string {
    const value = name && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'anonymous';
    if (this.#operationNames.has(value)) return value;
    if (this.#operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.#operationNames.add(value);
    return value;
  }

  operation(name: string | null | undefined, seconds: number, ok: boolean): void {
    const operation = this.operationLabel(name);
    this.#requests.inc({ operation, outcome: ok ? 'ok' : 'error' });
    this.#requestSeconds.observe({ operation }, seconds);
  }

  /** A registered id was used (labels from the committed registry: bounded by it). */
  persistedOperation(operation: string, registered: string): void {
    this.#persisted.inc({ operation: this.operationLabel(operation), registered: registered || 'unknown' });
  }

  upstream(agency: string, seconds: number, failure: string | null): void {
    this.#upstreamSeconds.observe({ agency, outcome: failure ?? 'ok' }, seconds);
    if (failure) this.#upstreamErrors.inc({ agency, failure });
  }

  retry(agency: string): void {
    this.#retries.inc({ agency });
  }

  breaker(agency: string, state: BreakerState): void {
    this.#breaker.set({ agency }, BREAKER_VALUE[state]);
  }

  /** What to set going when Prometheus scrapes (it does not wait for it). */
  whenScraped(start: () => void): void {
    this.#onScrape = start;
  }

  agencyUp(agency: string, up: boolean): void {
    this.#agencyUp.set({ agency }, up ? 1 : 0);
  }

  cacheLookup(cache: 'safety_net' | 'token', hit: boolean): void {
    this.#cache.inc({ cache, result: hit ? 'hit' : 'miss' });
  }
}
