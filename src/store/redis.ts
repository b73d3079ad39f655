/**
 * The Redis store (node-redis), on one server or on a Redis Cluster. Commands fail at once while the
 * connection is down instead of queueing, so a request never waits on a Redis outage; callers decide
 * whether to fail open or closed. On a cluster, keys that are read together share a hash tag (`{…}`) so
 * they live in one slot (sessions, one viewer's safety net).
 */
import keySlot from 'cluster-key-slot';
import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  createClient,
  createCluster,
  RootNodesUnavailableError,
  SocketClosedUnexpectedlyError,
} from 'redis';
import type { Store, WindowCount } from './store.js';

export interface RedisStoreOptions {
  /** One URL, or for a cluster one or more seed nodes (the rest of the cluster is discovered). */
  urls: readonly string[];
  /** Redis Cluster (node-redis `createCluster`) instead of a single server (or a Sentinel-managed primary). */
  cluster: boolean;
  /** Namespaces every key, so several deployments (or test runs) can share one Redis. */
  keyPrefix: string;
  onError?: (error: Error) => void;
}

type Connection = ReturnType<typeof createClient>;

/**
 * What differs between one server and a cluster: how several keys are read at once, how subscriptions
 * are held, how health is asked, and how the connections close. Every other command is sent alike.
 */
interface Topology {
  commands: Connection;
  getMany(keys: string[]): Promise<(string | null)[]>;
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connection settings for every Redis connection, and a way to open it: commands fail at once while a
 * connection is down, a dropped connection reconnects, but the first connection is not retried — start-up
 * must fail, not hang.
 */
function connecting<
  C extends {
    on(event: 'error', fn: (error: Error) => void): unknown;
    connect(): Promise<unknown>;
    isOpen: boolean;
    destroy(): void;
  },
>(
  options: RedisStoreOptions,
  make: (settings: {
    disableOfflineQueue: true;
    socket: { connectTimeout: number; reconnectStrategy: (retries: number, cause: Error) => number | Error };
  }) => C,
): Promise<C> {
  let connected = false;
  const client = make({
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries, cause) => (connected ? Math.min(retries * 100, 2_000) : cause),
    },
  });
  client.on('error', (error: Error) => options.onError?.(error));
  return client.connect().then(
    () => {
      connected = true;
      return client;
    },
    (error: unknown) => {
      if (client.isOpen) client.destroy();
      throw error;
    },
  );
}

/** A connection that is down (Redis gone, reconnecting) cannot say goodbye: it is dropped instead. */
async function closeConnection(connection: { isOpen: boolean; close(): Promise<void>; destroy(): void }) {
  if (!connection.isOpen) return;
  await connection.close().catch(() => connection.destroy());
}

async function singleServer(url: string, options: RedisStoreOptions): Promise<Topology> {
  const client = await connecting(options, (settings) => createClient({ url, ...settings }));
  let subscriber: Connection | undefined;
  return {
    commands: client,
    getMany: (keys) => client.mGet(keys),
    async subscribe(channel, listener) {
      // A connection in subscriber mode can do nothing else: one, made on first use, serves all channels.
      subscriber ??= client.duplicate().on('error', (error: Error) => options.onError?.(error));
      if (!subscriber.isOpen) await subscriber.connect();
      const active = subscriber;
      await active.subscribe(channel, listener);
      return async () => {
        if (active.isOpen) await active.unsubscribe(channel, listener);
      };
    },
    async ping() {
      await client.ping();
    },
    async close() {
      for (const connection of [subscriber, client]) {
        if (!connection?.isOpen) continue;
        if (connection.isReady) await closeConnection(connection);
        else connection.destroy();
      }
    },
  };
}

async function cluster(urls: readonly string[], options: RedisStoreOptions): Promise<Topology> {
  const client = await connecting(options, (settings) =>
    createCluster({ rootNodes: urls.map((url) => ({ url })), defaults: settings }),
  );
  return {
    // The cluster client sends the same single-key commands, each to the node that holds its key's slot.
    commands: client as unknown as Connection,
    async getMany(keys) {
      // MGET must stay within one slot: keys that belong together share a hash tag and come back in one
      // call; keys from different slots are read per slot, in parallel.
      const bySlot = new Map<number, number[]>();
      keys.forEach((key, i) => bySlot.set(keySlot(key), [...(bySlot.get(keySlot(key)) ?? []), i]));
      const values: (string | null)[] = keys.map(() => null);
      await Promise.all(
        [...bySlot.values()].map(async (indices) => {
          const found = await client.mGet(indices.map((i) => keys[i] ?? ''));
          indices.forEach((index, j) => (values[index] = found[j] ?? null));
        }),
      );
      return values;
    },
    async subscribe(channel, listener) {
      // Classic pub/sub: the cluster bus carries a message published on any node to every node.
      const onMessage = (message: string | Buffer) => listener(String(message));
      await client.subscribe(channel, onMessage);
      return async () => {
        if (client.isOpen) await client.unsubscribe(channel, onMessage);
      };
    },
    async ping() {
      const info = await client.sendCommand<string>(undefined, true, ['CLUSTER', 'INFO']);
      if (!/cluster_state:ok/.test(String(info))) throw new Error('the Redis Cluster is not in state ok');
    },
    close: () => closeConnection(client),
  };
}

export async function connectRedisStore(options: RedisStoreOptions): Promise<Store> {
  let topology: Topology;
  try {
    topology = options.cluster
      ? await cluster(options.urls, options)
      : await singleServer(options.urls[0] ?? '', options);
  } catch (error) {
    const where = options.urls.map((url) => new URL(url).host).join(', ');
    throw new Error(
      `${options.cluster ? 'Redis Cluster' : 'Redis'} at ${where} does not answer: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const client = topology.commands;
  const k = (key: string) => `${options.keyPrefix}${key}`;

  return {
    async hit(key: string, windowMs: number, weight = 1): Promise<WindowCount> {
      const [count, , ttl] = await client
        .multi()
        .incrBy(k(key), weight)
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
      return keys.length ? topology.getMany(keys.map(k)) : [];
    },
    async delete(key) {
      await client.del(k(key));
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
    async publish(channel, message) {
      await client.publish(k(channel), message);
    },
    subscribe: (channel, listener) => topology.subscribe(k(channel), listener),
    ping: () => topology.ping(),
    close: () => topology.close(),
  };
}

/** Whether an error says Redis cannot be reached (as opposed to a bug, or a command Redis refused). */
export function isRedisOutage(error: unknown): boolean {
  return (
    error instanceof ClientOfflineError ||
    error instanceof ClientClosedError ||
    error instanceof SocketClosedUnexpectedlyError ||
    error instanceof ConnectionTimeoutError ||
    error instanceof RootNodesUnavailableError
  );
}
