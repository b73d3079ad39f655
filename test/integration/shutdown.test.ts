/**
 * Stopping a gateway process as a platform does (SIGTERM), under load: readiness turns 503 at once while
 * requests are still served for the drain delay; then the requests in flight finish, every open live stream
 * gets a last event telling its client to reconnect and completes, the last spans go out, and the process
 * exits 0 well within its grace. A start through a symlinked path starts the gateway too.
 */
import { symlinkSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startNodeServer } from '../../scripts/processes.js';
import { startCollector, spanAttribute, type Collector } from '../helpers/otlp.js';
import { gatewayProcesses } from '../helpers/process.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { subscribe } from '../helpers/sse.js';
import { postGraphql, startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
let collector: Collector;
const processes = gatewayProcesses();
beforeAll(async () => {
  stack = await startTestStack();
  collector = await startCollector();
});
afterAll(async () => {
  processes.killAll();
  await stack.close();
  await collector.close();
});

const DASHBOARD = 'query Dashboard { cases { totalCount nodes { id } } }';
const GRACE_SECONDS = 8;

describe('SIGTERM', () => {
  it('drains, finishes 20 requests in flight, ends 3 streams with word to reconnect, flushes spans and exits 0 within the grace', async () => {
    const gateway = await processes.start({
      ...stack.mocks.gatewayEnvironment(),
      ...stack.database,
      REDIS_URL: redisTestUrl(),
      REDIS_KEY_PREFIX: uniquePrefix(),
      SHUTDOWN_DRAIN_SECONDS: '1',
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'graph-stopping',
    });
    const token = await stack.token('citizen-npe-helseklage');
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);

    const streams = await Promise.all(
      [1, 2, 3].map(() => subscribe(gateway.url, { authorization: `Bearer ${token}` })),
    );
    // Every request waits 1.5 s on NPE: still running when the drain ends.
    const npe = stack.mocks.agencies.npe;
    npe.resetStats();
    npe.setFaults({ delayMs: 1_500 });
    try {
      const requests = Array.from({ length: 20 }, () => postGraphql(gateway.url, DASHBOARD, { token }));
      await vi.waitFor(() => expect(npe.stats.total).toBeGreaterThanOrEqual(20), { timeout: 5_000 });

      const stoppedAt = Date.now();
      const exited = once(gateway.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      gateway.child.kill('SIGTERM');
      // At once: not ready, while it still answers.
      await vi.waitFor(
        async () => {
          const probe = await fetch(`${gateway.url}/readyz`);
          expect(probe.status).toBe(503);
          expect(await probe.json()).toMatchObject({ ready: false, phase: 'draining' });
        },
        { timeout: 900, interval: 20 },
      );

      for (const { status, body } of await Promise.all(requests)) {
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect((body.data as { cases: { totalCount: number } }).cases.totalCount).toBeGreaterThan(0);
      }
      for (const stream of streams) {
        await vi.waitFor(() => expect(stream.completed).toBe(true), { timeout: GRACE_SECONDS * 1000 });
        const last = stream.received.at(-1);
        expect(last?.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reconnect: true });
        stream.close();
      }

      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(Date.now() - stoppedAt).toBeLessThan(GRACE_SECONDS * 1000);
      // Gone: nothing answers any more.
      await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow();
      // The spans of the requests that finished during the drain were sent before the exit.
      const dashboards = collector.spans.filter(
        (s) => s.kind === 2 && spanAttribute(s, 'graphql.operation.name') === 'Dashboard',
      );
      expect(dashboards).toHaveLength(20);
      expect(collector.services).toContain('graph-stopping');
    } finally {
      npe.setFaults({});
    }
  });

  it('a gateway started through a symlink starts (and stops) like any other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-link-'));
    try {
      const link = join(dir, 'main.ts');
      symlinkSync(resolve('src/main.ts'), link);
      const gateway = await startNodeServer(link, {
        ...stack.mocks.gatewayEnvironment(),
        ...stack.database,
        LOG_LEVEL: 'warn',
      });
      const exited = once(gateway.child, 'exit');
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
      gateway.child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
