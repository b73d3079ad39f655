/**
 * Live updates over server-sent events (graphql-sse): a person subscribed to their case events hears of a
 * change as soon as the agency reports it; someone else hears nothing; no login, no stream.
 */
import { createClient } from 'redis';
import { request } from 'undici';
import { pseudonym } from '../../src/auth/pseudonym.js';
import { configFrom } from '../helpers/config.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { subscribe } from '../helpers/sse.js';
import { advance, appealInProgress } from '../helpers/cases.js';
import { SESSION_COOKIE } from '../../src/auth/sessions.js';
import { Browser } from '../helpers/browser.js';
import { giveConsents, persona, postGraphql, startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
beforeAll(async () => {
  // A logout ends a stream within this check interval (default 5 s).
  stack = await startTestStack({ env: { EVENT_STREAM_LOGIN_CHECK_SECONDS: '1' } });
});
afterAll(async () => {
  await stack.close();
});

describe('live case events', () => {
  it('reach the person whose case changed, in their language, and no one else', async () => {
    const record = appealInProgress(stack.mocks.world);
    const ingrid = await stack.token('citizen-npe-helseklage');
    const stranger = await stack.token('stranger');
    const hers = await subscribe(stack.url, { authorization: `Bearer ${ingrid}`, 'accept-language': 'en' });
    const theirs = await subscribe(stack.url, { authorization: `Bearer ${stranger}` });
    try {
      const count = await advance(stack.mocks.agencies.helseklage.url, record.caseNumber);
      await hers.waitFor(count);
      const events = hers.received.map((r) => (r.data as { caseEvents: Record<string, unknown> }).caseEvents);
      expect(events[0]).toMatchObject({
        caseId: `helseklage:${record.caseNumber}`,
        kind: 'STEP_COMPLETED',
        agency: { code: 'helseklage' },
      });
      expect(events[0]?.message).toMatch(/^The step “.+” is completed\.$/);
      // The stranger's stream stays quiet (give it the time the other one needed, and more).
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(theirs.received).toEqual([]);
    } finally {
      hers.close();
      theirs.close();
    }
  });

  it('ends the stream when the session behind it ends', async () => {
    const record = appealInProgress(stack.mocks.world);
    const browser = new Browser();
    const cookie = await browser.logIn(stack.url, persona('citizen-npe-helseklage').login.pid ?? '');
    await giveConsents(stack.url, await stack.token('citizen-npe-helseklage'));
    const stream = await subscribe(stack.url, { cookie: `${SESSION_COOKIE}=${cookie}` });
    try {
      const count = await advance(stack.mocks.agencies.helseklage.url, record.caseNumber);
      await stream.waitFor(count);
      await browser.fetch(`${stack.url}/auth/logout`, { method: 'POST' });
      // Told at once (within the check interval), without waiting for an event: the login has ended.
      await stream.waitFor(count + 1, 3_000);
      const [last] = stream.received.slice(-1);
      expect(last?.data).toBeNull();
      expect(last?.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      await vi.waitFor(() => expect(stream.completed).toBe(true));
      // And nothing more arrives.
      await advance(stack.mocks.agencies.helseklage.url, record.caseNumber);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stream.received).toHaveLength(count + 1);
    } finally {
      stream.close();
    }
  });

  it('refuses a stream without a login, and anything but a subscription', async () => {
    const anonymous = await request(`${stack.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { caseEvents { id } }' }),
    });
    const text = await anonymous.body.text();
    expect(text).toContain('UNAUTHENTICATED');
    expect(text).not.toContain('"data":{"caseEvents"');
    const token = await stack.token('citizen-npe-helseklage');
    const response = await request(`${stack.url}/graphql/stream`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ query: '{ viewer { country } }' }),
    });
    const refusal = await response.body.text();
    expect(refusal).toContain('Only subscriptions are served here');
    expect(refusal).not.toContain('"country"');
    // A query is still a query at /graphql.
    expect((await postGraphql(stack.url, '{ viewer { country } }', { token })).body.data).toEqual({
      viewer: { country: 'NO' },
    });
  });
});

describe('live case events across Redis', () => {
  const prefix = uniquePrefix();
  let redisStack: TestStack;
  const raw = createClient({ url: redisTestUrl() });

  beforeAll(async () => {
    redisStack = await startTestStack({ env: { REDIS_URL: redisTestUrl(), REDIS_KEY_PREFIX: prefix } });
    await raw.connect();
  });
  afterAll(async () => {
    await raw.quit();
    await redisStack.close();
  });

  it('cross the channel sealed: no case number or audience in clear, and a forged message reaches nobody', async () => {
    const record = appealInProgress(redisStack.mocks.world);
    const ingrid = await redisStack.token('citizen-npe-helseklage');
    const onChannel: string[] = [];
    const listener = raw.duplicate();
    await listener.connect();
    await listener.subscribe(`${prefix}case-events`, (message) => void onChannel.push(message));
    const hers = await subscribe(redisStack.url, { authorization: `Bearer ${ingrid}` });
    try {
      const count = await advance(redisStack.mocks.agencies.helseklage.url, record.caseNumber);
      await hers.waitFor(count);
      expect(onChannel.length).toBeGreaterThanOrEqual(count);
      for (const message of onChannel) {
        expect(message).not.toContain(record.caseNumber);
        expect(message).not.toMatch(/audience|helseklage|STEP_COMPLETED/);
      }
      // Whoever can publish on Redis cannot speak for a gateway.
      const secret = configFrom(redisStack.mocks.gatewayEnvironment()).storeSecret;
      const forged = {
        id: 'forged',
        agency: 'helseklage',
        kind: 'DECISION_MADE',
        caseNumber: record.caseNumber,
        occurredAt: new Date().toISOString(),
        step: null,
        documentId: null,
        audience: [pseudonym(secret, persona('citizen-npe-helseklage').login.pid ?? '')],
      };
      await raw.publish(`${prefix}case-events`, JSON.stringify(forged));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hers.received).toHaveLength(count);
    } finally {
      hers.close();
      await listener.quit();
    }
  });
});
