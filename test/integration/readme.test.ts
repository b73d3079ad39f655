/**
 * The README, tried as a new user would: `npm start` (here with another PORT, which login and the agencies'
 * events must follow), then the README's shell examples as written, in order, in one shell — the stream in
 * the background, as in a second terminal. Also: every persona is listed, the client recipes shown are the
 * ones the tests run, and the Sandbox page says how to explore the graph without Apollo's CDN.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersonas } from '../../mocks/seed/personas.js';
import { startNodeServer, type NodeServer } from '../../scripts/processes.js';
import { OFFLINE_HELP } from '../../src/explore.js';
import { Browser } from '../helpers/browser.js';
import { persona } from '../helpers/stack.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's fenced code blocks of one language, in order. */
function blocks(language: string): string[] {
  return [...README.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (m) => m[1] ?? '',
  );
}

let server: NodeServer;
let port: number;

beforeAll(async () => {
  // `npm start`, as its script runs it, with only PORT changed. (The mocks keep their default ports.)
  server = await startNodeServer('mocks/stack.ts', {});
  port = Number(new URL(server.url).port);
}, 60_000);
afterAll(() => {
  server.child.kill('SIGTERM');
});

/** Runs a shell script (the README's examples) to its end; its output, or a failure with both streams. */
function shell(script: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`the README's examples failed (exit ${code}):\n${out}\n${err}`));
    });
  });
}

describe('the README, as a new user tries it', () => {
  it('runs its shell examples against `npm start` on another port: queries, personas, faults, moving a case, and the event in the open stream', async () => {
    const examples = blocks('sh').filter((b) => b.includes('curl'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const STREAM = '/tmp/readme-stream-$$.txt';
    const script = examples
      .map((example, i) => {
        const here = example.replaceAll('localhost:4000', `localhost:${port}`);
        // The stream is opened "in one terminal": here in the background, until the script ends.
        if (here.includes('curl -sN'))
          return `( ${here.trim()} ) > ${STREAM} 2>&1 &\nSTREAM_PID=$!\nsleep 1\n`;
        return `${here}\necho "\n@@ example ${i} done"\n`;
      })
      .join('\n');
    const output = await shell(
      `${script}
for _ in $(seq 1 100); do grep -q caseEvents ${STREAM} 2>/dev/null && break; sleep 0.1; done
kill $STREAM_PID 2>/dev/null || true
echo "@@ stream"; cat ${STREAM}; rm -f ${STREAM}`,
      60_000,
    );
    const [before, stream = ''] = output.split('@@ stream');
    // Consent, then the cases: Ingrid's, with no errors.
    expect(before).toContain('{"data":{"npe":{"errors":[]},"helseklage":{"errors":[]}}}');
    expect(before).not.toMatch(/"errors":\[\{/);
    const cases = /\{"data":\{"cases":\{"totalCount":(\d+)/.exec(before ?? '');
    expect(Number(cases?.[1])).toBeGreaterThan(0);
    // The personas with today's case numbers, and the advance that moved her appeal.
    expect(before).toMatch(/citizen-npe-helseklage \(Ingrid Haugen\): npe:\S+, helseklage:/);
    // The gateway took the agency's event (202), on its own port.
    expect(before).toMatch(/"events":\[\{[^\]]*"status":202/);
    // The event of her appeal, in the stream opened with the README's token.
    expect(stream).toMatch(/"caseEvents":\{"caseId":"helseklage:[^"]+","kind":"[A-Z_]+","message":"[^"]+"/);
  }, 90_000);

  it('logs in through the mock provider on the other port, and lands with a session', async () => {
    const browser = new Browser();
    const cookie = await browser.logIn(
      `http://localhost:${port}`,
      persona('citizen-npe-helseklage').login.pid ?? '',
    );
    expect(cookie).not.toBe('');
    const landed = browser.visited.at(-1) ?? '';
    expect(new URL(landed).port).toBe(String(port));
  });

  it('serves the portal beside the gateway, on its own origin, pointed at this gateway', async () => {
    const portal = 'http://localhost:5173';
    const page = await fetch(portal).then((r) => r.text());
    expect(page).toContain('<title>Min side</title>');
    const config = await fetch(`${portal}/config.js`).then((r) => r.text());
    expect(config).toContain(JSON.stringify({ graphUrl: `http://localhost:${port}` }));
    // The README sends people there.
    expect(README).toContain(portal);
  });

  it('lists every persona of mocks/personas.json', () => {
    const section = README.slice(README.indexOf('### Personas'), README.indexOf('## Test'));
    for (const { key, name } of loadPersonas()) {
      expect(section).toContain(`| \`${key}\``);
      expect(section).toContain(name);
    }
  });

  it('shows the client recipes exactly as the tests run them', () => {
    const shown = blocks('ts');
    for (const recipe of ['apollo-client', 'urql', 'graphql-ws']) {
      const text = readFileSync(new URL(`../../operations/recipes/${recipe}.ts`, import.meta.url), 'utf8');
      expect(shown, recipe).toContain(text);
    }
  });

  it('offline, the Sandbox page says how to explore without Apollo’s CDN, and the explorer it names is served', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(OFFLINE_HELP);
    const explorer = await fetch(`${server.url}/explorer`);
    expect(explorer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await explorer.text()).toContain("fetch('/graphql'");
    const schema = await (await fetch(`${server.url}/schema.graphql`)).text();
    expect(schema).toContain('type Case ');
    expect(schema).toContain('caseEvents');
  });
});
