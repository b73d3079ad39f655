/**
 * A short-lived cache for an agency's form catalog: not personal data, the same for everyone. It is
 * fetched with its own bounded timeout, never with one person's request deadline.
 */
import type { CallOptions } from './port.js';

export const CATALOG_TTL_MS = 10 * 60_000;
const CATALOG_TIMEOUT_MS = 5_000;

export function cachedCatalog<T>(load: (call: CallOptions) => Promise<T>): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | null = null;
  return () => {
    if (!cached || Date.now() - cached.at > CATALOG_TTL_MS) {
      const value = load({ signal: AbortSignal.timeout(CATALOG_TIMEOUT_MS), correlationId: 'form-catalog' });
      cached = { at: Date.now(), value };
      // A failure is not remembered: the next caller asks the agency again.
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
}
