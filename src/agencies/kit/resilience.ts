/**
 * What keeps one agency's trouble from becoming everyone's: a circuit breaker per agency (cockatiel) that
 * fails fast while the agency is failing and lets one probe through to close again, and at most one retry
 * of an idempotent read, under a retry budget, so that an outage never multiplies the load on an agency
 * that is already struggling. (Timeouts and the concurrency cap live in the agency's undici pool; the
 * request's deadline in its abort signal.)
 */
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { UpstreamError } from '../../errors.js';

export interface ResilienceSettings {
  /** Consecutive failures that open the breaker. */
  breakerFailures: number;
  /** How long the breaker stays open before one probe may pass. */
  breakerOpenMs: number;
  /** Retries allowed as a share of requests (per 10 s window), on top of `retryMinimum`. */
  retryRatio: number;
  /** Retries always allowed per window, so that a quiet agency can still be retried. */
  retryMinimum: number;
}

export const DEFAULT_RESILIENCE: ResilienceSettings = {
  breakerFailures: 5,
  breakerOpenMs: 10_000,
  retryRatio: 0.1,
  retryMinimum: 10,
};

export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/**
 * Failures that say the agency is unwell: no answer in time, none at all, a server error, or an answer that
 * cannot be used (malformed, oversized, not UTF-8). Not a 4xx (we asked for something it does not have),
 * and never a caller who went away (CANCELLED): a person cannot open the breaker for everyone.
 */
function unwell(error: unknown): boolean {
  return (
    error instanceof UpstreamError &&
    (error.failure === 'TIMEOUT' ||
      error.failure === 'UNREACHABLE' ||
      error.failure === 'BAD_RESPONSE' ||
      (error.failure === 'HTTP_ERROR' && (error.status ?? 500) >= 500))
  );
}

/** Failures worth one more try: the agency was unreachable or erred; not a timeout (the time is spent), not a bad answer. */
function retriable(error: unknown): boolean {
  return (
    unwell(error) &&
    error instanceof UpstreamError &&
    error.failure !== 'TIMEOUT' &&
    error.failure !== 'BAD_RESPONSE'
  );
}

/** Retries as a share of requests in a fixed window: the budget a retry must fit in. */
export class RetryBudget {
  #windowStart = 0;
  #requests = 0;
  #retries = 0;

  constructor(
    private readonly ratio: number,
    private readonly minimum: number,
    private readonly windowMs = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  request(): void {
    this.#roll();
    this.#requests++;
  }

  /** True (and counted) when one more retry fits. */
  tryRetry(): boolean {
    this.#roll();
    if (this.#retries >= this.minimum + this.ratio * this.#requests) return false;
    this.#retries++;
    return true;
  }

  #roll(): void {
    const now = this.clock();
    if (now - this.#windowStart < this.windowMs) return;
    this.#windowStart = now;
    this.#requests = 0;
    this.#retries = 0;
  }
}

export interface ResilienceEvents {
  onStateChange?(agency: string, state: BreakerState): void;
  onRetry?(agency: string, error: UpstreamError): void;
  /** Every call (its retry included) that reached the agency or failed fast: its time, and its failure kind. */
  onCall?(agency: string, seconds: number, failure: string | null): void;
}

export class AgencyResilience {
  readonly #breaker: CircuitBreakerPolicy;
  readonly #budget: RetryBudget;

  constructor(
    private readonly agency: string,
    settings: ResilienceSettings,
    private readonly events: ResilienceEvents = {},
  ) {
    this.#breaker = circuitBreaker(handleWhen(unwell), {
      halfOpenAfter: settings.breakerOpenMs,
      breaker: new ConsecutiveBreaker(settings.breakerFailures),
    });
    this.#budget = new RetryBudget(settings.retryRatio, settings.retryMinimum);
    this.#breaker.onStateChange((state) => events.onStateChange?.(agency, toBreakerState(state)));
  }

  get state(): BreakerState {
    return toBreakerState(this.#breaker.state);
  }

  /**
   * One call to the agency through the breaker. An idempotent read that fails in a retriable way is tried
   * once more if the budget allows and the caller's deadline has not passed. The breaker sees the call as
   * one: its retry is part of it, so a call that fails twice is one failure, and one that succeeds on its
   * retry is a success.
   */
  async run<T>(attempt: () => Promise<T>, options: { idempotent: boolean; signal: AbortSignal }): Promise<T> {
    this.#budget.request();
    const withRetry = async () => {
      try {
        return await attempt();
      } catch (error) {
        if (!options.idempotent || !retriable(error) || options.signal.aborted || !this.#budget.tryRetry())
          throw error;
        this.events.onRetry?.(this.agency, error as UpstreamError);
        return attempt();
      }
    };
    const started = performance.now();
    const took = () => (performance.now() - started) / 1000;
    try {
      const result = await this.#breaker.execute(withRetry);
      this.events.onCall?.(this.agency, took(), null);
      return result;
    } catch (error) {
      const failure =
        error instanceof BrokenCircuitError
          ? new UpstreamError(this.agency, 'CIRCUIT_OPEN', 'is failing; not asked again for a while')
          : error;
      this.events.onCall?.(
        this.agency,
        took(),
        failure instanceof UpstreamError ? failure.failure : 'UNEXPECTED',
      );
      throw failure;
    }
  }
}

function toBreakerState(state: CircuitState): BreakerState {
  if (state === CircuitState.Closed) return 'CLOSED';
  if (state === CircuitState.HalfOpen) return 'HALF_OPEN';
  return 'OPEN';
}
