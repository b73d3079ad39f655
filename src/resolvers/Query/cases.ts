import { listCases } from '../../cases/list.js';
import { requireViewer } from '../../context.js';
import type { QueryResolvers } from '../../generated/graphql.js';

export const cases: QueryResolvers['cases'] = (_parent, args, context) =>
  listCases(requireViewer(context), args);
