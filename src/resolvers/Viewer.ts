import type { Assurance } from '../auth/principal.js';
import { requireViewer } from '../context.js';
import type { AssuranceLevel, ViewerResolvers } from '../generated/graphql.js';

export function assuranceLevel(assurance: Assurance): AssuranceLevel {
  return assurance === 'high' ? 'HIGH' : assurance === 'substantial' ? 'SUBSTANTIAL' : 'LOW';
}

export const Viewer: ViewerResolvers = {
  identityProvider: (principal) => (principal.provider === 'idporten' ? 'IDPORTEN' : 'MITID'),
  country: (principal) => principal.country,
  assuranceLevel: (principal) => assuranceLevel(principal.assurance),
  consents: async (_principal, _args, context) => [...(await requireViewer(context).consents()).values()],
};
