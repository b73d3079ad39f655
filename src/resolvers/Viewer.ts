import type { Assurance } from '../auth/principal.js';
import { requireViewer } from '../context.js';
import { agenciesShown } from '../notifications/shown.js';
import type { AssuranceLevel, ViewerResolvers } from '../generated/graphql.js';

export function assuranceLevel(assurance: Assurance): AssuranceLevel {
  return assurance === 'high' ? 'HIGH' : assurance === 'substantial' ? 'SUBSTANTIAL' : 'LOW';
}

export const Viewer: ViewerResolvers = {
  identityProvider: (principal) => (principal.provider === 'idporten' ? 'IDPORTEN' : 'MITID'),
  country: (principal) => principal.country,
  assuranceLevel: (principal) => assuranceLevel(principal.assurance),
  consents: async (_principal, _args, context) => [
    ...(await requireViewer(context).viewer.consents()).values(),
  ],
  notifications: async (principal, { first }, context) => {
    const signedIn = requireViewer(context);
    const view = await signedIn.inbox.view(principal.nationalId, await agenciesShown(signedIn));
    return { ...view, items: view.items.slice(0, Math.max(0, Math.min(first ?? 20, context.maxPageSize))) };
  },
};
