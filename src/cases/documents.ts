/** A case's documents as the viewer may see them, in the graph's shape and the viewer's language. */
import { visibleDocuments } from '../access/policy.js';
import type { DocumentRecord } from '../agencies/port.js';
import { loadersFor, type AuthenticatedContext } from '../context.js';
import { graphError } from '../errors.js';
import { auditCaseAccess } from './audit.js';
import type { Deadline, Document } from '../generated/graphql.js';
import { COMMON_LABELS, type Lang } from '../i18n.js';
import type { CaseView } from './views.js';

function toDocument(agency: string, record: DocumentRecord, lang: Lang): Document {
  const direction = record.direction === 'INCOMING' ? 'INCOMING' : 'OUTGOING';
  return {
    id: `${agency}:${record.id}`,
    title: record.title,
    direction,
    directionLabel: COMMON_LABELS.direction[direction][lang],
    date: record.date,
    contentType: record.contentType,
    sizeBytes: record.sizeBytes,
    commentDeadline: record.commentDeadline,
  };
}

const forbidden = () => graphError('FORBIDDEN', 'You may not see the documents of this case.');

/**
 * Newest first; the policy removes internal notes, and others' documents where the scope is the viewer's own.
 * The capability check repeats the field rule on purpose: this is the last step before agency data.
 */
async function visibleCaseDocuments(context: AuthenticatedContext, view: CaseView): Promise<Document[]> {
  if (!view.decision.capabilities.seeDocuments) throw forbidden();
  const records =
    (await loadersFor(context, view.definition.code).documents.load(view.record.caseNumber)) ?? [];
  return visibleDocuments(records, view.decision.documentScope, context.principal)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))
    .map((r) => toDocument(view.definition.code, r, context.lang));
}

/** The viewer reads a case's document list: audited. (A refusal is audited where @access refuses it.) */
export async function caseDocuments(context: AuthenticatedContext, view: CaseView): Promise<Document[]> {
  const documents = await visibleCaseDocuments(context, view);
  auditCaseAccess(context, view, 'READ_DOCUMENT_LIST');
  return documents;
}

/** Comment deadlines that have not passed. */
export async function caseDeadlines(context: AuthenticatedContext, view: CaseView): Promise<Deadline[]> {
  const today = context.now.toISOString().slice(0, 10);
  const documents = await visibleCaseDocuments(context, view);
  return documents
    .filter((d) => d.commentDeadline && d.commentDeadline >= today)
    .map((d) => ({
      kind: 'COMMENT' as const,
      dueAt: d.commentDeadline ?? today,
      label: COMMON_LABELS.commentDeadline[context.lang],
      document: d,
    }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
