import { loadCase } from '../../cases/get.js';
import { requireViewer } from '../../context.js';
import { notFound } from '../../errors.js';
import type { QueryResolvers } from '../../generated/graphql.js';
import { orUpstreamError } from '../upstream.js';

export const caseById: QueryResolvers['case'] = async (_parent, { id }, context) => {
  const view = await orUpstreamError(context, loadCase(requireViewer(context), id, { explicit: true }));
  if (!view) throw notFound(context.lang);
  return view;
};
