/** What the benchmark and the profile share: the gateway as production runs it, its environment, tokens. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadPersonas } from '../mocks/seed/personas.js';
import { productionOnLoopback, type MockStack } from '../mocks/start.js';
import type { Scenario } from './scenarios.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The built gateway (tsconfig.build.json's output). */
export const GATEWAY_SCRIPT = 'dist/src/main.js';

/** Builds the gateway (npm run build): measured as production runs it, without TypeScript's loader. */
export function buildGateway(): void {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/** The gateway's environment against these mocks: production's settings, on loopback. */
export function benchEnvironment(mocks: MockStack): Record<string, string> {
  return {
    ...mocks.gatewayEnvironment(),
    ...productionOnLoopback({
      name: 'bench',
      // Sessions, limits, the safety net and live events in Redis, as production requires.
      redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      redisKeyPrefix: 'bench:gateway:',
      overrides: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        // The records in PostgreSQL, as in production (a schema of the bench's own).
        DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        DATABASE_SCHEMA: 'bench',
        // The workloads are the portal's own operations, sent as text.
        SAFELIST: 'off',
        SHUTDOWN_DRAIN_SECONDS: '0',
      },
    }),
  };
}

/** An ID-porten access token for each persona the workloads use. */
export async function tokensOf(mocks: MockStack, list: readonly Scenario[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const persona of new Set(list.map((s) => s.persona))) {
    const pid = loadPersonas().find((p) => p.key === persona)?.login.pid;
    if (!pid) throw new Error(`no Norwegian persona ${persona}`);
    const minted = await mocks.idporten.mint({
      nationalId: pid,
      assurance: 'idporten-loa-high',
      expiresIn: 3600,
    });
    tokens.set(persona, minted.access_token);
  }
  return tokens;
}

/** A workload's GraphQL request, as its persona sends it. */
export function graphqlRequestOf(tokens: ReadonlyMap<string, string>, scenario: Scenario) {
  return {
    method: 'POST' as const,
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokens.get(scenario.persona)}`,
    },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  };
}

/** Every persona consents to the Norwegian portals at the gateway at `url`. */
export async function consentAll(url: string, tokens: ReadonlyMap<string, string>): Promise<void> {
  for (const token of tokens.values()) {
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'mutation { a: giveConsent(input: {agency: "npe", notifications: false}) { errors { code } } b: giveConsent(input: {agency: "helseklage", notifications: false}) { errors { code } } }',
      }),
    });
  }
}
