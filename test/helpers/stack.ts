/**
 * Starts the real thing for a test file: the mock agencies and identity providers on free loopback ports,
 * and the gateway over a real socket, configured exactly as `main.ts` would configure it from the
 * environment. Tokens come from the mock providers' dev routes; queries go over HTTP.
 */
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { Faults } from '../../mocks/agencies/harness.js';
import { generateWorld } from '../../mocks/seed/generate.js';
import type { AgencyCode, World } from '../../mocks/seed/model.js';
import { loadPersonas, type Persona } from '../../mocks/seed/personas.js';
import { DEV_BFF_CLIENT, FREE_PORTS, startMockStack, type MockStack } from '../../mocks/start.js';
import { reservePort } from '../../scripts/processes.js';
import { configFrom } from './config.js';
import { databaseEnvironment, dropSchemas } from './database.js';
import { buildGateway, type Gateway, type GatewayOptions } from '../../src/server.js';

let world: World | undefined;

/** The seeded world, generated once per test file (it takes about a second). */
export function sharedWorld(): World {
  world ??= generateWorld();
  return world;
}

export function persona(key: string): Persona {
  const found = loadPersonas().find((p) => p.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return found;
}

export interface GraphResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
  text: string;
}

export type GraphQuery = <T = Record<string, unknown>>(
  query: string,
  options?: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> },
) => Promise<GraphResponse<T>>;

export interface GraphClient {
  url: string;
  graphql: GraphQuery;
  close: () => Promise<void>;
}

export interface TestStack {
  url: string;
  mocks: MockStack;
  gateway: Gateway;
  /** Where this stack's gateways keep their records (another gateway process given these shares them). */
  database: { DATABASE_URL: string; DATABASE_SCHEMA: string };
  /**
   * A real access token from the mock provider's dev route for a persona (or raw claims). Unless told
   * otherwise, the person has also consented to the Norwegian portals through this stack's gateway.
   */
  token(
    who:
      | string
      | { pid: string; acr?: string; expires_in?: number }
      | { cpr: string; loa?: string; expires_in?: number },
    options?: { consent?: boolean },
  ): Promise<string>;
  graphql: GraphQuery;
  close(): Promise<void>;
  /** Another gateway on the same mocks, with these environment overrides. */
  gatewayWith(env: Record<string, string>): Promise<GraphClient & { gateway: Gateway }>;
}

export interface TestStackOptions {
  env?: Record<string, string>;
  faults?: Partial<Record<AgencyCode, Partial<Faults>>>;
  /** Lifetime of the access tokens the providers' login flow issues. */
  accessTokenTtlSeconds?: number;
  /** Options of the main gateway (e.g. a clock). */
  gateway?: Pick<GatewayOptions, 'clock' | 'logStream'>;
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  // The main gateway's URL is known first: the identity providers register its login callback.
  // Held while the mocks start on port 0, so that none of them is given the gateway's port.
  const { port, release } = await reservePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const mocks = await startMockStack({
    world: sharedWorld(),
    ports: FREE_PORTS,
    faults: options.faults,
    bff: { ...DEV_BFF_CLIENT, publicUrl },
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
  }).finally(release);
  // The records in a schema of their own in the test PostgreSQL, shared by every gateway of this stack.
  const database = databaseEnvironment();
  const baseEnv = {
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...mocks.gatewayEnvironment(),
    ...database,
    ...options.env,
  };
  const main = await startGateway({ ...baseEnv, PORT: String(port), PUBLIC_URL: publicUrl }, options.gateway);
  const extra: (GraphClient & { gateway: Gateway })[] = [];

  async function token(
    who: Parameters<TestStack['token']>[0],
    options: { consent?: boolean } = {},
  ): Promise<string> {
    const body = typeof who === 'string' ? persona(who).login : who;
    const idp = 'cpr' in body && body.cpr ? mocks.mitid : mocks.idporten;
    const response = await request(`${idp.url}/dev/token`, { method: 'POST', body: JSON.stringify(body) });
    const json = (await response.body.json()) as { access_token?: string };
    if (!json.access_token) throw new Error(`dev token refused: ${JSON.stringify(json)}`);
    // Most tests are about what happens after first use: consent as a person would, through the graph.
    if (options.consent !== false && idp === mocks.idporten) await giveConsents(main.url, json.access_token);
    return json.access_token;
  }

  return {
    url: main.url,
    mocks,
    gateway: main.gateway,
    token,
    graphql: main.graphql,
    gatewayWith: async (env) => {
      const client = await startGateway({ ...baseEnv, ...env });
      extra.push(client);
      return client;
    },
    database,
    close: async () => {
      await Promise.all([main, ...extra].map((g) => g.close()));
      await mocks.close();
      await dropSchemas(database.DATABASE_SCHEMA);
    },
  };
}

/** Consents to the agencies' portals at the gateway at `url` (refusals, e.g. for a D-number, are fine). */
export async function giveConsents(
  url: string,
  token: string,
  agencies = ['npe', 'helseklage'],
): Promise<void> {
  const fields = agencies.map(
    (a) => `${a}: giveConsent(input: { agency: "${a}", notifications: true }) { errors { code } }`,
  );
  const { body } = await postGraphql<Record<string, { errors: { code: string }[] }>>(
    url,
    `mutation { ${fields.join(' ')} }`,
    { token },
  );
  if (body.errors) throw new Error(`consent failed: ${JSON.stringify(body.errors)}`);
  for (const payload of Object.values(body.data ?? {})) {
    if (payload.errors.some((e) => e.code !== 'NOT_ELIGIBLE'))
      throw new Error(`consent refused: ${JSON.stringify(payload)}`);
  }
}

/** Builds a gateway from environment variables, as main.ts does, and listens on a free loopback port. */
export async function startGateway(
  env: Record<string, string>,
  options: GatewayOptions = {},
): Promise<GraphClient & { gateway: Gateway }> {
  const gateway = await buildGateway(configFrom(env), options);
  await gateway.app.listen({ port: Number(env.PORT ?? 0), host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}`;
  return {
    url,
    gateway,
    graphql: (query, options) => postGraphql(url, query, options),
    close: () => gateway.close(),
  };
}

export async function postGraphql<T>(
  url: string,
  query: string,
  opts: {
    variables?: Record<string, unknown>;
    token?: string;
    headers?: Record<string, string>;
    /** Leaves before the answer (a client that gives up). */
    signal?: AbortSignal;
  } = {},
): Promise<GraphResponse<T>> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    signal: opts.signal,
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: JSON.stringify({ query, variables: opts.variables }),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    body: JSON.parse(text) as GraphResponse<T>['body'],
    text,
  };
}
