import { changeConsent } from '../../consent/mutations.js';
import { requireViewer } from '../../context.js';
import type { MutationResolvers } from '../../generated/graphql.js';

export const withdrawConsent: MutationResolvers['withdrawConsent'] = (_parent, { input }, context) =>
  changeConsent(requireViewer(context), input.agency, { give: false });
