/**
 * A transfer a person controls must keep moving. An upload sent one byte a second, or a download read as
 * slowly, would otherwise hold a connection to the agency for as long as the person likes; enough of them
 * and nobody else reaches that agency. So every such stream has a total time and a minimum rate (after a
 * short grace period, for a slow start), and is ended when it falls short of either.
 */

export interface Pace {
  /** The most the whole transfer may take. */
  totalMs: number;
  /** The slowest average rate accepted once the grace period is over. */
  minBytesPerSecond: number;
  /** How long a transfer may take before the rate counts (connection set-up, a slow start). */
  graceMs: number;
}

export const DEFAULT_PACE: Pace = { totalMs: 10 * 60_000, minBytesPerSecond: 16 * 1024, graceMs: 10_000 };

export class TransferTooSlow extends Error {
  override readonly name = 'TransferTooSlow';
}

/**
 * The chunks of `source`, as long as they keep to the pace; a TransferTooSlow error when they do not (and
 * the source is closed). Waiting for a chunk is timed, so a source that stops sending altogether is caught
 * too.
 */
export async function* paced<T extends { length: number }>(
  source: AsyncIterable<T>,
  pace: Pace,
  clock: () => number = Date.now,
): AsyncGenerator<T> {
  const started = clock();
  const iterator = source[Symbol.asyncIterator]();
  let bytes = 0;
  try {
    for (;;) {
      // When the bytes so far stop being enough: at the end of the grace period plus the time they cover.
      const behindAt = started + pace.graceMs + (bytes / pace.minBytesPerSecond) * 1000;
      const waitMs = Math.min(behindAt, started + pace.totalMs) - clock();
      if (waitMs <= 0) throw new TransferTooSlow('the transfer was too slow');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), waitMs);
      });
      const pending = iterator.next();
      // If the wait ends first, the source is closed below and this read fails: nobody is left to hear it.
      pending.catch(() => undefined);
      const next = await Promise.race([pending, late]).finally(() => clearTimeout(timer));
      if (next === 'late') throw new TransferTooSlow('the transfer was too slow');
      if (next.done) return;
      bytes += next.value.length;
      yield next.value;
    }
  } finally {
    // Stop the source too (an upload's request stream, an agency's response), whatever ended the loop.
    void iterator.return?.();
  }
}
