/** The gateway's configuration from an environment, with the agencies of the registry (as main.ts loads it). */
import { AGENCY_MODULES } from '../../src/agencies/registry.js';
import { loadConfig, type Config } from '../../src/config.js';

export function configFrom(env: Record<string, string | undefined>): Config {
  return loadConfig(env, AGENCY_MODULES);
}
