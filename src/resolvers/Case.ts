import { appealBody, caseAppeal, caseTimeline } from '../cases/appeal.js';
import { caseDeadlines, caseDocuments, visibleCaseDocuments } from '../cases/documents.js';
import { globalDocumentId } from '../cases/ids.js';
import { loadCase } from '../cases/get.js';
import { globalCaseId } from '../cases/ids.js';
import type { CaseView } from '../cases/views.js';
import { requireViewer, type Context } from '../context.js';
import { graphError } from '../errors.js';
import type { CaseResolvers } from '../generated/graphql.js';
import { COMMON_LABELS, type Labels, type Lang } from '../i18n.js';
import { say } from '../messages.js';
import { orUpstreamError } from './upstream.js';

function label(table: Readonly<Record<string, Labels>>, code: string, lang: Lang): string {
  return table[code]?.[lang] ?? code;
}

/** The request's day, by which deadlines have passed or not. */
function today(context: Context): string {
  return requireViewer(context).viewer.now.toISOString().slice(0, 10);
}

export const Case: CaseResolvers = {
  id: ({ record }) => globalCaseId(record.agency, record.caseNumber),
  agency: ({ definition }) => definition,
  caseNumber: ({ record }) => record.caseNumber,
  caseType: ({ record, definition }, _args, { lang }) => ({
    code: record.caseType,
    label: label(definition.labels.caseTypes, record.caseType, lang),
  }),
  title: ({ record }) => record.title,
  status: ({ record }) => record.status,
  statusLabel: ({ record }, _args, { lang }) => COMMON_LABELS.status[record.status][lang],
  agencyStatus: ({ record }) => record.agencyStatus,
  firstInstance: ({ record }) => record.firstInstance,
  createdAt: ({ record }) => record.createdAt,
  updatedAt: ({ record }) => record.updatedAt,
  closedAt: ({ record }) => record.closedAt,
  expectedDecisionAt: ({ record }) => record.expectedDecisionAt,
  timeline: (view, _args, context) => caseTimeline(view, today(context), context.lang),
  viewerRole: ({ decision }) => decision.role,
  viewerCan: ({ decision }) => decision.capabilities,
  viewerAccess: ({ decision }, _args, { lang }) => ({
    status: decision.closure ? 'CLOSED' : 'OPEN',
    reason: decision.closure,
    message: decision.closure && COMMON_LABELS.closure[decision.closure][lang],
  }),
  participants: ({ record, decision }, _args, context) => {
    const viewer = requireViewer(context).viewer.principal.nationalId;
    return record.participants.map((p) => ({
      record: p,
      viewerRole: decision.role,
      isViewer: p.nationalId === viewer,
    }));
  },
  documents: async (view, { first }, context) => {
    const documents = await orUpstreamError(context, caseDocuments(requireViewer(context), view));
    return typeof first === 'number' ? documents.slice(0, Math.max(0, first)) : documents;
  },
  unreadDocumentCount: async (view, _args, context) => {
    const signedIn = requireViewer(context);
    const [documents, read] = await Promise.all([
      orUpstreamError(signedIn, visibleCaseDocuments(signedIn, view)),
      signedIn.viewer.readDocuments(),
    ]);
    return documents.filter(
      (d) =>
        d.record.direction === 'OUTGOING' && !read.has(globalDocumentId(view.definition.code, d.record.id)),
    ).length;
  },
  caseFileUrl: (view, { documentIds }, context) => {
    if (documentIds && (documentIds.length === 0 || documentIds.length > 100)) {
      throw graphError('BAD_USER_INPUT', say(context.lang, 'CASE_FILE_SIZE'), {
        argument: 'documentIds',
      });
    }
    return context.links.caseFileUrl(requireViewer(context).viewer.principal, {
      caseId: globalCaseId(view.definition.code, view.record.caseNumber),
      documentIds: documentIds ? [...new Set(documentIds)] : null,
    });
  },
  submissions: ({ record, definition }, _args, context) =>
    context.submissions.records.forCase(
      requireViewer(context).viewer.principal,
      globalCaseId(definition.code, record.caseNumber),
    ),
  forms: async ({ record, definition }, _args, context) => {
    if (record.awaitingForms.length === 0) return [];
    const definitions = await orUpstreamError(
      context,
      requireViewer(context).viewer.loaders(definition.code).formCatalog(),
    );
    return record.awaitingForms.flatMap(({ formId, code }) => {
      const form = definitions.find((d) => d.code === code);
      return form
        ? [
            {
              formId,
              caseId: globalCaseId(definition.code, record.caseNumber),
              definition: form,
              labels: definition.labels.forms,
            },
          ]
        : [];
    });
  },
  deadlines: (view, _args, context) => orUpstreamError(context, caseDeadlines(requireViewer(context), view)),
  relatedCases: async ({ record, definition }, _args, context) => {
    const viewer = requireViewer(context);
    // A related case the viewer may not see, or whose agency is down, is simply left out.
    const linked = record.related.flatMap((link) => context.registry.linkedCase(definition.code, link) ?? []);
    const related = await Promise.all(
      linked.map(({ agency, caseNumber }) =>
        loadCase(viewer, globalCaseId(agency, caseNumber), { explicit: false }).catch(() => null),
      ),
    );
    return related.filter((c): c is CaseView => c !== null);
  },
  appeal: (view, _args, context) => {
    const appeal = caseAppeal(view, today(context));
    return (
      appeal && {
        possible: appeal.state === 'OPEN',
        state: appeal.state,
        deadline: appeal.deadline,
        body: appealBody(appeal, context.lang),
        howTo: appeal.route.howTo[context.lang],
        decidedOn: appeal.decidedOn,
      }
    );
  },
  outcome: ({ record, definition, decision }) =>
    record.outcome && {
      record: record.outcome,
      labels: definition.labels.outcomes,
      viewerRole: decision.role,
    },
};
