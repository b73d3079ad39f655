import { changeConsent } from '../../consent/mutations.js';
import { requireViewer } from '../../context.js';
import type { MutationResolvers } from '../../generated/graphql.js';

export const giveConsent: MutationResolvers['giveConsent'] = (_parent, { input }, context) =>
  changeConsent(requireViewer(context), input.agency, { give: true, notifications: input.notifications });
