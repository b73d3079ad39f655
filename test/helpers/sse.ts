/** A live-updates subscriber for tests: graphql-sse's own client, over a real HTTP connection. */
import { createClient, type ExecutionResult } from 'graphql-sse';
import { vi } from 'vitest';

export interface Subscriber {
  /** Every result received so far. */
  received: ExecutionResult<Record<string, unknown>, unknown>[];
  /** Whether the server ended the stream. */
  readonly completed: boolean;
  /** Waits until `count` results have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

export const CASE_EVENTS = 'subscription { caseEvents { id caseId kind message agency { code } } }';

/** Subscribes and resolves once the stream is open (the server listens from then on). */
export async function subscribe(
  url: string,
  headers: Record<string, string>,
  query = CASE_EVENTS,
): Promise<Subscriber> {
  const client = createClient({ url: `${url}/graphql/stream`, headers, retryAttempts: 0 });
  const received: Subscriber['received'] = [];
  let stop = (): void => undefined;
  let completed = false;
  await new Promise<void>((resolve, reject) => {
    stop = client.subscribe<Record<string, unknown>>(
      { query },
      {
        next: (result) => {
          received.push(result);
          resolve();
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => {
          completed = true;
          resolve();
        },
      },
      { connected: () => resolve() },
    );
  });
  return {
    received,
    get completed() {
      return completed;
    },
    waitFor: (count, timeoutMs = 5_000) =>
      vi.waitFor(
        () => {
          if (received.length < count) throw new Error(`received ${received.length} of ${count}`);
        },
        { timeout: timeoutMs, interval: 20 },
      ),
    close: () => {
      stop();
      client.dispose();
    },
  };
}
