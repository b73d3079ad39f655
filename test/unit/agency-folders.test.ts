/**
 * Every agency folder has one shape, so a partner adding the fifth finds each part where the four keep it
 * (docs/adding-an-agency.md): the definition with its policy, labels, dialect schema, pure mapping, adapter
 * and module. The mapping does no I/O: it imports only the agency's own schema and the kit's port and
 * tables.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENCY_MODULES } from '../../src/agencies/registry.js';
import { importGraph } from '../helpers/imports.js';

const AGENCIES_DIR = join(import.meta.dirname, '../../src/agencies');
/** The kit's files without I/O: the port's types and the Noark tables. */
const PURE_KIT = ['kit/port.ts', 'kit/noark.ts'];
const SHAPE = ['adapter.ts', 'definition.ts', 'index.ts', 'labels.ts', 'mapping.ts', 'schema.ts'];

describe('the agency folders', () => {
  const folders = readdirSync(AGENCIES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
    .map((entry) => entry.name);

  it('are the registry’s agencies, one folder each', () => {
    expect(folders.sort()).toEqual(AGENCY_MODULES.map((m) => m.code).sort());
  });

  it.each(folders)('%s has the shape every agency has', (folder) => {
    expect(readdirSync(join(AGENCIES_DIR, folder)).sort()).toEqual(SHAPE);
  });

  it.each(folders)('%s maps its dialect without reaching the HTTP client or the kit’s I/O', (folder) => {
    const graph = importGraph(AGENCIES_DIR);
    const reached = graph.get(join(folder, 'mapping.ts')) ?? [];
    expect(reached.filter((file) => file !== join(folder, 'schema.ts') && !PURE_KIT.includes(file))).toEqual(
      [],
    );
  });
});
