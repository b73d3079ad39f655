/** The form catalog cache: once known, served at once — refreshed behind it, and kept while the agency fails. */
import { describe, expect, it } from 'vitest';
import { CATALOG_RETRY_MS, CATALOG_TTL_MS, cachedCatalog } from '../../src/agencies/kit/catalog-cache.js';
import { UpstreamError } from '../../src/errors.js';

/** A load the test answers by hand, counting the times it was asked. */
function agency() {
  const asked: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const load = () => new Promise<string>((resolve, reject) => asked.push({ resolve, reject }));
  return { asked, load };
}

const call = () => ({ signal: new AbortController().signal, correlationId: 't' });

describe('the form catalog cache', () => {
  it('waits only for the first answer, then serves it at once and asks again behind it when it is old', async () => {
    let now = 0;
    const { asked, load } = agency();
    const catalog = cachedCatalog('npe', load, () => now);
    const first = catalog(call());
    asked[0]?.resolve('v1');
    expect(await first).toBe('v1');
    expect(await catalog(call())).toBe('v1');
    expect(asked).toHaveLength(1);

    now += CATALOG_TTL_MS + 1;
    expect(await catalog(call())).toBe('v1');
    expect(asked).toHaveLength(2);
    // Asked once, however many callers come while it is being asked.
    expect(await catalog(call())).toBe('v1');
    expect(asked).toHaveLength(2);
    asked[1]?.resolve('v2');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await catalog(call())).toBe('v2');
  });

  it('keeps serving the known catalog while the agency fails, asking again only after a pause', async () => {
    let now = 0;
    const { asked, load } = agency();
    const catalog = cachedCatalog('npe', load, () => now);
    const first = catalog(call());
    asked[0]?.resolve('v1');
    await first;
    now += CATALOG_TTL_MS + 1;
    expect(await catalog(call())).toBe('v1');
    asked[1]?.reject(new UpstreamError('npe', 'TIMEOUT', 'slow'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await catalog(call())).toBe('v1');
    expect(asked).toHaveLength(2);
    now += CATALOG_RETRY_MS + 1;
    expect(await catalog(call())).toBe('v1');
    expect(asked).toHaveLength(3);
  });

  it('before the first answer: a failure is not remembered, and a caller waits no longer than its signal', async () => {
    const { asked, load } = agency();
    const catalog = cachedCatalog('npe', load);
    const failing = catalog(call());
    asked[0]?.reject(new UpstreamError('npe', 'UNREACHABLE', 'down'));
    await expect(failing).rejects.toMatchObject({ failure: 'UNREACHABLE' });

    const impatient = new AbortController();
    const waiting = catalog({ signal: impatient.signal, correlationId: 't' });
    const patient = catalog(call());
    impatient.abort();
    await expect(waiting).rejects.toMatchObject({ agency: 'npe', failure: 'TIMEOUT' });
    await expect(catalog({ signal: AbortSignal.abort(), correlationId: 't' })).rejects.toBeInstanceOf(
      UpstreamError,
    );
    // The shared ask goes on for those who wait.
    expect(asked).toHaveLength(2);
    asked[1]?.resolve('v1');
    expect(await patient).toBe('v1');
  });
});
