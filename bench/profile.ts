/**
 * `npm run profile`: where the gateway's CPU goes, so that what stands between it and the floor can be
 * named. For each of W1 and W3, agencies answering at once: builds and starts the gateway with V8's CPU
 * profiler (`--cpu-prof`), runs the workload on 16 connections after a warm-up, stops the gateway, and
 * keeps only the samples of the measured seconds. Writes docs/profile.md (or `--out <file>`): the busy
 * time by owner (our modules, each package, Node.js itself), our modules inclusive, and the functions
 * with the most time of their own.
 *
 *   npm run profile                   about a minute
 *   npm run profile -- --seconds 20   longer runs
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { AGENCY_CODES } from '../mocks/seed/model.js';
import { FREE_PORTS, startMockStack } from '../mocks/start.js';
import { startNodeServer } from '../scripts/processes.js';
import { answerIsClean, scenarios, type Scenario } from './scenarios.js';
import {
  benchEnvironment,
  buildGateway,
  consentAll,
  GATEWAY_SCRIPT,
  graphqlRequestOf,
  tokensOf,
} from './setup.js';

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, out: { type: 'string' } },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = 16;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Who a frame belongs to: one of our modules, a package, Node.js, or V8's own bookkeeping. */
function ownerOf({ url, functionName }: CallFrame): string {
  if (!url) return functionName.startsWith('(') ? `V8 ${functionName}` : 'Node.js (native)';
  const ours = /\/(?:dist\/)?src\/(.+?)\.[jt]s$/.exec(url);
  if (ours) return `src/${ours[1]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  if (url.startsWith('node:')) return 'Node.js';
  return url.replace(/^file:\/\//, '');
}

interface Breakdown {
  busyMs: number;
  idleShare: number;
  byOwner: [string, number][];
  oursInclusive: [string, number][];
  functions: [string, number][];
}

/** The samples from `fromUs` to `toUs` (the profile's clock), attributed. Shares are of the busy time. */
function breakdown(profile: CpuProfile, fromUs: number, toUs: number): Breakdown {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= fromUs && at <= toUs) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  let idle = 0;
  let total = 0;
  const byOwner = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = nodes.get(id);
    if (!node) continue;
    total += us;
    if (node.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const owner = ownerOf(node.callFrame);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const name = `${node.callFrame.functionName || '(anonymous)'} · ${owner}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    // Each of our modules on the stack counts once for this sample.
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = nodes.get(parent.get(n.id) ?? -1)) {
      const module = ownerOf(n.callFrame);
      if (module.startsWith('src/') && !seen.has(module)) {
        seen.add(module);
        inclusive.set(module, (inclusive.get(module) ?? 0) + us);
      }
    }
  }
  const busy = total - idle;
  const share = (entries: Map<string, number>, top: number): [string, number][] =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => [key, busy ? us / busy : 0]);
  return {
    busyMs: busy / 1000,
    idleShare: total ? idle / total : 0,
    byOwner: share(byOwner, 25),
    oursInclusive: share(inclusive, 15),
    functions: share(functions, 20),
  };
}

async function profileOne(key: Scenario['key']): Promise<Breakdown & { ops: number; key: string }> {
  const mocks = await startMockStack({
    ports: FREE_PORTS,
    faults: Object.fromEntries(AGENCY_CODES.map((code) => [code, { delayMs: 0 }])),
  });
  const scenario = scenarios(mocks.world).find((s) => s.key === key);
  if (!scenario) throw new Error(`no workload ${key}`);
  const dir = mkdtempSync(join(os.tmpdir(), 'gateway-profile-'));
  try {
    const gateway = await startNodeServer(GATEWAY_SCRIPT, {
      ...benchEnvironment(mocks),
      NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}`,
    });
    const tokens = await tokensOf(mocks, [scenario]);
    await consentAll(gateway.url, tokens);
    const request = graphqlRequestOf(tokens, scenario);
    const run = (duration: number) =>
      autocannon({
        url: gateway.url,
        connections: CONNECTIONS,
        duration,
        requests: [request],
        verifyBody: answerIsClean,
      });
    await run(2);
    const started = performance.now();
    const result = await run(SECONDS);
    const ended = performance.now();
    const exited = new Promise((resolve) => gateway.child.once('exit', resolve));
    gateway.child.kill('SIGTERM');
    await exited;
    const stopped = performance.now();
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the gateway wrote no CPU profile');
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    // The profile ends when the gateway stopped: the measured seconds lie that far before its end.
    const toUs = profile.endTime - (stopped - ended) * 1000;
    const fromUs = profile.endTime - (stopped - started) * 1000;
    const errors = result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
    if (errors) throw new Error(`${scenario.key}: ${errors} errors while profiling`);
    log(`${scenario.key}: ${Math.round(result.requests.average)} req/s profiled`);
    return { ...breakdown(profile, fromUs, toUs), ops: result.requests.total, key: scenario.key };
  } finally {
    await mocks.close();
  }
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function render(runs: Awaited<ReturnType<typeof profileOne>>[]): string {
  const sections = runs.map(
    (r) => `
## ${r.key}

${r.ops} operations in ${SECONDS} s on ${CONNECTIONS} connections; the gateway was busy ${Math.round(r.busyMs)} ms of them
(${(r.busyMs / r.ops).toFixed(2)} ms per operation, idle ${percent(r.idleShare)} of its time). Shares are of the busy time.

| owner (time of its own) | share |
| --- | --- |
${r.byOwner.map(([owner, share]) => `| ${owner} | ${percent(share)} |`).join('\n')}

| our module, with what it calls | share |
| --- | --- |
${r.oursInclusive.map(([module, share]) => `| ${module} | ${percent(share)} |`).join('\n')}

| function (time of its own) | share |
| --- | --- |
${r.functions.map(([name, share]) => `| ${name.replaceAll('|', '\\|')} | ${percent(share)} |`).join('\n')}
`,
  );
  return `# Where the gateway's CPU goes

\`npm run profile\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.
The built gateway under V8's CPU profiler, agencies answering at once, the benchmark's workloads (see
[benchmarks.md](benchmarks.md) for the ratios to the floor). "Node.js" is its HTTP, streams, sockets and
crypto; "V8 (garbage collector)" is collection. The profiler itself costs a little.
${sections.join('')}`;
}

async function main(): Promise<void> {
  log('Building the gateway…');
  buildGateway();
  const runs = [];
  for (const key of ['W1', 'W3'] as const) runs.push(await profileOne(key));
  const out = args.out ?? `${ROOT}docs/profile.md`;
  writeFileSync(out, render(runs));
  process.stdout.write(`Profile written to ${out}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
