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
  notifications: async (principal, { first }, context) => {
    const view = await requireViewer(context).inbox.view(principal.nationalId);
    return { ...view, items: view.items.slice(0, Math.max(0, Math.min(first ?? 20, context.maxPageSize))) };
  },
};
