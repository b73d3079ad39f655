import { listCases } from '../../cases/list.js';
import { requireViewer } from '../../context.js';
import type { QueryResolvers } from '../../generated/graphql.js';
import { selectedAt } from '../../graphql/selection.js';

/** The fields of a Case that read its document list. */
const READ_DOCUMENTS = ['documents', 'unreadDocumentCount', 'deadlines'];

export const cases: QueryResolvers['cases'] = (_parent, args, context, info) => {
  const caseFields = new Set([...selectedAt(info, ['nodes']), ...selectedAt(info, ['edges', 'node'])]);
  return listCases(requireViewer(context), args, {
    withDocuments: READ_DOCUMENTS.some((field) => caseFields.has(field)),
  });
};
