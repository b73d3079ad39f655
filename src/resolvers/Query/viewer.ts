import { requireViewer } from '../../context.js';
import type { QueryResolvers } from '../../generated/graphql.js';

export const viewer: QueryResolvers['viewer'] = (_parent, _args, context) =>
  requireViewer(context).viewer.principal;
