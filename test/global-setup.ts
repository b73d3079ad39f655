/**
 * Redis is real in the tests. When none answers at REDIS_TEST_URL (default 127.0.0.1:6379), a throwaway
 * redis-server is started for the run if the binary is installed; otherwise the run fails with a message
 * that says how to get one. It never silently skips.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { installedBinary } from './helpers/process.js';
import { REDIS_INSTALL_HINT } from './helpers/redis.js';
import { createClient } from 'redis';

export const DEFAULT_REDIS_TEST_URL = 'redis://127.0.0.1:6379';

async function ping(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.quit().catch(() => undefined);
  }
}

let server: ChildProcess | undefined;

export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.REDIS_TEST_URL ?? DEFAULT_REDIS_TEST_URL;
  process.env.REDIS_TEST_URL = url;
  if (!(await ping(url))) {
    const binary = installedBinary('redis-server');
    if (!binary) {
      throw new Error(
        `The tests need Redis, and none answers at ${url}. ${REDIS_INSTALL_HINT} ` +
          'and run the tests again: they start a throwaway redis-server themselves. Or point REDIS_TEST_URL at a Redis you run.',
      );
    }
    const { port, hostname } = new URL(url);
    console.log(`No Redis at ${url}; starting a throwaway ${binary} for this run.`);
    server = spawn(
      binary,
      ['--port', port || '6379', '--bind', hostname, '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    for (let attempt = 0; attempt < 50 && !(await ping(url)); attempt++)
      await new Promise((r) => setTimeout(r, 100));
    if (!(await ping(url))) throw new Error(`Started ${binary}, but it does not answer at ${url}.`);
  }
  return async () => {
    server?.kill('SIGTERM');
  };
}
