/**
 * Two gateway processes behind one load balancer, sharing one Redis — a single server, and a three-node
 * Redis Cluster: this test process runs one gateway, a child process (src/main.ts, as in production) runs
 * the other. What one instance learns, the other knows: sessions, consent, and case events for live
 * subscribers.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/sessions.js';
import { Browser } from '../helpers/browser.js';
import { advance, appealInProgress } from '../helpers/cases.js';
import { startGatewayProcess } from '../helpers/process.js';
import { startRedisCluster, type LocalCluster } from '../helpers/redis-cluster.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { subscribe } from '../helpers/sse.js';
import { postGraphql, startTestStack, type TestStack } from '../helpers/stack.js';

describe.each([
  ['one Redis', false],
  ['a Redis Cluster of three nodes', true],
])('two gateway processes sharing %s', (_name, onCluster) => {
  let stack: TestStack;
  let other: { url: string; child: ChildProcess };
  let cluster: LocalCluster | undefined;

  beforeAll(async () => {
    if (onCluster) cluster = await startRedisCluster();
    const shared = {
      REDIS_URL: cluster ? cluster.urls.join(',') : redisTestUrl(),
      REDIS_CLUSTER: cluster ? 'on' : 'off',
      REDIS_KEY_PREFIX: uniquePrefix(),
    };
    stack = await startTestStack({ env: shared });
    other = await startGatewayProcess({
      ...shared,
      ...stack.mocks.gatewayEnvironment(),
      ...stack.database,
    });
  }, 60_000);
  afterAll(async () => {
    other.child.kill('SIGKILL');
    await stack.close();
    await cluster?.close();
  });

  it('a session made on one works on the other, and a logout on one ends it on both', async () => {
    const browser = new Browser();
    const cookie = await browser.logIn(stack.url, '15838510075');
    expect(cookie).not.toBe('');
    const ask = (url: string) =>
      postGraphql<{ viewer: { country: string } }>(url, '{ viewer { country } }', {
        headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
      });
    expect((await ask(other.url)).body.data?.viewer.country).toBe('NO');

    await browser.fetch(`${stack.url}/auth/logout`, { method: 'POST' });
    expect((await ask(other.url)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('consent given on one is seen on the other', async () => {
    const token = await stack.token('proxy', { consent: false });
    const STATUS = '{ cases { agencyStatuses { agency { code } status } } }';
    type Statuses = { cases: { agencyStatuses: { agency: { code: string }; status: string }[] } };
    const npeStatus = async (url: string) =>
      (await postGraphql<Statuses>(url, STATUS, { token })).body.data?.cases.agencyStatuses.find(
        (s) => s.agency.code === 'npe',
      )?.status;
    expect(await npeStatus(other.url)).toBe('CONSENT_REQUIRED');
    const given = await stack.graphql(
      'mutation { giveConsent(input: { agency: "npe", notifications: false }) { errors { code } } }',
      { token },
    );
    expect(given.body.errors).toBeUndefined();
    expect(await npeStatus(other.url)).toBe('OK');
  });

  it('an agency event received by one reaches a subscriber on the other', async () => {
    const record = appealInProgress(stack.mocks.world);
    const token = await stack.token('citizen-npe-helseklage');
    // Subscribed at the child process; the agency sends its events to the gateway in this process.
    const subscriber = await subscribe(other.url, { authorization: `Bearer ${token}` });
    try {
      const count = await advance(stack.mocks.agencies.helseklage.url, record.caseNumber);
      await subscriber.waitFor(count);
      const first = subscriber.received[0]?.data as { caseEvents: { caseId: string } } | undefined;
      expect(first?.caseEvents.caseId).toBe(`helseklage:${record.caseNumber}`);
    } finally {
      subscriber.close();
    }
  });
});
