/**
 * The way over from a Redis-only release: its consents and submissions, written as that release wrote
 * them (sealed, under its keys), are moved into PostgreSQL by `npm run db:import-redis` — run as a process,
 * configured as the gateway is — and the new release carries on with them: the consent holds with its
 * history, the pending submission is delivered once, a repeat under the person's key finds it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../src/auth/pseudonym.js';
import { configFrom } from '../helpers/config.js';
import { Sealer } from '../../src/store/sealed.js';
import { databaseEnvironment, withDatabase } from '../helpers/database.js';
import { deleteKeys, redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { persona, startTestStack, type TestStack } from '../helpers/stack.js';
import { until } from '../helpers/submissions.js';

const run = promisify(execFile);

let stack: TestStack;
const prefix = uniquePrefix();
const database = databaseEnvironment();
const redis = createClient({ url: redisTestUrl() });
let secret: string;

beforeAll(async () => {
  stack = await startTestStack();
  secret = configFrom(stack.mocks.gatewayEnvironment()).storeSecret;
  await redis.connect();
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
  await stack.close();
});

/** Writes a value as the earlier release did: sealed for its purpose, bound to its key. */
async function writeAsBefore(purpose: string, key: string, value: unknown, sealedWith = secret) {
  await redis.set(`${prefix}${key}`, new Sealer(sealedWith, purpose).sealJson(value, key));
}

async function importCommand(): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/import-redis.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      ...stack.mocks.gatewayEnvironment(),
      ...database,
      REDIS_URL: redisTestUrl(),
      REDIS_KEY_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    },
    timeout: 60_000,
  });
  return stdout;
}

describe('npm run db:import-redis', () => {
  it('moves consents and submissions over once, and the new release carries on with them', async () => {
    const ingrid = persona('citizen-npe-helseklage').login.pid ?? '';
    const person = pseudonym(secret, ingrid);
    const own = stack.mocks.world.cases.npe.find((c) => c.participants.some((p) => p.nationalId === ingrid));
    const caseId = `npe:${own?.caseNumber}`;
    await writeAsBefore('consent', `consent:${person}:npe`, {
      portal: true,
      notifications: true,
      givenAt: '2026-05-04T08:30:00.000Z',
      withdrawnAt: null,
    });
    await writeAsBefore('consent', `consent:${person}:helseklage`, {
      portal: false,
      notifications: false,
      givenAt: '2026-03-02T09:00:00.000Z',
      withdrawnAt: '2026-06-11T12:00:00.000Z',
    });
    // Sealed with another secret: not this deployment's to read.
    await writeAsBefore('consent', `consent:${pseudonym(secret, '31129956715')}:npe`, {}, 'another-secret');
    const submission = (id: string, state: string, extra: Record<string, unknown> = {}) => ({
      id,
      kind: 'INFORMATION',
      formId: null,
      answers: null,
      owner: person,
      caseId,
      message: `Legeerklæring fra fastlegen (${id}).`,
      attachmentIds: [],
      senderNationalId: ingrid,
      sender: { provider: 'idporten', issuer: 'idporten', country: 'NO', assurance: 'high' },
      createdAt: new Date(Date.now() - 3_600_000).toISOString(),
      state,
      attempts: 3,
      deliveredAt: null,
      failureReason: state === 'PENDING' ? 'UPSTREAM_UNREACHABLE' : null,
      receipt: null,
      ...extra,
    });
    const pendingId = `legacy-${prefix.slice(5, 13)}-pending`;
    const deliveredId = `legacy-${prefix.slice(5, 13)}-delivered`;
    await writeAsBefore('submissions', `submission:${pendingId}`, submission(pendingId, 'PENDING'));
    await writeAsBefore(
      'submissions',
      `submission:${deliveredId}`,
      submission(deliveredId, 'DELIVERED', { deliveredAt: '2026-11-30T10:00:00.000Z', receipt: 'NPE-KV-1' }),
    );
    await redis.set(`${prefix}idempotency:${person}:portal-key-${pendingId}`, pendingId);

    expect(await importCommand()).toMatch(
      /Imported 2 consents and 2 submissions into PostgreSQL \(schema \w+\); 0 were there already, 1 could not be read/,
    );
    expect(await importCommand()).toMatch(/Imported 0 consents and 0 submissions .*; 4 were there already/);
    // The consents' history says what happened when, and that it came over from Redis.
    const history = await withDatabase(async (client) => {
      const { rows } = await client.query<{ agency: string; change: string; at: Date; login: string }>(
        `SELECT agency, change, at, login FROM "${database.DATABASE_SCHEMA}".consent_changes
          WHERE person = $1 ORDER BY at`,
        [person],
      );
      return rows.map((r) => [r.agency, r.change, r.at.toISOString(), r.login]);
    });
    expect(history).toEqual([
      ['helseklage', 'GIVEN', '2026-03-02T09:00:00.000Z', 'imported-from-redis'],
      ['npe', 'GIVEN', '2026-05-04T08:30:00.000Z', 'imported-from-redis'],
      ['helseklage', 'WITHDRAWN', '2026-06-11T12:00:00.000Z', 'imported-from-redis'],
    ]);

    // The new release, on the same records: it delivers what was pending, once.
    const gateway = await stack.gatewayWith({
      ...database,
      REDIS_URL: redisTestUrl(),
      REDIS_KEY_PREFIX: prefix,
      OUTBOX_POLL_MS: '50',
    });
    const held = await until(
      async () => stack.mocks.agencies.npe.submissions.get(pendingId),
      (s) => s !== undefined,
    );
    expect(held).toMatchObject({ message: `Legeerklæring fra fastlegen (${pendingId}).`, received: 1 });
    expect(stack.mocks.agencies.npe.submissions.has(deliveredId)).toBe(false);

    const token = await stack.token('citizen-npe-helseklage', { consent: false });
    const { body } = await gateway.graphql<{
      viewer: { consents: { agency: { code: string }; portal: boolean; givenAt: string | null }[] };
      case: { submissions: { id: string; state: string }[] } | null;
    }>(
      `query ($id: ID!) {
        viewer { consents { agency { code } portal givenAt } }
        case(id: $id) { submissions { id state } }
      }`,
      { token, variables: { id: caseId } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.viewer.consents).toEqual(
      expect.arrayContaining([
        { agency: { code: 'npe' }, portal: true, givenAt: '2026-05-04T08:30:00.000Z' },
        { agency: { code: 'helseklage' }, portal: false, givenAt: '2026-03-02T09:00:00.000Z' },
      ]),
    );
    expect(body.data?.case?.submissions).toEqual(
      expect.arrayContaining([
        { id: deliveredId, state: 'DELIVERED' },
        { id: pendingId, state: 'DELIVERED' },
      ]),
    );

    // Her portal, not having heard back before the upgrade, sends again with its key: the same submission.
    const again = await gateway.graphql<{ submitInformation: { submission: { id: string } | null } }>(
      `mutation ($input: SubmitInformationInput!) { submitInformation(input: $input) { submission { id } } }`,
      {
        token,
        variables: {
          input: {
            caseId,
            message: `Legeerklæring fra fastlegen (${pendingId}).`,
            idempotencyKey: `portal-key-${pendingId}`,
          },
        },
      },
    );
    expect(again.body.data?.submitInformation.submission?.id).toBe(pendingId);
    expect(stack.mocks.agencies.npe.submissions.get(pendingId)?.received).toBe(1);
  });
});
