import { globalCaseId } from '../cases/ids.js';
import { globalDocumentId } from '../cases/ids.js';
import { requireViewer } from '../context.js';
import type { DocumentResolvers } from '../generated/graphql.js';
import { COMMON_LABELS } from '../i18n.js';

const direction = (d: 'INCOMING' | 'OUTGOING' | 'INTERNAL') => (d === 'INCOMING' ? 'INCOMING' : 'OUTGOING');

export const Document: DocumentResolvers = {
  id: ({ record, view }) => globalDocumentId(view.definition.code, record.id),
  title: ({ record }) => record.title,
  direction: ({ record }) => direction(record.direction),
  directionLabel: ({ record }, _args, { lang }) => COMMON_LABELS.direction[direction(record.direction)][lang],
  date: ({ record }) => record.date,
  contentType: ({ record }) => record.contentType,
  sizeBytes: ({ record }) => record.sizeBytes,
  commentDeadline: ({ record }) => record.commentDeadline,
  digitalMailbox: ({ record }) => record.digitalMailbox,
  sentByViewer: ({ record }, _args, context) =>
    record.direction === 'INCOMING' &&
    record.counterpartyId === requireViewer(context).viewer.principal.nationalId,
  read: async ({ record, view }, _args, context) =>
    (await requireViewer(context).viewer.readDocuments()).has(
      globalDocumentId(view.definition.code, record.id),
    ),
  downloadUrl: ({ record, view }, _args, context) =>
    context.links.url(requireViewer(context).viewer.principal, {
      caseId: globalCaseId(view.definition.code, view.record.caseNumber),
      documentId: globalDocumentId(view.definition.code, record.id),
    }),
};
