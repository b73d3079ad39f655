/**
 * `npm run schema:snapshot`: writes the graph's schema as frontends and partners see it to
 * docs/schema.graphql, the committed snapshot that test/unit/schema.test.ts holds the code to. A change
 * that breaks clients (graphql-js `findBreakingChanges`) is written only when announced:
 *
 *   npm run schema:snapshot -- --announce "Case.title is now nullable: show the case number when it is null."
 *
 * which also adds the announcement and the list of breaking changes to docs/schema-changes.md.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildSchema as buildFromSdl, findBreakingChanges, printSchema } from 'graphql';
import { buildSchema } from '../src/schema.js';

export const SNAPSHOT = new URL('../docs/schema.graphql', import.meta.url);
const CHANGES = new URL('../docs/schema-changes.md', import.meta.url);

export function currentSchemaText(): string {
  return `${printSchema(buildSchema())}\n`;
}

export function breakingChanges(before: string, after: string): string[] {
  return findBreakingChanges(buildFromSdl(before), buildFromSdl(after)).map(
    (c) => `${c.type}: ${c.description}`,
  );
}

function main(): void {
  const { values } = parseArgs({ options: { announce: { type: 'string' } } });
  const current = currentSchemaText();
  const previous = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, 'utf8') : null;
  const breaking = previous ? breakingChanges(previous, current) : [];
  if (breaking.length && !values.announce) {
    process.stderr.write(
      `Breaking changes for clients:\n${breaking.map((b) => `  - ${b}`).join('\n')}\n` +
        'Announce them: npm run schema:snapshot -- --announce "<what changes for clients, and what they do>"\n',
    );
    process.exit(1);
  }
  if (breaking.length && values.announce) {
    const date = new Date().toISOString().slice(0, 10);
    appendFileSync(
      CHANGES,
      `\n## ${date}\n\n${values.announce}\n\n${breaking.map((b) => `- ${b}`).join('\n')}\n`,
    );
  }
  writeFileSync(SNAPSHOT, current);
  process.stdout.write(previous === current ? 'The snapshot is current.\n' : `Wrote ${SNAPSHOT.pathname}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) main();
