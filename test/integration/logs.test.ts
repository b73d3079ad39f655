import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersonas } from '../../mocks/seed/personas.js';
import { configFrom } from '../helpers/config.js';
import { buildGateway, type Gateway } from '../../src/server.js';
import { giveConsents, postGraphql, startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
let gateway: Gateway;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  const config = configFrom({
    LOG_LEVEL: 'debug',
    ...stack.mocks.gatewayEnvironment(),
    ...stack.database,
    UPSTREAM_TIMEOUT_MS: '300',
  });
  gateway = await buildGateway(config, { logStream: { write: (line) => lines.push(line) } });
  await gateway.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await gateway.close();
  await stack.close();
});

describe('the gateway’s logs', () => {
  it('never contain a national id or a token, whatever happens', async () => {
    const tokens: string[] = [];
    const query =
      '{ viewer { country } cases(first: 50) { totalCount nodes { id participants { name } documents { id } relatedCases { id } } } }';
    for (const p of loadPersonas()) {
      const token = await stack.token(p.key);
      if (p.login.idp === 'idporten') await giveConsents(url, token);
      tokens.push(token);
      await postGraphql(url, query, { token });
    }
    // Refusals, agency failures and a bad cursor all log something.
    const token = await stack.token('lawyer-many');
    await giveConsents(url, token);
    await postGraphql(url, query, { token: `${token}x` });
    await postGraphql(url, query, { token: tokens[0]?.split('.').slice(0, 2).join('.') });
    stack.mocks.agencies.helseklage.setFaults({ down: true });
    stack.mocks.agencies.npe.setFaults({ delayMs: 1_000 });
    try {
      await postGraphql(url, query, { token });
      await postGraphql(url, '{ case(id: "helseklage:2026/00001") { id } }', { token });
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
      stack.mocks.agencies.npe.setFaults({});
    }
    await postGraphql(url, '{ cases(after: "forged") { totalCount } }', { token });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(40);
    expect(log).toContain('agency did not answer');
    expect(log).toContain('bearer token refused');
    for (const person of stack.mocks.world.persons.values()) {
      if (log.includes(person.nationalId))
        throw new Error(`a national id was logged: …${person.nationalId.slice(-3)}`);
    }
    for (const t of tokens) expect(log).not.toContain(t.split('.')[2]);
    expect(log).not.toMatch(/eyJ[\w-]{10,}/);
  });
});
