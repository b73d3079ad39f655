/** Small helpers every adapter needs to honour the port's "one result per key, in order" promise. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Orders `found` by `keys`, with null for keys the agency did not return. */
export function inKeyOrder<T>(keys: readonly string[], found: Iterable<readonly [string, T]>): (T | null)[] {
  const byKey = new Map(found);
  return keys.map((key) => byKey.get(key) ?? null);
}
