/**
 * The schema as clients rely on it: the committed snapshot (docs/schema.graphql) is the schema the code
 * serves, a change that breaks clients must be announced, and every type, field, argument and enum value
 * documents itself (what Sandbox shows a frontend developer).
 */
import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { breakingChanges, currentSchemaText, SNAPSHOT } from '../../scripts/schema-snapshot.js';
import { buildSchema } from '../../src/schema.js';

describe('the schema snapshot', () => {
  it('is the schema the code serves (after a change: npm run schema:snapshot, announcing any breaking one)', () => {
    const snapshot = readFileSync(SNAPSHOT, 'utf8');
    const current = currentSchemaText();
    const breaking = breakingChanges(snapshot, current);
    expect(breaking, 'unannounced breaking changes: npm run schema:snapshot -- --announce "…"').toEqual([]);
    expect(
      current === snapshot,
      'the schema changed: npm run schema:snapshot, and commit docs/schema.graphql',
    ).toBe(true);
  });

  it('tells a breaking change from an addition', () => {
    const snapshot = readFileSync(SNAPSHOT, 'utf8');
    const removed = snapshot.replace(/\n {2}caseNumber: String!\n/, '\n  caseNumberGone: String\n');
    expect(removed).not.toBe(snapshot);
    expect(breakingChanges(snapshot, removed)).toEqual([
      expect.stringMatching(/^FIELD_REMOVED: Case\.caseNumber/),
    ]);
    const added = snapshot.replace('type Query {', 'type Query {\n  ping: String');
    expect(breakingChanges(snapshot, added)).toEqual([]);
  });

  it('documents every type, field, argument and enum value', () => {
    const schema = buildSchema();
    const roots = new Set(['Query', 'Mutation', 'Subscription']);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description && !roots.has(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args)
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type))
        for (const field of Object.values(type.getFields()))
          if (!field.description) missing.push(`${type.name}.${field.name}`);
      if (isEnumType(type))
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
