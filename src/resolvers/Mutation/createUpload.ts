import { requireViewer } from '../../context.js';
import { createUpload as create } from '../../files/create-upload.js';
import type { MutationResolvers } from '../../generated/graphql.js';

export const createUpload: MutationResolvers['createUpload'] = (_parent, { input }, context) =>
  create(requireViewer(context), input);
