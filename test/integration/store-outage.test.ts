/**
 * Redis going away under a running gateway: requests with a bearer token go on (consents, submissions,
 * notifications and the audit trail are in PostgreSQL; the safety net and rate limits are skipped), agency
 * events are answered 503 with Retry-After (and the agency, as webhook senders do, sends them again), a login
 * gets a translated "try again shortly" page instead of the Redis client's words, and all work again when
 * Redis returns — without a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { freePort } from '../../scripts/processes.js';
import { say } from '../../src/messages.js';
import { appealInProgress } from '../helpers/cases.js';
import { installedBinary } from '../helpers/process.js';
import { REDIS_INSTALL_HINT, uniquePrefix } from '../helpers/redis.js';
import { SESSION_COOKIE } from '../../src/auth/sessions.js';
import { Browser, logInThroughBff } from '../helpers/browser.js';
import { persona, postGraphql, startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
let redis: ChildProcess | undefined;
let port: number;
const logLines: string[] = [];

/** A throwaway redis-server of this test's own, on its own port, that the test can stop and start. */
async function startRedis(): Promise<void> {
  const binary = installedBinary('redis-server');
  if (!binary) throw new Error(`This test stops and starts a Redis of its own. ${REDIS_INSTALL_HINT}.`);
  redis = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    const up = await client.connect().then(
      async () => (await client.ping()) === 'PONG',
      () => false,
    );
    if (client.isOpen) await client.quit();
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server does not answer on port ${port}`);
}

function stopRedis(): Promise<void> {
  const child = redis;
  redis = undefined;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  stack = await startTestStack({
    env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: uniquePrefix(), LOG_LEVEL: 'warn' },
    gateway: { logStream: { write: (line) => logLines.push(line) } },
  });
});

afterAll(async () => {
  await stack?.close();
  await stopRedis();
});

describe('while Redis is away', () => {
  it('an agency event is answered 503 with Retry-After, and taken when the agency sends it again after Redis returns', async () => {
    const helseklage = stack.mocks.agencies.helseklage;
    const appeal = appealInProgress(stack.mocks.world);
    await stopRedis();

    const [sent] = (await helseklage.advance(appeal.caseNumber)) ?? [];
    expect(sent?.status).toBe(503);

    await startRedis();
    // The agency tries again after the gateway's Retry-After (5 s); the gateway has reconnected by then.
    await expect
      .poll(() => helseklage.redelivery.attempts.filter((a) => a.id === sent?.id).map((a) => a.status), {
        timeout: 20_000,
        interval: 250,
      })
      .toContain(202);
  });

  it('a bearer dashboard still answers with every agency’s cases, and a submission is still taken', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const dashboard = () =>
      stack.graphql<{
        cases: { totalCount: number; agencyStatuses: { agency: { code: string }; status: string }[] };
        viewer: { notifications: { unreadCount: number } };
      }>(
        '{ cases(first: 50) { totalCount agencyStatuses { agency { code } status } nodes { unreadDocumentCount } } viewer { notifications { unreadCount } } }',
        { token },
      );
    const before = await dashboard();
    expect(before.body.errors).toBeUndefined();
    await stopRedis();
    const outageStarts = logLines.length;

    const { body } = await dashboard();
    expect(body.errors).toBeUndefined();
    expect(body.data?.cases.totalCount).toBe(before.body.data?.cases.totalCount);
    expect(body.data?.cases.agencyStatuses).toEqual(before.body.data?.cases.agencyStatuses);
    expect(body.data?.cases.agencyStatuses.filter((s) => s.status === 'UNAVAILABLE')).toEqual([]);
    // What was skipped is said, once.
    // (Said at most every 30 s: the outage of the test before may already have said it, within the 30 s.)
    const said = (lines: string[]) => lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    for (const warning of [
      'safety net skipped: store unavailable',
      'rate limit not checked: store unavailable',
    ]) {
      expect(said(logLines)).toContain(warning);
      expect(said(logLines.slice(outageStarts)).filter((msg) => msg === warning).length).toBeLessThanOrEqual(
        1,
      );
    }
    // Sending new information needs no Redis either: the outbox is in PostgreSQL.
    const appeal = appealInProgress(stack.mocks.world);
    const sent = await stack.graphql<{
      submitInformation: { submission: { state: string } | null; errors: unknown[] };
    }>(
      'mutation ($input: SubmitInformationInput!) { submitInformation(input: $input) { submission { state } errors { code } } }',
      {
        token,
        variables: {
          input: {
            caseId: `helseklage:${appeal.caseNumber}`,
            message: 'Sendt mens Redis var borte.',
            idempotencyKey: `redis-away-${Date.now()}`,
          },
        },
      },
    );
    expect(sent.body.data?.submitInformation).toEqual({ submission: { state: 'DELIVERED' }, errors: [] });
    // An upload is held in Redis until it is sent: that one thing is refused, in her language, to try again.
    const upload = await stack.graphql<{ createUpload: unknown }>(
      'mutation ($input: CreateUploadInput!) { createUpload(input: $input) { upload { id } } }',
      {
        token,
        headers: { 'accept-language': 'nn' },
        variables: {
          input: {
            caseId: `helseklage:${appeal.caseNumber}`,
            filename: 'kvittering.pdf',
            contentType: 'application/pdf',
            sizeBytes: 1000,
          },
        },
      },
    );
    expect(upload.body.errors?.[0]).toMatchObject({
      message: say('nn', 'STORE_UNAVAILABLE'),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(JSON.stringify(upload.body)).not.toMatch(/redis|closed|ECONNREFUSED/i);

    await startRedis();
    // Back without a restart.
    await expect.poll(async () => (await dashboard()).body.errors, { timeout: 10_000 }).toBeUndefined();
  });

  it('a request with a session cookie is told, in the person’s language, to try again shortly; then asked to log in again, as this Redis kept nothing', async () => {
    const browser = new Browser();
    await logInThroughBff(browser, stack.url, persona('citizen-npe-helseklage').login.pid ?? '');
    const cookie = (await browser.cookie(stack.url, SESSION_COOKIE))?.value ?? '';
    expect(cookie).not.toBe('');
    const ask = () =>
      postGraphql<{ viewer: { country: string } }>(stack.url, '{ viewer { country } }', {
        headers: { cookie: `${SESSION_COOKIE}=${cookie}`, 'accept-language': 'da' },
      });
    expect((await ask()).body.data?.viewer.country).toBe('NO');

    await stopRedis();
    const refused = await ask();
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body.errors?.[0]).toMatchObject({
      message: say('da', 'STORE_UNAVAILABLE'),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(refused.text).not.toMatch(/redis|closed|ECONNREFUSED/i);

    await startRedis();
    // Her session is gone with the throwaway Redis (it kept nothing): she is asked to log in, not shown an error.
    await expect
      .poll(async () => (await ask()).body.errors?.[0]?.extensions?.code, { timeout: 10_000 })
      .toBe('UNAUTHENTICATED');
  });

  it('a login is told, in the person’s language, to try again shortly; and logs in again once Redis is back', async () => {
    await stopRedis();
    const refused = await request(`${stack.url}/auth/login?idp=idporten`, {
      headers: { 'accept-language': 'nn' },
    });
    const page = await refused.body.text();
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(page).toContain(say('nn', 'LOGIN_STORE_UNAVAILABLE'));
    expect(page).not.toMatch(/offline|closed|ECONNREFUSED|redis/i);

    await startRedis();
    const loginStatus = async () => {
      const answer = await request(`${stack.url}/auth/login?idp=idporten`);
      await answer.body.dump();
      return answer.statusCode;
    };
    // Sent on to the provider's login page again.
    await expect.poll(loginStatus, { timeout: 10_000, interval: 250 }).toBe(303);
  });
});
