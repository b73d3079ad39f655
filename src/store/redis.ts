/**
 * The Redis store (node-redis). Commands fail at once while the connection is down instead of queueing,
 * so a request never waits on a Redis outage; callers decide whether to fail open or closed.
 */
import { createClient } from 'redis';
import type { Store, WindowCount } from './store.js';

const CLAIM_DUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], member) end
return due
`;

export interface RedisStoreOptions {
  url: string;
  /** Namespaces every key, so several deployments (or test runs) can share one Redis. */
  keyPrefix: string;
  onError?: (error: Error) => void;
}

export async function connectRedisStore(options: RedisStoreOptions): Promise<Store> {
  let connected = false;
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // Reconnect after a drop, but give up on the first connection: start-up must fail, not hang.
      reconnectStrategy: (retries, cause) => (connected ? Math.min(retries * 100, 2_000) : cause),
    },
  });
  client.on('error', (error: Error) => options.onError?.(error));
  try {
    await client.connect();
    connected = true;
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new Error(`Redis at ${new URL(options.url).host} does not answer: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const k = (key: string) => `${options.keyPrefix}${key}`;
  let subscriber: ReturnType<typeof client.duplicate> | undefined;

  return {
    async hit(key: string, windowMs: number): Promise<WindowCount> {
      const [count, , ttl] = await client
        .multi()
        .incr(k(key))
        // NX: only the first hit of a window starts its clock.
        .pExpire(k(key), windowMs, 'NX')
        .pTTL(k(key))
        .exec();
      return { count: Number(count), resetInMs: Math.max(0, Number(ttl)) };
    },
    async set(key, value, ttlMs) {
      await client.set(k(key), value, { PX: ttlMs });
    },
    async setIfAbsent(key, value, ttlMs) {
      return (await client.set(k(key), value, { PX: ttlMs, NX: true })) === 'OK';
    },
    async get(key) {
      return client.get(k(key));
    },
    async getMany(keys) {
      return keys.length ? client.mGet(keys.map(k)) : [];
    },
    async delete(key) {
      await client.del(k(key));
    },
    async append(stream, entry, retentionMs) {
      // MINID trims by entry time, so each entry lives for the retention like a per-entry TTL. Exact (=),
      // because approximate trimming only drops whole internal nodes and never trims a small stream.
      await client.xAdd(k(stream), '*', entry, {
        TRIM: { strategy: 'MINID', strategyModifier: '=', threshold: Date.now() - retentionMs },
      });
    },
    async recent(stream, count) {
      const entries = await client.xRevRange(k(stream), '+', '-', { COUNT: count });
      return entries.map((e) => ({ ...e.message }));
    },
    async push(key, value, ttlMs, maxLength) {
      const values = typeof value === 'string' ? [value] : [...value];
      if (!values.length) return;
      const write = client.multi().rPush(k(key), values).pExpire(k(key), ttlMs);
      if (maxLength) write.lTrim(k(key), -maxLength, -1);
      await write.exec();
    },
    async list(key) {
      return client.lRange(k(key), 0, -1);
    },
    async schedule(queue, member, dueAt) {
      await client.zAdd(k(queue), { score: dueAt, value: member });
    },
    async claimDue(queue, now, leaseMs, limit) {
      // One script, so that two workers never claim the same member.
      const claimed = await client.eval(CLAIM_DUE, {
        keys: [k(queue)],
        arguments: [String(now), String(now + leaseMs), String(limit)],
      });
      return Array.isArray(claimed) ? claimed.map(String) : [];
    },
    async unschedule(queue, member) {
      await client.zRem(k(queue), member);
    },
    async scheduledCount(queue) {
      return client.zCard(k(queue));
    },
    async publish(channel, message) {
      await client.publish(k(channel), message);
    },
    async subscribe(channel, listener) {
      // A connection in subscriber mode can do nothing else: one, made on first use, serves all channels.
      subscriber ??= client.duplicate().on('error', (error: Error) => options.onError?.(error));
      if (!subscriber.isOpen) await subscriber.connect();
      const active = subscriber;
      await active.subscribe(k(channel), listener);
      return async () => {
        if (active.isOpen) await active.unsubscribe(k(channel), listener);
      };
    },
    async ping() {
      await client.ping();
    },
    async close() {
      // A connection that is down (Redis gone, reconnecting) cannot say goodbye: it is dropped instead.
      for (const connection of [subscriber, client]) {
        if (!connection?.isOpen) continue;
        if (connection.isReady) await connection.quit().catch(() => connection.destroy());
        else connection.destroy();
      }
    },
  };
}
