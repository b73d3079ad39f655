import { ACCESS_LOG_LABELS, basisLabel, roleLabel } from '../audit/access-log.js';
import type { AccessLogConnectionResolvers, AccessLogEntryResolvers } from '../generated/graphql.js';

export const AccessLogConnection: AccessLogConnectionResolvers = {
  nodes: (page) => page.entries,
  pageInfo: (page) => ({
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: null,
    endCursor: page.endCursor,
  }),
};

export const AccessLogEntry: AccessLogEntryResolvers = {
  at: (entry) => entry.at,
  byViewer: (entry) => entry.byViewer,
  actorName: (entry) => entry.actorName,
  actorRole: (entry) => entry.actorRole,
  actorRoleLabel: (entry, _args, { lang }) => roleLabel(entry.actorRole, lang),
  identityProvider: (entry) => (entry.provider === 'idporten' ? 'IDPORTEN' : 'MITID'),
  action: (entry) => entry.action,
  actionLabel: (entry, _args, { lang }) => ACCESS_LOG_LABELS.action[entry.action][lang],
  basisLabel: (entry, _args, { lang }) => basisLabel(entry.basis, lang),
  caseId: (entry) => entry.caseId,
  object: (entry) => entry.object,
  outcome: (entry) => entry.outcome,
};
