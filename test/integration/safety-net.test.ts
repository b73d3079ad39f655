import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerIsClean, W1_CITIZEN_DASHBOARD } from '../../bench/scenarios.js';
import { awaitedForms } from '../../mocks/agencies/forms.js';
import { advance } from '../helpers/cases.js';
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

  it('with one agency slow, a person with a safety-net copy gets STALE within one agency timeout, never two', async () => {
    // A gateway of its own: it has never fetched Helseklage's form catalog, and waits 1 s for an agency.
    const timeoutMs = 1_000;
    const gateway = await stack.gatewayWith({
      UPSTREAM_TIMEOUT_MS: String(timeoutMs),
      UPSTREAM_BREAKER_FAILURES: '1000',
    });
    const token = await stack.token('citizen-npe-helseklage');
    await giveConsents(gateway.url, token);
    const ingrid = persona('citizen-npe-helseklage').login.pid;
    // Her Helseklage case that awaits a form: its page also needs the agency's form catalog.
    const asking = stack.mocks.world.cases.helseklage.find(
      (c) => c.participants.some((p) => p.nationalId === ingrid) && awaitedForms(c).length > 0,
    );
    if (!asking) throw new Error('Ingrid has no Helseklage case awaiting a form');
    const id = `helseklage:${asking.caseNumber}`;
    const CASE_PAGE = /* GraphQL */ `
      query ($id: ID!) {
        case(id: $id) {
          title
          timeline {
            code
          }
          documents {
            id
          }
          deadlines {
            dueAt
          }
          forms {
            code
          }
        }
      }
    `;
    interface CasePage {
      case: { title: string; documents: unknown[] | null; forms: { code: string }[] | null } | null;
    }
    const helseklage = stack.mocks.agencies.helseklage;
    const timed = async <T>(ask: () => Promise<T>) => {
      const calls = helseklage.stats.total;
      const started = performance.now();
      const answer = await ask();
      return { answer, ms: performance.now() - started, calls: helseklage.stats.total - calls };
    };
    // The safety net learns her list and this case (not its forms: the catalog stays unknown here).
    await gateway.graphql(QUERY, { token });
    await gateway.graphql('query ($id: ID!) { case(id: $id) { title timeline { code } documents { id } } }', {
      token,
      variables: { id },
    });

    helseklage.setFaults({ delayMs: 4 * timeoutMs });
    try {
      const list = await timed(() => gateway.graphql<Answer>(QUERY, { token }));
      expect(status(list.answer.body, 'helseklage')?.status).toBe('STALE');
      expect(list.calls).toBe(1);
      expect(list.ms).toBeGreaterThanOrEqual(timeoutMs * 0.9);
      expect(list.ms).toBeLessThan(timeoutMs * 1.9);

      // The case, its documents and deadlines from the net; the catalog is not asked for at all, since
      // Helseklage already failed in this request: its forms are missing, said so, without a second wait.
      const page = await timed(() => gateway.graphql<CasePage>(CASE_PAGE, { token, variables: { id } }));
      expect(page.answer.body.data?.case?.title).toBe(asking.title);
      expect(page.answer.body.data?.case?.documents?.length).toBeGreaterThan(0);
      expect(page.answer.body.data?.case?.forms).toBeNull();
      expect(page.answer.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
        ['case.forms', 'UPSTREAM_UNAVAILABLE'],
      ]);
      expect(page.calls).toBe(1);
      expect(page.ms).toBeLessThan(timeoutMs * 1.9);

      // Once the catalog is known, a slow agency no longer keeps it from her: the known one is served.
      helseklage.setFaults({});
      const known = await gateway.graphql<CasePage>(CASE_PAGE, { token, variables: { id } });
      expect(known.body.data?.case?.forms?.length).toBeGreaterThan(0);
      helseklage.setFaults({ delayMs: 4 * timeoutMs });
      const again = await timed(() => gateway.graphql<CasePage>(CASE_PAGE, { token, variables: { id } }));
      expect(again.answer.body.errors).toBeUndefined();
      expect(again.answer.body.data?.case?.forms).toEqual(known.body.data?.case?.forms);
      expect(again.calls).toBe(1);
      expect(again.ms).toBeLessThan(timeoutMs * 1.9);
    } finally {
      helseklage.setFaults({});
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
      SAFETY_NET_REFRESH_MINUTES: '1',
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
      for (let i = 0; i < 50 && keys.length < 2; i++) {
        keys = await raw.keys(`${prefix}cache:*`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // One sealed value per agency: the listing, the cases and their documents together.
      expect(keys).toHaveLength(2);
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

  it('writes one sealed value per agency, then nothing while the answers stay the same, and only what changed', async () => {
    const prefix = uniquePrefix();
    const gateway = await stack.gatewayWith({
      REDIS_URL: redisTestUrl(),
      REDIS_KEY_PREFIX: prefix,
      SAFETY_NET_REFRESH_MINUTES: '10',
    });
    const token = await stack.token('citizen-npe-helseklage');
    await giveConsents(gateway.url, token);
    const writes = await watchWrites(`${prefix}cache:`);
    try {
      const dashboard = async () => {
        const { text } = await gateway.graphql(W1_CITIZEN_DASHBOARD, { token });
        expect(answerIsClean(text), text.slice(0, 300)).toBe(true);
      };
      await dashboard();
      await vi.waitFor(() => expect(writes.keys.length).toBe(2));
      expect(writes.keys.map((k) => k.replace(/.*:/, '')).sort()).toEqual(['helseklage}', 'npe}']);

      // The same dashboard again, and once more: the copies are the answers, and young.
      writes.keys.length = 0;
      await dashboard();
      await dashboard();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(writes.keys).toEqual([]);

      // A Helseklage case moves on: only Helseklage's copy is written again.
      const ingrid = persona('citizen-npe-helseklage').login.pid;
      const moving = stack.mocks.world.cases.helseklage.find(
        (c) => !c.closedAt && c.participants.some((p) => p.nationalId === ingrid),
      );
      await advance(stack.mocks.agencies.helseklage.url, moving?.caseNumber ?? '');
      await dashboard();
      await vi.waitFor(() => expect(writes.keys).toHaveLength(1));
      expect(writes.keys[0]).toMatch(/:helseklage\}$/);
    } finally {
      await writes.stop();
    }
  });
});

/** Every value written under a prefix, as Redis itself tells it (keyspace notifications of SET). */
async function watchWrites(prefix: string): Promise<{ keys: string[]; stop: () => Promise<void> }> {
  const admin = createClient({ url: redisTestUrl() });
  await admin.connect();
  const before = (await admin.configGet('notify-keyspace-events'))['notify-keyspace-events'] ?? '';
  await admin.configSet('notify-keyspace-events', `${before}K$`);
  const listener = admin.duplicate();
  await listener.connect();
  const keys: string[] = [];
  await listener.pSubscribe(`__keyspace@*__:${prefix}*`, (event, channel) => {
    if (event === 'set') keys.push(channel.replace(/^__keyspace@\d+__:/, ''));
  });
  return {
    keys,
    stop: async () => {
      await listener.quit();
      await admin.configSet('notify-keyspace-events', before);
      await admin.quit();
    },
  };
}
