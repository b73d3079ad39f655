/**
 * `/readyz` means "send me traffic": this instance has started, is not stopping, and reaches the store
 * (Redis) and the records (PostgreSQL), without which it can keep nothing it accepts. The agencies are not
 * part of it: one that is down is down for every instance alike, and each instance still answers with
 * partial data (or the safety net), so taking instances out on it would turn one agency's outage into a
 * total one. Their health is reported in the body and as a metric, checked at most every few seconds in
 * the background when probed or scraped, so that a probe never waits for an agency and a fleet of probes
 * never floods one.
 */
import type { AgencyRegistry } from '../agencies/registry.js';
import type { Database } from '../records/database.js';
import type { Store } from '../store/index.js';
import { withinTime } from '../time-limit.js';

/** How long a probe waits for the store and the records (below a probe's usual one-second timeout). */
const CHECK_TIMEOUT_MS = 900;
/** How long an agency's health is trusted before it is asked again. */
export const AGENCY_HEALTH_TTL_MS = 5_000;
const AGENCY_CHECK_TIMEOUT_MS = 2_000;

export type Phase = 'starting' | 'serving' | 'draining';
type PartState = 'ok' | 'unavailable';
/** `unknown` until the first check has answered. */
export type AgencyHealth = 'ok' | 'degraded' | 'unknown';

export interface ReadinessReport {
  ready: boolean;
  phase: Phase;
  store: PartState;
  database: PartState;
  /** Reported, never counted against readiness. */
  agencies: Record<string, AgencyHealth>;
}

async function answers(check: () => Promise<void>): Promise<PartState> {
  try {
    await withinTime(check(), CHECK_TIMEOUT_MS, () => new Error('no answer in time'));
    return 'ok';
  } catch {
    return 'unavailable';
  }
}

export class Readiness {
  #phase: Phase = 'starting';
  #agencies: Record<string, AgencyHealth>;
  #checkedAt = -Infinity;
  #checking: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly database: Database,
    private readonly registry: AgencyRegistry,
    /** Told each agency's health as it is found (the metrics' gauge). */
    private readonly onAgencyHealth: (agency: string, up: boolean) => void = () => undefined,
    private readonly clock: () => number = Date.now,
  ) {
    this.#agencies = Object.fromEntries(registry.adapters.map((a) => [a.definition.code, 'unknown']));
  }

  get phase(): Phase {
    return this.#phase;
  }

  /** Start-up is done: traffic may come. */
  serving(): void {
    if (this.#phase === 'starting') this.#phase = 'serving';
  }

  /** Stopping: from now on the probe answers 503, so the load balancer sends nothing new. */
  draining(): void {
    this.#phase = 'draining';
  }

  async report(): Promise<ReadinessReport> {
    this.refreshAgencies();
    const [store, database] = await Promise.all([
      answers(() => this.store.ping()),
      answers(() => this.database.ping()),
    ]);
    return {
      ready: this.#phase === 'serving' && store === 'ok' && database === 'ok',
      phase: this.#phase,
      store,
      database,
      agencies: { ...this.#agencies },
    };
  }

  /**
   * Asks the agencies again when what is known is older than AGENCY_HEALTH_TTL_MS, and never waits for it:
   * when probed or scraped (the platform does both every few seconds), not on a timer of its own.
   */
  refreshAgencies(): void {
    if (this.#checking || this.clock() - this.#checkedAt < AGENCY_HEALTH_TTL_MS) return;
    const correlationId = `readiness-${this.clock()}`;
    this.#checking = Promise.all(
      this.registry.adapters.map(async (adapter) => {
        const code = adapter.definition.code;
        const up = await adapter
          .health({ signal: AbortSignal.timeout(AGENCY_CHECK_TIMEOUT_MS), correlationId })
          .then(
            () => true,
            () => false,
          );
        this.#agencies[code] = up ? 'ok' : 'degraded';
        this.onAgencyHealth(code, up);
      }),
    ).then(() => {
      this.#checkedAt = this.clock();
      this.#checking = null;
    });
  }
}
