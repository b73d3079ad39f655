/**
 * A throwaway three-node Redis Cluster on loopback ports, started from `redis-server` in cluster mode and
 * joined with `redis-cli --cluster create`, for the tests that must prove the store on a cluster. Without
 * the binaries the test fails with a message that says how to get them; it never silently skips.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { freePort } from '../../scripts/processes.js';
import { installedBinary } from './process.js';
import { REDIS_INSTALL_HINT } from './redis.js';

export interface LocalCluster {
  /** redis:// URLs of the nodes (each a primary, holding a third of the slots). */
  urls: string[];
  close(): Promise<void>;
}

function binary(name: string): string {
  const path = installedBinary(name);
  if (!path)
    throw new Error(`The Redis Cluster tests need ${name}. ${REDIS_INSTALL_HINT} and run the tests again.`);
  return path;
}

async function clusterInfo(url: string): Promise<string> {
  const client = createClient({ url, socket: { connectTimeout: 500, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const info = await client.sendCommand(['CLUSTER', 'INFO']);
    return typeof info === 'string' ? info : '';
  } catch {
    return '';
  } finally {
    if (client.isOpen) client.destroy();
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Redis Cluster: ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startRedisCluster(nodes = 3): Promise<LocalCluster> {
  const server = binary('redis-server');
  const cli = binary('redis-cli');
  const dir = mkdtempSync(join(tmpdir(), 'redis-cluster-'));
  const processes: ChildProcess[] = [];
  const close = async () => {
    for (const child of processes) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const addresses: string[] = [];
    for (let n = 0; n < nodes; n++) {
      const [port, busPort] = [await freePort(), await freePort()];
      addresses.push(`127.0.0.1:${port}`);
      processes.push(
        spawn(
          server,
          [
            ...['--port', String(port), '--cluster-port', String(busPort), '--bind', '127.0.0.1'],
            ...['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`],
            ...['--cluster-node-timeout', '2000', '--dir', dir, '--save', '', '--appendonly', 'no'],
          ],
          { stdio: 'ignore' },
        ),
      );
    }
    const urls = addresses.map((address) => `redis://${address}`);
    await until('nodes answering', async () =>
      (await Promise.all(urls.map(clusterInfo))).every((info) => info !== ''),
    );
    const created = spawnSync(
      cli,
      ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'],
      { encoding: 'utf8', timeout: 20_000 },
    );
    if (created.status !== 0)
      throw new Error(`redis-cli --cluster create failed: ${created.stderr || created.stdout}`);
    await until('every node in state ok', async () =>
      (await Promise.all(urls.map(clusterInfo))).every((info) => info.includes('cluster_state:ok')),
    );
    return { urls, close };
  } catch (error) {
    await close();
    throw error;
  }
}
