/**
 * The gateway's entry point and the only file that reads process.env: builds the configuration, starts
 * the server, and owns the signals: on SIGTERM or SIGINT it stops gracefully (server.ts: drain, finish,
 * flush) and exits 0; past SHUTDOWN_GRACE_SECONDS, or on a second signal, it exits at once with 1.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import closeWithGrace from 'close-with-grace';
import { AGENCY_MODULES } from './agencies/registry.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildGateway, type Gateway } from './server.js';

/**
 * Starts the gateway and takes the signals. `alsoStop`: what else this process runs (the local stack's
 * mocks and portal), stopped after the gateway, under the same grace.
 */
export async function startGateway(config: Config, alsoStop?: () => Promise<unknown>): Promise<Gateway> {
  const gateway = await buildGateway(config);
  const log = gateway.app.log;
  closeWithGrace(
    { delay: config.shutdown.graceMs, logger: { error: (message: string) => log.error(message) } },
    async ({ signal, err }) => {
      if (err) log.error({ err }, 'stopping after an error nobody caught');
      else log.info({ signal }, 'stopping');
      await gateway.close();
      await alsoStop?.();
      log.info('stopped');
    },
  );
  await gateway.app.listen({ host: config.host, port: config.port });
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

/** Whether this module is the program node was asked to run — also when started through a symlink. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  await startGateway(configFromEnvironment());
}
