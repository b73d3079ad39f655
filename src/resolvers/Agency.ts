import type { AgencyResolvers } from '../generated/graphql.js';

export const Agency: AgencyResolvers = {
  name: (agency, _args, context) => agency.name[context.lang],
};
