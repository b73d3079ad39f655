/** The Redis the tests use (global-setup.ts makes sure one answers), and a fresh key prefix per use. */
import { randomUUID } from 'node:crypto';

export function redisTestUrl(): string {
  const url = process.env.REDIS_TEST_URL;
  if (!url)
    throw new Error(
      'REDIS_TEST_URL is not set: run the tests through vitest, whose global setup finds Redis',
    );
  return url;
}

/** Keeps test runs (and parallel test files) from seeing each other's keys in the shared Redis. */
export function uniquePrefix(): string {
  return `test:${randomUUID().slice(0, 8)}:`;
}

/** How to get Redis's programs, for the messages of tests that need them. */
export const REDIS_INSTALL_HINT =
  'Install Redis (Debian/Ubuntu: apt-get install redis-server redis-tools; macOS: brew install redis)';

/** Deletes every key under a prefix (a test's own keys, or "Redis lost everything" in a test). */
export async function deleteKeys(
  client: { keys(pattern: string): Promise<string[]>; del(keys: string[]): Promise<number> },
  prefix: string,
): Promise<void> {
  const keys = await client.keys(`${prefix}*`);
  if (keys.length) await client.del(keys);
}
