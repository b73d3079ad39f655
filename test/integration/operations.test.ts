/**
 * What the people who run the gateway look at: `/healthz` (the process), `/readyz` (whether to send it
 * traffic: the store and the records; the agencies' health reported beside) and Prometheus `/metrics` with bounded labels.
 */
import { createServer, Socket, type Server } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AGENCY_HEALTH_TTL_MS } from '../../src/observability/readiness.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { subscribe } from '../helpers/sse.js';
import { persona, startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';
import { productionOnLoopback } from '../../mocks/start.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

async function get(url: string) {
  const response = await request(url);
  return {
    status: response.statusCode,
    text: await response.body.text(),
    type: response.headers['content-type'],
  };
}

/** A TCP relay to the test Redis that can be cut, so that Redis "goes down" for one gateway only. */
async function cuttableRedis(): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const target = new URL(redisTestUrl());
  const sockets = new Set<Socket>();
  const relay: Server = createServer((client) => {
    const upstream = new Socket().connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as { port: number };
  const cut = () => {
    relay.close();
    for (const socket of sockets) socket.destroy();
  };
  return { url: `redis://127.0.0.1:${port}`, cut, close: async () => cut() };
}

describe('/healthz and /readyz', () => {
  it('ready while the store and the database answer; an agency that is down is named as degraded and never takes the instance out', async () => {
    const ready = await get(`${stack.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({
      ready: true,
      phase: 'serving',
      store: 'ok',
      database: 'ok',
    });
    await vi.waitFor(async () =>
      expect((JSON.parse((await get(`${stack.url}/readyz`)).text) as { agencies: unknown }).agencies).toEqual(
        {
          npe: 'ok',
          helseklage: 'ok',
          stpk: 'ok',
          patienterstatningen: 'ok',
        },
      ),
    );
    const helseklage = stack.mocks.agencies.helseklage;
    helseklage.setFaults({ down: true });
    try {
      // Agencies are asked at most every few seconds, in the background: the probe answers at once.
      await vi.waitFor(
        async () => {
          const degraded = await get(`${stack.url}/readyz`);
          expect(degraded.status).toBe(200);
          expect(JSON.parse(degraded.text)).toEqual({
            ready: true,
            phase: 'serving',
            store: 'ok',
            database: 'ok',
            agencies: { npe: 'ok', helseklage: 'degraded', stpk: 'ok', patienterstatningen: 'ok' },
          });
        },
        { timeout: AGENCY_HEALTH_TTL_MS + 5_000, interval: 250 },
      );
      const metrics = (await get(`${stack.url}/metrics`)).text;
      expect(metrics).toMatch(/upstream_up\{agency="helseklage"\} 0/);
      expect(metrics).toMatch(/upstream_up\{agency="npe"\} 1/);
      // However often it is probed, the agencies are asked at most once per period.
      helseklage.resetStats();
      await Promise.all(Array.from({ length: 20 }, () => get(`${stack.url}/readyz`)));
      expect(helseklage.stats.total).toBeLessThanOrEqual(1);
      expect((await get(`${stack.url}/healthz`)).status).toBe(200);
    } finally {
      helseklage.setFaults({});
    }
  });

  it('unready when Redis stops answering', async () => {
    const redis = await cuttableRedis();
    let gateway: GraphClient | undefined;
    try {
      gateway = await stack.gatewayWith({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix() });
      expect((await get(`${gateway.url}/readyz`)).status).toBe(200);
      redis.cut();
      const unready = await get(`${gateway.url}/readyz`);
      expect(unready.status).toBe(503);
      expect(JSON.parse(unready.text)).toMatchObject({ ready: false, store: 'unavailable' });
      expect((await get(`${gateway.url}/healthz`)).status).toBe(200);
    } finally {
      await redis.close();
    }
  });
});

describe('/metrics', () => {
  const M = 'helseklage_graph_';

  it('exposes operations with their error codes, agency calls, breakers, caches, the outbox, route families and the build, with bounded labels', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    await stack.graphql('query Dashboard { cases { nodes { id } } }', { token });
    await stack.graphql('query Dashboard { cases { nodes { id } } }', { token });
    // The caller's mistake and ours are told apart, each with its code.
    await stack.graphql('query Dashboard { case(id: "not-an-id") { id } }', { token });
    await stack.graphql('query Dashboard { cases { nodes { id } } }');
    stack.mocks.agencies.npe.setFaults({ failNext: 2 });
    try {
      await stack.graphql('query AfterAFailure { cases { nodes { id } } }', { token });
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
    await get(`${stack.url}/readyz`);
    // The other route families: a link that is not one, a login, an agency event without its signature.
    await get(`${stack.url}/files/documents/not-a-link`);
    await get(`${stack.url}/auth/login`);
    await request(`${stack.url}/events/npe`, { method: 'POST', body: '{}' }).then((r) => r.body.dump());
    const { status, text, type } = await get(`${stack.url}/metrics`);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(text).toMatch(
      new RegExp(`${M}graphql_requests_total\\{operation="Dashboard",outcome="ok",code="none"\\} 2`),
    );
    expect(text).toMatch(
      new RegExp(
        `${M}graphql_requests_total\\{operation="Dashboard",outcome="user_error",code="UNAUTHENTICATED"\\} 1`,
      ),
    );
    expect(text).toMatch(
      new RegExp(
        `${M}graphql_requests_total\\{operation="Dashboard",outcome="user_error",code="(NOT_FOUND|BAD_USER_INPUT)"\\} 1`,
      ),
    );
    expect(text).toMatch(
      new RegExp(`${M}graphql_request_duration_seconds_count\\{operation="Dashboard"\\} 4`),
    );
    expect(text).toMatch(
      new RegExp(`${M}upstream_request_duration_seconds_count\\{agency="npe",outcome="ok"\\} \\d+`),
    );
    expect(text).toMatch(
      new RegExp(`${M}upstream_errors_total\\{agency="npe",failure="HTTP_ERROR"\\} [1-9]`),
    );
    expect(text).toMatch(new RegExp(`${M}upstream_retries_total\\{agency="npe"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`${M}upstream_breaker_state\\{agency="helseklage",state="closed"\\} 1`));
    expect(text).toMatch(new RegExp(`${M}upstream_breaker_state\\{agency="helseklage",state="open"\\} 0`));
    expect(text).toMatch(new RegExp(`${M}cache_lookups_total\\{cache="token",result="hit"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`${M}outbox_depth \\d+`));
    expect(text).toMatch(new RegExp(`${M}outbox_depth_errors_total 0`));
    expect(text).toMatch(new RegExp(`${M}http_requests_total\\{family="graphql",status="2xx"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`${M}http_requests_total\\{family="probes",status="2xx"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`${M}http_requests_total\\{family="files",status="4xx"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`${M}http_requests_total\\{family="auth",status="3xx"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`${M}http_requests_total\\{family="events",status="4xx"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`${M}http_request_duration_seconds_count\\{family="graphql"\\} [1-9]`));
    expect(text).toMatch(
      new RegExp(
        `${M}build_info\\{version="\\d+\\.\\d+\\.\\d+",revision="unknown",node_version="v\\d+[.\\d]*"\\} 1`,
      ),
    );
    expect(text).toContain('process_resident_memory_bytes');
    // No person, case or document in any label.
    expect(text).not.toContain(persona('citizen-npe-helseklage').login.pid);
    expect(text).not.toMatch(/\d{4}-\d{5}/);
  });

  it('counts open streams by transport while they are open', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const openSse = async () =>
      Number(
        new RegExp(`${M}open_streams\\{transport="sse"\\} (\\d+)`).exec(
          (await get(`${stack.url}/metrics`)).text,
        )?.[1] ?? 0,
      );
    const before = await openSse();
    const streams = await Promise.all(
      [1, 2].map(() => subscribe(stack.url, { authorization: `Bearer ${token}` })),
    );
    expect(await openSse()).toBe(before + 2);
    for (const stream of streams) stream.close();
    await vi.waitFor(async () => expect(await openSse()).toBe(before));
    expect((await get(`${stack.url}/metrics`)).text).toMatch(
      new RegExp(`${M}http_request_duration_seconds_count\\{family="stream"\\} [1-9]`),
    );
  });

  it('labels only registered operations by name: a hundred made-up names do not displace them', async () => {
    const token = await stack.token('stranger', { consent: false });
    for (let i = 0; i < 110; i++) await stack.graphql(`query Made${i} { viewer { country } }`, { token });
    await stack.graphql('query LawyerOverview { viewer { country } }', { token });
    const { text } = await get(`${stack.url}/metrics`);
    const names = new Set(
      [...text.matchAll(new RegExp(`${M}graphql_requests_total\\{operation="([^"]+)"`, 'g'))].map(
        (m) => m[1],
      ),
    );
    expect(names.has('LawyerOverview')).toBe(true);
    expect(names.has('unregistered')).toBe(true);
    expect([...names].some((n) => n?.startsWith('Made'))).toBe(false);
  });
});

describe('/metrics in production', () => {
  it('is served on METRICS_PORT only, not on the port the world reaches', async () => {
    const production = await stack.gatewayWith(
      productionOnLoopback({
        name: 'helseklage',
        redisUrl: redisTestUrl(),
        redisKeyPrefix: uniquePrefix(),
        overrides: { SHUTDOWN_DRAIN_SECONDS: '0', BUILD_REVISION: 'abc1234' },
      }),
    );
    expect((await get(`${production.url}/metrics`)).status).toBe(404);
    const metricsUrl = production.gateway.metricsUrl;
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const scraped = await get(metricsUrl!);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toMatch(/helseklage_graph_build_info\{[^}]*revision="abc1234"/);
  });
});
