/** A gateway as its own process (src/main.ts), configured by environment as in production. */
import { startNodeServer, type NodeServer } from '../../scripts/processes.js';

/** Starts the process and waits until it answers; the caller kills it. */
export function startGatewayProcess(env: Record<string, string>): Promise<NodeServer> {
  return startNodeServer('src/main.ts', env);
}
