import { UpstreamError } from '../../errors.js';

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

/** One page of an agency's list, and how to fetch the next (null on the last page). */
export interface Page<T> {
  items: readonly T[];
  next: (() => Promise<Page<T>>) | null;
}

/**
 * The most pages any list is followed for. A person's cases fit in a few; more is a paging loop or a hostile
 * answer (a page count of a million), which must not turn one request into thousands of agency calls.
 */
export const MAX_PAGES = 50;

/** Every page of a list, one after another, at most MAX_PAGES (then BAD_RESPONSE). */
export async function followPages<T>(agency: string, first: () => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let fetchPage: (() => Promise<Page<T>>) | null = first;
  for (let count = 0; fetchPage; count++) {
    if (count === MAX_PAGES)
      throw new UpstreamError(agency, 'BAD_RESPONSE', `paged beyond ${MAX_PAGES} pages`);
    const page: Page<T> = await fetchPage();
    // One at a time, not push(...items): a page of a million entries must not overflow the call stack.
    for (const item of page.items) items.push(item);
    fetchPage = page.next;
  }
  return items;
}
