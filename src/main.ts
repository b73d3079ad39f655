/**
 * The gateway's entry point and the only file that reads process.env: builds the configuration, starts
 * the server, and shuts down cleanly on SIGINT/SIGTERM.
 */
import { AGENCY_MODULES } from './agencies/registry.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildGateway, type Gateway } from './server.js';

export async function startGateway(config: Config): Promise<Gateway> {
  const gateway = await buildGateway(config);
  await gateway.app.listen({ host: config.host, port: config.port });
  const shutdown = (signal: string) => {
    gateway.app.log.info({ signal }, 'shutting down');
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return gateway;
}

export function configFromEnvironment(): Config {
  try {
    return loadConfig(process.env, AGENCY_MODULES);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  await startGateway(configFromEnvironment());
}
