/**
 * GraphQL over HTTP compliance: the graphql-http audit suite against the gateway's /graphql, as a client
 * library or a partner's tooling would meet it. No audit may fail. Two SHOULDs warn: Apollo Server answers
 * a validation or variable-coercion failure with 400 where the spec's application/json mode suggests 200.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

describe('GraphQL over HTTP (graphql-http audits)', () => {
  it('passes every MUST', async () => {
    const audits = serverAudits({ url: () => `${stack.url}/graphql`, fetchFn: fetch });
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    const failed = results.flatMap((r) => (r.status === 'error' ? [`${r.name}: ${r.reason}`] : []));
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });
});
