/**
 * The registry of persisted operations, `operations/registered.json`: every operation id the client kit
 * has ever shipped, with its text. It only grows — a browser tab opened before a deploy keeps sending the
 * ids of the bundle it loaded, and they must keep answering — until an id is explicitly retired.
 *
 *   npm run codegen                      compiles operations/ and registers the new ids (this script)
 *   npm run codegen:check                fails when an id of the current kit is not registered
 *   npm run operations:retire -- <id>…   retires ids no client sends any more (their answer says: reload)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { operationNameOf, parseRegistry, REGISTRY_PATH, type Registry } from '../src/persisted-operations.js';

const CURRENT = new URL('../operations/generated/persisted-documents.json', import.meta.url);

const today = () => new Date().toISOString().slice(0, 10);

function read(): { current: Record<string, string>; registry: Registry } {
  const current = JSON.parse(readFileSync(CURRENT, 'utf8')) as Record<string, string>;
  const registry = parseRegistry(JSON.parse(readFileSync(REGISTRY_PATH, 'utf8')), REGISTRY_PATH);
  return { current, registry };
}

function write(registry: Registry): void {
  writeFileSync(REGISTRY_PATH, `${JSON.stringify(registry, null, 2)}\n`);
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { check: { type: 'boolean' }, retire: { type: 'boolean' } },
    allowPositionals: true,
  });
  const { current, registry } = read();
  const missing = Object.keys(current).filter((id) => !(id in registry));

  if (values.retire) {
    if (!positionals.length) throw new Error('name the ids to retire: npm run operations:retire -- sha256:…');
    for (const id of positionals) {
      const entry = registry[id];
      if (!entry) throw new Error(`${id} is not registered`);
      if (id in current)
        throw new Error(`${id} is the current ${entry.operation}: change it before retiring it`);
      entry.retired ??= today();
    }
    write(registry);
    process.stdout.write(`retired ${positionals.length} operation id(s)\n`);
    return;
  }
  if (values.check) {
    if (missing.length) {
      process.stderr.write(
        `operations/registered.json lacks ${missing.length} id(s) of the client kit: run npm run codegen\n`,
      );
      process.exit(1);
    }
    return;
  }
  for (const id of missing) {
    const text = current[id] ?? '';
    registry[id] = { operation: operationNameOf(text), registered: today(), text };
  }
  if (missing.length) write(registry);
  process.stdout.write(`${missing.length} new operation id(s) registered\n`);
}

main();
