/** The portal's one Apollo Client: the client kit's recipe, asking in the language the person chose. */
import { CombinedGraphQLErrors } from '@apollo/client';
import { createApolloClient } from '../../operations/recipes/apollo-client.js';
import { NotificationsDocument } from '../../operations/generated/graphql.js';
import type { Lang } from './texts.js';

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

/** The error code of an answer's error, if it has one (UNAUTHENTICATED, NOT_FOUND, …). */
export function errorCode(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** The inbox, which the notifications page and the menu's unread count share (one query, one cache entry). */
export const INBOX = { query: NotificationsDocument, variables: { first: 50 } } as const;
