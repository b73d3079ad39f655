import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Poller } from '../../src/lifecycle/poller.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a poller', () => {
  it('runs one pass at a time, goes on after a failed pass, and stop waits for the pass in flight', async () => {
    let running = 0;
    let overlapped = false;
    let passes = 0;
    let ended = 0;
    const poller = new Poller(
      'test work',
      5,
      async () => {
        running++;
        overlapped ||= running > 1;
        passes++;
        await sleep(20);
        running--;
        ended++;
        if (passes === 1) throw new Error('the first pass fails');
      },
      pino({ level: 'silent' }),
    );
    poller.start();
    poller.start();
    await sleep(120);
    await poller.stop();
    expect(passes).toBeGreaterThan(2);
    expect(overlapped).toBe(false);
    expect(ended).toBe(passes);
    const after = passes;
    await sleep(50);
    expect(passes).toBe(after);
  });
});
