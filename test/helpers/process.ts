/** A gateway as its own process (src/main.ts), configured by environment as in production; installed programs. */
import { spawnSync } from 'node:child_process';
import { startNodeServer, type NodeServer } from '../../scripts/processes.js';

/** Starts the process and waits until it answers; the caller kills it. */
export function startGatewayProcess(env: Record<string, string>): Promise<NodeServer> {
  return startNodeServer('src/main.ts', env);
}

/** The path of an installed program (redis-server, chromium), or null. */
export function installedBinary(name: string): string | null {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || null;
}

/** The gateway processes one test file starts: `start` them as needed, `killAll` at its end. */
export function gatewayProcesses(): {
  start: (env: Record<string, string>) => Promise<NodeServer>;
  killAll: () => void;
} {
  const children: NodeServer['child'][] = [];
  return {
    start: async (env) => {
      const started = await startGatewayProcess(env);
      children.push(started.child);
      return started;
    },
    killAll: () => {
      for (const child of children) child.kill('SIGKILL');
    },
  };
}
