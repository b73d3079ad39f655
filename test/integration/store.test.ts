import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStore, type Store } from '../../src/store/index.js';
import { startRedisCluster, type LocalCluster } from '../helpers/redis-cluster.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['memory', null],
  ['Redis', 'redis'],
  ['Redis Cluster (three local nodes)', 'cluster'],
] as const)('the %s store', (_name, kind) => {
  let store: Store;
  let cluster: LocalCluster | undefined;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    if (kind === 'cluster') cluster = await startRedisCluster();
    const redis = cluster
      ? { urls: cluster.urls, cluster: true }
      : kind
        ? { urls: [redisTestUrl()], cluster: false }
        : null;
    store = await createStore({ redis, keyPrefix: prefix });
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await cluster?.close();
  });

  it('reads several values in one go, in the order asked, across slots and within one hash tag', async () => {
    const keys = ['alpha', 'beta', 'gamma', 'session:{s1}', 'session:{s1}:tokens'];
    for (const key of keys) await store.set(key, `value of ${key}`, 10_000);
    const asked = ['gamma', 'missing', 'session:{s1}:tokens', 'alpha', 'session:{s1}', 'beta'];
    expect(await store.getMany(asked)).toEqual(
      asked.map((key) => (key === 'missing' ? null : `value of ${key}`)),
    );
    expect(await store.getMany([])).toEqual([]);
  });

  it('answers a ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('keeps a value until its time to live runs out', async () => {
    await store.set('value', 'kept', 150);
    expect(await store.get('value')).toBe('kept');
    await sleep(250);
    expect(await store.get('value')).toBeNull();
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const wins = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.setIfAbsent('claim', String(i), 10_000)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.setIfAbsent('claim', 'late', 10_000)).toBe(false);
  });

  it('keeps lists in order', async () => {
    await store.push('list', 'a', 10_000);
    await store.push('list', 'b', 10_000);
    expect(await store.list('list')).toEqual(['a', 'b']);
    expect(await store.list('no-such-list')).toEqual([]);
  });

  it('keeps only the newest entries of a capped list', async () => {
    for (const value of ['1', '2', '3', '4']) await store.push('capped', value, 10_000, 3);
    expect(await store.list('capped')).toEqual(['2', '3', '4']);
    await store.push('several', ['x', 'y', 'z'], 10_000, 2);
    expect(await store.list('several')).toEqual(['y', 'z']);
  });

  it('delivers published messages to subscribers until they unsubscribe', async () => {
    const received: string[] = [];
    const unsubscribe = await store.subscribe('channel', (m) => received.push(m));
    await store.publish('channel', 'one');
    await store.publish('other-channel', 'not for us');
    await vi.waitFor(() => expect(received).toEqual(['one']));
    await unsubscribe();
    await store.publish('channel', 'two');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual(['one']);
  });

  it('deletes a value', async () => {
    await store.set('gone', 'x', 10_000);
    await store.delete('gone');
    expect(await store.get('gone')).toBeNull();
  });

  it('counts several hits at once', async () => {
    expect(await store.hit('weighted', 10_000)).toMatchObject({ count: 1 });
    expect(await store.hit('weighted', 10_000, 5)).toMatchObject({ count: 6 });
  });

  it('counts hits in a window that starts with the first hit and then resets', async () => {
    expect(await store.hit('window', 300)).toMatchObject({ count: 1 });
    expect(await store.hit('window', 300)).toMatchObject({ count: 2 });
    const third = await store.hit('window', 300);
    expect(third.count).toBe(3);
    expect(third.resetInMs).toBeGreaterThan(0);
    expect(third.resetInMs).toBeLessThanOrEqual(300);
    await sleep(400);
    expect(await store.hit('window', 300)).toMatchObject({ count: 1 });
  });

  it('counts concurrent hits exactly', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => store.hit('burst', 10_000)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });
});

describe('the Redis store in Redis', () => {
  const url = redisTestUrl();
  const prefix = uniquePrefix();
  let store: Store;
  const raw = createClient({ url });

  beforeAll(async () => {
    store = await createStore({ redis: { urls: [url], cluster: false }, keyPrefix: prefix });
    await raw.connect();
  });
  afterAll(async () => {
    await store.close();
    await raw.quit();
  });

  it('namespaces every key and gives every key a time to live', async () => {
    await store.set('a', '1', 60_000);
    await store.hit('b', 60_000);
    const keys = await raw.keys(`${prefix}*`);
    expect(keys.sort()).toEqual([`${prefix}a`, `${prefix}b`]);
    for (const key of keys) expect(await raw.pTTL(key)).toBeGreaterThan(0);
  });

  it('two stores on one Redis share state, as two gateway instances must', async () => {
    const other = await createStore({ redis: { urls: [url], cluster: false }, keyPrefix: prefix });
    try {
      await store.hit('shared', 60_000);
      expect(await other.hit('shared', 60_000)).toMatchObject({ count: 2 });
      // A message published through one reaches a subscriber on the other, within the same prefix only.
      const received: string[] = [];
      await other.subscribe('events', (m) => received.push(m));
      await store.publish('events', 'hello');
      await vi.waitFor(() => expect(received).toEqual(['hello']));
    } finally {
      await other.close();
    }
  });

  it('refuses to start when Redis does not answer, saying where it looked', async () => {
    await expect(
      createStore({ redis: { urls: ['redis://127.0.0.1:1'], cluster: false }, keyPrefix: prefix }),
    ).rejects.toThrow(/Redis at 127\.0\.0\.1:1 does not answer/);
  });
});
