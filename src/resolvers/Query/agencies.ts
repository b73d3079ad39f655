import type { QueryResolvers } from '../../generated/graphql.js';

export const agencies: QueryResolvers['agencies'] = (_parent, _args, context) =>
  context.registry.adapters.map((a) => a.definition);
