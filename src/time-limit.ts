/** A promise that may not take longer than a time limit (the work itself goes on; only the wait ends). */
export function withinTime<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  if (!Number.isFinite(ms)) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), Math.max(0, ms));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A signal that aborts after `ms` (with a TimeoutError) or as soon as `signal` does; `release` ends both
 * watches once the work is done. Made by hand rather than with AbortSignal.any([signal,
 * AbortSignal.timeout(ms)]), which holds its sources weakly: a timeout signal collected before it fires
 * never fires, and the work would wait for as long as the other side takes.
 */
export function abortAfter(ms: number, signal?: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')),
    ms,
  );
  const follow = () => controller.abort(signal?.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', follow);
    },
  };
}
