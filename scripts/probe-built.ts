/**
 * CI's stand-in for running the image (there is no Docker engine): the built gateway started as the image
 * starts it (`node dist/src/main.js`, what `npm run start:gateway` runs; NODE_ENV=production, source maps) against the mock agencies
 * and identity providers, Redis and PostgreSQL on this machine, then probed as a platform would — /healthz,
 * /readyz, a registered operation by id (the safelist is on), /metrics — and stopped with SIGTERM, which
 * must turn readiness to 503 at once and end the process with 0 within its grace. Run after `npm run build`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { DEV_BFF_CLIENT, FREE_PORTS, productionOnLoopback, startMockStack } from '../mocks/start.js';
import { freePort } from './processes.js';

const DATABASE_URL = process.env.PROBE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHEMA = 'probe_built';

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`probe failed: ${what}`);
  console.log(`ok - ${what}`);
}

const mocks = await startMockStack({ ports: FREE_PORTS, bff: DEV_BFF_CLIENT });
const port = await freePort();
const metricsPort = await freePort();
const url = `http://127.0.0.1:${port}`;
// What `npm run start:gateway` and the image's CMD run; started without npm in between, as the image does,
// so that the signal reaches the gateway itself.
const child = spawn(process.execPath, ['dist/src/main.js'], {
  env: {
    PATH: process.env.PATH ?? '',
    ...mocks.gatewayEnvironment(),
    ...productionOnLoopback({
      name: 'probe',
      redisUrl: process.env.PROBE_REDIS_URL ?? 'redis://127.0.0.1:6379',
      redisKeyPrefix: 'probe-built:',
      overrides: {
        NODE_OPTIONS: '--enable-source-maps',
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        BUILD_REVISION: 'probe',
        LOG_LEVEL: 'warn',
        DATABASE_URL,
        DATABASE_SCHEMA: SCHEMA,
      },
    }),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

try {
  let up = false;
  for (let attempt = 0; attempt < 150 && !up && child.exitCode === null; attempt++) {
    up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  check(up, 'the built gateway starts in production mode and /healthz answers');
  const ready = await fetch(`${url}/readyz`);
  check(ready.status === 200, `/readyz is 200 (${JSON.stringify(await ready.json())})`);

  const registry = JSON.parse(readFileSync('operations/registered.json', 'utf8')) as Record<
    string,
    { operation: string }
  >;
  const agencies = Object.entries(registry).find(([, entry]) => entry.operation === 'Agencies')?.[0];
  const byId = await fetch(`${url}/graphql?documentId=${encodeURIComponent(agencies ?? '')}`);
  const answer = (await byId.json()) as { data?: { agencies: unknown[] } };
  check(byId.ok && (answer.data?.agencies.length ?? 0) > 0, 'a registered operation runs by its id');
  const adHoc = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ agencies { code } }' }),
  });
  check(adHoc.status >= 400, `an operation that is not registered is refused (${adHoc.status})`);
  const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  check(
    metrics.ok && (await metrics.text()).includes('helseklage_graph_build_info{'),
    '/metrics answers on METRICS_PORT',
  );
  check((await fetch(`${url}/metrics`)).status === 404, '/metrics is not on the application port');

  const stoppedAt = Date.now();
  child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const draining = await fetch(`${url}/readyz`);
  check(draining.status === 503, '/readyz turns 503 once SIGTERM arrives');
  const [code] = await exited;
  check(code === 0, `SIGTERM ends it with 0 (${code}) after ${Date.now() - stoppedAt} ms, within its grace`);
} finally {
  if (child.exitCode === null) child.kill('SIGKILL');
  await mocks.close();
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await db.end();
}
