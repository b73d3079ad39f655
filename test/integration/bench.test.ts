/**
 * `npm run bench -- --quick` runs end to end (mocks, gateway, naive gateway, floor, autocannon) and writes
 * its report, every answer checked: so the benchmark cannot rot between full runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run bench -- --quick', () => {
  it('measures the three workloads against the floor and the naive gateway, with no errors', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'quick.md');
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--out', out], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(0);

    const report = readFileSync(out, 'utf8');
    const [main = '', cpu = ''] = report.split('## CPU-bound');
    const rows = main
      .split('\n')
      .filter((line) => /^\| W[123] \| (gateway|naive|floor) \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    for (const scenario of ['W1', 'W2', 'W3'])
      for (const server of ['gateway', 'naive', 'floor'])
        expect(rows.some((r) => r[1] === scenario && r[2] === server)).toBe(true);
    for (const row of rows) {
      expect(Number(row[4]), row.join('|')).toBeGreaterThan(0); // requests per second
      expect(Number(row[10]), row.join('|')).toBe(0); // errors
    }
    // Batching is what keeps the lawyer's overview at a few dozen agency calls instead of hundreds.
    const calls = (server: string) => Number(rows.find((r) => r[1] === 'W2' && r[2] === server)?.[8]);
    expect(calls('naive')).toBeGreaterThan(3 * calls('gateway'));
    expect(report).toContain('## Aims');
    // The CPU-bound section: what each server spends per operation, for W1 and W3.
    const cpuRows = cpu
      .split('\n')
      .filter((line) => /^\| W[13] \| (gateway|naive|floor) \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(cpuRows).toHaveLength(6);
    for (const row of cpuRows) {
      expect(Number(row[3]), row.join('|')).toBeGreaterThan(0); // requests per second
      expect(Number(row[4]), row.join('|')).toBeGreaterThan(0); // CPU ms per operation
      expect(Number(row[7]), row.join('|')).toBe(0); // errors
    }
    expect(report).toMatch(
      /^\| W1 CPU per operation, gateway ÷ floor \(CPU-bound section\) \| ≤ 1\.5 \| \d+\.\d\d \|$/m,
    );
    // A slow agency: the dashboard answered from the safety net (how fast is the report's to say).
    expect(report).toContain('## A slow agency');
    expect(report).toMatch(/^\| W1 dashboard \| \d+ \| 1 \| STALE \| – \|$/m);
    expect(report).toMatch(/^\| case detail, Helseklage appeal \| \d+ \| 1 \| case answered \| – \|$/m);
  }, 150_000);

  it('npm run profile names where the gateway spends its time in W1 and W3', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'profile-')), 'profile.md');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/profile.ts', '--seconds', '1', '--out', out],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(0);
    const report = readFileSync(out, 'utf8');
    for (const workload of ['W1', 'W3']) {
      const section = report.split(`## ${workload}`)[1]?.split('\n## ')[0] ?? '';
      expect(section, workload).toMatch(/busy \d+ ms of them\n\(\d+\.\d\d ms per operation/);
      // Owners of the busy time, the gateway's own modules among them, shares adding up to at most all of it.
      const shares = [...section.matchAll(/^\| (\S+) \| (\d+\.\d) % \|$/gm)];
      expect(shares.some(([, owner]) => owner?.startsWith('src/agencies/kit/http'))).toBe(true);
      expect(shares.some(([, owner]) => owner === 'graphql')).toBe(true);
    }
  }, 120_000);
});
