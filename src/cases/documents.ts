/** A case's documents as the viewer may see them. */
import type { ViewerRequest } from '../access/viewer.js';
import { graphError } from '../errors.js';
import { COMMON_LABELS } from '../i18n.js';
import { say } from '../messages.js';
import { appealDeadlineLabel, caseAppeal } from './appeal.js';
import { auditCaseAccess } from './audit.js';
import type { CaseView, DeadlineView, DocumentView } from './views.js';

/**
 * Newest first; the policy removes internal notes, and others' documents where the scope is the viewer's own.
 * The capability check repeats the field rule on purpose: this is the last step before agency data.
 */
export async function visibleCaseDocuments(context: ViewerRequest, view: CaseView): Promise<DocumentView[]> {
  if (!context.viewer.mayOn('case:seeDocuments', view))
    throw graphError('FORBIDDEN', say(context.lang, 'DOCUMENTS_FORBIDDEN'));
  const loaders = context.viewer.loaders(view.definition.code);
  const records = (await loaders.documents.load(view.record.caseNumber)) ?? [];
  loaders.keepDocuments(view.record.caseNumber);
  return context.viewer
    .visibleDocuments(records, view)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))
    .map((record) => ({ record, view }));
}

/** The viewer reads a case's document list: audited. (A refusal is audited where @access refuses it.) */
export async function caseDocuments(context: ViewerRequest, view: CaseView): Promise<DocumentView[]> {
  const documents = await visibleCaseDocuments(context, view);
  auditCaseAccess(context.viewer, view, 'READ_DOCUMENT_LIST');
  return documents;
}

/** Deadlines that have not passed: to comment on a document, and to appeal the decision while one is open. */
export async function caseDeadlines(context: ViewerRequest, view: CaseView): Promise<DeadlineView[]> {
  const today = context.viewer.now.toISOString().slice(0, 10);
  const documents = await visibleCaseDocuments(context, view);
  const comments: DeadlineView[] = documents
    .filter((d) => d.record.commentDeadline && d.record.commentDeadline >= today)
    .map((d) => ({
      kind: 'COMMENT',
      dueAt: d.record.commentDeadline ?? today,
      label: COMMON_LABELS.commentDeadline[context.lang],
      document: d,
    }));
  const appeal = caseAppeal(view, today);
  const appeals: DeadlineView[] =
    appeal?.state === 'OPEN' && appeal.deadline
      ? [
          {
            kind: 'APPEAL',
            dueAt: appeal.deadline,
            label: appealDeadlineLabel(appeal, context.lang),
            document: null,
          },
        ]
      : [];
  return [...comments, ...appeals].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
