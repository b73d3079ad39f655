import { createClient, type SubscribePayload } from 'graphql-ws';
import { persistedQueryHash } from '../client.js';
import { CaseEventsDocument } from '../generated/graphql.js';

/**
 * graphql-ws over a WebSocket to /graphql (what Apollo Sandbox and GraphQLWsLink use). In a browser the
 * session cookie goes along and the page's origin must be the gateway's or a portal's; elsewhere, a bearer
 * token goes in the connection parameters. `url` is ws(s)://…/graphql.
 */
export function createLiveClient(url: string, init: { token?: string; webSocketImpl?: unknown } = {}) {
  return createClient({
    url,
    connectionParams: init.token ? { authorization: `Bearer ${init.token}` } : undefined,
    webSocketImpl: init.webSocketImpl,
  });
}

/** The registered `caseEvents` subscription, by its id (the only form the safelist lets through). */
export const caseEventsById: SubscribePayload = {
  query: '',
  extensions: { persistedQuery: { version: 1, sha256Hash: persistedQueryHash(CaseEventsDocument) } },
};
