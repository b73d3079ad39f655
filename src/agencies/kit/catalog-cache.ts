/**
 * A cache for an agency's form catalog: not personal data, the same for everyone. It is fetched with its
 * own bounded timeout, never with one person's request deadline. Once known, the catalog is served at once:
 * when it is older than its TTL it is asked for again in the background, and while the agency does not
 * answer the known one is served (asking again after a pause), so a slow agency never makes a person wait
 * for its catalog. Only before the first answer does a caller wait, and no longer than its own signal allows
 * (the shared fetch goes on for the next caller).
 */
import { UpstreamError } from '../../errors.js';
import type { CallOptions } from './port.js';

export const CATALOG_TTL_MS = 10 * 60_000;
const CATALOG_TIMEOUT_MS = 5_000;
/** After a failed refresh, the known catalog is served this long before the agency is asked again. */
export const CATALOG_RETRY_MS = 30_000;

export function cachedCatalog<T>(
  agency: string,
  load: (call: CallOptions) => Promise<T>,
  now: () => number = () => Date.now(),
): (call: CallOptions) => Promise<T> {
  let known: { value: T; freshUntil: number } | null = null;
  let asking: Promise<T> | null = null;
  const ask = (): Promise<T> =>
    (asking ??= load({ signal: AbortSignal.timeout(CATALOG_TIMEOUT_MS), correlationId: 'form-catalog' })
      .then(
        (value) => {
          known = { value, freshUntil: now() + CATALOG_TTL_MS };
          return value;
        },
        (error: unknown) => {
          // Nothing known: the next caller asks again. Known: it is served a while longer.
          if (known) known.freshUntil = now() + CATALOG_RETRY_MS;
          throw error;
        },
      )
      .finally(() => {
        asking = null;
      }));
  return (call) => {
    if (known) {
      if (now() > known.freshUntil) ask().catch(() => undefined);
      return Promise.resolve(known.value);
    }
    return untilAborted(
      ask(),
      call.signal,
      () => new UpstreamError(agency, 'TIMEOUT', 'did not send its form catalog in time'),
    );
  };
}

/** The work's outcome, or `late()` as soon as the signal aborts (at once when it already has). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, late: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(late());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(late());
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
