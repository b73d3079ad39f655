import type { Assurance } from '../auth/principal.js';
import { accessLogOf, positionOf } from '../audit/access-log.js';
import { requireViewer } from '../context.js';
import { graphError } from '../errors.js';
import { say } from '../messages.js';
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
  accessLog: async (principal, { first, after, filter }, context) => {
    const signedIn = requireViewer(context);
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > context.maxPageSize)
      throw graphError('BAD_USER_INPUT', say(context.lang, 'PAGE_SIZE', { max: context.maxPageSize }), {
        argument: 'first',
      });
    if (after && !positionOf(after))
      throw graphError('BAD_USER_INPUT', say(context.lang, 'CURSOR_INVALID'), { argument: 'after' });
    return accessLogOf(signedIn.auditLog, principal.nationalId, {
      first: size,
      after,
      caseId: filter?.caseId,
      since: filter?.since,
      othersOnly: filter?.othersOnly,
    });
  },
};
