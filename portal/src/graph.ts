/** The portal's one Apollo Client: the client kit's recipe, asking in the language the person chose. */
import { CombinedGraphQLErrors, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { createApolloClient } from '../../operations/recipes/apollo-client.js';
import { NotificationsDocument } from '../../operations/generated/graphql.js';
import { text, type Lang } from './texts.js';

declare global {
  interface Window {
    /** Set by /config.js, which each deployment writes: one build serves every environment. */
    portalConfig?: { graphUrl?: string };
  }
}

/** Where the gateway is: its own origin, beside the portal's (same site, so the session cookie goes along). */
export const GRAPH_URL: string = window.portalConfig?.graphUrl ?? 'http://localhost:4000';

export function createPortalClient(lang: () => Lang) {
  return createApolloClient(`${GRAPH_URL}/graphql`, {
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('accept-language', lang());
      return fetch(input, { ...init, headers });
    },
  });
}

/** Where a login starts, and comes back to this page of the portal afterwards. */
export function loginUrl(idp: 'idporten' | 'mitid'): string {
  return `${GRAPH_URL}/auth/login?idp=${idp}&returnTo=${encodeURIComponent(window.location.href)}`;
}

/** Where a logout is posted; afterwards (here and at the provider) the person lands on the portal's front page. */
export function logoutUrl(): string {
  return `${GRAPH_URL}/auth/logout?returnTo=${encodeURIComponent(`${window.location.origin}/`)}`;
}

/**
 * A query as the pages use it: partial answers count (errorPolicy all), and when asking again fails (the
 * network went away), the page keeps showing what it had — `stale` says so — instead of losing it.
 */
export function usePageQuery<TData, TVariables extends OperationVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  options: { variables?: TVariables; fetchPolicy?: 'cache-first' | 'cache-and-network' } = {},
) {
  const result = useQuery(query, { ...options, errorPolicy: 'all' } as useQuery.Options<TData, TVariables>);
  const answers = lastAnswers.get(query) ?? lastAnswers.set(query, new Map()).get(query)!;
  const key = JSON.stringify(options.variables ?? {});
  const answered = result.data;
  if (answered) answers.set(key, answered);
  const unreachable = result.error !== undefined && !CombinedGraphQLErrors.is(result.error);
  // A failed network answer leaves no data in the result: show the last answer this page had, if any.
  const data = answered ?? (unreachable ? (answers.get(key) as TData | undefined) : undefined);
  return { ...result, data, stale: unreachable && data !== undefined };
}

/** The last answer to each page's query (by its variables), for showing while the graph cannot be reached. */
const lastAnswers = new WeakMap<object, Map<string, unknown>>();

/** What to tell the person about a failed answer: the graph's own words, else that something went wrong. */
export function errorText(error: unknown, lang: Lang): string {
  const message = CombinedGraphQLErrors.is(error) ? error.errors[0]?.message : undefined;
  return message ?? text(lang, 'somethingWrong');
}

/** The error code of an answer's error, if it has one (UNAUTHENTICATED, NOT_FOUND, …). */
export function errorCode(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** The inbox, which the notifications page and the menu's unread count share (one query, one cache entry). */
export const INBOX = { query: NotificationsDocument, variables: { first: 50 } } as const;
