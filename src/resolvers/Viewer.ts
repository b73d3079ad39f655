import type { ViewerResolvers } from '../generated/graphql.js';

export const Viewer: ViewerResolvers = {
  identityProvider: (principal) => (principal.provider === 'idporten' ? 'IDPORTEN' : 'MITID'),
  country: (principal) => principal.country,
  assuranceLevel: (principal) =>
    principal.assurance === 'high' ? 'HIGH' : principal.assurance === 'substantial' ? 'SUBSTANTIAL' : 'LOW',
};
