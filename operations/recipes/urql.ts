import { cacheExchange, Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { persistedQueryHash } from '../client.js';

/**
 * urql 6 for the graph: every operation by the manifest's id (queries by GET; urql sends mutations and
 * subscriptions as text unless told), the session cookie, and `caseEvents` as an event stream on /graphql
 * (`fetchSubscriptions`). `url` is the gateway's /graphql.
 */
export function createUrqlClient(
  url: string,
  init: { headers?: Record<string, string>; fetch?: typeof fetch } = {},
) {
  return new Client({
    url,
    preferGetMethod: true,
    fetchSubscriptions: true,
    fetchOptions: { credentials: 'include', headers: init.headers },
    fetch: init.fetch,
    exchanges: [
      cacheExchange,
      persistedExchange({
        enableForMutation: true,
        enableForSubscriptions: true,
        generateHash: async (_query, document) => persistedQueryHash(document),
      }),
      fetchExchange,
    ],
  });
}
