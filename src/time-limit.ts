/** A promise that may not take longer than a time limit (the work itself goes on; only the wait ends). */
export function withinTime<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  if (!Number.isFinite(ms)) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), Math.max(0, ms));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
