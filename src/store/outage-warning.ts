/**
 * While the store is away, the parts that can do without it (the safety net, rate limits, per-person slots)
 * go on and say so in the log — once per 30 s for each, not once per request, so that an outage does not
 * also flood the logs.
 */
import type { FastifyBaseLogger } from 'fastify';

const EVERY_MS = 30_000;

/** A warning about one thing skipped while the store is away, logged at most every 30 s. */
export function outageWarning(
  message: string,
): (log: FastifyBaseLogger, error: unknown, detail?: object) => void {
  let warnedAt = -Infinity;
  return (log, error, detail = {}) => {
    const now = Date.now();
    if (now - warnedAt < EVERY_MS) return;
    warnedAt = now;
    log.warn({ ...detail, err: (error as Error).message }, message);
  };
}
