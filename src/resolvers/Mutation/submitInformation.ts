import { requireViewer } from '../../context.js';
import type { MutationResolvers } from '../../generated/graphql.js';
import { submitInformation as submit } from '../../submissions/submit.js';

export const submitInformation: MutationResolvers['submitInformation'] = (_parent, { input }, context) =>
  submit(requireViewer(context), input);
