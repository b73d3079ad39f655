/**
 * Starts the mock agencies and identity providers on the given ports (0 picks a free one). Used by
 * `npm start` and by the integration tests, so both exercise the very same servers.
 */
import type { AddressInfo } from 'node:net';
import { createHelseklageMock, HELSEKLAGE_DEFAULT_CREDENTIAL } from './agencies/helseklage.js';
import type { Faults, MockAgency } from './agencies/harness.js';
import { createNpeMock, NPE_DEFAULT_API_KEY } from './agencies/npe.js';
import { createStpkMock, STPK_DEFAULT_TOKEN } from './agencies/stpk.js';
import {
  createPatienterstatningenMock,
  PATIENTERSTATNINGEN_DEFAULT_API_KEY,
} from './agencies/patienterstatningen.js';
import { startMockIdp, type MockIdp } from './idp/provider.js';
import { loadPersonas } from './seed/personas.js';
import { generateWorld, type SeedOptions } from './seed/generate.js';
import { AGENCY_CODES, type AgencyCode, type World } from './seed/model.js';

/** How each mock agency is made, and the credentials a gateway presents to it (its environment variables). */
const MOCK_AGENCIES: Record<
  AgencyCode,
  {
    create(world: World, faults: Partial<Faults> | undefined): MockAgency;
    credentials: Record<string, string>;
  }
> = {
  npe: {
    create: (world, faults) => createNpeMock(world, { faults }),
    credentials: { NPE_API_KEY: NPE_DEFAULT_API_KEY },
  },
  helseklage: {
    create: (world, faults) => createHelseklageMock(world, { faults }),
    credentials: {
      HELSEKLAGE_USERNAME: HELSEKLAGE_DEFAULT_CREDENTIAL.username,
      HELSEKLAGE_PASSWORD: HELSEKLAGE_DEFAULT_CREDENTIAL.password,
    },
  },
  stpk: {
    create: (world, faults) => createStpkMock(world, { faults }),
    credentials: { STPK_TOKEN: STPK_DEFAULT_TOKEN },
  },
  patienterstatningen: {
    create: (world, faults) => createPatienterstatningenMock(world, { faults }),
    credentials: { PATIENTERSTATNINGEN_API_KEY: PATIENTERSTATNINGEN_DEFAULT_API_KEY },
  },
};

export interface MockStackOptions {
  host?: string;
  ports?: Partial<Record<AgencyCode | 'idporten' | 'mitid', number>>;
  faults?: Partial<Record<AgencyCode, Partial<Faults>>>;
  seed?: SeedOptions;
  /** Reuse an already generated world (tests generate it once per file). */
  world?: World;
  /** The BFF as the identity providers know it. */
  bff?: BffClient;
  /** Lifetime of the access tokens the login flow issues (default 120 s). */
  accessTokenTtlSeconds?: number;
}

export interface BffClient {
  audience: string;
  clientId: string;
  clientSecret: string;
  /** Where the BFF is reached; its login callback and logout URLs are under it. */
  publicUrl: string;
}

export interface MockStack {
  world: World;
  agencies: Record<AgencyCode, MockAgency & { url: string }>;
  idporten: MockIdp;
  mitid: MockIdp;
  /**
   * The environment a gateway needs to use this stack: the issuers, and each agency's base URL, credentials
   * and event secret (production-ready names; in development most have these values as defaults).
   */
  gatewayEnvironment(): Record<string, string>;
  close(): Promise<void>;
}

/** Every mock server on a free port (tests and benchmarks). */
export const FREE_PORTS: Record<AgencyCode | 'idporten' | 'mitid', number> = {
  ...(Object.fromEntries(AGENCY_CODES.map((code) => [code, 0])) as Record<AgencyCode, number>),
  idporten: 0,
  mitid: 0,
};

export const DEFAULT_MOCK_PORTS = {
  idporten: 4010,
  mitid: 4011,
  npe: 4101,
  helseklage: 4102,
  stpk: 4103,
  patienterstatningen: 4104,
} as const;

export const DEV_BFF_CLIENT: BffClient = {
  audience: 'https://bff.helseklage.local',
  clientId: 'helseklage-bff',
  clientSecret: 'dev-only-client-secret',
  publicUrl: 'http://localhost:4000',
};

/**
 * The gateway in production mode on this machine, against the mocks: production's rules (https public URL
 * and origins, Redis, strict configuration), loopback addresses, the development BFF client. What differs
 * between the tests, the benchmark and the built gateway's probe is passed in `overrides`.
 */
export function productionOnLoopback(options: {
  /** Names the setting's URLs and its store secret (e.g. `bench` → https://bff.bench.local). */
  name: string;
  redisUrl: string;
  redisKeyPrefix: string;
  overrides?: Record<string, string>;
}): Record<string, string> {
  const { name, redisUrl, redisKeyPrefix, overrides } = options;
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PUBLIC_URL: `https://bff.${name}.local`,
    CORS_ORIGINS: `https://minside.${name}.local`,
    STORE_SECRET: `${name}-only-store-secret-of-at-least-32-characters`,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    IDPORTEN_AUDIENCE: DEV_BFF_CLIENT.audience,
    MITID_AUDIENCE: DEV_BFF_CLIENT.audience,
    IDPORTEN_CLIENT_SECRET: DEV_BFF_CLIENT.clientSecret,
    MITID_CLIENT_SECRET: DEV_BFF_CLIENT.clientSecret,
    // Several gateways may run at once here: each its own scrape port.
    METRICS_PORT: '0',
    // Nothing leaves this machine: what would be sent is written to the log.
    NOTIFIER: 'log',
    ...overrides,
  };
}

/** The development secret with which a mock agency signs its events (the gateway's default for `<AGENCY>_EVENT_SECRET`). */
export function devEventSecret(agency: AgencyCode): string {
  return `dev-only-${agency}-event-secret`;
}

/**
 * The personas with the cases the agencies hold on them today, for `GET /dev/personas`: case numbers follow
 * the calendar (the seed's dates are relative to today), so examples read them here rather than hard-code
 * them. Each case comes with the URL that moves it (`advance`).
 */
function personasToday(world: World, agencies: MockStack['agencies']) {
  return loadPersonas().map((persona) => {
    const nationalId = persona.login.pid ?? persona.login.cpr;
    const cases = AGENCY_CODES.flatMap((agency) =>
      world.cases[agency]
        .filter((c) => c.participants.some((p) => p.nationalId === nationalId))
        .map((c) => ({
          id: `${agency}:${c.caseNumber}`,
          agency,
          caseNumber: c.caseNumber,
          title: c.title,
          open: c.closedAt === null,
          currentStep: c.steps.find((s) => s.state === 'CURRENT')?.code ?? null,
          appealOf: c.appealOf ? `${c.appealOf.agency}:${c.appealOf.caseNumber}` : null,
          advance: `${agencies[agency].url}/_mock/cases/${encodeURIComponent(c.caseNumber)}/advance`,
        })),
    );
    return { ...persona, cases };
  });
}

export async function startMockStack(options: MockStackOptions = {}): Promise<MockStack> {
  const host = options.host ?? '127.0.0.1';
  const ports = { ...DEFAULT_MOCK_PORTS, ...options.ports };
  const world = options.world ?? generateWorld(options.seed);
  const bff = options.bff ?? DEV_BFF_CLIENT;
  const client = {
    clientId: bff.clientId,
    clientSecret: bff.clientSecret,
    redirectUris: [`${bff.publicUrl}/auth/callback`],
    postLogoutRedirectUris: [`${bff.publicUrl}/auth/logged-out`],
    frontChannelLogoutUri: `${bff.publicUrl}/auth/frontchannel-logout`,
  };

  const started: { close(): Promise<void> }[] = [];
  try {
    const agencies = {} as MockStack['agencies'];
    for (const code of AGENCY_CODES) {
      const mock = MOCK_AGENCIES[code].create(world, options.faults?.[code]);
      await mock.app.listen({ port: ports[code], host });
      started.push({ close: () => mock.app.close() });
      const address = mock.app.server.address() as AddressInfo;
      agencies[code] = Object.assign(mock, { url: `http://${host}:${address.port}` });
      // Case events go to the gateway, signed with the secret it holds for this agency.
      mock.eventTarget = { url: `${bff.publicUrl}/events/${code}`, secret: devEventSecret(code) };
    }
    const personas = () => personasToday(world, agencies);
    const idporten = await startMockIdp({
      kind: 'idporten',
      personas,
      port: ports.idporten,
      host,
      audience: bff.audience,
      client,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    });
    started.push(idporten);
    const mitid = await startMockIdp({
      kind: 'mitid',
      personas,
      port: ports.mitid,
      host,
      audience: bff.audience,
      client,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    });
    started.push(mitid);
    return {
      world,
      agencies,
      idporten,
      mitid,
      gatewayEnvironment: () => ({
        IDPORTEN_ISSUER: idporten.issuer,
        MITID_ISSUER: mitid.issuer,
        ...Object.fromEntries(
          AGENCY_CODES.flatMap((code) => [
            [`${code.toUpperCase()}_BASE_URL`, agencies[code].url],
            [`${code.toUpperCase()}_EVENT_SECRET`, devEventSecret(code)],
            ...Object.entries(MOCK_AGENCIES[code].credentials),
          ]),
        ),
      }),
      close: async () => {
        await Promise.all(started.map((s) => s.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.close()));
    throw error;
  }
}
