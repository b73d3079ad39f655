/**
 * Resilience per agency, driven by the mocks' fault injection and counted at the mocks: the request's
 * deadline bounds a slow agency; failures open the breaker, which then fails fast and closes again after
 * a probe; retries stay within their budget however many calls fail.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  // One Redis for all the gateways of this file, so that the consent given once holds at each.
  stack = await startTestStack({ env: { REDIS_URL: redisTestUrl(), REDIS_KEY_PREFIX: uniquePrefix() } });
  token = await stack.token('citizen-npe-helseklage');
});
afterAll(async () => {
  await stack.close();
});
afterEach(() => {
  for (const mock of Object.values(stack.mocks.agencies)) mock.setFaults({});
});

const STATUSES = '{ cases { nodes { id } agencyStatuses { agency { code } status reason } } }';
type Answer = {
  cases: {
    nodes: { id: string }[];
    agencyStatuses: { agency: { code: string }; status: string; reason: string | null }[];
  };
};

async function ask(gateway: GraphClient) {
  const { body } = await gateway.graphql<Answer>(STATUSES, { token });
  const status = (code: string) => body.data?.cases.agencyStatuses.find((s) => s.agency.code === code);
  return { body, npe: status('npe'), helseklage: status('helseklage') };
}

const npeCalls = () => stack.mocks.agencies.npe.stats.total;

describe('resilience per agency', () => {
  it('a slow agency costs the answer at most the request deadline, and the others’ data arrives', async () => {
    const gateway = await stack.gatewayWith({
      REQUEST_DEADLINE_MS: '1500',
      UPSTREAM_TIMEOUT_MS: '10000',
      SAFETY_NET_TTL_SECONDS: '0',
    });
    stack.mocks.agencies.npe.setFaults({ delayMs: 5_000 });
    const started = performance.now();
    const { body, npe, helseklage } = await ask(gateway);
    const elapsed = performance.now() - started;
    // Behaviour, not speed: the deadline (0.8 s) cut the 5 s agency off; the bound is generous.
    expect(elapsed).toBeLessThan(3_000);
    expect(npe).toMatchObject({ status: 'UNAVAILABLE', reason: 'UPSTREAM_TIMEOUT' });
    expect(helseklage).toMatchObject({ status: 'OK' });
    expect(body.data?.cases.nodes.some((n) => n.id.startsWith('helseklage:'))).toBe(true);
  });

  it('failures open the breaker, which then fails fast without calling; after a while one probe closes it', async () => {
    const gateway = await stack.gatewayWith({
      UPSTREAM_BREAKER_FAILURES: '3',
      UPSTREAM_BREAKER_OPEN_MS: '500',
      UPSTREAM_RETRY_MINIMUM: '0',
      UPSTREAM_RETRY_RATIO: '0',
      SAFETY_NET_TTL_SECONDS: '0',
    });
    stack.mocks.agencies.npe.setFaults({ errorRate: 1 });
    for (let i = 0; i < 3; i++) {
      expect((await ask(gateway)).npe).toMatchObject({
        status: 'UNAVAILABLE',
        reason: 'UPSTREAM_HTTP_ERROR',
      });
    }
    const before = npeCalls();
    const open = await ask(gateway);
    expect(open.npe).toMatchObject({ status: 'UNAVAILABLE', reason: 'UPSTREAM_CIRCUIT_OPEN' });
    expect(open.helseklage?.status).toBe('OK');
    expect(npeCalls()).toBe(before);

    // The agency recovers; once the breaker lets a probe through, NPE answers again.
    stack.mocks.agencies.npe.setFaults({});
    await vi.waitFor(async () => expect((await ask(gateway)).npe?.status).toBe('OK'), {
      timeout: 3_000,
      interval: 100,
    });
    expect((await ask(gateway)).npe?.status).toBe('OK');
  });

  it('a failing probe opens the breaker again', async () => {
    const gateway = await stack.gatewayWith({
      UPSTREAM_BREAKER_FAILURES: '2',
      UPSTREAM_BREAKER_OPEN_MS: '300',
      UPSTREAM_RETRY_MINIMUM: '0',
      UPSTREAM_RETRY_RATIO: '0',
      SAFETY_NET_TTL_SECONDS: '0',
    });
    stack.mocks.agencies.npe.setFaults({ errorRate: 1 });
    await ask(gateway);
    await ask(gateway);
    expect((await ask(gateway)).npe?.reason).toBe('UPSTREAM_CIRCUIT_OPEN');
    await new Promise((resolve) => setTimeout(resolve, 350));
    const before = npeCalls();
    expect((await ask(gateway)).npe?.reason).toBe('UPSTREAM_HTTP_ERROR');
    expect(npeCalls()).toBe(before + 1);
    expect((await ask(gateway)).npe?.reason).toBe('UPSTREAM_CIRCUIT_OPEN');
    expect(npeCalls()).toBe(before + 1);
  });

  it('a burst of failures causes no more retries than the budget allows', async () => {
    const gateway = await stack.gatewayWith({
      UPSTREAM_BREAKER_FAILURES: '1000',
      UPSTREAM_RETRY_MINIMUM: '2',
      UPSTREAM_RETRY_RATIO: '0.1',
      SAFETY_NET_TTL_SECONDS: '0',
    });
    stack.mocks.agencies.npe.setFaults({ errorRate: 1 });
    const before = npeCalls();
    const requests = 40;
    for (let i = 0; i < requests; i++) await ask(gateway);
    const calls = npeCalls() - before;
    // Each request asks NPE's search once; retries may add at most 2 + 10 % of the requests.
    expect(calls).toBeGreaterThan(requests);
    expect(calls).toBeLessThanOrEqual(requests + 2 + 0.1 * requests);
  });

  it('a transient failure is retried once, and the person never sees it', async () => {
    const gateway = await stack.gatewayWith({ SAFETY_NET_TTL_SECONDS: '0' });
    // NPE answers the next search with a 500, then is well again.
    stack.mocks.agencies.npe.setFaults({ failNext: 1, onlyPaths: ['/api/v1/saker/sok'] });
    const before = stack.mocks.agencies.npe.stats.byRoute['POST /api/v1/saker/sok'] ?? 0;
    const { npe, body } = await ask(gateway);
    expect(npe).toMatchObject({ status: 'OK', reason: null });
    expect(body.errors).toBeUndefined();
    expect((stack.mocks.agencies.npe.stats.byRoute['POST /api/v1/saker/sok'] ?? 0) - before).toBe(2);
  });
});
