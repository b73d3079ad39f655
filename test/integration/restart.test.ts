/**
 * Nothing lost across a crash: the gateway runs as its own process (src/main.ts, as in production), the
 * agency is down, a submission is accepted; the process is killed (SIGKILL, no shutdown); the agency comes
 * back; a new gateway process delivers the submission, exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { giveConsents, persona, postGraphql, startTestStack, type TestStack } from '../helpers/stack.js';
import { gatewayProcesses } from '../helpers/process.js';

let stack: TestStack;
const processes = gatewayProcesses();

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  processes.killAll();
  await stack.close();
});

describe('a gateway process that crashes', () => {
  it('loses nothing: a submission accepted while the agency was down arrives once, from the next process', async () => {
    const env = {
      REDIS_URL: redisTestUrl(),
      REDIS_KEY_PREFIX: uniquePrefix(),
      OUTBOX_POLL_MS: '100',
      OUTBOX_BACKOFF_MS: '100',
      ...stack.mocks.gatewayEnvironment(),
      ...stack.database,
    };
    const token = await stack.token('citizen-npe-helseklage', { consent: false });
    const own = stack.mocks.world.cases.npe.find((c) =>
      c.participants.some((p) => p.nationalId === persona('citizen-npe-helseklage').login.pid),
    );
    const caseId = `npe:${own?.caseNumber}`;

    const first = await processes.start(env);
    await giveConsents(first.url, token);
    stack.mocks.agencies.npe.setFaults({ down: true });
    let id = '';
    try {
      const { body } = await postGraphql<{
        submitInformation: { submission: { id: string; state: string } | null };
      }>(
        first.url,
        'mutation ($input: SubmitInformationInput!) { submitInformation(input: $input) { submission { id state } } }',
        {
          token,
          variables: {
            input: { caseId, message: 'Sendt rett før krasjet.', idempotencyKey: `crash-${Date.now()}` },
          },
        },
      );
      expect(body.data?.submitInformation.submission?.state).toBe('PENDING');
      id = body.data?.submitInformation.submission?.id ?? '';
      // A crash, not a shutdown: the outbox must already hold it.
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
    expect(stack.mocks.agencies.npe.submissions.has(id)).toBe(false);

    const second = await processes.start(env);
    const deadline = Date.now() + 15_000;
    let state = '';
    while (Date.now() < deadline && state !== 'DELIVERED') {
      const { body } = await postGraphql<{ case: { submissions: { id: string; state: string }[] } | null }>(
        second.url,
        'query ($id: ID!) { case(id: $id) { submissions { id state } } }',
        { token, variables: { id: caseId } },
      );
      state = body.data?.case?.submissions.find((s) => s.id === id)?.state ?? '';
      if (state !== 'DELIVERED') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(state).toBe('DELIVERED');
    expect(stack.mocks.agencies.npe.submissions.get(id)).toMatchObject({
      message: 'Sendt rett før krasjet.',
      received: 1,
    });
    second.child.kill('SIGTERM');
  });
});
