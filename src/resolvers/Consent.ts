import type { ConsentResolvers } from '../generated/graphql.js';

export const Consent: ConsentResolvers = {
  agency: ({ agency }, _args, context) => {
    const adapter = context.registry.get(agency);
    if (!adapter) throw new Error(`consent for an unknown agency ${agency}`);
    return adapter.definition;
  },
};
