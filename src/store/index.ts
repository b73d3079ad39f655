import { MemoryStore } from './memory.js';
import { connectRedisStore } from './redis.js';
import type { Store } from './store.js';

export type { Store, WindowCount } from './store.js';

/** Redis when a URL is configured, memory otherwise. */
export async function createStore(options: {
  redisUrl: string | null;
  keyPrefix: string;
  onError?: (error: Error) => void;
}): Promise<Store> {
  if (!options.redisUrl) return new MemoryStore();
  return connectRedisStore({ url: options.redisUrl, keyPrefix: options.keyPrefix, onError: options.onError });
}
