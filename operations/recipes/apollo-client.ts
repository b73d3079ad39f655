import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { persistedQueryHash } from '../client.js';

/**
 * Apollo Client 4 for the graph: registered operations by the manifest's ids in one round trip, the session
 * cookie on every request, and `caseEvents` over the HttpLink's own multipart subscriptions. `uri` is the
 * gateway's /graphql; `init` is for scripts and tests (a bearer token, a fetch of their own).
 */
export function createApolloClient(
  uri: string,
  init: { headers?: Record<string, string>; fetch?: typeof fetch } = {},
) {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: new PersistedQueryLink({ generateHash: persistedQueryHash }).concat(
      new HttpLink({ uri, credentials: 'include', ...init }),
    ),
  });
}
