/**
 * `npm start`: the whole local stack in one process — the mock agencies, the two mock identity
 * providers, the gateway and the reference portal (on its own origin, PORTAL_PORT, 5173), with seeded
 * data. `--mocks-only` leaves the gateway and the portal out (run the gateway with `npm run start:gateway`).
 */
import { z } from 'zod';
import { startPortal } from '../scripts/portal.js';
import { configFromEnvironment, startGateway } from '../src/main.js';
import { faultsSchema, type Faults } from './agencies/harness.js';
import { AGENCY_CODES, type AgencyCode } from './seed/model.js';
import { DEFAULT_MOCK_PORTS, DEV_BFF_CLIENT, startMockStack } from './start.js';

const mocksOnly = process.argv.includes('--mocks-only');

/** MOCK_FAULTS_NPE='{"delayMs":50}' and the like set an agency's faults from the start. */
function faultsFromEnvironment(): Partial<Record<AgencyCode, Partial<Faults>>> {
  const faults: Partial<Record<AgencyCode, Partial<Faults>>> = {};
  for (const code of AGENCY_CODES) {
    const name = `MOCK_FAULTS_${code.toUpperCase()}`;
    const raw = process.env[name];
    if (!raw) continue;
    const parsed = faultsSchema.safeParse(
      (() => {
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          return raw;
        }
      })(),
    );
    if (!parsed.success) {
      console.error(`${name} is not valid fault settings: ${z.prettifyError(parsed.error)}`);
      process.exit(1);
    }
    faults[code] = parsed.data;
  }
  return faults;
}

// The gateway's address (PORT, PUBLIC_URL) is where the providers send logins back and the agencies their
// events, so it is read first.
const config = configFromEnvironment();
const started = Date.now();
console.log('Generating the seeded agencies (fixed seed, dates relative to today)…');
const stack = await startMockStack({
  ports: DEFAULT_MOCK_PORTS,
  faults: faultsFromEnvironment(),
  bff: { ...DEV_BFF_CLIENT, publicUrl: config.publicUrl },
});
const cases = Object.values(stack.world.cases).reduce((sum, list) => sum + list.length, 0);
console.log(
  `Mock agencies ready: ${cases} cases, ${stack.world.persons.size} persons (${Date.now() - started} ms)`,
);
for (const code of AGENCY_CODES) console.log(`  ${code.padEnd(20)}${stack.agencies[code].url}/openapi.json`);
console.log(
  `  ${'ID-porten'.padEnd(20)}${stack.idporten.issuer}  (dev tokens: POST /dev/token; personas and their case numbers today: GET /dev/personas)`,
);
console.log(`  ${'MitID'.padEnd(20)}${stack.mitid.issuer}  (dev tokens: POST /dev/token)`);

if (!mocksOnly) {
  const portal = await startPortal({
    graphUrl: config.publicUrl,
    port: Number(process.env.PORTAL_PORT ?? 5173),
  });
  if (!config.corsOrigins.includes(portal.url))
    console.warn(`The portal's origin ${portal.url} is not in CORS_ORIGINS: the gateway will refuse it.`);
  // The gateway owns the signals: it stops first, then the mocks and the portal.
  await startGateway(config, () => Promise.all([portal.close(), stack.close()]));
  console.log(`Portal (Min side) ready: ${portal.url}`);
  console.log(`Gateway ready: ${config.publicUrl}/graphql  (Apollo Sandbox in the browser)`);
  console.log(`Log in as a persona: ${config.publicUrl}/auth/login  (or /auth/login?idp=mitid)`);
  console.log(
    `Try: TOKEN=$(curl -s -X POST ${stack.idporten.issuer}/dev/token -d '{"pid":"15838510075"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`,
  );
  console.log(
    `     curl -s ${config.publicUrl}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ cases { totalCount nodes { id title statusLabel } } }"}'`,
  );
}

if (mocksOnly) {
  const stop = () => {
    void stack.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
