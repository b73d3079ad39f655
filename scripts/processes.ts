/**
 * Servers as their own Node processes, for the benchmark and the tests that need a real process (a
 * crash, two gateway instances): a free loopback port, and a script started with tsx and waited for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A free loopback port, so that a URL can be known before its server starts. */
export async function freePort(): Promise<number> {
  const { port, release } = await reservePort();
  await release();
  return port;
}

/**
 * A free loopback port, held until `release`: whatever else starts on port 0 meanwhile (the mocks, say) is
 * given another one, so the port is still free when its owner listens on it.
 */
export function reservePort(): Promise<{ port: number; release: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ port, release: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

export interface NodeServer {
  url: string;
  child: ChildProcess;
}

/**
 * Starts `node --import tsx <script>` (relative to the project root) on a free port with only the given
 * environment (and PATH), and resolves once `GET /healthz` answers without a server error; the caller
 * kills the process. Fails with the process's stderr when it exits or does not come up in 30 s.
 */
export async function startNodeServer(script: string, env: Record<string, string>): Promise<NodeServer> {
  const port = await freePort();
  // TypeScript through tsx; a built script (.js) as production runs it, without tsx's loader in the process.
  const args = script.endsWith('.js') ? [script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${stderr}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start: ${stderr}`);
}
