/**
 * The viewer's cases across agencies as one connection. Each agency's list is fetched in parallel; an
 * agency that fails costs only its own part, reported in `agencyStatuses`. The merged list is sorted and
 * paged on the agencies' search results, and only the cases on the page are fetched in full (batched).
 */
import { eligibility, viewerRole } from '../access/policy.js';
import type { AgencyAdapter, CaseRef } from '../agencies/port.js';
import { loadersFor, type AuthenticatedContext } from '../context.js';
import { graphError, UpstreamError } from '../errors.js';
import type { ViewerRole } from '../generated/graphql.js';
import { compareKeys, decodeCursor, encodeCursor } from './cursor.js';
import { globalCaseId } from './get.js';
import type { AgencyStatusView, CaseConnectionView, CaseEdgeView } from './views.js';

export interface ListArgs {
  filter?: { agencies?: readonly string[] | null; roles?: readonly ViewerRole[] | null } | null;
  first?: number | null;
  after?: string | null;
}

interface Listed {
  id: string;
  updatedAt: string;
  adapter: AgencyAdapter;
  ref: CaseRef;
}

function failureReason(error: unknown, context: AuthenticatedContext, agency: string): string {
  if (error instanceof UpstreamError) {
    context.log.warn({ agency, failure: error.failure, err: error.message }, 'agency did not answer');
    return error.reason;
  }
  context.log.error({ agency, err: error }, 'agency adapter failed unexpectedly');
  return 'UPSTREAM_ERROR';
}

export async function listCases(context: AuthenticatedContext, args: ListArgs): Promise<CaseConnectionView> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > context.maxPageSize) {
    throw graphError('BAD_USER_INPUT', `first must be between 1 and ${context.maxPageSize}.`, {
      argument: 'first',
    });
  }
  const after = args.after ? decodeCursor(args.after) : null;
  const wanted = args.filter?.agencies ? new Set(args.filter.agencies) : null;
  const roles = args.filter?.roles ? new Set<string>(args.filter.roles) : null;
  const asOf = new Date().toISOString();
  const statuses = new Map<string, AgencyStatusView>();
  const adapters = context.registry.adapters.filter((a) => !wanted || wanted.has(a.definition.code));

  const lists = await Promise.all(
    adapters.map(async (adapter): Promise<Listed[]> => {
      const agency = adapter.definition;
      const allowed = eligibility(context.principal, agency);
      if (!allowed.eligible) {
        statuses.set(agency.code, { agency, status: 'NOT_ELIGIBLE', reason: allowed.reason, asOf });
        return [];
      }
      try {
        const refs = await loadersFor(context, agency.code).caseRefs();
        statuses.set(agency.code, { agency, status: 'OK', reason: null, asOf });
        return refs.map((ref) => ({
          id: globalCaseId(agency.code, ref.caseNumber),
          updatedAt: ref.updatedAt,
          adapter,
          ref,
        }));
      } catch (error) {
        statuses.set(agency.code, {
          agency,
          status: 'UNAVAILABLE',
          reason: failureReason(error, context, agency.code),
          asOf,
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

  const loaded = await Promise.all(
    page.map(async (listed): Promise<CaseEdgeView | null> => {
      const code = listed.adapter.definition.code;
      try {
        const record = await loadersFor(context, code).cases.load(listed.ref.caseNumber);
        const role = record && viewerRole(context.principal, record);
        if (!record || !role) return null;
        return {
          cursor: encodeCursor(listed),
          node: { record, role, definition: listed.adapter.definition },
        };
      } catch (error) {
        const agency = listed.adapter.definition;
        if (statuses.get(code)?.status === 'OK') {
          statuses.set(code, {
            agency,
            status: 'UNAVAILABLE',
            reason: failureReason(error, context, code),
            asOf,
          });
        }
        return null;
      }
    }),
  );

  const available = (l: Listed) => statuses.get(l.adapter.definition.code)?.status === 'OK';
  return {
    edges: loaded.filter((e): e is CaseEdgeView => e !== null),
    hasNextPage: remaining.length > first,
    hasPreviousPage: after !== null,
    totalCount: all.filter(available).length,
    agencyStatuses: adapters.flatMap((a) => statuses.get(a.definition.code) ?? []),
  };
}
