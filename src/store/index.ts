import { MemoryStore } from './memory.js';
import { connectRedisStore } from './redis.js';
import type { Store } from './store.js';

export type { Store, WindowCount } from './store.js';

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
