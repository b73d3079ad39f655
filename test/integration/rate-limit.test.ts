import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../src/messages.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { persona, startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';

const LIMIT = 5;
const prefix = uniquePrefix();
let stack: TestStack;
let first: GraphClient;
let second: GraphClient;

beforeAll(async () => {
  stack = await startTestStack();
  const shared = {
    REDIS_URL: redisTestUrl(),
    REDIS_KEY_PREFIX: prefix,
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
  };
  first = await stack.gatewayWith(shared);
  second = await stack.gatewayWith(shared);
});
afterAll(async () => {
  await stack.close();
});

describe('per-person rate limits shared through Redis', () => {
  it('counts one person’s requests across two gateway instances and answers 429 past the limit', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const answers = [];
    for (let i = 0; i < LIMIT; i++)
      answers.push(await (i % 2 ? second : first).graphql('{ viewer { country } }', { token }));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: LIMIT }, () => 200));
    const refused = await second.graphql('{ viewer { country } }', { token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED' });
    expect(refused.body.errors?.[0]?.message).toBe(
      say('nb', 'RATE_LIMITED', { seconds: Number(refused.headers['retry-after']) }),
    );
  });

  it('does not limit another person', async () => {
    const { status } = await first.graphql('{ viewer { country } }', {
      token: await stack.token('citizen-dk'),
    });
    expect(status).toBe(200);
  });

  it('keeps no national id in Redis keys, and lets the counters expire', async () => {
    const raw = createClient({ url: redisTestUrl() });
    await raw.connect();
    try {
      const keys = await raw.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      for (const key of keys) {
        expect(key).not.toContain(persona('citizen-npe-helseklage').login.pid);
        expect(key).not.toContain(persona('citizen-dk').login.cpr);
        expect(await raw.pTTL(key)).toBeGreaterThan(0);
      }
    } finally {
      await raw.quit();
    }
  });

  it('the default in-memory store limits within one instance', async () => {
    const alone = await stack.gatewayWith({ RATE_LIMIT_PER_MINUTE: '2' });
    const token = await stack.token('stranger');
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await alone.graphql('{ viewer { country } }', { token })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('counts each mutation field of a request: six aliased mutations are six requests', async () => {
    const alone = await stack.gatewayWith({ RATE_LIMIT_PER_MINUTE: '5' });
    const token = await stack.token('guardian');
    const fields = Array.from(
      { length: 6 },
      (_, i) => `m${i}: markNotificationsRead(input: { all: true }) { errors { code } }`,
    );
    const { status, body } = await alone.graphql(`mutation { ${fields.join(' ')} }`, { token });
    expect(status).toBe(429);
    expect(body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('requests without a login, limited per client address', () => {
  it('refused tokens: past the limit, 429 instead of another 401', async () => {
    const alone = await stack.gatewayWith({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5' });
    const statuses = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await alone.graphql('{ viewer { country } }', { token: `forged.${i}.token` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // A person with a valid login is not held back by what others at the address did.
    const valid = await alone.graphql('{ viewer { country } }', { token: await stack.token('stranger') });
    expect(valid.status).toBe(200);
  });

  it('login starts: past the limit, 429 in the person’s language and no login transaction started', async () => {
    const alone = await stack.gatewayWith({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5' });
    const answers = [];
    for (let i = 0; i < 7; i++)
      answers.push(
        await fetch(`${alone.url}/auth/login`, { redirect: 'manual', headers: { 'accept-language': 'nn' } }),
      );
    expect(answers.slice(0, 5).every((a) => a.status === 303 && a.headers.has('set-cookie'))).toBe(true);
    const refused = answers[6];
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused?.headers.has('set-cookie')).toBe(false);
    expect(await refused?.text()).toContain('For mange innloggingsforsøk herifrå');
  });
});
