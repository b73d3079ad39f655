/**
 * `/readyz`: whether this instance can serve — the store and the records' database answer and every
 * agency answers its health check — with the detail per part, so that an operator sees at once which one
 * is not.
 */
import type { AgencyRegistry } from '../agencies/registry.js';
import type { Database } from '../records/database.js';
import type { Store } from '../store/index.js';
import { withinTime } from '../time-limit.js';

const CHECK_TIMEOUT_MS = 2_000;

export interface Readiness {
  ready: boolean;
  store: 'ok' | 'unavailable';
  database: 'ok' | 'unavailable';
  agencies: Record<string, 'ok' | 'unavailable'>;
}

async function answers(check: () => Promise<void>): Promise<'ok' | 'unavailable'> {
  try {
    await withinTime(check(), CHECK_TIMEOUT_MS, () => new Error('no answer in time'));
    return 'ok';
  } catch {
    return 'unavailable';
  }
}

export async function checkReadiness(
  store: Store,
  database: Database,
  registry: AgencyRegistry,
  correlationId: string,
): Promise<Readiness> {
  const [storeState, databaseState, ...agencyStates] = await Promise.all([
    answers(() => store.ping()),
    answers(() => database.ping()),
    ...registry.adapters.map((adapter) =>
      answers(() => adapter.health({ signal: AbortSignal.timeout(CHECK_TIMEOUT_MS), correlationId })),
    ),
  ]);
  const agencies = Object.fromEntries(
    registry.adapters.map((a, i) => [a.definition.code, agencyStates[i] ?? 'unavailable']),
  );
  return {
    ready: storeState === 'ok' && databaseState === 'ok' && Object.values(agencies).every((s) => s === 'ok'),
    store: storeState ?? 'unavailable',
    database: databaseState ?? 'unavailable',
    agencies,
  };
}
