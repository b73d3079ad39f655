import type { CaseConnectionResolvers } from '../generated/graphql.js';

export const CaseConnection: CaseConnectionResolvers = {
  nodes: (connection) => connection.edges.map((e) => e.node),
  pageInfo: (connection) => ({
    hasNextPage: connection.hasNextPage,
    hasPreviousPage: connection.hasPreviousPage,
    startCursor: connection.edges[0]?.cursor ?? null,
    endCursor: connection.edges[connection.edges.length - 1]?.cursor ?? null,
  }),
};
