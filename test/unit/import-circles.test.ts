/**
 * No import circles in the gateway, type imports included (a circle of types is still a circle: neither
 * side can be read, tested or moved without the other). The graph is read with the TypeScript compiler's
 * own pre-processor; the helper is shown to find a circle when there is one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph } from '../helpers/imports.js';

describe('imports', () => {
  it('form no circles in src/, generated code included', () => {
    const graph = importGraph(fileURLToPath(new URL('../../src', import.meta.url)));
    expect(graph.size).toBeGreaterThan(100);
    expect(importCircles(graph)).toEqual([]);
  });

  it('a circle, when there is one, is found with every file on it', () => {
    const graph = new Map([
      ['config.ts', ['agencies/registry.ts']],
      ['agencies/registry.ts', ['agencies/npe/index.ts']],
      ['agencies/npe/index.ts', ['observability/tracing.ts']],
      ['observability/tracing.ts', ['context.ts', 'errors.ts']],
      ['context.ts', ['config.ts']],
      ['errors.ts', []],
      ['self.ts', ['self.ts']],
    ]);
    expect(importCircles(graph)).toEqual([
      [
        'agencies/npe/index.ts',
        'agencies/registry.ts',
        'config.ts',
        'context.ts',
        'observability/tracing.ts',
      ],
      ['self.ts'],
    ]);
  });

  it('leave the configuration a leaf: at run time it loads nothing of the gateway (the agencies are handed in)', () => {
    const source = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
    const loaded = [...source.matchAll(/^import (?!type )[^;]*? from '(\.[^']+)';/gm)].map((m) => m[1]);
    expect(loaded).toEqual([]);
    expect(source).toMatch(
      /^import type \{ AgencyModule, HttpSettings \} from '\.\/agencies\/kit\/module\.js';/m,
    );
  });
});
