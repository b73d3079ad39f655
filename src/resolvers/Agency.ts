import type { AgencyDefinition } from '../agencies/kit/port.js';
import type { Context } from '../context.js';
import type { AgencyResolvers } from '../generated/graphql.js';

export const Agency: AgencyResolvers = {
  name: (agency, _args, context) => agency.name[context.lang],
};

/** The agency a record names by code (consents, notifications, events: only agencies we know write them). */
export function agencyOf(code: string, context: Context): AgencyDefinition {
  const adapter = context.registry.get(code);
  if (!adapter) throw new Error(`a record of an unknown agency ${code}`);
  return adapter.definition;
}
