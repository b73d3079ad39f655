import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  getNamedType,
  graphql,
  isNonNullType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyFieldAccess, ruleOf } from '../../src/graphql/field-access.js';
import { buildSchema, loadTypeDefs } from '../../src/schema.js';

const schema = buildSchema();

/** Every object type reachable from Query, Mutation and Subscription, through field types. */
function reachableTypes(): GraphQLObjectType[] {
  const seen = new Map<string, GraphQLObjectType>();
  const visit = (type: GraphQLNamedType | null | undefined) => {
    if (!type || !isObjectType(type) || seen.has(type.name)) return;
    seen.set(type.name, type);
    for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
  };
  visit(schema.getQueryType());
  visit(schema.getMutationType());
  visit(schema.getSubscriptionType());
  return [...seen.values()];
}

/** Rules that can refuse a field on a parent the viewer legitimately reached. */
const RESTRICTING = new Set([
  'CASE_OPEN',
  'SEE_DOCUMENTS',
  'PARTICIPANT_CONTACT',
  'READ_CONTENT',
  'COMPENSATION',
]);

describe('field-level access declared in the SDL', () => {
  it('every field reachable from Query, Mutation and Subscription has an access rule (default deny)', () => {
    const types = reachableTypes();
    expect(types.length).toBeGreaterThan(15);
    const missing = types.flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => !ruleOf(schema, type.name, field))
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('every field a rule can refuse is nullable, so a refusal never empties its parent', () => {
    const offending = reachableTypes().flatMap((type) =>
      Object.values(type.getFields())
        .filter(
          (field) => RESTRICTING.has(ruleOf(schema, type.name, field) ?? '') && isNonNullType(field.type),
        )
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(offending).toEqual([]);
  });

  it('no field anywhere exposes a national identity number', () => {
    const names = reachableTypes().flatMap((type) => Object.keys(type.getFields()));
    expect(names.filter((n) => /national|pid|cpr|fodsels|ssn/i.test(n))).toEqual([]);
  });

  it('a field without a rule is refused at run time with FORBIDDEN, and its siblings still answer', async () => {
    const typeDefs = [
      ...loadTypeDefs().filter((sdl) => sdl.includes('directive @access')),
      'type Query { open: String @access(rule: PUBLIC) forgotten: String }',
    ];
    const tiny = applyFieldAccess(
      makeExecutableSchema({
        typeDefs,
        resolvers: { Query: { open: () => 'yes', forgotten: () => 'leaked' } },
      }),
    );
    const result = await graphql({
      schema: tiny,
      source: '{ open forgotten }',
      contextValue: { lang: 'en' },
    });
    expect(result.data).toEqual({ open: 'yes', forgotten: null });
    expect(result.errors?.map((e) => [e.path, e.extensions.code])).toEqual([[['forgotten'], 'FORBIDDEN']]);
  });
});

describe('compensation amounts', () => {
  const compensation = (schema.getType('Outcome') as GraphQLObjectType).getFields().compensation;
  const outcome = (viewerRole: string) => ({
    record: {
      code: 'MEDHOLD',
      decidedAt: '2026-01-01T10:00:00.000Z',
      compensation: { amount: 744_000, currency: 'NOK' },
    },
    labels: {},
    viewerRole,
  });
  const resolve = (viewerRole: string) =>
    compensation?.resolve?.(outcome(viewerRole), {}, { principal: null, lang: 'da' }, {} as never);

  it.each(['PARTY', 'LAWYER', 'PROXY', 'BEREAVED'])('are shown to the %s', (role) => {
    expect(resolve(role)).toEqual({ amount: 744_000, currency: 'NOK' });
  });

  it.each(['GUARDIAN', 'CUSTODY_HOLDER'])('are refused to a %s with FORBIDDEN', (role) => {
    expect(() => resolve(role)).toThrowError(
      'Du har ikke adgang til denne oplysning her (Outcome.compensation).',
    );
  });
});
