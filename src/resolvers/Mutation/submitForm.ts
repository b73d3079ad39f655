import { requireViewer } from '../../context.js';
import { submitForm as submit } from '../../forms/submit.js';
import type { MutationResolvers } from '../../generated/graphql.js';

export const submitForm: MutationResolvers['submitForm'] = (_parent, { input }, context) =>
  submit(requireViewer(context), input);
