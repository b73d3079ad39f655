import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { giveConsents, persona, startTestStack, type TestStack } from '../helpers/stack.js';

const QUERY = /* GraphQL */ `
  {
    cases {
      agencyStatuses {
        agency {
          code
        }
        status
        reason
        asOf
      }
      nodes {
        id
        title
        statusLabel
        timeline {
          code
          state
        }
      }
    }
  }
`;

interface Answer {
  cases: {
    agencyStatuses: { agency: { code: string }; status: string; reason: string | null; asOf: string }[];
    nodes: { id: string; title: string; statusLabel: string; timeline: { code: string; state: string }[] }[];
  };
}

let stack: TestStack;

beforeAll(async () => {
  // The agency goes down and comes back between tests; the breaker (resilience.test.ts) would keep it
  // away for a while after, which is not what these tests are about.
  stack = await startTestStack({ env: { UPSTREAM_BREAKER_FAILURES: '1000' } });
});
afterAll(async () => {
  await stack.close();
});

const status = (body: { data?: Answer | null }, code: string) =>
  body.data?.cases.agencyStatuses.find((s) => s.agency.code === code);

describe('the safety net', () => {
  it('serves the last known answer as STALE, with its age, while the agency is down', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const { body: fresh } = await stack.graphql<Answer>(QUERY, { token });
    expect(status(fresh, 'helseklage')?.status).toBe('OK');
    const readAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 30));

    stack.mocks.agencies.helseklage.setFaults({ down: true });
    try {
      const { body: stale } = await stack.graphql<Answer>(QUERY, { token });
      expect(stale.errors).toBeUndefined();
      expect(status(stale, 'helseklage')).toMatchObject({ status: 'STALE', reason: 'UPSTREAM_UNREACHABLE' });
      expect(Date.parse(status(stale, 'helseklage')?.asOf ?? '')).toBeLessThanOrEqual(readAt);
      expect(status(stale, 'npe')?.status).toBe('OK');
      expect(stale.data?.cases.nodes).toEqual(fresh.data?.cases.nodes);

      const appeal = fresh.data?.cases.nodes.find((n) => n.id.startsWith('helseklage:'));
      const { body: byId } = await stack.graphql<{ case: { id: string; title: string } | null }>(
        'query ($id: ID!) { case(id: $id) { id title } }',
        { token, variables: { id: appeal?.id } },
      );
      expect(byId.data?.case).toEqual({ id: appeal?.id, title: appeal?.title });
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }
  });

  it('never serves one person’s answers to another', async () => {
    const token = await stack.token('proxy');
    stack.mocks.agencies.helseklage.setFaults({ down: true });
    try {
      const { body } = await stack.graphql<Answer>(QUERY, { token });
      expect(status(body, 'helseklage')).toMatchObject({
        status: 'UNAVAILABLE',
        reason: 'UPSTREAM_UNREACHABLE',
      });
      expect(body.data?.cases.nodes.every((n) => !n.id.startsWith('helseklage:'))).toBe(true);
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }
  });

  it('keeps its entries in Redis sealed, keyed without the national id, and expiring', async () => {
    const prefix = uniquePrefix();
    const gateway = await stack.gatewayWith({
      REDIS_URL: redisTestUrl(),
      REDIS_KEY_PREFIX: prefix,
      SAFETY_NET_TTL_SECONDS: '600',
    });
    const token = await stack.token('citizen-npe-helseklage');
    await giveConsents(gateway.url, token);
    const { body } = await gateway.graphql<Answer>(QUERY, { token });
    const title = body.data?.cases.nodes[0]?.title ?? '';
    expect(title.length).toBeGreaterThan(5);
    const raw = createClient({ url: redisTestUrl() });
    await raw.connect();
    try {
      let keys: string[] = [];
      for (let i = 0; i < 50 && keys.length < 4; i++) {
        keys = await raw.keys(`${prefix}cache:*`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(keys.length).toBeGreaterThanOrEqual(4);
      for (const key of keys) {
        expect(key).not.toContain(persona('citizen-npe-helseklage').login.pid);
        const value = (await raw.get(key)) ?? '';
        expect(value).not.toContain(title.slice(0, 12));
        expect(value).not.toMatch(/\d{11}/);
        const ttl = await raw.pTTL(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(600_000);
      }
    } finally {
      await raw.quit();
    }
  });
});
