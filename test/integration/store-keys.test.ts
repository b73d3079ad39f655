/**
 * What the gateway writes to Redis is what src/store/keys.ts lists: after a login, a dashboard, documents,
 * an upload and an agency event, every key belongs to a listed namespace, and every value of a sealed
 * namespace reveals nothing in clear (no national id, no JSON).
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_NAMESPACES, namespaceOf } from '../../src/store/keys.js';
import { appealInProgress } from '../helpers/cases.js';
import { Browser, logInThroughBff } from '../helpers/browser.js';
import { deleteKeys, redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { persona, startTestStack, type TestStack } from '../helpers/stack.js';
import { uploadPdf } from '../helpers/submissions.js';

const prefix = uniquePrefix();
const redis = createClient({ url: redisTestUrl() });
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ env: { REDIS_URL: redisTestUrl(), REDIS_KEY_PREFIX: prefix } });
  await redis.connect();
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
  await stack.close();
});

describe('the keys in Redis', () => {
  it('all belong to a listed namespace, and sealed ones show nothing in clear', async () => {
    // A login through the BFF, and one left half-way (its transaction still waiting).
    await logInThroughBff(new Browser(), stack.url, persona('citizen-npe-helseklage').login.pid ?? '');
    await new Browser().go(`${stack.url}/auth/login?idp=idporten`);
    // A dashboard, a case with its documents, an upload, an agency event.
    const token = await stack.token('citizen-npe-helseklage');
    const appeal = appealInProgress(stack.mocks.world);
    const caseId = `helseklage:${appeal.caseNumber}`;
    await stack.graphql('{ cases { nodes { id documents { id read } } } }', { token });
    await uploadPdf(stack.url, token, caseId);
    await stack.mocks.agencies.helseklage.advance(appeal.caseNumber);

    const keys = (await redis.keys(`${prefix}*`)).map((key) => key.slice(prefix.length));
    const unlisted = keys.filter((key) => !namespaceOf(key));
    expect(unlisted).toEqual([]);
    const seen = new Set(keys.map((key) => namespaceOf(key)));
    for (const namespace of KEY_NAMESPACES.filter((n) =>
      /session|login|safety net|counted|upload|event id/.test(n.holds),
    )) {
      expect(seen.has(namespace), namespace.holds).toBe(true);
    }
    for (const key of keys.filter((k) => namespaceOf(k)?.sealed)) {
      const type = await redis.type(prefix + key);
      const values =
        type === 'list' ? await redis.lRange(prefix + key, 0, -1) : [(await redis.get(prefix + key)) ?? ''];
      for (const value of values) {
        expect(value, key).not.toMatch(/\d{11}|[{}"]/);
      }
    }
  });
});
