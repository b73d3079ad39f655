import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outageWarning } from '../../src/store/outage-warning.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('a warning while the store is away', () => {
  it('is logged once per 30 s however many requests meet the outage, each thing skipped on its own', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const log = {
      warn: (_detail: object, message: string) => lines.push(message),
    } as unknown as FastifyBaseLogger;
    const cache = outageWarning('safety net skipped: store unavailable');
    const limits = outageWarning('rate limit not checked: store unavailable');
    const down = new Error('The client is closed');
    for (let i = 0; i < 100; i++) {
      cache(log, down);
      limits(log, down);
    }
    expect(lines).toEqual([
      'safety net skipped: store unavailable',
      'rate limit not checked: store unavailable',
    ]);
    vi.advanceTimersByTime(29_000);
    cache(log, down);
    expect(lines).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    cache(log, down);
    expect(lines).toHaveLength(3);
  });
});
