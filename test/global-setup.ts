/**
 * Redis and PostgreSQL are real in the tests. When no Redis answers at REDIS_TEST_URL (default
 * 127.0.0.1:6379), a throwaway redis-server is started for the run if the binary is installed; when no
 * PostgreSQL answers at DATABASE_TEST_URL (default 127.0.0.1:5432, database `test`), the machine's
 * cluster is started with pg_ctlcluster if there is one, and the database created if missing. Otherwise
 * the run fails with a message that says how to get one. It never silently skips.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';
import { DEFAULT_DATABASE_TEST_URL, dropSchemas, POSTGRES_INSTALL_HINT } from './helpers/database.js';
import { installedBinary } from './helpers/process.js';
import { REDIS_INSTALL_HINT } from './helpers/redis.js';

export const DEFAULT_REDIS_TEST_URL = 'redis://127.0.0.1:6379';

async function pingRedis(url: string): Promise<boolean> {
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

/** Null when PostgreSQL answers at `url`, else what went wrong. */
async function pingPostgres(url: string): Promise<Error | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error as Error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let redisServer: ChildProcess | undefined;

async function ensureRedis(): Promise<void> {
  const url = process.env.REDIS_TEST_URL ?? DEFAULT_REDIS_TEST_URL;
  process.env.REDIS_TEST_URL = url;
  if (await pingRedis(url)) return;
  const binary = installedBinary('redis-server');
  if (!binary) {
    throw new Error(
      `The tests need Redis, and none answers at ${url}. ${REDIS_INSTALL_HINT} ` +
        'and run the tests again: they start a throwaway redis-server themselves. Or point REDIS_TEST_URL at a Redis you run.',
    );
  }
  const { port, hostname } = new URL(url);
  console.log(`No Redis at ${url}; starting a throwaway ${binary} for this run.`);
  redisServer = spawn(
    binary,
    ['--port', port || '6379', '--bind', hostname, '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 50 && !(await pingRedis(url)); attempt++)
    await new Promise((r) => setTimeout(r, 100));
  if (!(await pingRedis(url))) throw new Error(`Started ${binary}, but it does not answer at ${url}.`);
}

async function ensurePostgres(): Promise<void> {
  const url = process.env.DATABASE_TEST_URL ?? DEFAULT_DATABASE_TEST_URL;
  process.env.DATABASE_TEST_URL = url;
  let problem = await pingPostgres(url);
  if (!problem) return;
  // The server is down: start the machine's cluster (Debian's way) when there is one.
  const clusters = installedBinary('pg_lsclusters')
    ? spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).stdout.trim().split('\n')
    : [];
  const down = clusters.map((line) => line.split(/\s+/)).find((f) => f[3] === 'down');
  if (down?.[0] && down[1]) {
    console.log(`No PostgreSQL at ${url}; starting cluster ${down[0]}/${down[1]} with pg_ctlcluster.`);
    spawnSync('pg_ctlcluster', [down[0], down[1], 'start'], { stdio: 'inherit' });
    for (let attempt = 0; attempt < 50 && (problem = await pingPostgres(url)); attempt++)
      await new Promise((r) => setTimeout(r, 100));
  }
  // The server answers but the database is missing: create it.
  if (problem && /does not exist/.test(problem.message)) {
    const server = new URL(url);
    const database = server.pathname.slice(1);
    server.pathname = '/postgres';
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`).finally(() => client.end());
    problem = await pingPostgres(url);
  }
  if (problem)
    throw new Error(
      `The tests need PostgreSQL, and none answers at ${url} (${problem.message}). ${POSTGRES_INSTALL_HINT}, ` +
        'or point DATABASE_TEST_URL at a PostgreSQL you run.',
    );
}

export default async function setup(): Promise<() => Promise<void>> {
  await ensureRedis();
  await ensurePostgres();
  // Every schema this run creates starts with this, so the teardown finds them all.
  const run = `t${randomBytes(4).toString('hex')}`;
  process.env.DATABASE_TEST_RUN = run;
  return async () => {
    redisServer?.kill('SIGTERM');
    await dropSchemas(`${run}_`);
  };
}
