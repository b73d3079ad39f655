/**
 * `npm run portal:docs`, after the browser tests have run with PORTAL_DOCS=docs/portal (pictures of the
 * dashboard, the case page and the lawyer overview, and the time to the first case): measures the portal's
 * production bundle and writes docs/portal/README.md, which the README links.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPortal } from './portal.js';

const DOCS = 'docs/portal';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const out = mkdtempSync(join(tmpdir(), 'portal-size-'));
await buildPortal(out);
const assets = files(out).filter((f) => /\.(js|css)$/.test(f));
const size = (pick: (f: string) => boolean) =>
  assets.filter(pick).reduce(
    (sum, f) => {
      const bytes = readFileSync(f);
      return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );
const js = size((f) => f.endsWith('.js'));
const css = size((f) => f.endsWith('.css'));
rmSync(out, { recursive: true, force: true });

const measures = JSON.parse(readFileSync(join(DOCS, 'measures.json'), 'utf8')) as {
  timeToFirstCaseMs?: number;
};
const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const node = process.version;
writeFileSync(
  join(DOCS, 'README.md'),
  `# The reference portal in pictures

Written by \`npm run portal:docs\` (${new Date().toISOString().slice(0, 10)}, Node ${node}), which runs the
portal's browser tests with \`PORTAL_DOCS=docs/portal\`: the pictures are the pages as the tests see them, on
the local stack with the seeded world.

| measure | value |
| --- | --- |
| production bundle, JavaScript | ${kB(js.raw)} (${kB(js.gzip)} gzip) |
| production bundle, CSS | ${kB(css.raw)} (${kB(css.gzip)} gzip) |
| Ingrid's dashboard: time to the first case on screen (median of 5 visits, from navigation start) | ${measures.timeToFirstCaseMs ?? '—'} ms |

## Mine saker (citizen-npe-helseklage)

![Ingrid's cases at NPE and Helseklage](dashboard.png)

## The case page: the timeline of her appeal

![The appeal's timeline, deadlines and expected decision](case-page.png)

## Saksoversikt (lawyer-many)

![The lawyer overview, what needs action first](lawyer-overview.png)
`,
);
console.log(`docs/portal/README.md: JS ${kB(js.gzip)} gzip, first case ${measures.timeToFirstCaseMs} ms`);
