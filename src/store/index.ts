import { MemoryStore } from './memory.js';
import { connectRedisStore, isRedisOutage } from './redis.js';
import type { Store } from './store.js';

export type { Store, WindowCount } from './store.js';

/** Whether the store cannot be reached just now (the in-memory store never fails so). */
export const isStoreOutage = isRedisOutage;

/** What a 503 during a store outage tells the client to wait: a Redis failover takes seconds. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** Where Redis is: one server, or the seed nodes of a Redis Cluster. */
export interface RedisLocation {
  urls: readonly string[];
  cluster: boolean;
}

/** Redis when configured, memory otherwise. */
export async function createStore(options: {
  redis: RedisLocation | null;
  keyPrefix: string;
  onError?: (error: Error) => void;
}): Promise<Store> {
  if (!options.redis) return new MemoryStore();
  return connectRedisStore({ ...options.redis, keyPrefix: options.keyPrefix, onError: options.onError });
}
