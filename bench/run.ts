/**
 * `npm run bench`: the gateway against the physical floor, on this machine.
 *
 * Starts the mock agencies with a fixed added latency per call (default 20 ms), three servers as their own
 * processes — the gateway, the same gateway with batching off ("naive"), and the floor (bench/floor.ts) —
 * and runs the workloads of bench/scenarios.ts against each with autocannon, checking every answer.
 * Per run: requests per second, p50/p90/p99 latency, agency calls per operation, the server's peak memory.
 * Then the CPU-bound section: agencies answering at once, each server pinned to one core (taskset), the
 * CPU milliseconds each spends per operation — what the gateway costs beyond the floor, not what the mocks
 * cost. Then how long a person waits for the safety net's answer while one agency is slow. Every figure
 * comes from this one run; writes docs/benchmarks.md (or `--out <file>`).
 *
 *   npm run bench                      full run (about 5 minutes)
 *   npm run bench -- --quick           a smoke run in well under a minute (tested, so it cannot rot)
 *   npm run bench -- --latency 50      another added agency latency
 *   npm run soak                       10 minutes of mixed load on the gateway: memory over time, errors
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { AGENCY_CODES } from '../mocks/seed/model.js';
import { FREE_PORTS, startMockStack, type MockStack } from '../mocks/start.js';
import { startNodeServer, type NodeServer } from '../scripts/processes.js';
import {
  answerIsClean,
  detailCaseId,
  scenarios,
  W1_CITIZEN_DASHBOARD,
  W3_CASE_DETAIL,
  type Scenario,
} from './scenarios.js';
import {
  benchEnvironment,
  buildGateway,
  consentAll,
  GATEWAY_SCRIPT,
  graphqlRequestOf,
  tokensOf,
} from './setup.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    soak: { type: 'boolean', default: false },
    minutes: { type: 'string', default: '10' },
    latency: { type: 'string', default: '20' },
    out: { type: 'string' },
  },
});
const quick = args.quick ?? false;
const latencyMs = Number(args.latency);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Server extends NodeServer {
  name: string;
}

async function startServer(name: string, script: string, env: Record<string, string>): Promise<Server> {
  return { name, ...(await startNodeServer(script, env)) };
}

/** Resident memory of a process, from /proc (Linux); null elsewhere. */
function rssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** Waits (up to 20 s, e.g. for a breaker opened by the previous overload) until the server answers cleanly. */
async function answersCleanly(
  server: Server,
  request: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string },
): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await fetch(`${server.url}${request.path}`, request);
    last = await response.text();
    if (response.ok && answerIsClean(last)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${server.name} does not answer cleanly: ${last.slice(0, 500)}`);
}

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system, all threads) a process has used so far, in ms, from /proc (Linux); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "(name) state": utime and stime are the 12th and 13th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}

/** Pins a process, all its threads, to these cores (`taskset`); false where that cannot be done. */
function pin(pid: number | undefined, cores: string): boolean {
  if (pid === undefined) return false;
  try {
    execFileSync('taskset', ['-a', '-cp', cores, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Measures one workload on one server at so many connections. */
type Run = (server: Server, scenario: Scenario, connections: number) => Promise<Measurement>;

interface Measurement {
  scenario: Scenario['key'];
  target: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  callsPerOp: number;
  peakRssMb: number | null;
  /** The server's CPU time per completed operation (ms); null without /proc. */
  cpuMsPerOp: number | null;
  errors: number;
}

function agencyCalls(mocks: MockStack): number {
  return Object.values(mocks.agencies).reduce((sum, a) => sum + a.stats.total, 0);
}

async function measure(
  mocks: MockStack,
  server: Server,
  scenario: Scenario,
  request: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string },
  connections: number,
  seconds: number,
): Promise<Measurement> {
  for (const agency of Object.values(mocks.agencies)) agency.resetStats();
  const before = agencyCalls(mocks);
  let peak = rssMb(server.child.pid) ?? 0;
  const cpuBefore = cpuMs(server.child.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid) ?? 0)), 250);
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: [request],
    verifyBody: answerIsClean,
  });
  clearInterval(sampler);
  const cpuAfter = cpuMs(server.child.pid);
  const completed = result.requests.total;
  return {
    scenario: scenario.key,
    target: server.name,
    connections,
    requests: completed,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    callsPerOp: completed ? Math.round(((agencyCalls(mocks) - before) / completed) * 10) / 10 : 0,
    peakRssMb: rssMb(server.child.pid) === null ? null : peak,
    cpuMsPerOp:
      cpuBefore !== null && cpuAfter !== null && completed
        ? Math.round(((cpuAfter - cpuBefore) / completed) * 100) / 100
        : null,
    errors: result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0),
  };
}

async function main(): Promise<void> {
  log(`Starting the mock agencies with ${latencyMs} ms added to every agency call…`);
  const delay = { delayMs: latencyMs };
  const mocks = await startMockStack({
    ports: FREE_PORTS,
    faults: Object.fromEntries(AGENCY_CODES.map((code) => [code, delay])),
  });
  const env = benchEnvironment(mocks);
  const servers: Server[] = [];
  try {
    log(
      args.soak
        ? 'Starting the gateway…'
        : 'Starting the gateway, the naive gateway (batching off) and the floor…',
    );
    buildGateway();
    const gateway = await startServer('gateway', GATEWAY_SCRIPT, env);
    servers.push(gateway);
    const list = scenarios(mocks.world);
    const tokens = await tokensOf(mocks, list);
    const graphqlRequest = (scenario: Scenario) => graphqlRequestOf(tokens, scenario);
    const consent = (server: Server) => consentAll(server.url, tokens);
    await consent(gateway);

    if (args.soak) {
      await soak(mocks, gateway, list, graphqlRequest);
      return;
    }
    const naive = await startServer('naive', GATEWAY_SCRIPT, {
      ...env,
      LOADER_BATCHING: 'off',
      REDIS_KEY_PREFIX: 'bench:naive:',
    });
    servers.push(naive);
    await consent(naive);
    const floor = await startServer('floor', 'bench/floor.ts', env);
    servers.push(floor);

    const seconds = quick ? 1.5 : 10;
    const warmUp = quick ? 0.5 : 1;
    // The lawyer's overview is ~50 agency calls, most of them one case per call at Helseklage, under the
    // connection cap: a few at once saturate it.
    const levelsOf = (s: Scenario): number[] => {
      if (quick) return s.key === 'W1' ? [1, 8] : [1];
      return s.key === 'W2' ? [1, 4, 16] : [1, 16, 64];
    };
    /** One workload on one server: its answer checked, a warm-up (JIT, pools, caches), then measured. */
    const run: Run = async (server, scenario, connections) => {
      const request =
        server === floor
          ? { method: 'GET' as const, path: scenario.floorPath, headers: {} }
          : graphqlRequest(scenario);
      await answersCleanly(server, request);
      await measure(mocks, server, scenario, request, connections, warmUp);
      return measure(mocks, server, scenario, request, connections, seconds);
    };
    const results: Measurement[] = [];
    for (const scenario of list) {
      for (const connections of levelsOf(scenario)) {
        for (const server of [gateway, naive, floor]) {
          const m = await run(server, scenario, connections);
          results.push(m);
          log(
            `${scenario.key} ${server.name.padEnd(7)} c=${String(connections).padStart(2)}: ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.callsPerOp} calls/op, ${m.peakRssMb ?? '?'} MB, ${m.errors} errors`,
          );
        }
      }
    }
    const cpu = await cpuBound(mocks, [gateway, naive, floor], list, run, seconds);
    const stale = await staleWhileSlow(
      mocks,
      gateway,
      tokens.get('citizen-npe-helseklage') ?? '',
      quick ? 1 : 2,
    );
    const out = args.out ?? (quick ? undefined : `${ROOT}docs/benchmarks.md`);
    const report =
      render(results, cpu.results, list, seconds, [1, quick ? 8 : 64]) + renderCpu(cpu) + renderStale(stale);
    if (out) writeFileSync(out, report);
    process.stdout.write(out ? `Results written to ${out}\n` : report);
    // The naive reference may fail under load (that is part of what it shows); the gateway and the floor may not.
    const failed = [...results, ...cpu.results].filter(
      (r) => r.target !== 'naive' && (r.errors > 0 || r.requests === 0),
    );
    if (failed.length) {
      log(`${failed.length} runs of the gateway or the floor had errors or no completed requests.`);
      process.exitCode = 1;
    }
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    await mocks.close();
  }
}

/** Connections of the CPU-bound section: enough to keep one core busy. */
const CPU_CONNECTIONS = 16;

interface CpuSection {
  results: Measurement[];
  /** The core the servers ran on, or null when they could not be pinned. */
  core: string | null;
  seconds: number;
}

/**
 * What each server spends per operation, agencies answering at once: the servers pinned to the last core,
 * the mocks and the load generator (this process) to the others, so that the mocks' work is never counted
 * as the server's. W1 and W3; one after another on the same core.
 */
async function cpuBound(
  mocks: MockStack,
  servers: Server[],
  list: Scenario[],
  run: Run,
  seconds: number,
): Promise<CpuSection> {
  const cores = os.cpus().length;
  const all = `0-${cores - 1}`;
  const core = String(cores - 1);
  const pinned =
    cores > 1 &&
    servers.every((s) => pin(s.child.pid, core)) &&
    pin(process.pid, `0-${Math.max(0, cores - 2)}`);
  log(pinned ? `CPU-bound: servers on core ${core}, agencies answering at once…` : 'CPU-bound: not pinned…');
  for (const agency of Object.values(mocks.agencies)) agency.setFaults({ delayMs: 0 });
  const results: Measurement[] = [];
  try {
    for (const scenario of list.filter((s) => s.key !== 'W2')) {
      for (const server of servers) {
        const m = await run(server, scenario, CPU_CONNECTIONS);
        results.push(m);
        log(
          `CPU ${scenario.key} ${server.name.padEnd(7)}: ${m.rps} req/s, ${m.cpuMsPerOp ?? '?'} CPU ms/op, ${m.peakRssMb ?? '?'} MB, ${m.errors} errors`,
        );
      }
    }
  } finally {
    for (const agency of Object.values(mocks.agencies)) agency.setFaults({ delayMs: latencyMs });
    if (pinned) for (const pid of [...servers.map((s) => s.child.pid), process.pid]) pin(pid, all);
  }
  return { results, core: pinned ? core : null, seconds };
}

function renderCpu({ results, core, seconds }: CpuSection): string {
  const floorOf = (r: Measurement) =>
    results.find((f) => f.scenario === r.scenario && f.target === 'floor')?.cpuMsPerOp;
  const ratio = (a?: number | null, b?: number | null) => (a && b ? (a / b).toFixed(2) : '–');
  return `
## CPU-bound: what each server spends per operation

The agencies answer at once (no added latency), ${
    core === null
      ? 'the servers not pinned (`taskset` or a second core is missing here)'
      : `each server pinned to core ${core} (\`taskset\`), the mocks and the load generator on the other cores`
  };
${CPU_CONNECTIONS} connections for ${seconds} s after a warm-up. CPU ms per operation is the server process's user and
system time (all its threads, from \`/proc/<pid>/stat\`) over the operations it completed.

| workload | server | req/s | CPU ms/op | ÷ floor | peak RSS MB | errors |
| --- | --- | --- | --- | --- | --- | --- |
${results.map((r) => `| ${r.scenario} | ${r.target} | ${r.rps} | ${r.cpuMsPerOp ?? '–'} | ${ratio(r.cpuMsPerOp, floorOf(r))} | ${r.peakRssMb ?? '–'} | ${r.errors} |`).join('\n')}
`;
}

/** The gateway's default wait for an agency (UPSTREAM_TIMEOUT_MS); the bench does not change it. */
const AGENCY_TIMEOUT_MS = 3_000;

interface StaleMeasurement {
  request: string;
  ms: number;
  agencyCalls: number;
  status: string;
  errors: string[];
}

/**
 * A slow agency, for a person the safety net can answer: Ingrid has used her dashboard and her Helseklage
 * appeal (fresh answers), then Helseklage answers only after four timeouts. Each answer should come,
 * STALE, within one agency timeout.
 */
async function staleWhileSlow(
  mocks: MockStack,
  gateway: Server,
  token: string,
  rounds: number,
): Promise<StaleMeasurement[]> {
  const claim = detailCaseId(mocks.world);
  const appeal = mocks.world.cases.helseklage.find(
    (c) => c.appealOf && `npe:${c.appealOf.caseNumber}` === claim,
  );
  if (!appeal) throw new Error('the seed has no Helseklage appeal of Ingrid’s claim');
  const requests = [
    { name: 'W1 dashboard', body: { query: W1_CITIZEN_DASHBOARD, variables: {} } },
    {
      name: 'case detail, Helseklage appeal',
      body: { query: W3_CASE_DETAIL, variables: { id: `helseklage:${appeal.caseNumber}` } },
    },
  ];
  const ask = async (body: object) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return (await response.json()) as {
      data?: { cases?: { agencyStatuses: { agency: { code: string }; status: string }[] } } | null;
      errors?: { path?: string[]; extensions?: { code?: string } }[];
    };
  };
  const helseklage = mocks.agencies.helseklage;
  for (const request of requests) await ask(request.body);
  log(`Helseklage answers only after ${(4 * AGENCY_TIMEOUT_MS) / 1000} s; Ingrid asks again…`);
  helseklage.setFaults({ delayMs: 4 * AGENCY_TIMEOUT_MS });
  const measured: StaleMeasurement[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      for (const request of requests) {
        const calls = helseklage.stats.total;
        const started = performance.now();
        const answer = await ask(request.body);
        const ms = Math.round(performance.now() - started);
        const status =
          answer.data?.cases?.agencyStatuses.find((s) => s.agency.code === 'helseklage')?.status ??
          (answer.data ? 'case answered' : 'no data');
        measured.push({
          request: request.name,
          ms,
          agencyCalls: helseklage.stats.total - calls,
          status,
          errors: (answer.errors ?? []).map((e) => `${e.path?.join('.') ?? ''} ${e.extensions?.code ?? ''}`),
        });
        log(`stale: ${request.name}: ${ms} ms, ${status}`);
      }
    }
  } finally {
    helseklage.setFaults({ delayMs: latencyMs });
  }
  return measured;
}

function renderStale(measured: StaleMeasurement[]): string {
  const worst = Math.max(...measured.map((m) => m.ms));
  return `
## A slow agency

Ingrid has used her dashboard and her Helseklage appeal; then Helseklage answers only after
${(4 * AGENCY_TIMEOUT_MS) / 1000} s, four times the gateway's ${AGENCY_TIMEOUT_MS / 1000} s wait for an agency (\`UPSTREAM_TIMEOUT_MS\`).
She asks again, one request after another. Once Helseklage has failed within a request, nothing in that
request waits for it again: the rest comes from the safety net, and the form catalog the adapter knows
(the breaker opens after five such failures and answers at once for a while).

| request | ms | calls to Helseklage | Helseklage | errors |
| --- | --- | --- | --- | --- |
${measured.map((m) => `| ${m.request} | ${m.ms} | ${m.agencyCalls} | ${m.status} | ${m.errors.join(', ') || '–'} |`).join('\n')}

| aim | target | measured |
| --- | --- | --- |
| slowest answer ÷ one agency timeout | ≤ 1.1 | ${(worst / AGENCY_TIMEOUT_MS).toFixed(2)} |
`;
}

function render(
  results: Measurement[],
  cpu: Measurement[],
  list: Scenario[],
  seconds: number,
  levels: number[],
): string {
  const rows = results.map(
    (r) =>
      `| ${r.scenario} | ${r.target} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.callsPerOp} | ${r.peakRssMb ?? '–'} | ${r.errors} |`,
  );
  const find = (s: string, t: string, c: number) =>
    results.find((r) => r.scenario === s && r.target === t && r.connections === c);
  const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : '–');
  const low = levels[0] ?? 1;
  const high = levels[levels.length - 1] ?? 1;
  const cpuOf = (s: string, t: string) => cpu.find((r) => r.scenario === s && r.target === t)?.cpuMsPerOp;
  // W1 runs first, so its rows are not lifted by the heavier W2 (a process's resident memory seldom shrinks).
  const peakW1 = (target: string) =>
    Math.max(
      ...results.filter((r) => r.scenario === 'W1' && r.target === target).map((r) => r.peakRssMb ?? 0),
    );
  const aims = [
    `| W1 CPU per operation, gateway ÷ floor (CPU-bound section) | ≤ 1.5 | ${ratio(cpuOf('W1', 'gateway') ?? undefined, cpuOf('W1', 'floor') ?? undefined)} |`,
    `| W3 CPU per operation, gateway ÷ floor (CPU-bound section) | ≤ 1.5 | ${ratio(cpuOf('W3', 'gateway') ?? undefined, cpuOf('W3', 'floor') ?? undefined)} |`,
    `| W1 CPU per operation, gateway ÷ naive (CPU-bound section) | (below 1) | ${ratio(cpuOf('W1', 'gateway') ?? undefined, cpuOf('W1', 'naive') ?? undefined)} |`,
    `| W1 p50 at ${low} connection, gateway ÷ floor | ≤ 1.10 | ${ratio(find('W1', 'gateway', low)?.p50, find('W1', 'floor', low)?.p50)} |`,
    `| gateway's peak resident memory under W1 (the floor's in brackets) | ≤ 200 MB | ${peakW1('gateway') || '–'} MB (${peakW1('floor') || '–'} MB) |`,
    `| W3 p50 at ${low} connection, gateway ÷ floor | ≤ 1.15 | ${ratio(find('W3', 'gateway', low)?.p50, find('W3', 'floor', low)?.p50)} |`,
    `| W1 req/s at ${high} connections, gateway ÷ floor | ≥ 0.5 | ${ratio(find('W1', 'gateway', high)?.rps, find('W1', 'floor', high)?.rps)} |`,
    `| W2 agency calls per operation, naive ÷ gateway | (what batching buys) | ${ratio(find('W2', 'naive', low)?.callsPerOp, find('W2', 'gateway', low)?.callsPerOp)} |`,
  ];
  const processor = os.cpus()[0]?.model ?? 'unknown CPU';
  return `# Benchmarks

Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${processor},
${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.release()}. Every agency call takes an added
${latencyMs} ms (the mocks' \`delayMs\`); each run lasts ${seconds} s after a 1 s warm-up; every answer is checked
(data present, no error but FORBIDDEN on a case closed to the viewer). Every figure below, the CPU-bound
section's included, comes from this one run. Peak RSS is the server's resident memory during a run; a
process seldom gives memory back, so each row is also the highest of that server's runs before it (the rows
are in the order they ran).

- **gateway**: the gateway as in production (built, \`dist/src/main.js\` with \`NODE_ENV=production\`; Redis, records
  and the audit trail in the local PostgreSQL, safety net on).
- **naive**: the same gateway with batching off (\`LOADER_BATCHING=off\`): what batching buys.
- **floor**: \`bench/floor.ts\`, the same agency calls through the same adapters with the best parallelism and
  the same JSON, and nothing else (no GraphQL, tokens, policy, store or audit): the physical limit.

Workloads (\`bench/scenarios.ts\`):
${list.map((s) => `- **${s.key}** ${s.title}`).join('\n')}

| workload | server | connections | req/s | p50 ms | p90 ms | p99 ms | agency calls/op | peak RSS MB | errors |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

## Aims

| aim | target | measured |
| --- | --- | --- |
${aims.join('\n')}
`;
}

async function soak(
  mocks: MockStack,
  gateway: Server,
  list: Scenario[],
  graphqlRequest: (s: Scenario) => {
    method: 'POST';
    path: string;
    headers: Record<string, string>;
    body: string;
  },
): Promise<void> {
  const minutes = Number(args.minutes);
  log(`Soaking the gateway for ${minutes} min with all three workloads at 8 connections…`);
  const samples: { minute: number; rssMb: number | null }[] = [];
  const started = Date.now();
  const sampler = setInterval(
    () =>
      samples.push({
        minute: Math.round((Date.now() - started) / 6_000) / 10,
        rssMb: rssMb(gateway.child.pid),
      }),
    30_000,
  );
  samples.push({ minute: 0, rssMb: rssMb(gateway.child.pid) });
  const result = await autocannon({
    url: gateway.url,
    connections: 8,
    duration: minutes * 60,
    requests: list.map(graphqlRequest),
    verifyBody: answerIsClean,
  });
  clearInterval(sampler);
  samples.push({ minute: minutes, rssMb: rssMb(gateway.child.pid) });
  const errors = result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
  const rss = samples.map((s) => s.rssMb ?? 0).filter(Boolean);
  const report = `# Soak

\`npm run soak\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}):
the three workloads in turn on 8 connections for ${minutes} minutes, ${latencyMs} ms added to every agency call.

- requests: ${result.requests.total} (${Math.round(result.requests.average)} req/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms
- errors (including answers with GraphQL errors): **${errors}**
- gateway resident memory: first ${rss[0] ?? '–'} MB, last ${rss[rss.length - 1] ?? '–'} MB, min ${Math.min(...rss)} MB, max ${Math.max(...rss)} MB

| minute | RSS MB |
| --- | --- |
${samples.map((s) => `| ${s.minute} | ${s.rssMb ?? '–'} |`).join('\n')}
`;
  const out = args.out ?? `${ROOT}docs/soak.md`;
  writeFileSync(out, report);
  process.stdout.write(`Results written to ${out}\n`);
  if (errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
