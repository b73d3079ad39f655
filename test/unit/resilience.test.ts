import { describe, expect, it } from 'vitest';
import { AgencyResilience } from '../../src/agencies/kit/resilience.js';
import { UpstreamError } from '../../src/errors.js';

const settings = { breakerFailures: 2, breakerOpenMs: 60_000, retryRatio: 1, retryMinimum: 100 };
const signal = new AbortController().signal;

function failing(failure: UpstreamError['failure'], status?: number) {
  let attempts = 0;
  const attempt = async (): Promise<never> => {
    attempts++;
    throw new UpstreamError('npe', failure, 'failed', status);
  };
  return { attempt, attempts: () => attempts };
}

describe('the circuit breaker', () => {
  it('counts a call and its retry as one failure', async () => {
    const breaker = new AgencyResilience('npe', settings);
    const { attempt, attempts } = failing('HTTP_ERROR', 503);
    await expect(breaker.run(attempt, { idempotent: true, signal })).rejects.toThrow(UpstreamError);
    expect(attempts()).toBe(2);
    expect(breaker.state).toBe('CLOSED');
    await expect(breaker.run(attempt, { idempotent: true, signal })).rejects.toThrow(UpstreamError);
    expect(breaker.state).toBe('OPEN');
  });

  it('counts malformed answers, as it counts timeouts and server errors', async () => {
    const breaker = new AgencyResilience('npe', settings);
    const { attempt, attempts } = failing('BAD_RESPONSE');
    for (let i = 0; i < 2; i++)
      await expect(breaker.run(attempt, { idempotent: true, signal })).rejects.toThrow(UpstreamError);
    // A malformed answer is not retried: the same question would get the same answer.
    expect(attempts()).toBe(2);
    expect(breaker.state).toBe('OPEN');
  });

  it('never counts a caller who went away, however often', async () => {
    const breaker = new AgencyResilience('npe', settings);
    const { attempt } = failing('CANCELLED');
    for (let i = 0; i < 10; i++)
      await expect(breaker.run(attempt, { idempotent: false, signal })).rejects.toThrow(UpstreamError);
    expect(breaker.state).toBe('CLOSED');
  });

  it('a call that succeeds on its retry is a success', async () => {
    const breaker = new AgencyResilience('npe', settings);
    for (let i = 0; i < 4; i++) {
      let first = true;
      const value = await breaker.run(
        async () => {
          if (!first) return 'ok';
          first = false;
          throw new UpstreamError('npe', 'UNREACHABLE', 'reset');
        },
        { idempotent: true, signal },
      );
      expect(value).toBe('ok');
    }
    expect(breaker.state).toBe('CLOSED');
  });
});
