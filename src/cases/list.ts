/**
 * The viewer's cases across agencies as one connection. Each agency's list is fetched in parallel; an
 * agency that fails costs only its own part, reported in `agencyStatuses`. The merged list is sorted and
 * paged on the agencies' search results, and only the cases on the page are fetched in full (batched).
 */
import type { AgencyAdmission } from '../access/person.js';
import type { AgencyAdapter, CaseRef, ParticipantRole } from '../agencies/kit/port.js';
import type { ViewerRequest } from '../access/viewer.js';
import { graphError, UpstreamError } from '../errors.js';
import { say } from '../messages.js';
import { auditCaseAccess } from './audit.js';
import { compareKeys, decodeCursor, encodeCursor } from './cursor.js';
import { globalCaseId } from './ids.js';
import type { AgencyStatusView, CaseConnectionView, CaseEdgeView } from './views.js';

export interface ListArgs {
  filter?: { agencies?: readonly string[] | null; roles?: readonly ParticipantRole[] | null } | null;
  first?: number | null;
  after?: string | null;
}

interface Listed {
  id: string;
  updatedAt: string;
  adapter: AgencyAdapter;
  ref: CaseRef;
  /** The agency's admission that listed it. */
  admission: AgencyAdmission;
}

function failureReason(error: unknown, context: ViewerRequest, agency: string): string {
  if (error instanceof UpstreamError) {
    context.log.warn({ agency, failure: error.failure, err: error.message }, 'agency did not answer');
    return error.reason;
  }
  context.log.error({ agency, err: error }, 'agency adapter failed unexpectedly');
  return 'UPSTREAM_ERROR';
}

/**
 * The listings get this share of the request's remaining budget: the merged page needs every agency's list,
 * so an agency that is slow to list must not leave the others no time to fetch their cases.
 */
const LISTING_SHARE = 0.6;

export async function listCases(
  context: ViewerRequest,
  args: ListArgs,
  /** Whether the query reads the documents of the cases on the page. */
  options: { withDocuments: boolean } = { withDocuments: false },
): Promise<CaseConnectionView> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > context.maxPageSize) {
    throw graphError('BAD_USER_INPUT', say(context.lang, 'PAGE_SIZE', { max: context.maxPageSize }), {
      argument: 'first',
    });
  }
  const after = args.after ? decodeCursor(args.after, context.lang) : null;
  const wanted = args.filter?.agencies ? new Set(args.filter.agencies) : null;
  const roles = args.filter?.roles ? new Set<string>(args.filter.roles) : null;
  const asOf = new Date().toISOString();
  const statuses = new Map<string, AgencyStatusView>();
  const adapters = context.registry.adapters.filter((a) => !wanted || wanted.has(a.definition.code));
  const listingBudgetMs = (context.deadlineAt - Date.now()) * LISTING_SHARE;

  const lists = await Promise.all(
    adapters.map(async (adapter): Promise<Listed[]> => {
      const agency = adapter.definition;
      const status = (view: Omit<AgencyStatusView, 'agency' | 'asOf'>) =>
        statuses.set(agency.code, { agency, asOf, ...view });
      try {
        // Before the login and consent allow it, nothing of the agency is fetched.
        const admission = await context.viewer.admissionTo(agency, listingBudgetMs);
        if (admission.refused) {
          status({
            status: admission.refused === 'CONSENT_REQUIRED' ? 'CONSENT_REQUIRED' : 'NOT_ELIGIBLE',
            reason: admission.refused,
            requiredAssurance: admission.requiredAssurance,
          });
          return [];
        }
        status({ status: 'OK', reason: null, requiredAssurance: null });
        return admission.cases.map((ref) => ({
          id: globalCaseId(agency.code, ref.caseNumber),
          updatedAt: ref.updatedAt,
          adapter,
          ref,
          admission,
        }));
      } catch (error) {
        status({
          status: 'UNAVAILABLE',
          reason: failureReason(error, context, agency.code),
          requiredAssurance: null,
        });
        return [];
      }
    }),
  );

  const all = lists.flat().filter((l) => !roles || roles.has(l.ref.role));
  all.sort(compareKeys);
  const start = after ? all.findIndex((l) => compareKeys(l, after) > 0) : 0;
  const remaining = start < 0 ? [] : all.slice(start);
  const page = remaining.slice(0, first);

  // A case the search already shows open to the viewer, documents and all, has its document list asked for
  // in the same round as its record (the loaders batch both); any other's waits for the case to decide.
  if (options.withDocuments)
    for (const listed of page)
      if (context.viewer.seesDocumentsOfListed(listed.adapter.definition, listed.ref))
        context.viewer
          .loaders(listed.adapter.definition.code)
          .documents.load(listed.ref.caseNumber)
          // Its failure is the document field's to report, when the field asks.
          .catch(() => undefined);

  const loaded = await Promise.all(
    page.map(async (listed): Promise<CaseEdgeView | null> => {
      const definition = listed.adapter.definition;
      try {
        const access = await context.viewer.case(definition, listed.ref.caseNumber, listed.admission);
        if (!('decision' in access)) return null;
        return {
          cursor: encodeCursor(listed),
          node: { record: access.record, definition, decision: access.decision },
        };
      } catch (error) {
        if (statuses.get(definition.code)?.status === 'OK') {
          const reason = failureReason(error, context, definition.code);
          statuses.set(definition.code, {
            agency: definition,
            status: 'UNAVAILABLE',
            reason,
            requiredAssurance: null,
            asOf,
          });
        }
        return null;
      }
    }),
  );

  const edges = loaded.filter((e): e is CaseEdgeView => e !== null);
  for (const edge of edges) auditCaseAccess(context.viewer, edge.node, 'READ_CASE');

  // An agency that answered only from the safety net is STALE, as old as its oldest answer used.
  for (const adapter of adapters) {
    const entry = statuses.get(adapter.definition.code);
    const stale = entry?.status === 'OK' ? context.viewer.loaders(adapter.definition.code).stale() : null;
    if (entry && stale)
      statuses.set(adapter.definition.code, {
        ...entry,
        status: 'STALE',
        reason: stale.reason,
        asOf: stale.asOf,
      });
  }
  const available = (l: Listed) =>
    ['OK', 'STALE'].includes(statuses.get(l.adapter.definition.code)?.status ?? '');
  return {
    edges,
    hasNextPage: remaining.length > first,
    hasPreviousPage: after !== null,
    totalCount: all.filter(available).length,
    agencyStatuses: adapters.flatMap((a) => statuses.get(a.definition.code) ?? []),
  };
}
